import { test } from 'node:test';
import assert from 'node:assert/strict';

import { paramsFromQueryString, addressFor, isEmpty, filtersApplied, historyAction } from '../../theme/static/js/search/state.mjs';

test('the address holds the whole search, in a fixed order, without empty values', () => {
  const params = paramsFromQueryString('?free=yes&q=+autism+&age=7&unknown=1');
  assert.deepEqual(params, { q: 'autism', need: '', age: '7', area: '', category: '', free: 'yes', self: '' });
  assert.equal(addressFor('/search/', params), '/search/?q=autism&age=7&free=yes');
  assert.equal(addressFor('/search/', paramsFromQueryString('')), '/search/');
});

test('an empty search and the count of filters applied', () => {
  assert.ok(isEmpty(paramsFromQueryString('?q=')));
  assert.equal(filtersApplied(paramsFromQueryString('?q=club&age=7&free=yes')), 2);
  assert.equal(filtersApplied(paramsFromQueryString('?q=club')), 0);
});

test('new words add a history entry; a change of filters replaces the address', () => {
  assert.equal(historyAction({ q: 'autism' }, { q: 'autism', free: 'yes' }), 'replace');
  assert.equal(historyAction({ q: 'autism' }, { q: 'speech' }), 'push');
  assert.equal(historyAction({ q: '' }, { q: 'speech' }), 'push');
});
