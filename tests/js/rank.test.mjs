import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createRequire } from 'node:module';

import { idf, rank } from '../../theme/static/js/search/rank.mjs';

const lunr = createRequire(import.meta.url)('lunr');

// Postings as the term files write them: [held, doc, weight, ...], docs as differences.
const POSTINGS = new Map([
  ['autism', [2, 0, 5, 2, 1]], // docs 0 and 2
  ['club', [2, 1, 2, 1, 2]], // docs 1 and 2
  ['rare', [1, 3, 9]], // doc 3
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

// A lunr posting ({field: {ref: {}}}) holding `held` (service, field) pairs, spread over two fields.
function lunrPosting(held) {
  const posting = { _index: 0, name: {}, summary: {} };
  for (let n = 0; n < held; n++) { posting[n % 2 ? 'summary' : 'name'][String(n >> 1)] = {}; }
  return posting;
}

test('idf is lunr.js\'s own, number for number', () => {
  for (const count of [1, 2, 3, 7, 50, 999, 10000]) {
    for (const held of [1, 2, 3, count - 1, count, count + 1, 2 * count, 9 * count].filter((n) => n > 0)) {
      assert.equal(idf(held, count), lunr.idf(lunrPosting(held), count), `${held} of ${count}`);
    }
  }
});

test('idf: values lunr.py gives', () => {
  // lunr.idf.idf in Python: math.log(1 + abs((count - held + 0.5) / (held + 0.5)))
  assert.equal(idf(1, 4), 1.2039728043259361);
  assert.equal(idf(2, 4), 0.6931471805599453);
  // V8's Math.log and C's log may differ in the last bit: lunr.js's own is the one matched exactly (above).
  assert.ok(Math.abs(idf(8, 4) - 0.3448404862917294) < 1e-15);
});

test('each weight is multiplied by its term\'s idf: a term in fewer services weighs more', () => {
  // Both weights 1; "often" is held by 3 (service, field) pairs, "seldom" by 1.
  const postings = new Map([['often', [3, 0, 1]], ['seldom', [1, 1, 1]]]);
  const either = [[{ term: 'often', factor: 1 }, { term: 'seldom', factor: 1 }]];
  assert.deepEqual(rank(either, (term) => postings.get(term), 4), [1, 0]);
});
