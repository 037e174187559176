"""Plain paragraphs skip Markdown (markdown_text._plain_paragraphs) and must give Markdown's HTML exactly."""

import random

import pytest

from plugins.service_directory import markdown_text
from plugins.service_directory.markdown_text import MarkdownRenderer


RENDERER = MarkdownRenderer()


def markdown_html(text):
    return RENDERER._markdown.reset().convert(text)


@pytest.mark.parametrize("text", [
    "One sentence.",
    "First paragraph, with words.\n\nSecond: it's \"quoted\" (and 100% £5).",
    "A line\nand the next line of the same paragraph.",
    "Café ünïcode — dashes… and ‘quotes’!",
    "A YAML block ends in a newline.\n",
    "First paragraph.\n\nSecond paragraph, kept with every newline after it.\n\n\n",
])
def test_plain_text_takes_the_fast_path_and_matches_markdown(text):
    assert markdown_text._plain_paragraphs(text) == markdown_html(text)


@pytest.mark.parametrize("text", [
    "- a list", "1. a list", "# heading", "> quote", "    code", "Text  \nwith a line break",
    "a *stressed* word", "a_b", "[link](https://x)", "<b>", "&amp;", "Title\n=====", "Rule\n\n---",
    "a\n\n\nb", "\ttab", "a\r\nb", "a\x02b", "\u0661. list in Arabic digits", " leading", "trailing ",
    "trailing  \n", "\n", "a\n \n",
])
def test_anything_markdown_might_change_is_left_to_markdown(text):
    assert markdown_text._plain_paragraphs(text) is None


def test_random_text_fast_path_matches_markdown():
    # Letters are common so that whole lines and paragraphs of words are made.
    pieces = list("abcdefghij" * 4) + list(" .,;:'\"?!()/%£-=+~|^{}$@") + [
        "\n", "\n\n", "  ", "\t", "\u00a0", "é", "\u0661", "&", "*", "_", "1. ", "- ", "> ", "# ",
        "    ", "---", "===", "\r", "\x02", "http://x.y", "<b>", "[a](b)", "\\", "`",
    ]
    chooser = random.Random(16)
    fast = 0
    for _ in range(20000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 12)))
        plain = markdown_text._plain_paragraphs(text)
        if plain is not None:
            fast += 1
            assert plain == markdown_html(text), text
    assert fast > 1000


def test_rendered_plain_text_is_still_cleaned_and_styled():
    assert MarkdownRenderer().render("Words.\n\nMore words.", heading_offset=1) == (
        '<p class="govuk-body">Words.</p>\n<p class="govuk-body">More words.</p>'
    )
