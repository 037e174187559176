// What the page says about a search: the count line, "Did you mean", and for
// a search that finds nothing, the nearest needs and types of service.
import { correctedQuery } from './query.mjs';
import { editDistance } from './spelling.mjs';
import { stem } from './stemmer.mjs';
import { words } from './text.mjs';

export function plural(n) {
  return n + (n === 1 ? ' service' : ' services');
}

export function statusText(params, found) {
  const count = found.refs.length;
  const typed = (params.q || '').trim();
  let text = count ? plural(count) + ' found' : 'No services found';
  if (typed) { text += ' for \u2018' + typed + '\u2019'; }
  if (found.filtered) { text += (typed ? ' that match' : ' matching') + ' your filters'; }
  return text + '.';
}

// The search "Did you mean" offers, or null when no word was corrected.
export function suggestion(params, found) {
  if (!found.corrections.length) { return null; }
  return correctedQuery(words(params.q || ''), found.corrections);
}

// Up to `limit` needs and types of service nearest the query's words: those
// whose labels share a word first, then those with a label word spelt nearly alike.
export function nearestTopics(topics, query, limit = 4) {
  const terms = words(query).map(stem).filter((term) => term.length >= 3);
  if (!terms.length) { return []; }
  const scored = topics.map(([label, url, labelTerms], order) => {
    let best = Infinity;
    for (const term of terms) {
      for (const labelTerm of labelTerms) {
        best = Math.min(best, term === labelTerm ? 0 : editDistance(term, labelTerm));
      }
    }
    return { label, url, best, order };
  }).filter((topic) => topic.best <= 2);
  scored.sort((a, b) => a.best - b.best || a.order - b.order);
  return scored.slice(0, limit).map(({ label, url }) => ({ label, url }));
}
