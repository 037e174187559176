// tests/search_queries.tsv: what families type, each with the service that
// must come in the first three results, run by the search modules against the
// sample site's real search data (built here with the project's pelican).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { find } from '../../theme/static/js/search/engine.mjs';
import { ROOT } from './fixtures.mjs';
import { siteData } from './site.mjs';

let folder;
let data;
let ids;

export function readQueries() {
  return readFileSync(ROOT + 'tests/search_queries.tsv', 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

// Service ids in the index's order, from the links in the store's cards.
export function serviceIds(dataFolder, manifest) {
  const found = [];
  for (let page = 0; page * manifest.storePageSize < manifest.count; page++) {
    for (const card of JSON.parse(readFileSync(join(dataFolder, 'store', page + '.json'), 'utf8'))) {
      found.push(card.match(/href="[^"]*\/services\/([^/"]+)\/"/)[1]);
    }
  }
  return found;
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'search-queries-'));
  execFileSync(join(ROOT, '.venv/bin/pelican'), ['content', '-s', 'pelicanconf.py', '-q', '-o', join(folder, 'output'),
    '-e', `CACHE_PATH="${join(folder, 'cache')}"`], { cwd: ROOT, stdio: 'pipe' });
  const dataFolder = join(folder, 'output', 'search', 'data');
  data = siteData(dataFolder);
  ids = serviceIds(dataFolder, await data.start());
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
});

test('the query set has at least 100 queries, each naming a service of the sample site', () => {
  const queries = readQueries();
  assert.ok(queries.length >= 100, `${queries.length} queries`);
  assert.deepEqual(queries.filter(([, id]) => !ids.includes(id)), []);
});

test('the browser stems every word of the built sample index to the term the index holds', async () => {
  // The word files list one word for each term of the index (spelling.py); the term files hold the terms.
  const manifest = await data.start();
  const disagree = [];
  let checked = 0;
  for (let number = 0; number < manifest.words; number++) {
    for (const [word, term] of await data.nearWordsInFile(number)) {
      await data.loadTerms([term]);
      checked += 1;
      if (!data.posting(term)) { disagree.push(`${word} -> ${term}`); }
    }
  }
  assert.ok(checked > 500, `only ${checked} words`);
  assert.deepEqual(disagree, []);
});

test('every query finds its service in the first three results', async () => {
  const missed = [];
  for (const [query, id] of readQueries()) {
    const found = await find(data, { q: query });
    const first = found.refs.slice(0, 3).map((n) => ids[n]);
    if (!first.includes(id)) { missed.push(`${query}: ${id} not in ${first.join(', ')}`); }
  }
  assert.deepEqual(missed, []);
});

test('a service for all needs does not match a need\'s words; a service that names the need does', async () => {
  const found = await find(data, { q: 'dyslexia' });
  const names = found.refs.map((n) => ids[n]);
  assert.ok(names.includes('dyslexia-advice-line'));
  assert.ok(!names.includes('northmoor-send-advice-line'));
  const filtered = await find(data, { need: 'spld' });
  assert.ok(filtered.refs.map((n) => ids[n]).includes('northmoor-send-advice-line'));
});

test('a corrected word is reported, and a word in no service is left out', async () => {
  const found = await find(data, { q: 'autsim qqqqqq' });
  assert.deepEqual(found.corrections, [{ from: 'autsim', to: 'autism' }]);
  assert.deepEqual(found.dropped, ['qqqqqq']);
  assert.equal(ids[found.refs[0]] !== undefined, true);
});

test('words written as one or as two find the same services', async () => {
  const two = await find(data, { q: 'physio therapy' });
  const one = await find(data, { q: 'physiotherapy' });
  assert.equal(ids[two.refs[0]], 'childrens-physiotherapy');
  assert.equal(ids[one.refs[0]], 'childrens-physiotherapy');
  const split = await find(data, { q: 'speechtherapy' });
  assert.deepEqual(split.corrections, [{ from: 'speechtherapy', to: 'speech therapy' }]);
  assert.equal(ids[split.refs[0]], 'childrens-speech-and-language-therapy');
});

test('filters alone list every match from A to Z; words with only stop words do too', async () => {
  const alone = await find(data, { need: 'hi', free: 'yes' });
  assert.ok(alone.refs.length > 0);
  assert.deepEqual(alone.refs, [...alone.refs].sort((a, b) => a - b));
  const stopWords = await find(data, { q: 'my child', need: 'hi', free: 'yes' });
  assert.deepEqual(stopWords.refs, alone.refs);
});
