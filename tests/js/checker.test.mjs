// The checker's rules under Node's own test runner, on the JSON the real data builds
// (CHECKER_JSON names it; `make test` writes it first): the clinical test set, and properties
// that must hold for any answers, any order of steps and any time zone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  answerForDate,
  answerIndex,
  chosenIds,
  emptyState,
  evaluate,
  localToday,
  nextOpen,
  nextPlace,
  placeOf,
  resolve,
  seeAGpOn,
  shownAnswers,
} from "../../docs/assets/checker-rules.js";

if (!process.env.CHECKER_JSON) {
  throw new Error(
    "CHECKER_JSON is not set: run make test, or set CHECKER_JSON to a checker.json that " +
      "python -m causepages generate wrote",
  );
}
const data = JSON.parse(readFileSync(process.env.CHECKER_JSON, "utf8"));
const SCENARIOS = "tests/clinical_safety/scenarios.json";
const scenarios = JSON.parse(readFileSync(new URL(`../../${SCENARIOS}`, import.meta.url)));
const index = answerIndex(data);
const rank = (tier) => data.order.indexOf(tier);
const causeIds = new Set(data.causes.map((cause) => cause.id));
const safety = data.steps.map((step, i) => i).filter((i) => data.steps[i].required);
const urgentTiers = data.order.slice(0, 2);

// A seeded generator, so a failing answer set can be replayed.
function generator(seed) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

// Answers a reader gives step by step, as the page takes them: returns the state after each
// step and where the page went next.
function walk(answers, { skip = [] } = {}) {
  let state = emptyState();
  const visits = [];
  let place = resolve(data, state, 0);
  while (place !== "result") {
    const step = data.steps[place];
    const mine = shownAnswers(data, step, state).filter((a) => answers.has(a.id)).map((a) => a.id);
    const ids = step.one ? mine.slice(0, 1) : mine;
    state = structuredClone(state);
    if (ids.length) state.answers[step.id] = ids;
    else if (step.required || !skip.includes(step.id)) state.none.push(step.id);
    else state.skipped.push(step.id);
    state.shown[step.id] = shownAnswers(data, step, state).map((a) => a.id);
    const next = nextPlace(data, state, place);
    visits.push({ step: step.id, state, next });
    if (next === "result") {
      const found = evaluate(data, chosenIds(state));
      // The page shows the action, and the reader carries on from the next question.
      state.acknowledged = [...new Set([...state.acknowledged, ...found.signs])];
      place = nextOpen(data, state) ?? "result";
    } else {
      place = next;
    }
  }
  return { state, visits };
}

test(`the clinical test set (${SCENARIOS}) has at least 100 scenarios, each with known answers and pages`, () => {
  assert.ok(scenarios.length >= 100, `${scenarios.length} scenarios`);
  scenarios.forEach((scenario, n) => {
    for (const id of scenario.answers) {
      assert.ok(index.has(id), `${SCENARIOS}: scenario ${n} (${scenario.reader}): field 'answers': '${id}' is not an answer of the checker`);
    }
    for (const field of ["first", "top3", "never"]) {
      for (const id of scenario[field] || []) {
        assert.ok(causeIds.has(id), `${SCENARIOS}: scenario ${n}: field '${field}': '${id}' is not a page the checker lists`);
      }
    }
    assert.ok(data.order.includes(scenario.tier), `${SCENARIOS}: scenario ${n}: field 'tier'`);
  });
});

for (const scenario of scenarios) {
  test(`scenario: ${scenario.reader}`, () => {
    const { state } = walk(new Set(scenario.answers));
    const result = evaluate(data, chosenIds(state));
    assert.equal(result.tier, scenario.tier);
    const listed = result.causes.map((cause) => cause.id);
    const first = scenario.first || [];
    assert.deepEqual(new Set(listed.slice(0, first.length)), new Set(first), `listed: ${listed}`);
    for (const id of scenario.top3 || []) assert.ok(listed.slice(0, 3).includes(id), `${id} not in the top 3: ${listed}`);
    for (const id of scenario.never || []) assert.ok(!listed.includes(id), `${id} is listed: ${listed}`);
  });
}

