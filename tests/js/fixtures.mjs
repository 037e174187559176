// The shared test vectors (tests/fixtures/search/), read the same way by every JS test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/search/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function stemPairs() {
  return readFileSync(FIXTURES + 'stems.tsv', 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

export function textVectors() {
  return JSON.parse(readFileSync(FIXTURES + 'text_vectors.json', 'utf8'));
}

export function spellingVectors() {
  return JSON.parse(readFileSync(FIXTURES + 'spelling_vectors.json', 'utf8'));
}
