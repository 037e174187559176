"""The index's own words, cut so that a misspelt word fetches only its few neighbours.

When a family's word is in no document, the browser looks for the word they
meant among the words the index holds. Sending the whole vocabulary would cost
tens of kilobytes at 10,000 services, so the words are cut into small files by
a *spelling key* that the usual slips do not change:

- the key is the set of the word's consonants, sorted, after folding the
  letters that sound alike (ph f, ck k, c before e/i/y s, other c k, q k,
  z s, x ks) and dropping vowels, y, h and w;
- so a transposition ("autsim" for "autism"), a wrong vowel ("speach"), a
  doubled or single letter, a wrong vowel or sound-alike first letter
  ("dispraxia", "fisio", "serebral") keep the key;
- the key is taken of the word's stem (its term), so endings do not count;
- the file of a key is `fnv1a(key) mod files`, the number of files a power of
  two chosen so each holds about TARGET_BYTES of words.

Each file lists one word per term (the form written most often, so "Did you
mean" shows a word and not a stem), the most common terms first, separated by
spaces. theme/static/js/search/spelling.mjs computes the same key and hash;
tests/fixtures/search/text_vectors.json holds keys both sides check.
"""

import re

TARGET_BYTES = 2000
SHORTEST = 3  # shorter words are never corrected, so need not be listed
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOUNDS = str.maketrans({"c": "k", "q": "k", "z": "s"})
_SILENT = set("aeiouyhw")


def spelling_key(word):
    word = word.replace("ph", "f").replace("ck", "k").replace("x", "ks")
    word = _SOFT_C.sub("s", word).translate(_SOUNDS)
    return "".join(sorted({letter for letter in word if letter not in _SILENT}))


def fnv1a(text):
    """32-bit FNV-1a of the text's UTF-16 code units (as JavaScript sees a string); keys are ASCII."""
    value = 0x811C9DC5
    for char in text:
        value ^= ord(char)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value


def word_files(words):
    """{file number: text} and the number of files, for `words`: (word, term)
    pairs, most common first. A word goes in the file of its term's key: the
    browser looks in the file of the key of the stem of what was typed, so
    "swiming" (stem "swime") finds "swimming" (term "swim") though the two
    words' own consonants differ."""
    listed = [(word, term) for word, term in words if is_listed(word)]
    count = file_count(sum(len(word) + 1 for word, _ in listed))
    files = {}
    for word, term in listed:
        files.setdefault(file_number(term, count), []).append(word)
    return {number: " ".join(group) for number, group in sorted(files.items())}, count


def is_listed(word):
    """Whether a word is listed at all: shorter words and numbers are never corrected."""
    return len(word) >= SHORTEST and not word.isdigit()


def file_count(size):
    """The number of word files for `size` bytes of listed words (and their spaces)."""
    count = 1
    while count * TARGET_BYTES < size:
        count *= 2
    return count


def file_number(term, count):
    return fnv1a(spelling_key(term)) % count


def file_text(entries):
    """One word file from (services holding the term, term, word shown) of each of its
    terms: as word_files makes it, the most common first."""
    return " ".join(word for _, _, word in sorted(entries, key=lambda entry: (-entry[0], entry[1])) if is_listed(word))


def display_words(documents_words):
    """{term: the word shown for it}: of the words that gave the term, the one
    most documents used, then the shortest, then A to Z. `documents_words` is
    each document's {term: word}."""
    return {term: shown_word(counts) for term, counts in word_tallies(documents_words).items()}


def word_tallies(documents_words):
    """{term: {word: how many documents gave the term as that word}}."""
    tally = {}
    for words in documents_words:
        for term, word in words.items():
            counts = tally.setdefault(term, {})
            counts[word] = counts.get(word, 0) + 1
    return tally


def shown_word(counts):
    """The word shown for a term whose words are tallied in `counts` (display_words)."""
    return min(counts, key=lambda word: (-counts[word], len(word), word))