test("2,000 random readers keep the safety rules", () => {
  const ids = [...index.keys()];
  const random = generator(20261203);
  for (let n = 0; n < 2000; n++) {
    const answers = new Set(ids.filter(() => random() < 0.06));
    const { state, visits } = walk(answers, { skip: data.steps.filter(() => random() < 0.3).map((s) => s.id) });
    const chosen = chosenIds(state);
    const result = evaluate(data, chosen);
    const replay = `answers: ${[...chosen]}`;
    // Never a lower tier than any chosen sign or any sign answers raise together.
    for (const id of chosen) {
      const sign = index.get(id).sign;
      if (sign) assert.ok(rank(result.tier) <= rank(data.signs[sign].tier), replay);
    }
    for (const raised of data.raised) {
      if (raised.when.every((any) => any.some((id) => chosen.has(id)))) {
        assert.ok(rank(result.tier) <= rank(data.signs[raised.sign].tier), replay);
      }
    }
    // No reassurance with any sign.
    if (result.signs.length) assert.equal(result.reassure, false, replay);
    else assert.equal(result.tier, data.order.at(-1), replay);
    // An urgent or emergency answer ends the questions at once.
    for (const visit of visits) {
      const found = evaluate(data, chosenIds(visit.state));
      const fresh = found.signs.filter((k) => urgentTiers.includes(data.signs[k].tier) && !visit.state.acknowledged.includes(k));
      if (fresh.length) assert.equal(visit.next, "result", `${replay}, at ${visit.step}`);
    }
    // An uncommon page never above an everyday one without 2 of its own answers.
    result.causes.forEach((cause, i) => {
      if (cause.commonness !== "uncommon" || cause.why.length >= 2) return;
      const below = result.causes.slice(i + 1).filter((other) => other.commonness === "everyday");
      const first = cause.first_for.some((id) => chosen.has(id));
      assert.ok(first || !below.length, `${cause.id} above ${below.map((c) => c.id)}; ${replay}`);
    });
    // A page that needs a given answer is listed only with it, never with an answer that rules
    // it out, and an uncommon one only at an age it is usual in.
    const age = [...chosen].filter((id) => data.causes.some((c) => c.ages.includes(id)));
    for (const cause of result.causes) {
      if (cause.only_with.length) assert.ok(cause.only_with.some((id) => chosen.has(id)), replay);
      assert.ok(!cause.never_with.some((id) => chosen.has(id)), replay);
      if (cause.commonness === "uncommon" && age.length) {
        assert.ok(age.some((id) => cause.ages.includes(id)), `${cause.id}; ${replay}`);
      }
    }
  }
});

test("no address reaches a step or the result past an unanswered safety question", () => {
  const random = generator(7);
  const hashes = ["", "#step-0", `#step-${data.steps.length + 1}`, "#step-999", "#result", "#nonsense", "#step-x"];
  for (let s = 1; s <= data.steps.length; s++) hashes.push(`#step-${s}`);
  for (let n = 0; n < 300; n++) {
    const state = emptyState();
    for (const i of safety) {
      if (random() < 0.5) {
        state.none.push(data.steps[i].id);
        state.shown[data.steps[i].id] = data.steps[i].answers.map((a) => a.id);
      }
    }
    const missing = safety.find((i) => !state.none.includes(data.steps[i].id));
    for (const hash of hashes) {
      const place = resolve(data, state, placeOf(data, hash));
      const wanted = placeOf(data, hash);
      const end = wanted === "result" ? data.steps.length : wanted;
      if (missing !== undefined && missing < end) assert.equal(place, missing, `${hash} with ${state.none}`);
      else assert.equal(place, wanted, hash);
    }
  }
  // A fresh tab: any deep link but a step before the safety questions lands on the first one.
  const fresh = emptyState();
  for (const hash of ["#step-0", `#step-${data.steps.length + 1}`, "#result", "#nonsense"]) {
    assert.equal(resolve(data, fresh, placeOf(data, hash)), safety[0], hash);
  }
});

test("before the safety questions are answered, the only result is an urgent or emergency action", () => {
  for (const i of safety) {
    for (const answer of data.steps[i].answers) {
      const state = emptyState();
      state.answers[data.steps[i].id] = [answer.id];
      state.shown[data.steps[i].id] = data.steps[i].answers.map((a) => a.id);
      assert.equal(resolve(data, state, "result"), "result", answer.id);
      assert.equal(evaluate(data, chosenIds(state)).reassure, false, answer.id);
    }
  }
  // A see-a-GP answer, or none, given before the safety questions: no result yet.
  for (const answer of data.steps.flatMap((step) => (step.required ? [] : step.answers))) {
    const state = emptyState();
    state.answers.x = [answer.id];
    const tier = evaluate(data, chosenIds(state)).tier;
    if (!urgentTiers.includes(tier)) assert.equal(resolve(data, state, "result"), safety[0], answer.id);
  }
});

