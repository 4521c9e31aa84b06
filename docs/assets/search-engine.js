// The site's search: the pages of search/index.json in MiniSearch (BM25 ranking, prefix and
// fuzzy matching), with the settings of data/search.yaml that the build copied into the index.
// No page, no browser: search.js draws the results, and the tests and the benchmark run this
// module under Node on the same index.
//
// In:  the index ({settings, pages}) as the build wrote it.
// Out: createSearch(index) → { meaningful(query) → its words that are not stop words,
//      search(query) → [{page, passage}] best first,
//      correction(query) → the query with each unknown word replaced by the closest known one,
//      or null when every word is known }.

import MiniSearch from "./vendor/minisearch-7.2.0/index.js";
import { stemmer } from "./vendor/stemmer-2.0.1/index.js";

const FIELDS = ["title", "medical", "words", "areas", "summary", "headings", "text"];
// Fields whose words are offered by "Did you mean": the names of things, not their text.
const NAMING_FIELDS = ["title", "medical", "words", "areas"];
const RESULTS = 8;
const PASSAGE = 160; // characters of a result's matching passage, at most

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

export function createSearch({ settings, pages }) {
  const separator = new RegExp(settings.separator, "u");
  const stopWords = new Set(settings.stop_words);
  const words = (text) => text.split(separator).map(plain).filter(Boolean);
  // A query's words that mean something: a query of stop words only means nothing.
  const meaningful = (query) => words(query).filter((word) => !stopWords.has(word));

  const engine = new MiniSearch({
    fields: FIELDS,
    extractField: fieldText,
    tokenize: (text) => text.split(separator),
    // Pages and queries alike: plain letters, stop words out, word endings off (Porter's
    // stemmer), so "twitches" and "twitching" both find "twitch".
    processTerm: (term) => {
      const word = plain(term);
      return word && !stopWords.has(word) ? stemmer(word) : null;
    },
    searchOptions: {
      boost: settings.fields,
      boostDocument: (id) => settings.pages[pages[id].kind],
      combineWith: "OR",
      boostTerm: (term) => rarity(term),
      // Only the word being typed (the last) is matched as the start of a longer word.
      prefix: (term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= settings.fuzzy_from ? 2 : false),
      maxFuzzy: 2,
    },
  });
  engine.addAll(pages.map((page, id) => ({ ...page, id })));

  // How many pages have each word: a word that most pages have ("twitch", "muscle") says
  // little of which page is meant, even where a page lists it among its own words.
  const pagesWith = new Map();
  for (const page of pages) {
    const terms = new Set(FIELDS.flatMap((field) => words(fieldText(page, field) || "")));
    for (const word of terms) {
      if (stopWords.has(word)) continue;
      const term = stemmer(word);
      pagesWith.set(term, (pagesWith.get(term) ?? 0) + 1);
    }
  }
  const rarity = (term) => {
    const share = (pagesWith.get(term) ?? 0) / pages.length;
    return share >= settings.common_words.share ? settings.common_words.weight : 1;
  };

  // Each word that names something on the site, as written and as a reader would type it.
  const known = new Map();
  for (const page of pages) {
    for (const field of NAMING_FIELDS) {
      for (const word of words(fieldText(page, field) || "")) {
        if (word.length > 2 && !known.has(word)) known.set(word, word);
      }
    }
  }
  const indexed = (word) => engine.search(word, { fuzzy: false, prefix: false }).length > 0;

  // The first run of the summary or text with a word the result matched (its terms are stems).
  function passage(page, terms) {
    const runs = [page.summary, ...page.text];
    const hit = (run) => words(run).some((word) => terms.includes(stemmer(word)));
    const run = runs.find(hit) ?? page.summary ?? "";
    if (run.length <= PASSAGE) return run;
    const cut = run.lastIndexOf(" ", PASSAGE);
    return `${run.slice(0, cut > 0 ? cut : PASSAGE)} …`;
  }

  return {
    meaningful,
    search(query) {
      const terms = meaningful(query);
      if (!terms.length) return [];
      return engine
        .search(terms.join(" "))
        .slice(0, RESULTS)
        .map((result) => ({ page: pages[result.id], passage: passage(pages[result.id], result.terms) }));
    },
    correction(query) {
      const terms = meaningful(query);
      let changed = false;
      const corrected = terms.map((term) => {
        if (term.length < 4 || known.has(term) || indexed(term)) return term;
        let best = null;
        let bestDistance = Math.max(1, Math.floor(term.length / 4)) + 1;
        for (const word of known.keys()) {
          if (Math.abs(word.length - term.length) >= bestDistance) continue;
          const d = distance(term, word);
          if (d < bestDistance) [best, bestDistance] = [word, d];
        }
        if (best) changed = true;
        return best ?? term;
      });
      return changed ? corrected.join(" ") : null;
    },
  };
}
