"""The term files and spelling word files, re-made only where a rebuild changed them.

A term's posting (weights.term_postings) depends only on the services holding
the term and on each field's rounded average length, and a word file only on
the terms in it. So, when the averages stay put and no service was added or
removed, a rebuild re-weighs only the changed services (their old counts from
the counts cache, their new ones made), patches the postings of their terms,
and re-makes only:

- the term files of the *groups* of those terms (a group is the terms sharing
  their first FIRST_KEY_LENGTH characters: shards.split cuts each group on its
  own, so a group's files are a function of its terms alone);
- the word files holding those terms.

`CACHE_PATH/search_index-terms.sqlite` (cache_files.entries, a row a group)
keeps each group's postings (`t/<group>`), each word file's terms with the
number of services holding each and the tally of the words that gave it
(`w/<number>`), and `meta`: every service's key in order, the field totals, the
shard keys of each group, the digest of every term and word file, and the
version of the manifest written. Everything else is read from no file and
costs nothing.

A full build (every file made from every service's counts) is done instead
when a service was added or removed, more than 1/5 of the services changed, a
field's rounded average moved, the number of word files moved, a setting or
anything the counts depend on changed (the fingerprint), a row is missing, a
kept file is missing from the output, the manifest in the output is not the
one the last build wrote, or a build stopped while writing the output
(`search_index-terms.writing` is there). Either way the files are the same bytes
(tests/test_search_incremental.py).
"""

import hashlib
import json
from pathlib import Path

from localoffer.cache_files import digest
from localoffer.cache_files.entries import EntryStore

from .shards import FIRST_KEY_LENGTH, dumps, term_files
from .cache import counts_from_text, counts_text
from .spelling import file_count, file_number, file_text, is_listed, shown_word
from .weights import WORDS, document_weights, forget_rounded, round_weight, rounded_averages, term_postings

TERMS_FILE = "search_index-terms.sqlite"
# There while a build writes the data folder: a build stopped then may have written some files
# and not its rows, so the rows no longer say what the folder holds.
WRITING_FILE = "search_index-terms.writing"
FORMAT = 1
META = "meta"
# More changed services than this share of all is a full build: patching costs more per service.
MOST_CHANGED = 1 / 5


def group_of(term):
    return term[:FIRST_KEY_LENGTH]


def file_digest(text):
    return bytes_digest(text.encode("utf-8"))


def bytes_digest(data):
    """The digest of a data file's bytes, as file_digest gives it of the file's text."""
    return hashlib.sha256(data).hexdigest()[:32]


def version_of(digests):
    """The manifest's version: a digest of every data file's digest, so it changes exactly
    when a file does (and the unchanged files need not be read to make it)."""
    version = hashlib.sha256()
    for path in sorted(digests):
        version.update(f"{path}\0{digests[path]}\0".encode())
    return version.hexdigest()[:16]


