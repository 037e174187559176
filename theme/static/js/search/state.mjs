// The search's state lives in the address (/search/?q=autism&age=7&free=yes),
// so a search can be shared, bookmarked and reloaded.

export const PARAMS = ['q', 'need', 'age', 'area', 'category', 'free', 'self'];
export const FILTERS = PARAMS.filter((name) => name !== 'q');

export function paramsFromQueryString(text) {
  const query = new URLSearchParams(text);
  const params = {};
  for (const name of PARAMS) { params[name] = (query.get(name) || '').trim(); }
  return params;
}

export function addressFor(pathname, params) {
  const query = new URLSearchParams();
  for (const name of PARAMS) {
    if (params[name]) { query.set(name, params[name]); }
  }
  const text = query.toString();
  return pathname + (text ? '?' + text : '');
}

export function isEmpty(params) {
  return PARAMS.every((name) => !params[name]);
}

// How many filters are applied, for the "Filter" button.
export function filtersApplied(params) {
  return FILTERS.filter((name) => params[name]).length;
}

// A new search (different words) adds a history entry, so Back returns to the
// previous search; a change of filters only replaces the address, so Back
// does not walk back through each tick box.
export function historyAction(previous, next) {
  return (previous.q || '') === (next.q || '') ? 'replace' : 'push';
}
