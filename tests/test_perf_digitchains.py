"""A chain of digit groups with no space ("123,456,789,…") too long to be a number
(numbers.ENDLESS_GROUPS groups or more) is read once, not once from each of its groups: every
kind's pattern tried at a group reads on to the chain's end, and the figure search took time
that grows with the square of the chain's length (0.4 s for 1,000 groups, 12-16 s for 3,000).
The time is measured by bench/digit_chains.py; here, what is found and where it is looked for."""
from __future__ import annotations

import pytest

from newslint.document import parse_document
from newslint.registry import numbers


def _found(text: str) -> list[tuple]:
    return [(f.kind, f.value, f.text, f.unit) for f in numbers.find_figures(parse_document("x.txt", text))]


CHAIN = ",".join(["123"] * 3000)


@pytest.mark.parametrize("text, expected", [
    # (What the search found before it skipped the chain's groups, 20 s a sentence.)
    (f"The town counted {CHAIN} ballots on Tuesday.\n", [("weekday", "tuesday", "Tuesday", "")]),
    (f"It took {CHAIN} hours, and 45 people waited on Tuesday.\n",
     [("count", "45", "45", "people"), ("weekday", "tuesday", "Tuesday", "")]),
])
def test_a_3000_group_chain_is_no_figure_and_the_rest_of_the_sentence_is_read(text, expected):
    assert _found(text) == expected


def test_the_longest_chain_a_number_can_be_is_still_a_count():
    chain = ",".join(["123"] * (numbers.ENDLESS_GROUPS - 1))  # 309 digits: 1.23e308
    kind, value, text, unit = _found(f"The town counted {chain} ballots.\n")[0]
    assert (kind, float(value), text, unit) == ("count", float(chain.replace(",", "")), chain, "ballot")


def test_no_number_is_looked_for_at_the_groups_inside_an_endless_chain(monkeypatch: pytest.MonkeyPatch):
    # (The other kinds' patterns, a date's, a year's, a tally's or a time's, read a digit or
    # two at a start: tried at a group, they stop at once.)
    tried: list[int] = []
    real = numbers._matches_at
    reading = {id(numbers.lexicon().patterns[kind]) for kind in numbers._NUMBER_KINDS}

    def counting(pattern, prose, starts, end, *digit_led):
        if id(pattern) in reading:
            tried.extend(starts)
        return real(pattern, prose, starts, end, *digit_led)

    monkeypatch.setattr(numbers, "_matches_at", counting)
    text = f"Some 12 workers counted {CHAIN} ballots.\n"
    chain_start = text.index("123,")
    _found(text)
    inside = [at for at in tried if chain_start < at < chain_start + len(CHAIN)]
    assert inside == []
    assert 5 in tried  # ("12": the sentence's other numbers are still looked at)
