// The site's search under Node's own test runner, on the index the real data builds
// (SEARCH_INDEX names it; `make test` writes it first): the words readers type, typos, word
// forms, questions and the tool pages, and queries that must find nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { createSearch, distance } from "../../docs/assets/search-engine.js";

if (!process.env.SEARCH_INDEX) {
  throw new Error(
    "SEARCH_INDEX is not set: run make test, or set SEARCH_INDEX to a search/index.json that " +
      "python -m causepages generate wrote",
  );
}
const index = JSON.parse(readFileSync(process.env.SEARCH_INDEX, "utf8"));
const search = createSearch(index);
const found = (query) => search.search(query).results.map((result) => result.page.href);

// [query, the page that must come back, how high at most]
const READERS_WORDS = [
  // Quotes of every kind, ellipses and dashes are spaces.
  ["“calf”", "causes/night-cramps/", 3],
  ["\"calf\"", "causes/night-cramps/", 3],
  ["'calf'", "causes/night-cramps/", 3],
  ["calf…", "causes/night-cramps/", 3],
  ["calf—cramp", "causes/night-cramps/", 3],
  ["eye–twitch", "causes/eye-strain/", 3],
  // Questions are searched by their meaningful words.
  ["is it ALS?", "causes/motor-neuron-disease/", 1],
  ["why does my eye keep twitching", "causes/eye-strain/", 3],
  ["when should I worry about muscle twitching", "when-to-see-a-doctor/", 3],
  // Tool pages by name.
  ["quiz", "quiz/", 1],
  ["check your twitch", "check/", 1],
  ["checklist", "checklists/", 1],
  ["build my plan", "checklists/plan/", 1],
  // A typo in a longer word, a plural the pages do not use, brand names.
  ["magnseium", "causes/low-magnesium/", 1],
  ["caffiene", "causes/caffeine/", 1],
  ["twitching eyelids", "causes/eye-strain/", 3],
  ["leg cramps", "causes/night-cramps/", 3],
  ["ventolin", "causes/medicines/", 1],
  ["zoloft", "causes/medicines/", 1],
  // A word typed up to its apostrophe, and a word still being typed.
  ["can't sleep", "causes/tiredness-and-lack-of-sleep/", 3],
  ["caffe", "causes/caffeine/", 1],
];

for (const [query, page, rank] of READERS_WORDS) {
  test(`${JSON.stringify(query)} finds ${page} in the top ${rank}`, () => {
    const pages = found(query);
    assert.ok(pages.slice(0, rank).includes(page), `${query}: ${pages.slice(0, 5).join(", ")}`);
  });
}

test("a cause's title finds that cause first", () => {
  for (const page of index.pages.filter((p) => p.kind === "cause")) {
    assert.equal(found(page.title)[0], page.href, page.title);
  }
});

test("a hub never comes above the cause a keyword names", () => {
  for (const page of index.pages.filter((p) => p.kind === "cause")) {
    const pages = found(page.words[0]);
    const hub = pages.findIndex((href) => index.pages.find((p) => p.href === href).kind === "hub");
    assert.ok(hub === -1 || hub > pages.indexOf(page.href), `${page.words[0]}: ${pages}`);
  }
});

test("a misspelling after a stop word is still offered as the site spells it", () => {
  assert.equal(search.correction("what is hypokalemai"), "what is hypokalemia");
  assert.equal(search.correction("is it Magnseium?"), "is it magnesium?");
  // Found as if spelt right, too.
  assert.equal(found("what is hypokalemai")[0], "causes/low-potassium/");
  assert.equal(search.correction("caffeine"), null);
  assert.equal(search.correction("why is my eyelid twitching"), null);
});

test("queries that mean nothing find nothing, and nothing breaks", () => {
  for (const query of ["", "   ", "the", "is it", "why is my", "😀", "🙂🙂", "…", "“”"]) {
    assert.deepEqual(found(query), [], JSON.stringify(query));
  }
  const long = "twitch ".repeat(72).slice(0, 500);
  assert.ok(Array.isArray(found(long)));
  assert.ok(Array.isArray(found("a".repeat(500))));
});

test("a query of HTML is read as words, and passages are the index's own text", () => {
  for (const result of search.search("<img src=x onerror=alert(1)> calf").results) {
    assert.ok(!result.passage.includes("onerror"), result.passage);
    assert.ok(
      [result.page.summary, ...result.page.text].some((run) =>
        run.startsWith(result.passage.replace(/ …$/, "")),
      ),
    );
  }
});

test("a result's passage holds a word of the query", () => {
  const [first] = search.search("paralysis").results;
  assert.equal(first.page.href, "causes/low-potassium/");
  assert.match(first.passage, /paralysis/i);
  assert.ok(first.passage.length <= 162);
});

test("distance counts a swap of two letters as one change", () => {
  assert.equal(distance("calf", "claf"), 1);
  assert.equal(distance("cramp", "crmp"), 1);
  assert.equal(distance("cramp", "cramp"), 0);
});
