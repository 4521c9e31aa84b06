// The rules of "Check your twitch", applied to the reader's answers. Every word and every rule
// comes from the JSON the build writes (check/checker.json); this file only applies them, so the
// checker can never disagree with the pages. Pure functions, tested under Node's test runner.
//
// The reader's answers are one state object: {answers: {stepId: [answer ids]}, none: [stepIds
// answered "None of these"], skipped: [stepIds], started: "YYYY-MM-DD" or "", acknowledged:
// [sign keys whose action was already shown], shown: {stepId: [answer ids on screen when it was
// answered]}}. Where the reader may go, and what the result
// is, are functions of that state alone, never of a step number typed into the address.

const DAY = 86400000;

export function emptyState() {
  return { answers: {}, none: [], skipped: [], started: "", acknowledged: [], shown: {} };
}

// The answer ids of every step, by id, so a sign or a reason can be found from an answer.
export function answerIndex(data) {
  const index = new Map();
  for (const step of data.steps) for (const answer of step.answers) index.set(answer.id, answer);
  return index;
}

export function chosenIds(state) {
  return new Set(Object.values(state.answers).flat());
}

// A step is answered by an answer or by "None of these"; a skipped step is not answered. A
// safety step counts as answered only if every sign it now shows was on screen when it was
// answered: a reader who changes the age to a child's must see the children's signs.
export function isAnswered(data, step, state) {
  const given = Boolean(state.answers[step.id]?.length) || state.none.includes(step.id);
  if (!given || !step.required) return given;
  const seen = new Set(state.shown?.[step.id] || []);
  return shownAnswers(data, step, state).every((answer) => seen.has(answer.id));
}

// The answers a step shows: a safety step leaves out signs only for children or pregnancy
// once the reader's age says they cannot apply. Before an age is given, every sign shows.
export function shownAnswers(data, step, state) {
  const chosen = chosenIds(state);
  const ages = data.steps.find((s) => s.answers.some((a) => a.shows_signs_for?.length));
  const age = ages?.answers.find((a) => chosen.has(a.id));
  return step.answers.filter(
    (answer) => !answer.only_for || !age || (age.shows_signs_for || []).includes(answer.only_for),
  );
}

// Where a reader who asks for `wanted` (a step's index, or "result") may go: the first safety
// step not yet answered that comes before it, or else where they asked. The one result shown
// before every safety question is answered is the action for an emergency or urgent answer
// already given: it must not wait, and it reassures no one.
export function resolve(data, state, wanted) {
  if (wanted === "result" && data.order.indexOf(evaluate(data, chosenIds(state)).tier) < 2) {
    return wanted;
  }
  const end = wanted === "result" ? data.steps.length : wanted;
  const missing = data.steps.findIndex(
    (step, index) => index < end && step.required && !isAnswered(data, step, state),
  );
  if (missing !== -1) return missing;
  return wanted;
}

// The place an address fragment asks for: "#step-N" (1 to the number of steps) or "#result".
// Anything else, #step-0 and past the last step included, asks for the result, which resolve()
// turns into the first unanswered safety step when there is one.
export function placeOf(data, hash) {
  const step = /^#step-(\d+)$/.exec(hash);
  if (step && Number(step[1]) >= 1 && Number(step[1]) <= data.steps.length) {
    return Number(step[1]) - 1;
  }
  return "result";
}

export function hashOf(place) {
  return place === "result" ? "#result" : `#step-${place + 1}`;
}

// Signs given directly, and signs that answers raise together, each with why.
function signsFrom(data, index, chosen) {
  const signs = [];
  for (const id of chosen) {
    const answer = index.get(id);
    if (answer?.sign) signs.push({ key: answer.sign, said: answer.said });
  }
  for (const raised of data.raised) {
    const picked = raised.when.map((any) => any.filter((id) => chosen.has(id)));
    if (picked.every((ids) => ids.length)) {
      const said = picked.map((ids) => ids.map((id) => index.get(id).said).join(" and "));
      signs.push({ key: raised.sign, said: said.join(", and ") });
    }
  }
  return signs;
}

// How soon to get help, why, and which pages match. chosen: a Set of answer ids.
// Returns {tier, reasons, signs, reassure, causes, routes}.
export function evaluate(data, chosen) {
  const index = answerIndex(data);
  const signs = signsFrom(data, index, chosen);
  const rank = (tier) => data.order.indexOf(tier);
  const tierOf = (sign) => data.signs[sign.key].tier;
  const tier = signs.length
    ? signs.map(tierOf).reduce((a, b) => (rank(a) <= rank(b) ? a : b))
    : data.order.at(-1);
  const atTier = signs.filter((sign) => tierOf(sign) === tier);
  const reasons = [...new Set(atTier.map((sign) => sign.said))];
  // A sign's own first call (the midwife, a crisis line) comes before the tier's.
  const routes = [...new Set(atTier.map((sign) => data.signs[sign.key].route).filter(Boolean))];
  const keys = [...new Set(signs.map((sign) => sign.key))];
  if (tier === data.order[0]) {
    // An emergency: nothing to read first.
    return { tier, reasons, routes, signs: keys, reassure: false, causes: [] };
  }
  return { tier, reasons, routes, signs: keys, reassure: !signs.length, causes: pagesFor(data, index, chosen) };
}

