// The Porter stemmer exactly as the index uses it: a line-by-line port of
// lunr.py 0.8's lunr/stemmer.py (Vivake Gupta's port of Martin Porter's C
// version, with its two "DEPARTURE"s). lunr.js 2.3.9 has a different
// implementation that disagrees on a final "y" after a vowel ("play",
// "money"), so the browser must not use it: the query's words would become
// terms the index never wrote. tests/js/stemmer.test.mjs and
// tests/test_search_text.py run tests/fixtures/search/stems.tsv (the sample
// site's words and 10,000 English words) through both sides.

function stemWord(word) {
  let b = word;
  let k = b.length - 1;
  const k0 = 0;
  let j = 0;

  function cons(i) {
    const ch = b[i];
    if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') { return false; }
    if (ch === 'y') { return i === k0 ? true : !cons(i - 1); }
    return true;
  }

  // The number of consonant sequences between k0 and j.
  function m() {
    let n = 0;
    let i = k0;
    for (;;) {
      if (i > j) { return n; }
      if (!cons(i)) { break; }
      i += 1;
    }
    i += 1;
    for (;;) {
      for (;;) {
        if (i > j) { return n; }
        if (cons(i)) { break; }
        i += 1;
      }
      i += 1;
      n += 1;
      for (;;) {
        if (i > j) { return n; }
        if (!cons(i)) { break; }
        i += 1;
      }
      i += 1;
    }
  }

  function vowelInStem() {
    for (let i = k0; i <= j; i++) {
      if (!cons(i)) { return true; }
    }
    return false;
  }

  function doubleC(at) {
    if (at < k0 + 1) { return false; }
    if (b[at] !== b[at - 1]) { return false; }
    return cons(at);
  }

  function cvc(i) {
    if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) { return false; }
    const ch = b[i];
    return !(ch === 'w' || ch === 'x' || ch === 'y');
  }

  function ends(s) {
    const length = s.length;
    if (s[length - 1] !== b[k]) { return false; }
    if (length > k - k0 + 1) { return false; }
    if (b.slice(k - length + 1, k + 1) !== s) { return false; }
    j = k - length;
    return true;
  }

  function setTo(s) {
    b = b.slice(0, j + 1) + s + b.slice(j + s.length + 1);
    k = j + s.length;
  }

  function r(s) {
    if (m() > 0) { setTo(s); }
  }

  function step1ab() {
    if (b[k] === 's') {
      if (ends('sses')) {
        k -= 2;
      } else if (ends('ies')) {
        setTo('i');
      } else if (b[k - 1] !== 's') {
        k -= 1;
      }
    }
    if (ends('eed')) {
      if (m() > 0) { k -= 1; }
    } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      k = j;
      if (ends('at')) {
        setTo('ate');
      } else if (ends('bl')) {
        setTo('ble');
      } else if (ends('iz')) {
        setTo('ize');
      } else if (doubleC(k)) {
        k -= 1;
        const ch = b[k];
        if (ch === 'l' || ch === 's' || ch === 'z') { k += 1; }
      } else if (m() === 1 && cvc(k)) {
        setTo('e');
      }
    }
  }

  function step1c() {
    if (ends('y') && vowelInStem()) {
      b = b.slice(0, k) + 'i' + b.slice(k + 1);
    }
  }

  // Each group: the letter before the last, then [suffix, replacement] tried in order.
  const STEP2 = {
    a: [['ational', 'ate'], ['tional', 'tion']],
    c: [['enci', 'ence'], ['anci', 'ance']],
    e: [['izer', 'ize']],
    l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
    o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
    s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
    t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
    g: [['logi', 'log']],
  };
  const STEP3 = {
    e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
    i: [['iciti', 'ic']],
    l: [['ical', 'ic'], ['ful', '']],
    s: [['ness', '']],
  };
  const STEP4 = {
    a: ['al'], c: ['ance', 'ence'], e: ['er'], i: ['ic'], l: ['able', 'ible'],
    n: ['ant', 'ement', 'ment', 'ent'], o: ['ion', 'ou'], s: ['ism'], t: ['ate', 'iti'],
    u: ['ous'], v: ['ive'], z: ['ize'],
  };

  function replaceFirst(rules) {
    for (const [suffix, replacement] of rules || []) {
      if (ends(suffix)) {
        r(replacement);
        return;
      }
    }
  }

  function step4() {
    const suffixes = STEP4[b[k - 1]];
    if (!suffixes) { return; }
    let found = false;
    for (const suffix of suffixes) {
      if (ends(suffix)) {
        // -ion goes only after s or t.
        if (suffix === 'ion' && !(b[j] === 's' || b[j] === 't')) { continue; }
        found = true;
        break;
      }
    }
    if (found && m() > 1) { k = j; }
  }

  function step5() {
    j = k;
    if (b[k] === 'e') {
      const a = m();
      if (a > 1 || (a === 1 && !cvc(k - 1))) { k -= 1; }
    }
    if (b[k] === 'l' && doubleC(k) && m() > 1) { k -= 1; }
  }

  if (k <= k0 + 1) { return b; }
  step1ab();
  step1c();
  replaceFirst(STEP2[b[k - 1]]);
  replaceFirst(STEP3[b[k]]);
  step4();
  step5();
  return b.slice(k0, k + 1);
}

const remembered = new Map();

// The stem of one folded word (lower-case letters and digits).
export function stem(word) {
  let result = remembered.get(word);
  if (result === undefined) {
    result = stemWord(word);
    remembered.set(word, result);
  }
  return result;
}
