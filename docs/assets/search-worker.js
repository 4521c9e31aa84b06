// The search's worker: loads the index and the engine (search-engine.js) and answers queries
// off the page's main thread, so indexing a big site and searching it never stop the page
// from scrolling or taking keys.
//
// In:  messages {number, query, index}: index is the address of search/index.json; a
//      message with no query only loads it.
// Out: for each, {number, query, count, results, correction, meaningful, labels}, or
//      {number, query, failed: true} if the index could not load (asked again next time).
import { createSearch } from "./search-engine.js";

let loaded;

async function load(address) {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address}: ${response.status}`);
  const index = await response.json();
  return { search: createSearch(index), labels: index.labels };
}

addEventListener("message", async ({ data: { number, query, index } }) => {
  try {
    loaded ??= load(index);
    const { search, labels } = await loaded;
    if (query === undefined) return;
    const { count, results } = search.search(query);
    const correction = search.correction(query);
    const meaningful = search.meaningful(query).length;
    postMessage({ number, query, count, results, correction, meaningful, labels });
  } catch {
    loaded = undefined;
    if (query !== undefined) postMessage({ number, query, failed: true });
  }
});
