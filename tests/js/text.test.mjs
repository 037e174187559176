// Folding, stop words and stemming in the browser give what the index wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { stem } from '../../theme/static/js/search/stemmer.mjs';
import { fold, words, term } from '../../theme/static/js/search/text.mjs';
import { stemPairs, textVectors } from './fixtures.mjs';

test('every word of stems.tsv stems as lunr.py stems it', () => {
  const pairs = stemPairs();
  assert.ok(pairs.length >= 10000, `only ${pairs.length} words`);
  const disagree = pairs.filter(([word, expected]) => stem(word) !== expected);
  assert.deepEqual(disagree.map(([word, expected]) => `${word}: ${stem(word)} != ${expected}`), []);
});

test('words ending in y after a vowel keep the index stem, unlike lunr.js', () => {
  assert.equal(stem('play'), 'plai');
  assert.equal(stem('money'), 'monei');
  assert.equal(stem('holiday'), 'holidai');
  assert.equal(stem('try'), 'try');
});

test('folding, words and terms match the shared vectors', () => {
  for (const vector of textVectors()) {
    assert.equal(fold(vector.text), vector.folded, vector.text);
    const terms = words(vector.text).map(term).filter(Boolean);
    assert.deepEqual(terms, vector.terms, vector.text);
  }
});

test('an empty or blank text has no words', () => {
  assert.deepEqual(words(''), []);
  assert.deepEqual(words(' -- '), []);
});
