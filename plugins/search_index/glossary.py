"""The SEND glossary (content/data/send-glossary.yaml) and how search uses it.

Each entry is a group of words that mean one thing to families: its acronym,
its full form and its synonyms. A service whose text uses any of them gets all
of them in its `glossary` field, so a search for `asd`, `autism` or `autistic`
finds a service that only ever wrote "ASD". The words are added on the
service's side, so a query needs no glossary in the browser.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from lunr.stemmer import porter_stemmer

from localoffer.written_yaml.bounded import safe_load_bounded

from .text import fold, fold_keep_case

KEYS = ("acronym", "full", "meaning", "synonyms")
# Acronyms this long or longer are matched in any case ("SENCo", "senco");
# shorter ones (OT, VI, HI, LA) only in capitals, so that "hi" or "la" in a
# sentence is not taken for one.
ANY_CASE_FROM = 4


@dataclass(frozen=True)
class Entry:
    acronym: str  # or None when the term has none
    full: str
    meaning: str
    synonyms: tuple


def read_glossary(path):
    """Return (entries, problems) for the file at `path`; a problem is a sentence."""
    path = Path(path)
    if not path.is_file():
        return [], [f"the glossary {path} is missing; searches will not know SEND words such as ASD or SALT"]
    try:
        data = safe_load_bounded(path)  # a content file is read as carefully as a provider file
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        return [], [f"{path}{where}: not valid YAML; the glossary is not used"]
    return check_entries(data, path)


def check_entries(data, source):
    """Keep the entries that have every key with the right kind of value."""
    if not isinstance(data, list):
        return [], [f"{source}: must be a list of entries with {', '.join(KEYS)}; the glossary is not used"]
    entries, problems = [], []
    for number, item in enumerate(data, start=1):
        problem = _entry_problem(item)
        if problem:
            problems.append(f"{source}: entry {number}: {problem}; the entry is left out")
            continue
        entries.append(Entry(item["acronym"], item["full"], item["meaning"], tuple(item["synonyms"] or ())))
    return entries, problems


def _entry_problem(item):
    if not isinstance(item, dict):
        return f"must be a mapping with {', '.join(KEYS)}"
    missing = [key for key in KEYS if key not in item]
    if missing:
        return f"has no {', '.join(missing)}"
    unknown = sorted(set(item) - set(KEYS))
    if unknown:
        return f"has unknown key(s) {', '.join(unknown)}"
    if item["acronym"] is not None and not _text(item["acronym"]):
        return "acronym must be text, or null when the term has none"
    for key in ("full", "meaning"):
        if not _text(item[key]):
            return f"{key} must be text"
    synonyms = item["synonyms"]
    if synonyms is not None and not (isinstance(synonyms, list) and all(_text(word) for word in synonyms)):
        return "synonyms must be a list of words or phrases"
    return None


def _text(value):
    return isinstance(value, str) and bool(value.strip())


class Glossary:
    """Finds the entries a service's text uses and gives the words to add for them."""

    def __init__(self, entries):
        self.entries = list(entries)
        self._phrases = []  # (folded phrase, entry index), matched in lower case
        self._by_first_word = {}  # first word of a folded phrase -> [(phrase, entry index), ...]
        self._capitals = {}  # acronym as written -> entry indexes, matched as written
        self._codes = {}  # lower-case acronym -> entry indexes, for need codes such as "asd"
        self._words = []
        for index, entry in enumerate(self.entries):
            phrases = [entry.full, *entry.synonyms]
            if entry.acronym:
                self._codes.setdefault(entry.acronym.lower(), []).append(index)
                if len(entry.acronym) >= ANY_CASE_FROM or " " in entry.acronym:
                    phrases.append(entry.acronym)
                else:
                    for written in {fold_keep_case(entry.acronym), fold_keep_case(entry.acronym).upper()}:
                        self._capitals.setdefault(written, []).append(index)
            self._phrases += [(folded, index) for folded in sorted({stem_words(fold(phrase)) for phrase in phrases}) if folded]
            words = fold(" ".join(filter(None, [entry.acronym, entry.full, *entry.synonyms]))).split()
            self._words.append(sorted(set(words)))
        for phrase, index in self._phrases:
            self._by_first_word.setdefault(phrase.split(" ", 1)[0], []).append((phrase, index))

    def matching(self, text, need_codes=()):
        """Indexes of the entries that `text` (as the provider wrote it) or the need codes use.
        Words are compared stemmed, so "EHC plans" uses "EHC plan"."""
        found = set()
        folded = stem_words(fold(text))
        tokens = set(folded.split())
        padded = f" {folded} "
        # Only the few words that start a phrase or are an acronym are looked at.
        for token in tokens.intersection(self._by_first_word):
            for phrase, index in self._by_first_word[token]:
                if " " not in phrase or f" {phrase} " in padded:
                    found.add(index)
        for token in set(fold_keep_case(text).split()).intersection(self._capitals):
            found.update(self._capitals[token])
        for code in need_codes:
            found.update(self._codes.get(code.lower(), ()))
        return sorted(found)

    def words_for(self, text, need_codes=()):
        """The words to index for a service: every word of every entry it uses, once, sorted."""
        words = set()
        for index in self.matching(text, need_codes):
            words.update(self._words[index])
        return sorted(words)


# Each word's Porter stem, worked out once a build: a directory's words repeat, and its
# vocabulary (tens of thousands of words) is small beside the text.
_STEMS = {}


def stem_words(folded):
    words = folded.split()
    stems = _STEMS
    for word in set(words).difference(stems):
        stems[word] = porter_stemmer.stem(word)
    return " ".join(map(stems.__getitem__, words))
