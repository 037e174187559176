"""Provider files of distinct, realistic text for bench/search_budget.py.

When bench/make_providers.py (real English at real rates, from the `scale`
work) is in the checkout, it writes them. Until then, this writes
bench/synthetic.py's files with its words drawn from `wordfreq`'s English list
at their real frequencies (a seeded sample of 200,000 draws from the 30,000
most common words) plus the SEND words synthetic.py uses, so that each
service's text differs and the index's vocabulary grows as a real one does.
"""

import random

from bench import synthetic

SEED = 2026
DRAWS = 200_000
LIST_SIZE = 30_000


def write_realistic_providers(folder, count):
    try:
        from bench.make_providers import write_providers
    except ImportError:
        return _write_with_wordfreq(folder, count)
    write_providers(folder, count, SEED)
    return folder


def _write_with_wordfreq(folder, count):
    from wordfreq import top_n_list, word_frequency

    words = [word for word in top_n_list("en", LIST_SIZE) if word.isalpha() and word.isascii()]
    rng = random.Random(SEED)
    drawn = rng.choices(words, weights=[word_frequency(word, "en") for word in words], k=DRAWS)
    send_words = list(synthetic.WORDS) * (DRAWS // (10 * len(synthetic.WORDS)))
    original = synthetic.WORDS
    synthetic.WORDS = tuple(drawn + send_words)
    try:
        return synthetic.write_providers(folder, count, SEED)
    finally:
        synthetic.WORDS = original
