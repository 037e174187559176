// What a family typed, as the words the search looks for.
import { words, term } from './text.mjs';

// Words families put around what they are looking for ("my child has
// autism", "help for my son") that say nothing about which service: nearly
// every service is for a child, so they would only add noise. Only the query
// leaves them out; the index keeps them.
export const FILLER_WORDS = new Set([
  'child', 'childs', 'children', 'childrens', 'kid', 'kids', 'son', 'sons', 'daughter', 'daughters',
  'looking', 'look', 'find', 'want', 'please', 'need', 'needs', 'something', 'anyone', 'anything', 'help',
  'year', 'old', 'yr', 'yrs', 'go', 'near', 'me', 'us',
]);

// {words: every folded word in order, asked: [{word, term, position}] for the
// words to look for}. A word typed twice is looked for once.
export function parseQuery(text) {
  const all = words(text);
  const asked = [];
  const seen = new Set();
  all.forEach((word, position) => {
    const wordTerm = term(word);
    if (wordTerm && !FILLER_WORDS.has(word) && !seen.has(wordTerm)) {
      seen.add(wordTerm);
      asked.push({ word, term: wordTerm, position });
    }
  });
  return { words: all, asked };
}

// Two neighbouring words that may be one word in the index ("physio therapy",
// "after school"): [first position, joined word].
export function joins(all) {
  const found = [];
  for (let i = 0; i + 1 < all.length; i++) {
    const joined = all[i] + all[i + 1];
    if (all[i].length >= 2 && all[i + 1].length >= 3 && joined.length >= 6 && !/\d/.test(joined)) {
      found.push([i, joined]);
    }
  }
  return found;
}

// The query with corrected words put in: what "Did you mean" links to.
export function correctedQuery(all, corrections) {
  const byWord = new Map(corrections.map((c) => [c.from, c.to]));
  return all.map((word) => byWord.get(word) || word).join(' ');
}