// Pages that match the answers, likeliest first. A page is listed when one of its answers was
// given, with one of its `only_with` answers if it has them, none of its `never_with` ones, and,
// for an uncommon cause, at an age it is usual in (data.ranking). The order: a page named first
// for an answer (pregnancy), then everyday causes before uncommon ones (an uncommon one competes
// only when data.ranking.uncommon_competes_with of its own answers were given), then causes usual at the reader's age, then by the weight of
// the answers that list them (what a reader notices counts more than where), everyday causes
// first among equals, then by how many answers match.
function pagesFor(data, index, chosen) {
  const rules = data.ranking;
  const ageGiven = data.causes.some((cause) => cause.ages.some((id) => chosen.has(id)));
  return data.causes
    .map((cause, order) => {
      const matched = cause.listed_for.filter((id) => chosen.has(id));
      const allowed =
        (!cause.only_with.length || cause.only_with.some((id) => chosen.has(id))) &&
        !cause.never_with.some((id) => chosen.has(id));
      const area = cause.areas.some((id) => chosen.has(id)) ? 1 : 0;
      const age = !ageGiven || cause.ages.some((id) => chosen.has(id)) ? 0 : 1;
      const everyday = cause.commonness === "everyday";
      return {
        cause,
        order,
        matched,
        // An uncommon cause is not offered outside the ages it is usual in.
        listed:
          allowed && matched.length > 0 && (everyday || !age || !rules.uncommon_only_at_their_ages),
        first: cause.first_for.some((id) => chosen.has(id)) ? 0 : 1,
        group: everyday || matched.length >= rules.uncommon_competes_with ? 0 : 1,
        age,
        score: matched.reduce((sum, id) => sum + index.get(id).weight, 0) + area,
      };
    })
    .filter((found) => found.listed)
    .sort(
      (a, b) =>
        a.first - b.first ||
        a.group - b.group ||
        a.age - b.age ||
        b.score - a.score ||
        (a.cause.commonness === "everyday" ? 0 : 1) - (b.cause.commonness === "everyday" ? 0 : 1) ||
        b.matched.length - a.matched.length ||
        a.order - b.order,
    )
    .map(({ cause, matched }) => ({ ...cause, why: matched.map((id) => index.get(id).said) }));
}

// After a step is answered: the result at once if an urgent or emergency sign is new (its
// action must not wait for more questions), else the next step not yet answered or skipped,
// else the result.
export function nextPlace(data, state, from) {
  const result = evaluate(data, chosenIds(state));
  const urgent = data.order.slice(0, 2);
  const fresh = result.signs.filter(
    (key) => urgent.includes(data.signs[key].tier) && !state.acknowledged.includes(key),
  );
  if (fresh.length) return "result";
  return nextOpen(data, state, from + 1) ?? "result";
}

// The first step from `start` on that is neither answered nor skipped, or null: where "Carry on
// with the questions" goes (from 0), and where Next goes (from the step after).
export function nextOpen(data, state, start = 0) {
  const index = data.steps.findIndex(
    (step, i) => i >= start && !isAnswered(data, step, state) && !state.skipped.includes(step.id),
  );
  return index === -1 ? null : index;
}

// The steps with no answer: skipped, or not reached yet.
export function unanswered(data, state) {
  return data.steps.filter((step) => !isAnswered(data, step, state));
}

// Today's date on the reader's own calendar, as "YYYY-MM-DD" (not the UTC date).
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Whole days from one calendar date to another ("YYYY-MM-DD"), the same in every time zone.
export function daysBetween(from, to) {
  const utc = (iso) => Date.UTC(...iso.split("-").map((n, i) => Number(n) - (i === 1 ? 1 : 0)));
  return Math.round((utc(to) - utc(from)) / DAY);
}

export function addDays(iso, days) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// The answer a start date stands for: the first whose up_to_days covers it, else the last;
// null for a date after today.
export function answerForDate(step, started, today) {
  const days = daysBetween(started, today);
  if (days < 0) return null;
  return step.answers.find((a) => a.up_to_days === undefined || days <= a.up_to_days);
}

// The day to see a GP if a twitch is still there: 2 weeks after it started.
export function seeAGpOn(started) {
  return addDays(started, 14);
}
