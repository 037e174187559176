import { test } from 'node:test';
import assert from 'node:assert/strict';

import { rank } from '../../theme/static/js/search/rank.mjs';

// Postings as the term files write them: [doc, weight, ...], docs as differences.
const POSTINGS = new Map([
  ['autism', [0, 5, 2, 1]], // docs 0 and 2
  ['club', [1, 2, 1, 2]], // docs 1 and 2
  ['rare', [3, 9]], // doc 3
]);
const posting = (term) => POSTINGS.get(term);
const clause = (...terms) => terms.map((term) => ({ term, factor: 1 }));

test('one word: by weight, best first', () => {
  assert.deepEqual(rank([clause('autism')], posting, 4), [0, 2]);
});

test('services with every word come before those with some, unless the missing word weighs far less', () => {
  // doc 2 has both (1 + 2 = 3); doc 0 has autism only (5 * 1/4); doc 1 club only (2 * 1/4)
  assert.deepEqual(rank([clause('autism'), clause('club')], posting, 4), [2, 0, 1]);
});

test('a rare, important word outweighs a common one', () => {
  // doc 3 has "rare" (9 * 1/4 = 2.25) ; doc 2 has club (2 * 1/4 = 0.5)
  assert.deepEqual(rank([clause('rare'), clause('club')], posting, 4), [3, 1, 2]);
});

test('a corrected word counts less than the word itself', () => {
  const corrected = [{ term: 'autism', factor: 0.1 }, { term: 'club', factor: 1 }];
  assert.deepEqual(rank([corrected], posting, 4), [1, 2, 0]);
});

test('a term in no service and ties: A to Z', () => {
  assert.deepEqual(rank([clause('missing')], posting, 4), []);
  assert.deepEqual(rank([clause('club')], posting, 4), [1, 2]);
});
