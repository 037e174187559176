// One search: the query's words (spellings corrected against the index's own
// words), the filters, and the ranked services. Works the same in the page
// and in Node (tests/js/queries.test.mjs runs tests/search_queries.tsv).
import { parseQuery, joins } from './query.mjs';
import { stem } from './stemmer.mjs';
import { STOP_WORDS } from './text.mjs';
import { SHORTEST_CORRECTED, nearestWord, splitParts, splits } from './spelling.mjs';
import { filterNames, intersect, has, members } from './filters.mjs';
import { rank } from './rank.mjs';

// How much a term found in place of the typed word counts, against 1 for the word itself.
export const CORRECTED = 0.5;
export const SPLIT = 0.8;

// {refs, asked, corrections: [{from, to}], dropped: [word], filtered, ms}; `ms` is the
// whole time taken, fetching included (none when the files were fetched before).
export async function find(data, params) {
  const clock = performance.now();
  const manifest = await data.start();
  const { words: all, asked } = parseQuery(params.q || '');
  const names = filterNames(params, manifest);
  const [bitsets] = await Promise.all([Promise.all(names.map((name) => data.filter(name))),
    data.loadTerms(asked.map((w) => w.term))]);
  const bits = intersect(bitsets);
  const found = { refs: [], asked, corrections: [], dropped: [], filtered: names.length > 0, ms: 0 };
  if (!asked.length && !all.length) {
    if (bits) { found.refs = members(bits, manifest.count); }
    found.ms = performance.now() - clock;
    return found;
  }
  const clauses = await clausesFor(data, all, asked, found);
  if (!clauses.length && !asked.length) {
    // Only stop words or words such as "my child": the filters alone decide.
    found.refs = bits ? members(bits, manifest.count) : [];
    found.ms = performance.now() - clock;
    return found;
  }
  const refs = clauses.length ? rank(clauses, (term) => data.posting(term), manifest.count) : [];
  found.refs = bits ? refs.filter((n) => has(bits, n)) : refs;
  found.ms = performance.now() - clock;
  return found;
}

async function clausesFor(data, all, asked, found) {
  const clauses = new Map(asked.map((w) => [w.position, [{ term: w.term, factor: 1 }]]));
  const missing = asked.filter((w) => !data.posting(w.term));
  await Promise.all([addJoins(data, all, clauses), ...missing.map((w) => correct(data, w, clauses, found))]);
  return [...clauses.values()].filter((clause) => clause.some(({ term }) => data.posting(term)));
}

// A word written as two ("physio therapy") also finds the one word, as if typed.
async function addJoins(data, all, clauses) {
  await Promise.all(joins(all).map(async ([position, joined]) => {
    const joinedTerm = stem(joined);
    const near = await data.nearWords(joined);
    if (!near.some(([, listedTerm]) => listedTerm === joinedTerm)) { return; }
    await data.loadTerms([joinedTerm]);
    for (const at of [position, position + 1]) {
      if (clauses.has(at)) { clauses.get(at).push({ term: joinedTerm, factor: 1 }); }
    }
    if (!clauses.has(position) && !clauses.has(position + 1)) {
      clauses.set(position, [{ term: joinedTerm, factor: 1 }]);
    }
  }));
}

// A word in no service: the nearest of the index's words, or the word cut in
// two ("afterschool"), or else it is left out of the search.
async function correct(data, w, clauses, found) {
  if (w.word.length >= SHORTEST_CORRECTED && !/\d/.test(w.word)) {
    const near = await data.nearWords(w.word);
    const best = nearestWord(w.word, near.map(([listed]) => listed), stem);
    if (best) {
      const bestTerm = stem(best);
      await data.loadTerms([bestTerm]);
      clauses.set(w.position, [{ term: bestTerm, factor: CORRECTED }]);
      found.corrections.push({ from: w.word, to: best });
      return;
    }
    const cut = await splitWord(data, w.word);
    if (cut) {
      const terms = cut.filter((part) => !STOP_WORDS.has(part)).map(stem);
      await data.loadTerms(terms);
      clauses.set(w.position, terms.map((term) => ({ term, factor: SPLIT })));
      found.corrections.push({ from: w.word, to: cut.join(' ') });
      return;
    }
  }
  clauses.delete(w.position);
  found.dropped.push(w.word);
}

async function splitWord(data, word) {
  const known = new Set();
  await Promise.all(splitParts(word).filter((part) => part.length >= 3 && !STOP_WORDS.has(part))
    .map(async (part) => {
      const near = await data.nearWords(part);
      if (near.some(([, listedTerm]) => listedTerm === stem(part))) { known.add(part); }
    }));
  const found = splits(word, (part) => known.has(part));
  return found.length ? found[0] : null;
}
