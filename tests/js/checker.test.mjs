// The checker's rules under Node's own test runner, on the JSON the real data builds
// (CHECKER_JSON names it; `make test` writes it first).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { answerForDate, answerIndex, evaluate } from "../../docs/assets/checker-rules.js";

const data = JSON.parse(readFileSync(process.env.CHECKER_JSON, "utf8"));
const scenarios = JSON.parse(readFileSync(new URL("../checker_scenarios.json", import.meta.url)));
const index = answerIndex(data);
const rank = (tier) => data.order.indexOf(tier);
const signTier = (id) => index.get(id).sign && data.signs[index.get(id).sign].tier;

// A seeded generator, so a failing answer set can be replayed.
function generator(seed) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

test("the scenario table has at least 40 readers, each with known answers", () => {
  assert.ok(scenarios.length >= 40, `${scenarios.length} scenarios`);
  for (const scenario of scenarios) {
    for (const id of scenario.answers) assert.ok(index.has(id), `${scenario.reader}: ${id}`);
  }
});

for (const scenario of scenarios) {
  test(`scenario: ${scenario.reader}`, () => {
    const result = evaluate(data, new Set(scenario.answers));
    assert.equal(result.tier, scenario.tier);
    const top = result.causes.slice(0, 3).map((cause) => cause.id);
    for (const id of scenario.top3) assert.ok(top.includes(id), `${id} not in top 3: ${top}`);
  });
}

test("1,000 random answer sets keep the safety rules", () => {
  const ids = [...index.keys()];
  const random = generator(20261130);
  const mnd = data.causes.find((cause) => cause.id === "motor-neuron-disease");
  for (let n = 0; n < 1000; n++) {
    const chosen = new Set(ids.filter(() => random() < 0.08));
    const result = evaluate(data, chosen);
    const together = data.combined.filter((c) => c.when.every((id) => chosen.has(id)));
    const signs = [...chosen].filter(signTier);
    for (const c of together) assert.ok(rank(result.tier) <= rank(data.signs[c.sign].tier));
    // Never a lower tier than any chosen sign, and no reassurance once a sign is chosen.
    for (const id of signs) assert.ok(rank(result.tier) <= rank(signTier(id)), `${[...chosen]}`);
    if (signs.length || together.length) assert.equal(result.reassure, false);
    else assert.equal(result.tier, data.order.at(-1));
    // An emergency ends the check with nothing else to read.
    if (result.tier === data.order[0]) assert.deepEqual(result.causes, []);
    // A cause that needs a given answer is listed only with it; MND only with weakness,
    // wasting or slowly changing speech or swallowing, and then at least at the GP tier.
    for (const cause of result.causes) {
      if (cause.only_with.length) assert.ok(cause.only_with.some((id) => chosen.has(id)));
    }
    if (result.causes.some((cause) => cause.id === "motor-neuron-disease")) {
      assert.ok(mnd.only_with.some((id) => chosen.has(id)));
      assert.ok(rank(result.tier) <= rank("see_a_gp"));
    }
  }
});

test("MND is listed only for weakness, wasting or slowly changing speech or swallowing", () => {
  const mnd = data.causes.find((cause) => cause.id === "motor-neuron-disease");
  assert.deepEqual([...mnd.only_with].sort(), ["speech", "thinner", "weaker"]);
  for (const id of mnd.only_with) assert.equal(signTier(id), "see_a_gp");
  assert.ok(mnd.note, "MND comes with its 'this is unlikely' context");
});

test("a start date picks the answer for how long ago it was", () => {
  const since = data.steps.find((step) => step.since_date);
  const today = new Date("2026-11-30");
  const daysAgo = (days) => new Date(today - days * 86400000);
  assert.equal(answerForDate(since, daysAgo(3), today).id, "under-2-weeks");
  assert.equal(answerForDate(since, daysAgo(20), today).id, "2-weeks-to-2-months");
  assert.equal(answerForDate(since, daysAgo(200), today).id, "over-2-months");
});
