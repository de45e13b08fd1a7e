"""The document model on real text: masking, scopes, sentences, quotes and offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import parse_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# A second story, written for these tests: a city council budget vote.
COUNCIL = """\
---
title: "Council approves $4.2 million budget"
dek: The vote was 5-2 after a three-hour debate.
sources: [../notes]
tags: [budget, council]
---

# Council approves budget

Mayor Jane Ortiz said the U.S. economy was "strong enough." She met Mr. Lee on Jan. 5 at 3 p.m. in Springfield.

> "We will build the library," said Dr. Amy Chen, the council's finance chair.

- Ortiz voted *yes* on the plan
- Lee voted `no` on the plan
1. See [the full report](https://example.org/budget-2025 "Budget report") for details.

| Member | Vote |
| --- | --- |
| Ortiz | yes |

Residents can read https://example.org/minutes or write to clerk@example.org. <span class="note">Inline HTML</span> stays.
<!-- newslint-disable -->

```python
print("budget")
```

    indented code block

## Reaction
### Third
#### Fourth
##### Fifth
###### Sixth
"""


def parse(text: str, name: str = "draft.md"):
    return parse_document(name, text)


def revealed(document) -> str:
    return " ".join(document.prose.split())


def block_texts(document, scope: str) -> list[str]:
    return [document.text[b.start:b.end] for b in document.blocks_in_scope(scope)]


# -- masking -------------------------------------------------------------------------------------
def test_prose_is_as_long_as_text_and_every_revealed_character_is_the_source_character():
    document = parse(COUNCIL)
    assert len(document.prose) == len(document.text)
    for offset, char in enumerate(document.prose):
        assert char in (" ", document.text[offset]) or (char == " " and document.text[offset] == "\r")
        if document.text[offset] == "\n":
            assert char == "\n"


@pytest.mark.parametrize("hidden", [
    'print("budget")',  # fenced code block
    "indented code block",
    "no",  # inline code: `no`
    "https://example.org/budget-2025",  # link target
    "Budget report",  # link title
    "https://example.org/minutes",  # bare URL
    "clerk@example.org",
    '<span class="note">',  # inline HTML tags
    "newslint-disable",  # HTML comment
    "tags",  # front-matter keys and non-prose values
    "sources",
    "../notes",
    "dek:",
])
def test_non_prose_is_masked(hidden):
    document = parse(COUNCIL)
    start = document.text.index(hidden)
    assert document.prose[start:start + len(hidden)].strip() == ""


def test_markup_characters_are_masked_but_their_words_are_prose():
    document = parse(COUNCIL)
    prose = revealed(document)
    assert "Ortiz voted yes on the plan" in prose  # emphasis markers masked
    assert "See the full report for details." in prose  # link text kept, target masked
    assert "Inline HTML stays." in prose
    for marker in ("> ", "- Ortiz", "1. See", "# Council", "| Member"):
        start = document.text.index(marker)
        assert document.prose[start] == " ", marker


def test_front_matter_prose_fields_are_revealed_with_exact_offsets():
    document = parse(COUNCIL)
    title = document.text.index("Council approves $4.2")
    assert document.prose[title:title + 30] == document.text[title:title + 30]
    assert document.prose[title - 1] == " "  # the opening quotation mark of the YAML string
    assert document.front_matter["sources"] == ["../notes"]
    assert document.front_matter["tags"] == ["budget", "council"]


def test_offsets_in_prose_are_offsets_in_text():
    document = parse(COUNCIL)
    for word in ("Ortiz", "Springfield", "library", "finance", "Reaction", "Sixth"):
        at = document.prose.index(word)
        assert document.text[at:at + len(word)] == word
        line, column = document.position(at)
        assert document.line_text(line)[column - 1:column - 1 + len(word)] == word


def test_escapes_and_entities_keep_the_words_around_them():
    document = parse("AT&amp;T and Smith\\_Jones said it was 5 \\* 3.\n")
    assert document.prose.startswith("AT&    T and Smith _Jones said it was 5 ")
    assert "Smith" in document.prose and "Jones" in document.prose


def test_html_blocks_and_multi_line_comments_are_masked():
    document = parse('<div class="box">\nBoxed "text"\n</div>\n\n<!--\nEditor: check this\n-->\nThe council met.\n')
    assert revealed(document) == "The council met."
    assert document.quotes == []


# -- scopes --------------------------------------------------------------------------------------
def test_scopes_of_every_kind_of_block():
    document = parse(COUNCIL)
    assert block_texts(document, "heading.h1") == ["Council approves budget"]
    assert block_texts(document, "heading.h2") == ["Reaction"]
    assert block_texts(document, "heading.h3") == ["Third"]
    assert block_texts(document, "heading.h4") == ["Fourth"]
    assert block_texts(document, "heading.h5") == ["Fifth"]
    assert block_texts(document, "heading.h6") == ["Sixth"]
    assert len(block_texts(document, "heading")) == 6
    assert block_texts(document, "blockquote") == ['"We will build the library," said Dr. Amy Chen, the council\'s finance chair.']
    assert block_texts(document, "list") == [
        "Ortiz voted *yes* on the plan", "Lee voted `no` on the plan",
        'See [the full report](https://example.org/budget-2025 "Budget report") for details.']
    assert block_texts(document, "table.cell") == ["Ortiz", "yes"]
    assert block_texts(document, "table.header") == ["Member", "Vote"]
    assert block_texts(document, "frontmatter.title") == ["Council approves $4.2 million budget"]
    assert block_texts(document, "frontmatter.dek") == ["The vote was 5-2 after a three-hour debate."]
    plain = block_texts(document, "paragraph & ~blockquote & ~list")
    assert plain[0].startswith("Mayor Jane Ortiz") and plain[1].startswith("Residents can read")
    assert len(plain) == 2


def test_setext_headings_and_block_lookup():
    document = parse("City Hall\n=========\n\nBudget talks\n------------\n\nThe vote is Tuesday.\n")
    assert block_texts(document, "heading.h1") == ["City Hall"]
    assert block_texts(document, "heading.h2") == ["Budget talks"]
    at = document.text.index("Tuesday")
    assert document.blocks[document.block_at(at)].kind == "paragraph"
    assert document.block_at(document.text.index("====")) is None


def test_plain_text_paragraphs_are_blank_line_separated_or_unwrapped_lines():
    seed = (SEEDS / "001_2155ca87d0d03760.txt").read_text(encoding="utf-8")
    document = parse(seed, "001.txt")
    assert len(document.blocks) == seed.strip().count("\n") + 1  # one long line per paragraph
    wrapped = parse("The council met on Tuesday\nand voted on the budget.\n\nIt passed.\n", "note.txt")
    assert [wrapped.text[b.start:b.end] for b in wrapped.blocks] == [
        "The council met on Tuesday\nand voted on the budget.", "It passed."]


# -- sentences -----------------------------------------------------------------------------------
def sentence_texts(document) -> list[str]:
    return [document.text[s.start:s.end] for s in document.sentences]


def test_abbreviations_initials_and_dotted_acronyms_do_not_end_sentences():
    document = parse(COUNCIL)
    sentences = sentence_texts(document)
    assert 'Mayor Jane Ortiz said the U.S. economy was "strong enough."' in sentences
    assert "She met Mr. Lee on Jan. 5 at 3 p.m. in Springfield." in sentences
    text = "John F. Kennedy spoke. Sen. Warren and Gov. Newsom left at 5 a.m. on Friday. Then it rained."
    assert sentence_texts(parse(text)) == [
        "John F. Kennedy spoke.", "Sen. Warren and Gov. Newsom left at 5 a.m. on Friday.", "Then it rained."]


def test_question_inside_a_quote_followed_by_lowercase_does_not_end_the_sentence():
    text = '"Why now?" she asked. "Because it is time!" he replied. The vote followed.'
    assert sentence_texts(parse(text)) == ['"Why now?" she asked.', '"Because it is time!" he replied.', "The vote followed."]


def test_sentences_of_a_seed_article():
    seed = (SEEDS / "000_1859b4b55ca8739d.txt").read_text(encoding="utf-8")
    document = parse(seed, "000.txt")
    sentences = sentence_texts(document)
    assert sentences[0].startswith("According to those close with the talks, President Trump")
    assert sentences[0].endswith("trade.")  # "greater U.S. military" does not split it
    assert all(s == s.strip() for s in sentences)
    for sentence in document.sentences:
        assert document.sentence_at(sentence.start) == sentence
        assert document.blocks[sentence.block].start <= sentence.start < sentence.end <= document.blocks[sentence.block].end


# -- quotes --------------------------------------------------------------------------------------
def quote_texts(document, depth: int = 0) -> list[str]:
    return [document.text[q.start:q.end] for q in document.quotes if q.depth == depth]


def test_straight_and_curly_quotes_with_nested_single_quotes():
    text = ('The chief said, “We found ‘serious gaps’ in the plan.” Then she left. '
            'He said "it was \'fine\' really" and sat down.')
    document = parse(text)
    assert quote_texts(document) == ["“We found ‘serious gaps’ in the plan.”", '"it was \'fine\' really"']
    assert quote_texts(document, 1) == ["‘serious gaps’", "'fine'"]
    first = document.quotes[0]
    assert [text[a:b] for a, b in first.parts] == ["We found ‘serious gaps’ in the plan."]
    assert document.in_quote(text.index("gaps")) and not document.in_quote(text.index("Then"))
    assert document.quote_at(text.index("plan")) == first


def test_apostrophes_are_not_quotes():
    document = parse("Don't worry: the players' union said it's fine, and the council's vote stands.")
    assert document.quotes == []


def test_quote_running_over_paragraphs():
    text = ("“The budget is the first step,” Ortiz said. “We will fund the library.\n\n"
            "“And we will hire two more librarians by June,” she added.\n\nThe council adjourned.\n")
    document = parse(text)
    multi = document.quotes[1]
    assert [text[a:b] for a, b in multi.parts] == [
        "We will fund the library.", "And we will hire two more librarians by June,"]
    assert multi.closed and text[multi.end - 1] == "”"
    assert not document.in_quote(text.index("she added"))
    assert not document.in_quote(text.index("adjourned"))


def test_unbalanced_quote_is_kept_open_to_the_end_of_its_paragraph():
    text = 'Lee said "the plan is unfair.\n\nThe council voted anyway.\n'
    document = parse(text)
    assert len(document.quotes) == 1
    quote = document.quotes[0]
    assert not quote.closed
    assert text[quote.start:quote.end] == '"the plan is unfair.'
    assert not document.in_quote(text.index("voted"))


def test_quotes_in_code_are_not_quotes():
    document = parse('Run `say "hello"` and see "the result" here.\n')
    assert quote_texts(document) == ['"the result"']


def test_quotes_in_a_seed_article():
    seed = (SEEDS / "003_3c560d8706c12f8b.txt").read_text(encoding="utf-8")
    document = parse(seed, "003.txt")
    quotes = quote_texts(document)
    assert "“We can share information, but we will never accept the presence of the United States Army on our territory,”" in quotes
    assert "“foreign terrorist organizations.”" in quotes
    assert all(q.closed for q in document.quotes)


# -- line endings and positions -----------------------------------------------------------------
def test_crlf_offsets_and_positions():
    text = '---\r\ntitle: "A headline"\r\n---\r\n\r\n# Head\r\n\r\nFirst line of "prose".\r\nSecond *line* here.\r\n'
    document = parse(text)
    assert "\r" not in document.prose
    assert len(document.prose) == len(text)
    at = text.index("Second")
    assert document.prose[at:at + 6] == "Second"
    assert document.position(at) == (8, 1)
    assert document.line_text(7) == 'First line of "prose".'
    assert document.offset(8, 1) == at
    assert block_texts(document, "frontmatter.title") == ["A headline"]
    assert block_texts(document, "heading.h1") == ["Head"]
    assert quote_texts(document) == ['"prose"']
    assert sentence_texts(document)[-2:] == ['First line of "prose".', "Second *line* here."]


def test_crlf_plain_text():
    text = "The council met.\r\nIt voted.\r\n\r\nThe mayor left.\r\n"
    document = parse(text, "note.txt")
    assert sentence_texts(document) == ["The council met.", "It voted.", "The mayor left."]
    assert document.position(text.index("The mayor")) == (4, 1)


def test_positions_count_unicode_characters():
    text = "Café owner José Núñez said “no.”\nSecond line 😀 ok.\n"
    document = parse(text)
    assert document.position(text.index("said")) == (1, 23)
    assert document.position(text.index("ok")) == (2, 15)


def test_a_byte_order_mark_does_not_hide_the_first_heading_or_front_matter():
    text = "\ufeff---\ntitle: Budget passes\n---\n# Budget passes\n\nThe vote was 5-2.\n"
    document = parse(text)
    assert document.front_matter == {"title": "Budget passes"}
    assert block_texts(document, "heading.h1") == ["Budget passes"]
    assert document.prose[0] == " " and len(document.prose) == len(text)
    assert sentence_texts(document)[-1] == "The vote was 5-2."


def test_a_code_span_across_a_line_break_is_masked_where_it_is():
    # markdown-it gives the span's content with the line break as a space: the mask must still
    # cover the span in the source, not the same word found later in the prose.
    text = "`towards\n`towards"
    document = parse_document("d.md", text)
    assert document.prose == " " * 8 + "\n" + " " + "towards"
