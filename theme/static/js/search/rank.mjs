// Ranking: lunr's BM25 weights (computed at build time without the idf,
// weights.py, and multiplied here by lunr's idf), added up over the query's words, so a service ranks by how many of the words it has
// and how important they are (a rare word weighs more than a common one).
//
// A clause is one word of the query: the terms that can stand for it, each
// with a factor (1 for the word itself, less for a corrected spelling). A
// service's score for a clause is its best term's weight times that term's
// factor; its score is the sum over the clauses times the square of the share
// of clauses it matches, so services with every word come first unless one
// word is far more important than the others.

// lunr's idf (lunr.js `lunr.idf`, lunr.py `idf`): `held` is the number of
// (service, field) pairs holding the term, the first number of its posting, and
// `count` the number of services. Computed here and not at build time so that a
// term file's bytes depend only on the services holding its terms.
export function idf(held, count) {
  return Math.log(1 + Math.abs((count - held + 0.5) / (held + 0.5)));
}

// `posting(term)` is [held, doc, weight, doc, weight, ...], docs as differences.
export function rank(clauses, posting, count) {
  const scores = new Float64Array(count);
  const matched = new Uint16Array(count);
  const best = new Float64Array(count);
  const touched = new Uint8Array(count);
  for (const clause of clauses) {
    best.fill(0);
    touched.fill(0);
    for (const { term, factor } of clause) {
      const flat = posting(term);
      if (!flat) { continue; }
      const scale = idf(flat[0], count) * factor;
      for (let i = 1, doc = 0; i < flat.length; i += 2) {
        doc += flat[i];
        const weight = flat[i + 1] * scale;
        touched[doc] = 1;
        if (weight > best[doc]) { best[doc] = weight; }
      }
    }
    for (let doc = 0; doc < count; doc++) {
      if (touched[doc]) {
        matched[doc] += 1;
        scores[doc] += best[doc];
      }
    }
  }
  const refs = [];
  for (let doc = 0; doc < count; doc++) {
    if (matched[doc]) {
      const share = matched[doc] / clauses.length;
      scores[doc] *= share * share;
      refs.push(doc);
    }
  }
  return refs.sort((a, b) => scores[b] - scores[a] || a - b);
}
