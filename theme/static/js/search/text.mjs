// Text as the search sees it, exactly as plugins/search_index/text.py does it:
// lower case, accents off, apostrophes dropped, anything else that is not a
// letter or digit a space; then lunr's stop words out and the Porter stemmer.
// tests/fixtures/search/text_vectors.json holds the cases both sides run.
import { stem } from './stemmer.mjs';

// Letters that Unicode does not split into a base letter and an accent.
const EXTRA_FOLDS = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };

// lunr's English stop words (lunr.py's stop_word_filter.WORDS, the same as lunr.js's).
export const STOP_WORDS = new Set((
  'a able about across after all almost also am among an and any are as at be because been but by can cannot ' +
  'could dear did do does either else ever every for from get got had has have he her hers him his how however ' +
  'i if in into is it its just least let like likely may me might most must my neither no nor not of off often ' +
  'on only or other our own rather said say says she should since so some than that the their them then there ' +
  'these they this tis to too twas us wants was we were what when where which while who whom why will with ' +
  'would yet you your').split(' '));

export function fold(text) {
  return String(text).toLowerCase().normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => EXTRA_FOLDS[c])
    .replace(/['\u2019\u2018`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// The folded words of a text, in order.
export function words(text) {
  const folded = fold(text);
  return folded ? folded.split(' ') : [];
}

// The term the index holds for one folded word, or null for a stop word.
export function term(word) {
  return STOP_WORDS.has(word) ? null : stem(word);
}
