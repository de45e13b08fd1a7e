"""Inline suppression comments, through the CLI on real drafts."""
from __future__ import annotations

import json

import pytest

from conftest import write_files
from newslint.engine.suppress import Suppressions, matches

PACK = {
    "rules/house/Jargon.yml": "extends: existence\nmessage: \"Jargon: '%s'.\"\nlevel: error\ntokens: [leverage, synergy]\n",
    "rules/house/Hedges.yml": "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\nignorecase: true\ntokens: [very unique]\n",
    "rules/desk/Dateline.yml": "extends: existence\nmessage: \"Spell out '%s'.\"\nlevel: warning\ntokens: [Wash]\n",
}


@pytest.fixture
def lint(newslint, tmp_path):
    write_files(tmp_path, PACK)

    def run(text: str, name: str = "story.md") -> list[tuple[int, str]]:
        write_files(tmp_path, {name: text})
        result = newslint("check", "--rules", "rules", "--select", "house,desk", "--format", "json", name)
        assert result.code in (0, 1), result.err
        return [(f["line"], f["rule"]) for f in json.loads(result.out)]

    return run


def test_without_comments_everything_is_reported(lint):
    assert lint("We leverage a very unique plan in Wash.\n") == [(1, "house.Jargon"), (1, "house.Hedges"), (1, "desk.Dateline")]


def test_disable_and_enable_one_rule(lint):
    text = (
        "We leverage it.\n\n"
        "<!-- newslint-disable house.Jargon -->\n"
        "The quote desk will leverage synergy in a very unique way.\n\n"
        "<!-- newslint-enable house.Jargon -->\n"
        "Then leverage again.\n"
    )
    assert lint(text) == [(1, "house.Jargon"), (4, "house.Hedges"), (7, "house.Jargon")]


def test_disable_everything_until_enable(lint):
    text = "<!-- newslint-disable -->\nLeverage? We leverage a very unique plan in Wash.\n<!-- newslint-enable -->\nIn Wash.\n"
    assert lint(text) == [(4, "desk.Dateline")]


def test_disable_a_pack_by_prefix_and_several_rules_at_once(lint):
    text = (
        "<!-- newslint-disable house -->\nWe leverage a very unique plan in Wash.\n<!-- newslint-enable -->\n"
        "<!-- newslint-disable house.Hedges, desk.Dateline -->\nWe leverage a very unique plan in Wash.\n"
    )
    assert lint(text) == [(2, "desk.Dateline"), (5, "house.Jargon")]


def test_disable_without_enable_runs_to_the_end(lint):
    text = "We leverage it.\n\n<!-- newslint-disable house.Jargon -->\n\nWe leverage it.\n\nAnd leverage it.\n"
    assert lint(text) == [(1, "house.Jargon")]


def test_disable_next_line_only_covers_the_next_line(lint):
    text = (
        "We leverage it.\n"
        "<!-- newslint-disable-next-line house.Jargon -->\n"
        "We leverage a very unique plan.\n"
        "We leverage it again.\n"
    )
    assert lint(text) == [(1, "house.Jargon"), (3, "house.Hedges"), (4, "house.Jargon")]


def test_disable_next_line_without_a_rule_covers_every_rule(lint):
    text = "<!-- newslint-disable-next-line -->\nWe leverage a very unique plan in Wash.\nIn Wash.\n"
    assert lint(text) == [(3, "desk.Dateline")]


def test_disable_line_covers_its_own_line(lint):
    text = "We leverage it. <!-- newslint-disable-line house.Jargon -->\nWe leverage it.\n"
    assert lint(text) == [(2, "house.Jargon")]


def test_comments_work_in_plain_text_drafts(lint):
    text = "We leverage it.\n<!-- newslint-disable-next-line house -->\nWe leverage it.\n"
    assert lint(text, "story.txt") == [(1, "house.Jargon")]


def test_a_comment_naming_another_rule_suppresses_nothing(lint):
    text = "<!-- newslint-disable-next-line facts.Names -->\nWe leverage it.\n"
    assert lint(text) == [(2, "house.Jargon")]


def test_crlf_drafts(lint):
    text = "We leverage it.\r\n<!-- newslint-disable-next-line house.Jargon -->\r\nWe leverage it.\r\nWe leverage it.\r\n"
    assert lint(text) == [(1, "house.Jargon"), (4, "house.Jargon")]


def test_selector_matching_is_by_whole_names():
    assert matches("house.Jargon", "house") and matches("house.Jargon", "house.Jargon")
    assert not matches("house.Jargon", "hou") and not matches("housekeeping.Jargon", "house")


def test_suppressions_without_comments_are_empty():
    assert Suppressions("Plain text with no comments.\n", [0]).ranges == []


def test_enable_one_rule_inside_a_wider_disable(lint):
    text = (
        "<!-- newslint-disable -->\n"
        "We leverage a very unique plan in Wash.\n"
        "<!-- newslint-enable house.Jargon -->\n"
        "We leverage a very unique plan in Wash.\n"
        "<!-- newslint-enable -->\n"
        "In Wash.\n"
    )
    assert lint(text) == [(4, "house.Jargon"), (6, "desk.Dateline")]
    pack = "<!-- newslint-disable house -->\nLeverage a very unique plan.\n<!-- newslint-enable house.Hedges -->\nLeverage a very unique plan.\n"
    assert lint(pack) == [(4, "house.Hedges")]


def test_enable_a_pack_ends_the_disables_of_its_rules(lint):
    text = "<!-- newslint-disable house.Jargon -->\nWe leverage it.\n<!-- newslint-enable house -->\nWe leverage it.\n"
    assert lint(text) == [(4, "house.Jargon")]
