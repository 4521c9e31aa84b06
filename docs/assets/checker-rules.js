// The rules of "Check your twitch", applied to the reader's answers. Every word and every rule
// comes from the JSON the build writes (check/checker.json); this file only applies them, so the
// checker can never disagree with the pages. Pure functions, tested under Node's test runner.

// The answer ids of one step, by id, so a sign or a reason can be found from an answer.
export function answerIndex(data) {
  const index = new Map();
  for (const step of data.steps) for (const answer of step.answers) index.set(answer.id, answer);
  return index;
}

// The answer a date stands for: the first whose up_to_days covers it, else the last.
export function answerForDate(step, started, today = new Date()) {
  const days = Math.floor((today - started) / 86400000);
  return step.answers.find((a) => a.up_to_days === undefined || days <= a.up_to_days);
}

// How soon to get help, why, and which pages may be worth reading.
// chosen: a Set of answer ids. Returns {tier, reasons, reassure, causes}.
export function evaluate(data, chosen) {
  const index = answerIndex(data);
  const given = [...chosen].filter((id) => index.has(id)).map((id) => index.get(id));
  // Answers from different steps can together be a sign (a statin, and cramps).
  const together = data.combined.filter((c) => c.when.every((id) => chosen.has(id)));
  const signs = [...given, ...together].filter((answer) => answer.sign);
  const rank = (tier) => data.order.indexOf(tier);
  const tierOf = (answer) => data.signs[answer.sign].tier;
  const tier = signs.length
    ? signs.map(tierOf).reduce((a, b) => (rank(a) <= rank(b) ? a : b))
    : data.order.at(-1);
  const reasons = signs.filter((answer) => tierOf(answer) === tier).map((a) => a.said);
  if (tier === data.order[0]) {
    // An emergency ends the check: nothing else to read first.
    return { tier, reasons, reassure: false, causes: [] };
  }
  // Ranked by the weight of the answers that list each cause (what a reader notices counts
  // more than where, and where it is felt adds a little), then by how many answers match, then
  // everyday causes before rarer ones.
  const causes = data.causes
    .map((cause, order) => {
      const matched = cause.listed_for.filter((id) => chosen.has(id));
      const allowed = !cause.only_with.length || cause.only_with.some((id) => chosen.has(id));
      const area = cause.areas.some((id) => chosen.has(id)) ? 1 : 0;
      const score = matched.reduce((sum, id) => sum + index.get(id).weight, 0) + area;
      return { cause, order, matched, score, listed: allowed };
    })
    .filter((found) => found.listed && found.matched.length)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.matched.length - a.matched.length ||
        b.cause.everyday - a.cause.everyday ||
        a.order - b.order,
    )
    .map(({ cause, matched }) => ({ ...cause, why: matched.map((id) => index.get(id).said) }));
  return { tier, reasons, reassure: signs.length === 0, causes };
}
