// Finding the word a family meant among the index's own words
// (plugins/search_index/spelling.py writes the word files and explains the key).
import { STOP_WORDS } from './text.mjs';

const SILENT = new Set('aeiouyhw');
const SOUNDS = { c: 'k', q: 'k', z: 's' };

// The set of a word's consonants after folding sound-alike letters, sorted:
// transpositions, wrong vowels and doubled letters do not change it.
export function spellingKey(word) {
  const sounded = word.replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's').replace(/[cqz]/g, (letter) => SOUNDS[letter]);
  return [...new Set(sounded)].filter((letter) => !SILENT.has(letter)).sort().join('');
}

// 32-bit FNV-1a, as spelling.py's fnv1a.
export function fnv1a(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function wordFile(word, files) {
  return fnv1a(spellingKey(word)) % files;
}

// Damerau-Levenshtein distance (optimal string alignment): an insertion,
// deletion, substitution or swap of two neighbouring letters each count 1.
export function editDistance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) { rows[0][j] = j; }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

// Words shorter than this are never corrected: too many words are near them.
export const SHORTEST_CORRECTED = 5;

export function allowedDistance(word) {
  return word.length >= 7 ? 2 : 1;
}

// Letters that sound alike written one way, so "fisio" is one letter from "physio".
export function sounded(word) {
  return word.replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/c(?=[eiy])/g, 's').replace(/[cq]/g, 'k')
    .replace(/z/g, 's').replace(/y/g, 'i');
}

// How far apart two words are: the fewest edits between them as written, as
// they sound, or as stems (so "swiming" is near "swim", listed for "swimming").
export function distance(word, candidate, stemOf) {
  return Math.min(editDistance(word, candidate), editDistance(sounded(word), sounded(candidate)),
    editDistance(stemOf(word), stemOf(candidate)));
}

// The listed word nearest `word`, within its allowed distance; on a tie the
// one listed first (the most common). null when none is near enough.
export function nearestWord(word, listed, stemOf) {
  let best = null;
  let bestDistance = allowedDistance(word) + 1;
  for (const candidate of listed) {
    if (Math.abs(candidate.length - word.length) > bestDistance + 1) { continue; }
    const apart = distance(word, candidate, stemOf);
    if (apart < bestDistance && candidate !== word) {
      best = candidate;
      bestDistance = apart;
    }
  }
  return best;
}

// Ways to cut `word` in two where each part is a stop word or `isKnown`
// ("afterschool": after + school), most even first.
export function splits(word, isKnown) {
  const found = [];
  for (let at = 2; at <= word.length - 2; at++) {
    const left = word.slice(0, at);
    const right = word.slice(at);
    const known = (part) => STOP_WORDS.has(part) || (part.length >= 3 && isKnown(part));
    if (known(left) && known(right) && !(STOP_WORDS.has(left) && STOP_WORDS.has(right))) {
      found.push([left, right]);
    }
  }
  return found.sort((a, b) => Math.abs(a[0].length - a[1].length) - Math.abs(b[0].length - b[1].length));
}

// The words a split of `word` could have: every part of at least 2 letters.
export function splitParts(word) {
  const parts = [];
  for (let at = 2; at <= word.length - 2; at++) {
    parts.push(word.slice(0, at), word.slice(at));
  }
  return parts;
}
