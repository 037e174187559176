"""The words synthetic provider files are written in: real English at its real rates.

Words and their frequencies come from the `wordfreq` package (pinned in
requirements-dev.txt; its word lists ship inside it, nothing is downloaded).
A real directory's text is more repetitive than English at large: a council's
1,500 services use about 11,000 distinct words, where 300,000 words drawn from
all of English would use over 20,000. So 85 words in 100 come from the 3,000
most common words and 15 from the top 100,000, each list at its real
frequencies; that mix gives a real directory's count at 1,500 services (11,009
with seed 1) and keeps growing, as a real one does, with more services.

SEND words come on top, at about the rate they appear in real service
descriptions: one sentence in three names a need, a therapy or a plan.
"""

import itertools
import re

import wordfreq

ALL_WORDS = 100_000
COMMON_WORDS = 3_000
RARE_SHARE = 0.15
SEND_TERM_SHARE = 0.33
# What a real directory measured: (services, distinct words).
REAL_DIRECTORY = (1_500, 11_000)

# Swearing and slurs are common on the web the word lists come from; no council
# would publish them, so they are left out and synthetic pages can be shown to people.
LEFT_OUT = frozenset((
    "fuck fucking fucked fucker fucks motherfucker shit shitty bullshit bitch bitches cunt cock dick dicks "
    "pussy whore slut sluts porn porno sex sexy nigga niggas nigger fag faggot retard retarded tits boobs "
    "penis vagina anal cum dildo rape raped bastard bastards wank wanker twat prick asshole arse ass"
).split())

# (phrase, how often it comes up relative to the others): the needs, therapies,
# plans and support that SEND service descriptions keep naming.
SEND_TERMS = (
    ("autism", 12), ("autistic", 6), ("ADHD", 6), ("special educational needs", 8), ("SEND", 10),
    ("disabilities", 8), ("speech and language therapy", 6), ("speech and language", 6),
    ("communication", 6), ("sensory", 6), ("sensory processing", 3), ("occupational therapy", 4),
    ("physiotherapy", 3), ("learning disability", 5), ("learning difficulties", 4), ("dyslexia", 3),
    ("dyspraxia", 2), ("EHC plan", 5), ("education, health and care plan", 4), ("EHCP", 3),
    ("SENCO", 3), ("annual review", 2), ("short breaks", 4), ("respite", 2), ("direct payments", 2),
    ("personal budget", 2), ("wheelchair", 3), ("hearing impairment", 2), ("deaf", 3),
    ("visual impairment", 2), ("British Sign Language", 2), ("Makaton", 2), ("social communication", 2),
    ("emotional wellbeing", 3), ("mental health", 4), ("anxiety", 3), ("Down syndrome", 1),
    ("cerebral palsy", 1), ("epilepsy", 1), ("global developmental delay", 1), ("complex needs", 2),
    ("one-to-one support", 2), ("key worker", 2), ("transition", 3), ("independence", 3),
    ("life skills", 2), ("preparing for adulthood", 2), ("portage", 1), ("stammering", 1),
    ("Changing Places toilet", 1), ("quiet room", 1), ("parent carers", 4), ("young people", 8),
)


def text_words(text):
    """The words a reader reads in `text`: link addresses and Markdown marks left out."""
    text = re.sub(r"\]\([^)]*\)", " ", text)
    return re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", text)


class Vocabulary:
    """Draws words with a seeded random.Random, so the same seed gives the same text."""

    def __init__(self):
        words = [word for word in wordfreq.top_n_list("en", ALL_WORDS) if word.isalpha() and word not in LEFT_OUT]
        # Whole-number weights, so the draw is the same on every machine.
        weights = [max(1, round(wordfreq.word_frequency(word, "en") * 1e9)) for word in words]
        self.all_words = words
        self._all_cumulative = list(itertools.accumulate(weights))
        self._common = words[:COMMON_WORDS]
        self._common_cumulative = self._all_cumulative[:COMMON_WORDS]
        self._send = [phrase for phrase, _ in SEND_TERMS]
        self._send_cumulative = list(itertools.accumulate(weight for _, weight in SEND_TERMS))

    def words(self, rng, count):
        """`count` words of English at their real rates."""
        drawn = []
        for _ in range(count):
            if rng.random() < RARE_SHARE:
                drawn += rng.choices(self.all_words, cum_weights=self._all_cumulative)
            else:
                drawn += rng.choices(self._common, cum_weights=self._common_cumulative)
        return drawn

    def send_term(self, rng):
        return rng.choices(self._send, cum_weights=self._send_cumulative)[0]

    def sentence_words(self, rng, count):
        """`count` words for one sentence; one sentence in three names a SEND term."""
        drawn = self.words(rng, count)
        if count >= 4 and rng.random() < SEND_TERM_SHARE:
            term = self.send_term(rng).split()
            at = rng.randrange(count)
            drawn[at:at + len(term)] = term
            drawn = drawn[:max(count, len(term))]
        return ["I" if word == "i" else word for word in drawn]

    def sentence(self, rng, count, end="."):
        words = self.sentence_words(rng, count)
        return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]]) + end

    def title(self, rng, count):
        """`count` capitalised words for a name, leaving out the short words names rarely start with."""
        words = []
        while len(words) < count:
            words += [word for word in self.sentence_words(rng, count) if len(word) > 3]
        return " ".join(word[:1].upper() + word[1:] for word in words[:count])
