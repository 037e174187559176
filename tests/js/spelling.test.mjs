import { test } from 'node:test';
import assert from 'node:assert/strict';

import { spellingKey, fnv1a, editDistance, nearestWord, splits, sounded, allowedDistance } from '../../theme/static/js/search/spelling.mjs';
import { stem } from '../../theme/static/js/search/stemmer.mjs';
import { textVectors, spellingVectors } from './fixtures.mjs';

test('spelling keys and file hashes match the shared vectors (spelling.py makes the same)', () => {
  const vectors = spellingVectors();
  assert.ok(vectors.length >= 10);
  for (const { word, key, hash } of vectors) {
    assert.equal(spellingKey(word), key, word);
    assert.equal(fnv1a(key), hash, word);
  }
});

test('the usual slips keep the spelling key of the stem', () => {
  for (const [typed, meant] of [['autsim', 'autism'], ['speach', 'speech'], ['dispraxia', 'dyspraxia'],
    ['fisiotherapy', 'physiotherapy'], ['serebral', 'cerebral'], ['swiming', 'swimming']]) {
    assert.equal(spellingKey(stem(typed)), spellingKey(stem(meant)), typed);
  }
});

test('edit distance counts a swap of neighbouring letters as one edit', () => {
  assert.equal(editDistance('autsim', 'autism'), 1);
  assert.equal(editDistance('speach', 'speech'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('sound-alike letters are written one way', () => {
  assert.equal(sounded('physio'), 'fisio');
  assert.equal(sounded('cerebral'), 'serebral');
  assert.equal(sounded('quick'), 'kuik');
});

test('longer words may be two edits away, shorter ones one', () => {
  assert.equal(allowedDistance('speach'), 1);
  assert.equal(allowedDistance('dislexia'), 2);
});

test('the nearest listed word wins, and on a tie the one listed first', () => {
  assert.equal(nearestWord('autsim', ['austin', 'autism'], stem), 'autism');
  assert.equal(nearestWord('fisio', ['physio'], stem), 'physio');
  assert.equal(nearestWord('cart', ['care', 'card'], stem), 'care');
  assert.equal(nearestWord('zzzzz', ['autism'], stem), null);
  assert.equal(nearestWord('autism', ['autism'], stem), null);
});

test('a joined word is cut where both parts are words or stop words', () => {
  const known = new Set(['school', 'speech', 'therapy']);
  assert.deepEqual(splits('afterschool', (part) => known.has(part)), [['after', 'school']]);
  assert.deepEqual(splits('speechtherapy', (part) => known.has(part)), [['speech', 'therapy']]);
  assert.deepEqual(splits('xyzzy', (part) => known.has(part)), []);
});

test('the shared text vectors are there for the key test to extend', () => {
  assert.ok(textVectors().length > 0);
});
