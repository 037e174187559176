import { test } from 'node:test';
import assert from 'node:assert/strict';

import { statusText, suggestion, nearestTopics, plural } from '../../theme/static/js/search/render.mjs';
import { filterNames, intersect, has, members } from '../../theme/static/js/search/filters.mjs';
import { decodeBitset } from '../../theme/static/js/search/data.mjs';

const found = (refs, extra = {}) => ({ refs, corrections: [], filtered: false, ...extra });

test('the count line says what was searched for and whether filters apply', () => {
  assert.equal(statusText({ q: ' autism ' }, found([1, 2])), '2 services found for \u2018autism\u2019.');
  assert.equal(statusText({ q: 'club' }, found([1], { filtered: true })), '1 service found for \u2018club\u2019 that match your filters.');
  assert.equal(statusText({ q: '' }, found([], { filtered: true })), 'No services found matching your filters.');
  assert.equal(plural(1), '1 service');
});

test('"Did you mean" only when a word was corrected, with the typed case folded', () => {
  assert.equal(suggestion({ q: 'Autsim club' }, found([1], { corrections: [{ from: 'autsim', to: 'autism' }] })), 'autism club');
  assert.equal(suggestion({ q: 'autism' }, found([1])), null);
});

test('the nearest needs and types share a word with the search, or nearly', () => {
  const topics = [['Autism', 'needs/asd/', ['autism']], ['Hearing impairment', 'needs/hi/', ['hear', 'impair']],
    ['Health', 'categories/health/', ['health']]];
  assert.deepEqual(nearestTopics(topics, 'hearing xyzzy'), [{ label: 'Hearing impairment', url: 'needs/hi/' }]);
  // "heath": one letter from "health", two from "hear": nearest first.
  assert.deepEqual(nearestTopics(topics, 'heath').map((topic) => topic.label), ['Health', 'Hearing impairment']);
  assert.deepEqual(nearestTopics(topics, 'qqqqqq'), []);
});

test('filters: names of the chosen values, and the services in every bitset', () => {
  const manifest = { filters: { need: ['asd', 'hi'], area: ['east'], category: [], age: [0, 1, 7] } };
  assert.deepEqual(filterNames({ need: 'hi', age: '7', free: 'yes', area: 'nowhere', self: '' }, manifest),
    ['need-1', 'age-7', 'free']);
  const bits = intersect([decodeBitset(btoa(String.fromCharCode(0b1011))), decodeBitset(btoa(String.fromCharCode(0b0110)))]);
  assert.deepEqual(members(bits, 8), [1]);
  assert.ok(has(bits, 1) && !has(bits, 0));
  assert.equal(intersect([]), null);
});
