"""ISO 639 codes for the languages services in England most often name.

A language not listed here is published with its name only: a wrong code is
worse than none.
"""

CODES = {
    "arabic": "ar", "bengali": "bn", "british sign language": "bfi", "bsl": "bfi", "cantonese": "yue",
    "chinese": "zh", "english": "en", "french": "fr", "german": "de", "gujarati": "gu", "hindi": "hi",
    "italian": "it", "kurdish": "ku", "lithuanian": "lt", "mandarin": "cmn", "pashto": "ps", "persian": "fa",
    "farsi": "fa", "polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro", "russian": "ru",
    "somali": "so", "spanish": "es", "tamil": "ta", "tigrinya": "ti", "turkish": "tr", "ukrainian": "uk",
    "urdu": "ur", "welsh": "cy",
}


def language_code(name):
    return CODES.get(name.strip().casefold())
