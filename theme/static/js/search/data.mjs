// Loading the search data (plugins/search_index/README.md describes the files):
// the manifest, term files, word files, store pages and filter bitsets, each
// fetched once and only when a search needs it. `load(path, asText)` fetches
// one file; the page passes one that uses fetch, the Node tests one that reads
// the built site from disk.
import { stem } from './stemmer.mjs';
import { wordFile } from './spelling.mjs';

const MAX_KEY = 8; // the longest term-file key (shards.py MAX_KEY_LENGTH)

export class SearchData {
  constructor(load) {
    this.load = load;
    this.manifest = null;
    this.keys = new Set();
    this.postings = new Map();
    this.loads = new Map();
  }

  async start() {
    if (!this.manifest) {
      this.manifest = await this.once('manifest.json', () => this.load('manifest.json'));
      this.keys = new Set(this.manifest.terms);
    }
    return this.manifest;
  }

  // Each file is fetched once; a failed fetch may be tried again.
  once(name, fetchIt) {
    if (!this.loads.has(name)) {
      const loading = fetchIt();
      this.loads.set(name, loading);
      loading.catch(() => this.loads.delete(name));
    }
    return this.loads.get(name);
  }

  // The file holding a term: the longest key that starts it.
  termKey(term) {
    for (let length = Math.min(term.length, MAX_KEY); length > 0; length--) {
      if (this.keys.has(term.slice(0, length))) { return term.slice(0, length); }
    }
    return null;
  }

  // Fetch the files of these terms; afterwards `posting(term)` answers for each.
  async loadTerms(terms) {
    const keys = new Set(terms.map((term) => this.termKey(term)).filter(Boolean));
    await Promise.all([...keys].map((key) => this.once('terms/' + key, () => this.load('terms/' + key + '.json')
      .then((file) => {
        for (const [term, flat] of Object.entries(file)) { this.postings.set(term, flat); }
      }))));
  }

  // [doc, weight, doc, weight, ...] with docs as differences, or undefined.
  posting(term) {
    return this.postings.get(term);
  }

  // The index's words in the spelling file of `word`'s stem (spelling.py),
  // most common first, as [word, term] pairs.
  async nearWords(word) {
    return this.nearWordsInFile(wordFile(stem(word), this.manifest.words));
  }

  async nearWordsInFile(number) {
    return this.once('words/' + number, () => this.load('words/' + number + '.txt', true)
      .then((text) => text.split(' ').filter(Boolean).map((listed) => [listed, stem(listed)])));
  }

  // The HTML cards of services `refs`, in that order.
  async cards(refs) {
    const size = this.manifest.storePageSize;
    const pages = [...new Set(refs.map((n) => Math.floor(n / size)))];
    const loaded = new Map(await Promise.all(pages.map(async (page) => [page,
      await this.once('store/' + page, () => this.load('store/' + page + '.json'))])));
    return refs.map((n) => loaded.get(Math.floor(n / size))[n % size]);
  }

  async filter(name) {
    return this.once('filters/' + name, () => this.load('filters/' + name + '.txt', true).then(decodeBitset));
  }

  async topics() {
    return this.once('topics', () => this.load('topics.json'));
  }
}

export function decodeBitset(text) {
  const binary = atob(text.trim());
  const bits = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) { bits[i] = binary.charCodeAt(i); }
  return bits;
}
