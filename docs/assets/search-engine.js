// The site's search: the pages of search/index.json in MiniSearch (BM25 ranking, prefix and
// fuzzy matching), with the settings of data/search.yaml that the build copied into the index.
// No page, no browser: search.js draws the results, and the tests and the benchmark run this
// module under Node on the same index.
//
// In:  the index ({settings, pages}) as the build wrote it.
// Out: createSearch(index) → { meaningful(query) → its words that are not stop words,
//      search(query) → {count, results: [{page, passage}] best first, the first 20},
//      correction(query) → the query with each unknown word replaced by the closest known one,
//      or null when every word is known }.

import MiniSearch from "./vendor/minisearch-7.2.0/index.js";
import { stemmer } from "./vendor/stemmer-2.0.1/index.js";

const FIELDS = ["title", "medical", "words", "areas", "summary", "headings", "text"];
// Fields whose words are offered by "Did you mean": the names of things, not their text.
const NAMING_FIELDS = ["title", "medical", "words", "areas"];
const PASSAGE = 160; // characters of a result's matching passage, at most
const SHOWN = 20; // results drawn: more than a reader reads, few enough to draw at once

// Letters only, without accents or apostrophes: "Café's" → "cafes".
const plain = (word) =>
  word.normalize("NFD").replace(/\p{M}/gu, "").replace(/['’‘`]/g, "").toLowerCase();

const fieldText = (page, field) => (Array.isArray(page[field]) ? page[field].join(" \n ") : page[field]);

// Letters to add, drop, change or swap to turn a into b (optimal string alignment distance).
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

// Markup typed or pasted into the box is not words: "<b>calf</b>" is "calf".
const withoutTags = (query) => query.replace(/<[^>]*>?/g, " ");

// Word endings off (Porter's stemmer), so "twitches" and "twitching" both find "twitch"; a word
// of 3 letters or fewer is kept whole, so "ALS" is not "al" (the start of "alcohol").
const stem = (word) => (word.length > 3 ? stemmer(word) : word);

export function createSearch({ settings, pages }) {
  const separator = new RegExp(settings.separator, "u");
  const stopWords = new Set(settings.stop_words);
  const words = (text) => text.split(separator).map(plain).filter(Boolean);
  // A query's words that mean something: not a stop word, not a single letter, not markup.
  const meaningful = (query) =>
    words(withoutTags(query)).filter((word) => word.length > 1 && !stopWords.has(word));

  // How many pages have each word: a word that most pages have ("twitch", "muscle") says
  // little of which page is meant, even where a page lists it among its own words.
  const pagesWith = new Map();
  for (const page of pages) {
    const terms = new Set(FIELDS.flatMap((field) => words(fieldText(page, field) || "")));
    for (const word of terms) {
      if (stopWords.has(word)) continue;
      const term = stem(word);
      pagesWith.set(term, (pagesWith.get(term) ?? 0) + 1);
    }
  }
  const rarity = (term) => {
    const share = (pagesWith.get(term) ?? 0) / pages.length;
    return share >= settings.common_words.share ? settings.common_words.weight : 1;
  };

  const engine = new MiniSearch({
    fields: FIELDS,
    extractField: fieldText,
    tokenize: (text) => text.split(separator),
    // Pages and queries alike: plain letters, stop words out, word endings off.
    processTerm: (term) => {
      const word = plain(term);
      return word && !stopWords.has(word) ? stem(word) : null;
    },
    searchOptions: {
      boost: settings.fields,
      boostDocument: (id) => settings.pages[pages[id].kind],
      combineWith: "OR",
      boostTerm: rarity,
      maxFuzzy: 2,
    },
  });
  engine.addAll(pages.map((page, id) => ({ ...page, id })));

  // Each word that names something on the site, by length, for "Did you mean".
  const known = new Set();
  for (const page of pages) {
    for (const field of NAMING_FIELDS) {
      for (const word of words(fieldText(page, field) || "")) if (word.length > 2) known.add(word);
    }
  }
  const byLength = [];
  for (const word of known) (byLength[word.length] ??= []).push(word);
  const corrected = new Map(); // each word looked up so far, and its correction or null

  // For each longer word the site never uses, the closest word it does use, if one is near.
  function correction(term) {
    if (term.length < settings.fuzzy_from || known.has(term) || pagesWith.has(stem(term))) {
      return null;
    }
    let best = null;
    let bestDistance = Math.max(1, Math.floor(term.length / 4)) + 1;
    for (let length = term.length - bestDistance + 1; length < term.length + bestDistance; length++) {
      for (const word of byLength[length] ?? []) {
        const d = distance(term, word);
        if (d < bestDistance) [best, bestDistance] = [word, d];
      }
    }
    return best;
  }

  function corrections(terms) {
    const closest = new Map();
    for (const term of terms) {
      if (!corrected.has(term)) corrected.set(term, correction(term));
      if (corrected.get(term)) closest.set(term, corrected.get(term));
    }
    return closest;
  }

  // The first run of the summary or text with a word the result matched (its terms are stems).
  function passage(page, terms) {
    const runs = [page.summary, ...page.text];
    const hit = (run) => words(run).some((word) => terms.includes(stem(word)));
    const run = runs.find(hit) ?? page.summary ?? "";
    if (run.length <= PASSAGE) return run;
    const cut = run.lastIndexOf(" ", PASSAGE);
    return `${run.slice(0, cut > 0 ? cut : PASSAGE)} …`;
  }

  return {
    meaningful,
    search(query) {
      const typed = meaningful(query);
      const closest = corrections(typed);
      const terms = typed.map((term) => closest.get(term) ?? term);
      // Each word with its own options, decided on the word as typed (its stem may be
      // shorter): a typo is allowed in a longer word; the last word may be unfinished.
      const queries = terms.map((word, i) => ({
        queries: [word],
        fuzzy: word.length >= settings.fuzzy_from ? 2 : false,
        prefix: i === terms.length - 1,
      }));
      const found = queries.length ? engine.search({ combineWith: "OR", queries }) : [];
      return {
        count: found.length,
        results: found.slice(0, SHOWN).map((result) => ({
          page: pages[result.id],
          passage: passage(pages[result.id], result.terms),
        })),
      };
    },
    correction(query) {
      // Each longer word the site never uses is replaced by the closest one it does; the
      // reader's other words stay as they typed them.
      const closest = corrections(meaningful(query));
      if (!closest.size) return null;
      const pieces = withoutTags(query).trim().split(new RegExp(`(${settings.separator})`, "u"));
      return pieces.map((piece) => closest.get(plain(piece)) ?? piece).join("");
    },
  };
}
