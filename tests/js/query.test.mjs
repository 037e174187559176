import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseQuery, joins, correctedQuery } from '../../theme/static/js/search/query.mjs';

test('stop words and the words families put around a need are left out', () => {
  const { words, asked } = parseQuery('My child has AUTISM');
  assert.deepEqual(words, ['my', 'child', 'has', 'autism']);
  assert.deepEqual(asked, [{ word: 'autism', term: 'autism', position: 3 }]);
});

test('a word typed twice, or in two forms of one stem, is looked for once', () => {
  assert.deepEqual(parseQuery('play playing').asked.map((w) => w.term), ['plai']);
});

test('neighbouring words are offered as one word', () => {
  assert.deepEqual(joins(['physio', 'therapy']), [[0, 'physiotherapy']]);
  assert.deepEqual(joins(['after', 'school', 'club']), [[0, 'afterschool'], [1, 'schoolclub']]);
  assert.deepEqual(joins(['a', 'b']), []);
  assert.deepEqual(joins(['year', '7']), []);
});

test('the corrected search puts the meant words in place of the typed ones', () => {
  assert.equal(correctedQuery(['autsim', 'club'], [{ from: 'autsim', to: 'autism' }]), 'autism club');
});
