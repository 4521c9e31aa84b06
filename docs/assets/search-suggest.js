// "Did you mean": when the site's search finds nothing, offer the causes whose words are
// closest to what was typed (a few letters off, as in a typo). The words come from the build
// (search-suggestions.json); nothing leaves the browser.

let causes;
const load = () =>
  (causes ??= fetch(new URL("search-suggestions.json", __md_scope))
    .then((response) => response.json())
    .catch(() => []));

// Letters to add, drop, change or swap to turn a into b (optimal string alignment distance).
function distance(a, b) {
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

// How far the typed words are from a cause: the closest of its words to each typed word.
function closeness(typed, cause) {
  const pieces = cause.words.flatMap((w) => [w, ...w.split(" ")]);
  let total = 0;
  for (const word of typed) {
    const best = Math.min(...pieces.map((piece) => distance(word, piece)));
    if (best > Math.max(1, Math.floor(word.length / 4))) return Infinity;
    total += best;
  }
  return total;
}

async function suggest(help, query) {
  const typed = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  const list = typed.length ? await load() : [];
  const best = list
    .map((cause) => [closeness(typed, cause), cause])
    .filter(([score]) => score < Infinity)
    .sort((a, b) => a[0] - b[0])
    .slice(0, 3);
  help.replaceChildren();
  help.hidden = !best.length;
  if (!best.length) return;
  help.append("Did you mean ");
  best.forEach(([, cause], i) => {
    if (i) help.append(i === best.length - 1 ? " or " : ", ");
    const link = Object.assign(document.createElement("a"), { textContent: cause.title });
    link.href = new URL(cause.href, __md_scope).href;
    help.append(link);
  });
  help.append("?");
}

const input = document.querySelector(".md-search__input");
const meta = document.querySelector(".md-search-result__meta");
const help = document.querySelector(".search-suggest");
if (input && meta && help) {
  // The theme writes its result count into meta after each search.
  new MutationObserver(() => {
    const none = input.value.trim() && !document.querySelector(".md-search-result__item");
    if (none) suggest(help, input.value);
    else help.hidden = true;
  }).observe(meta, { childList: true, characterData: true, subtree: true });
}