test("a safety question is asked again when a later answer shows signs it did not show", () => {
  const ages = data.steps.find((step) => step.answers.some((a) => a.shows_signs_for));
  const child = ages.answers.find((a) => a.shows_signs_for?.includes("children"));
  const older = ages.answers.find((a) => !a.shows_signs_for);
  const state = emptyState();
  state.answers[ages.id] = [older.id];
  for (const i of safety) {
    state.none.push(data.steps[i].id);
    state.shown[data.steps[i].id] = shownAnswers(data, data.steps[i], state).map((a) => a.id);
  }
  assert.equal(resolve(data, state, "result"), "result");
  // The reader goes back and says the check is for a child: the children's signs must show.
  state.answers[ages.id] = [child.id];
  assert.equal(resolve(data, state, "result"), safety[0]);
});

test("skipping is not answering: a safety question cannot be skipped", () => {
  const state = emptyState();
  for (const i of safety) state.skipped.push(data.steps[i].id);
  assert.equal(resolve(data, state, "result"), safety[0]);
  assert.ok(safety.every((i) => data.steps[i].required && !data.steps[i].one));
});

test("the 2-week line falls on the same day in every time zone, and today is accepted", () => {
  const since = data.steps.find((step) => step.since_date);
  const saved = process.env.TZ;
  const zones = ["Etc/GMT+12", "Pacific/Pago_Pago", "America/Los_Angeles", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland", "Pacific/Kiritimati"];
  // Every hour of two days, in zones from UTC-12 to UTC+14.
  for (const zone of zones) {
    process.env.TZ = zone;
    for (let hour = 0; hour < 48; hour++) {
      const now = new Date(Date.UTC(2026, 11, 3, hour, 30));
      const today = localToday(now);
      const expected = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(now);
      assert.equal(today, expected, `${zone} at ${now.toISOString()}`);
      const ago = (days) => new Date(Date.parse(`${today}T12:00:00Z`) - days * 86400000).toISOString().slice(0, 10);
      assert.equal(answerForDate(since, today, today).id, "under-2-weeks", `${zone}: today`);
      assert.equal(answerForDate(since, ago(13), today).id, "under-2-weeks", zone);
      assert.equal(answerForDate(since, ago(14), today).id, "2-weeks-to-2-months", zone);
      assert.equal(answerForDate(since, ago(61), today).id, "2-weeks-to-2-months", zone);
      assert.equal(answerForDate(since, ago(62), today).id, "over-2-months", zone);
      assert.equal(answerForDate(since, ago(-1), today), null, `${zone}: tomorrow is refused`);
    }
  }
  process.env.TZ = saved;
  assert.equal(seeAGpOn("2026-12-03"), "2026-12-17");
  assert.equal(seeAGpOn("2026-12-25"), "2027-01-08");
});

test("every step where more than one answer can be chosen offers 'None of these'", () => {
  for (const step of data.steps) if (!step.one) assert.ok(step.none, step.id);
});

test("an urgent sign's own first call comes before the tier's action", () => {
  for (const [key, sign] of Object.entries(data.signs)) {
    if (!sign.route) continue;
    const result = evaluate(data, new Set([key]));
    assert.deepEqual(result.routes, [sign.route], key);
    assert.ok(sign.text.startsWith(sign.route), key);
  }
});

test("signs only for children show only when the check is for a child, or before an age is given", () => {
  const urgent = data.steps.find((step) => step.signs === undefined && step.required) || data.steps.find((s) => s.required);
  const child = data.steps.flatMap((s) => s.answers).find((a) => a.shows_signs_for?.includes("children"));
  const adult = data.steps.flatMap((s) => s.answers).find((a) => a.shows_signs_for && !a.shows_signs_for.includes("children"));
  const forChildren = (state) => data.steps.filter((s) => s.required).flatMap((s) => shownAnswers(data, s, state)).filter((a) => a.only_for === "children");
  assert.ok(urgent);
  assert.ok(forChildren(emptyState()).length > 0);
  const asChild = emptyState();
  asChild.answers.age = [child.id];
  assert.ok(forChildren(asChild).length > 0);
  const asAdult = emptyState();
  asAdult.answers.age = [adult.id];
  assert.equal(forChildren(asAdult).length, 0);
});