class TermFiles:
    """Makes the term and word files of one build: `make(...)`, then `save(version)`."""

    def __init__(self, cache_path, fingerprint, enabled=True):
        self.store = EntryStore(Path(cache_path) / TERMS_FILE, digest(FORMAT, fingerprint), label="search_index",
                                text=True) if enabled else None
        self.writing = Path(cache_path) / WRITING_FILE if enabled else None
        self.full = True  # whether this build made every file (for the log and the tests)
        # The numbers of the services whose keys are not the last build's (the others are the same
        # services in the same places), or None when this build did not compare them.
        self.changed = None
        self.why = "the cache is off"  # why it did
        self._meta = None
        self._rows = {}  # row key -> the text this build made for it

    def make(self, services, counts_cache, compute, boosts, k1, b, shard_bytes, folder=None, holds=None):
        """Return ({path: text} of the term and word files to write, {path: digest} of every
        term and word file this build has, the term files' keys, the number of word files).
        `compute(number, service)` makes a service's counts; `folder` is the data folder
        the last build wrote; `holds(path, digest)` says whether a file in it holds those
        bytes (folder.DataFolder.holds; without it, a file that is there is taken as written)."""
        self.full = False
        made = None
        if self.store is not None and counts_cache is not None and folder is not None:
            made = self._patch(services, counts_cache, compute, boosts, k1, b, shard_bytes, Path(folder), holds)
        if made is None:
            self.full = True
            made = self._make_all(services, counts_cache, compute, boosts, k1, b, shard_bytes)
        forget_rounded()
        return made

    def start_writing(self):
        """Say that the data folder is being written (save() says it is done)."""
        if self.writing is not None:
            self.writing.parent.mkdir(parents=True, exist_ok=True)
            self.writing.touch()

    def save(self, version):
        """Keep this build's rows (with the manifest version) for the next build's patch."""
        if self.store is None:
            return
        self._meta["version"] = version
        self.store.put(META, json.dumps(self._meta, separators=(",", ":")))
        for key, text in self._rows.items():
            self.store.put(key, text)
        self.store.save()
        self.writing.unlink(missing_ok=True)

    # A full build: every file from every service's counts.

    def _make_all(self, services, counts_cache, compute, boosts, k1, b, shard_bytes, known=None):
        """make()'s answer from every service's counts (`known`: {number: counts} already made)."""
        known = known or {}
        self._rows = {}
        fields = list(boosts)
        # Every service's counts are read twice: first their lengths, for each field's average,
        # then their terms, weighed against those averages. In between they are held as their
        # JSON text (the cache's row), decoded again one at a time: the counts themselves took
        # about 17 KB a service (1.7 GB at 100,000 services), their text takes about 4.6 KB.
        texts, totals = [], dict.fromkeys(fields, 0)
        if counts_cache:
            counts_cache.expect(services)
        for number, service in enumerate(services):
            text = None
            if number in known:
                counts = known[number]
            elif counts_cache:
                counts, text = counts_cache.counts_and_text(
                    service, lambda number=number, service=service: compute(number, service))
            else:
                counts = compute(number, service)
            for field in fields:
                totals[field] += counts[field][0]
            texts.append(counts_text(counts) if text is None else text)
            counts = None
        if counts_cache:
            # Every count this build needs is read or made: saved now, the cache lets go of
            # the texts it made (every service's, in a build from nothing) before they are.
            counts_cache.save()
        tallies = {}
        postings = term_postings(_decoded(texts, tallies), boosts, k1, b,
                                 rounded_averages(totals, len(services))) if services else {}
        del texts
        groups = {}
        for term, posting in postings.items():
            groups.setdefault(group_of(term), {})[term] = posting
        files, digests, shards = {}, {}, {}
        for group in sorted(groups):
            self._group_files(group, groups[group], shard_bytes, files, digests, shards)
        size = sum(len(word) + 1 for word in map(shown_word, tallies.values()) if is_listed(word))
        word_count = file_count(size)
        word_rows = {}
        for term, tally in tallies.items():
            word_rows.setdefault(file_number(term, word_count), {})[term] = [(len(postings[term]) - 1) // 2, tally]
        for number in range(word_count):
            self._word_file(number, word_rows.get(number, {}), files, digests)
        keys = [counts_cache.key(service) for service in services] if counts_cache else []
        self._meta = {"keys": keys, "count": len(services), "totals": totals, "shards": shards,
                      "digests": digests, "wordCount": word_count, "wordBytes": size}
        return files, digests, sorted(key for keys in shards.values() for key in keys), word_count

    def _group_files(self, group, postings, shard_bytes, files, digests, shards):
        """The term files of one group into `files` and `digests`, its keys into `shards`,
        and its row."""
        shards[group] = []
        texts = {}  # term -> its posting's JSON, made once for the files and the row
        for key, text in term_files(postings, shard_bytes, texts).items():
            path = f"terms/{key}.json"
            files[path] = text
            digests[path] = file_digest(text)
            shards[group].append(key)
        # dumps(postings), but each posting's JSON from the files'.
        self._rows[f"t/{group}"] = "{" + ",".join(
            f"{dumps(term)}:{texts.get(term) or dumps(postings[term])}" for term in sorted(postings)) + "}"

    def _word_file(self, number, terms, files, digests):
        """Word file `number` from its {term: [services holding it, {word: how many}]}, and its
        row; a number with no word listed has no file (the browser finds no word there)."""
        path = f"words/{number}.txt"
        text = file_text([(held, term, shown_word(tally)) for term, (held, tally) in terms.items()])
        digests.pop(path, None)
        if text:
            files[path] = text
            digests[path] = file_digest(text)
        self._rows[f"w/{number}"] = dumps(terms)

    # A rebuild: only the changed services' terms.

    def _patch(self, services, counts_cache, compute, boosts, k1, b, shard_bytes, folder, holds=None):
        """What make() returns, made from the last build's rows and the changed services
        alone; None when a full build is needed (see the module's docstring)."""
        if self.writing.exists():
            return self._because("a build stopped while writing the data")
        meta = self._read(META)
        if not isinstance(meta, dict):
            return self._because("no earlier build's rows")
        if meta.get("count") != len(services):
            return self._because("services were added or removed")
        if not self._is_on_disk(meta, folder, holds):
            return self._because("the data folder is not what the last build wrote")
        keys = [counts_cache.key(service) for service in services]
        if None in keys:
            return self._because("a service has no key")
        changed = [number for number, (key, old) in enumerate(zip(keys, meta["keys"])) if key != old]
        self.changed = changed
        if len(changed) > MOST_CHANGED * len(services):
            return self._because(f"{len(changed)} services changed")
        old_counts = {number: counts_cache.counts_kept(meta["keys"][number]) for number in changed}
        if None in old_counts.values():
            return self._because("a changed service's old counts are not kept")
        new_counts = {number: counts_cache.counts(services[number], lambda number=number: compute(number, services[number]))
                      for number in changed}
        fields = list(boosts)
        totals = dict(meta["totals"])
        for number in changed:
            for field in fields:
                totals[field] += new_counts[number][field][0] - old_counts[number][field][0]
        averages = rounded_averages(totals, len(services))
        if averages != rounded_averages(meta["totals"], len(services)):
            self._because("a field's average length moved")
            return self._fall_back(services, counts_cache, compute, boosts, k1, b, shard_bytes, new_counts)
        counts_cache.keep(key for number, key in enumerate(keys) if number not in old_counts)

        field_boosts = [(field, boosts[field]) for field in fields]
        # term -> {doc: new weight, or None when the doc no longer holds it}, and the change of held
        docs, held, words = {}, {}, {}
        weighed = ({}, {})  # the changed services' old and new {term: [fields, weight]}, by number
        for number in changed:
            for sign, counts in ((-1, old_counts[number]), (1, new_counts[number])):
                weights = weighed[sign > 0][number] = document_weights(counts, field_boosts, averages, k1, b)
                for term, (fields_holding, weight) in weights.items():
                    held[term] = held.get(term, 0) + sign * fields_holding
                    if sign > 0:  # the old counts come first: a doc still holding the term gets its new weight
                        docs.setdefault(term, {})[number] = round_weight(weight)
                    else:
                        docs.setdefault(term, {}).setdefault(number, None)
                for term, word in counts[WORDS].items():
                    tally = words.setdefault(term, {})
                    tally[word] = tally.get(word, 0) + sign

        # A term whose weight and count in the changed services are as they were (most of a
        # changed service's terms, when one field changed) keeps its posting, and its files.
        for term in [term for term, weights in docs.items() if all(
                _weight_of(weighed[0], number, term) == _weight_of(weighed[1], number, term) for number in weights)]:
            if all(not change for change in words.get(term, {}).values()):
                del docs[term]
                words.pop(term, None)

        files, digests, shards = {}, dict(meta["digests"]), dict(meta["shards"])
        holders = {}  # term -> services holding it now
        for group in sorted({group_of(term) for term in docs}):
            postings = self._read(f"t/{group}") if group in shards else {}
            if not isinstance(postings, dict):
                return self._because(f"the row of group {group} is missing")
            for term in [term for term in docs if group_of(term) == group]:
                posting = _patched(postings.get(term), held[term], docs[term])
                if posting is None:
                    postings.pop(term, None)
                else:
                    postings[term] = posting
                holders[term] = 0 if posting is None else (len(posting) - 1) // 2
            for key in shards.pop(group, []):
                del digests[f"terms/{key}.json"]
            if postings:
                self._group_files(group, dict(sorted(postings.items())), shard_bytes, files, digests, shards)
            else:
                self._rows[f"t/{group}"] = None  # an empty group: its row goes
        shards = dict(sorted(shards.items()))

        word_count, size = meta["wordCount"], meta["wordBytes"]
        word_rows = {}
        for term in sorted(words):
            number = file_number(term, word_count)
            if number not in word_rows:
                row = self._read(f"w/{number}")
                if not isinstance(row, dict):
                    return self._because(f"the row of word file {number} is missing")
                word_rows[number] = row
            old = word_rows[number].get(term)
            tally = dict(old[1]) if old else {}
            for word, change in words[term].items():
                tally[word] = tally.get(word, 0) + change
                if not tally[word]:
                    del tally[word]
            size -= _listed_bytes(old[1]) if old else 0
            size += _listed_bytes(tally)
            if holders.get(term):
                word_rows[number][term] = [holders[term], tally]
            else:
                word_rows[number].pop(term, None)
        if file_count(size) != word_count:
            self._because("the number of word files moved")
            return self._fall_back(services, counts_cache, compute, boosts, k1, b, shard_bytes, new_counts)
        for number, row in word_rows.items():
            self._word_file(number, dict(sorted(row.items())), files, digests)

        self._meta = {"keys": keys, "count": len(services), "totals": totals, "shards": shards,
                      "digests": digests, "wordCount": word_count, "wordBytes": size}
        keep = [META] + [f"t/{group}" for group in shards] + [f"w/{number}" for number in range(word_count)]
        self.store.keep(key for key in keep if key not in self._rows)
        for key in [key for key, text in self._rows.items() if text is None]:
            del self._rows[key]
        return files, digests, sorted(key for keys in shards.values() for key in keys), word_count

    def _because(self, why):
        self.why = why
        return None

    def _fall_back(self, services, counts_cache, compute, boosts, k1, b, shard_bytes, new_counts):
        """A full build after all, reusing the changed services' counts just made."""
        self.full = True
        return self._make_all(services, counts_cache, compute, boosts, k1, b, shard_bytes, new_counts)

    def _read(self, key):
        text = self.store.get(key, keep=False)
        try:
            return None if text is None else json.loads(text)
        except ValueError:
            return None

    def _is_on_disk(self, meta, folder, holds=None):
        """Whether the data folder holds what the last build wrote: its manifest, and every
        term and word file (a file a rebuild does not re-make must be there, with its bytes
        when `holds` can tell)."""
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not (isinstance(manifest, dict) and manifest.get("version") == meta.get("version")):
            return False
        if holds is not None:
            return all(holds(path, digest) for path, digest in meta["digests"].items())
        return all((folder / path).is_file() for path in meta["digests"])


def _decoded(texts, tallies):
    """The counts of each of `texts` (counts_text), decoded one at a time, in order; the words
    of each are tallied into `tallies` on the way (as spelling.word_tallies tallies them)."""
    for text in texts:
        counts = counts_from_text(text)
        for term, word in counts[WORDS].items():
            tally = tallies.setdefault(term, {})
            tally[word] = tally.get(word, 0) + 1
        yield counts


def _patched(posting, held_change, docs):
    """A posting [held, doc, weight, ...] (or None) with `docs` ({doc: weight or None}) put in
    and `held_change` added; None when no service holds the term any more."""
    held, weights, doc = 0, {}, 0
    if posting:
        held = posting[0]
        for position in range(1, len(posting), 2):
            doc += posting[position]
            weights[doc] = posting[position + 1]
    for number, weight in docs.items():
        if weight is None:
            weights.pop(number, None)
        else:
            weights[number] = weight
    if not weights:
        return None
    flat, previous = [held + held_change], 0
    for number in sorted(weights):
        flat += [number - previous, weights[number]]
        previous = number
    return flat


def _weight_of(weighed, number, term):
    """(fields holding `term`, its rounded weight) in service `number`'s weights, or None."""
    held = weighed[number].get(term)
    return None if held is None else (held[0], round_weight(held[1]))


def _listed_bytes(tally):
    """The bytes the term's shown word takes in the word files (0 when it is not listed)."""
    if not tally:
        return 0
    word = shown_word(tally)
    return len(word) + 1 if is_listed(word) else 0
