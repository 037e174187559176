// Filters: each chosen value is one bitset over the services (store.py);
// a service matches when it is in every chosen bitset.

// The bitset files for the filters in `params`, skipping values the site does not have.
export function filterNames(params, manifest) {
  const names = [];
  for (const kind of ['need', 'area', 'category']) {
    const position = params[kind] ? manifest.filters[kind].indexOf(params[kind]) : -1;
    if (position >= 0) { names.push(kind + '-' + position); }
  }
  if (/^\d+$/.test(params.age || '') && manifest.filters.age.indexOf(+params.age) >= 0) {
    names.push('age-' + (+params.age));
  }
  if (params.free === 'yes') { names.push('free'); }
  if (params.self === 'yes') { names.push('self'); }
  return names;
}

// The AND of the bitsets, or null when there are none (everything matches).
export function intersect(bitsets) {
  if (!bitsets.length) { return null; }
  const bits = new Uint8Array(bitsets[0]);
  for (const other of bitsets.slice(1)) {
    for (let i = 0; i < bits.length; i++) { bits[i] &= other[i]; }
  }
  return bits;
}

export function has(bits, n) {
  return (bits[n >> 3] & (1 << (n & 7))) !== 0;
}

// Every service in the bitset, A to Z.
export function members(bits, count) {
  const refs = [];
  for (let n = 0; n < count; n++) {
    if (has(bits, n)) { refs.push(n); }
  }
  return refs;
}
