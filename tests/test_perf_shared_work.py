"""Per-document work shared between rules (the draft's names, the attribution analysis), the
sourcing lexicon compiled once per process, and reports made lighter for output: none of it
may change a finding or a line of output."""
from __future__ import annotations

import io
from pathlib import Path

from people_lint import SEEDS, STORY
from newslint.cli.check import for_output
from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.formats.base import DocumentLines, FormatContext
from newslint.formats.json_format import write_json
from newslint.formats.lsp_format import write_lsp
from newslint.formats.text import write_text
from newslint.kinds.attribution import Lexicon
from newslint.kinds.base import CheckContext

ROOT = Path(__file__).resolve().parent.parent
NAME_RULES = ["facts.Names", "facts.Titles", "facts.Pronouns"]
SOURCING_RULES = ["sourcing.Unsourced", "sourcing.VagueSource", "sourcing.AnonymousSource"]
DRAFTS = sorted((STORY / "drafts").glob("*.md")) + [ROOT / "examples" / "draft.md"]


def linter(select: list[str], sources: Path) -> Linter:
    return Linter(Config(root=ROOT), Options(sources=[sources], select=select))


def as_tuples(findings) -> list[tuple]:
    return [(f.rule, f.start, f.end, f.message, f.severity, f.fix) for f in findings]


def test_rules_sharing_a_document_find_what_each_finds_alone():
    for rules, sources in ((NAME_RULES, STORY / "sources"), (NAME_RULES, SEEDS), (SOURCING_RULES, SEEDS)):
        together = linter(rules, sources)
        alone = [linter([rule], sources) for rule in rules]
        for draft in DRAFTS:
            text = draft.read_text(encoding="utf-8")
            shared = as_tuples(together.lint_text(str(draft), text).findings)
            separate = sorted(f for one in alone for f in as_tuples(one.lint_text(str(draft), text).findings))
            assert sorted(shared) == separate, draft


def test_names_titles_and_pronouns_resolve_the_draft_once():
    names = linter(NAME_RULES, STORY / "sources")
    # "RTA" is the sources' alias of the transit authority: the titles check compares
    # "Riverton Transit Authority" instead.
    text = (STORY / "drafts" / "slips.md").read_text(encoding="utf-8") + "\nRTA spokesman Tom Reyes said the timetable would follow.\n"
    document = parse_document("slips.md", text)
    registry, _ = names.registries.get([STORY / "sources"], [], names.parsers)
    context = CheckContext(document, registry)
    for rule, _ in names.active_rules():
        list(rule.check(context))
    built = [key for key in context.cache if key[0] == "draft-names"]
    assert len(built) == 1
    # The titles check compares a canonical affiliation on a copy: the shared mentions keep
    # the affiliation as the draft writes it.
    mentions = context.cache[built[0]].mentions
    fresh = context.cache[built[0]].__class__(document, registry).mentions
    written = [[p.affiliation for p in m.titles] for m in mentions]
    assert ["RTA"] in written
    assert written == [[p.affiliation for p in m.titles] for m in fresh]


def test_sourcing_rules_share_one_lexicon_and_one_analysis():
    sourcing = linter(SOURCING_RULES, SEEDS)
    rules = [rule for rule, _ in sourcing.active_rules()]
    assert len(rules) == 3 and len({id(rule.lexicon) for rule in rules}) == 1
    context = CheckContext(parse_document("d.md", (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")))
    for rule in rules:
        list(rule.check(context))
    # One analysis of each kind for the three rules: the attributed spans, and (for the shares
    # and conversions a sentence's own figures work out to) the draft's figures and those spans.
    names = [key if isinstance(key, str) else key[0] for key in context.cache]
    assert sorted(names) == ["attribution", "derived-share-spans", "draft-figures"]


def test_lexicons_are_shared_only_when_their_lists_are_the_same():
    data = {"verbs": ["say/said"], "vague": {"groups": ["experts"], "verbs": ["say/said"]},
            "claims": {"rate": {"cues": ["percent"]}}}
    same = {"verbs": ["say/said"], "vague": {"groups": ["experts"], "verbs": ["say/said"]},
            "claims": {"rate": {"cues": ["percent"]}}}
    assert Lexicon.from_data(data) is Lexicon.from_data(same)
    other = {**data, "sources": ["according to"]}
    assert Lexicon.from_data(other) is not Lexicon.from_data(data)
    assert Lexicon.from_data(other).sources[0].search("according to the audit")
    # 1 and "1" are different entries, and claim kinds keep their order.
    assert Lexicon.from_data({**data, "verbs": [1]}) is not Lexicon.from_data({**data, "verbs": ["1"]})
    two = {"rate": {"cues": ["percent"]}, "cost": {"cues": ["million"]}}
    flipped = {"cost": {"cues": ["million"]}, "rate": {"cues": ["percent"]}}
    assert [c.name for c in Lexicon.from_data({**data, "claims": two}).claims] == ["rate", "cost"]
    assert [c.name for c in Lexicon.from_data({**data, "claims": flipped}).claims] == ["cost", "rate"]


def write(writer, reports) -> str:
    stream = io.StringIO()
    writer(reports, stream, FormatContext())
    return stream.getvalue()


def test_lighter_reports_write_the_same_output():
    full = linter(["facts", "sourcing", "newsroom"], SEEDS)
    for writer in (write_text, write_json, write_lsp):
        reports = [full.lint_text(str(draft), draft.read_text(encoding="utf-8")) for draft in DRAFTS]
        expected = write(writer, reports)
        assert expected.count("\n") > 20
        light = [for_output(report, writer.reads_document) for report in reports]
        assert not any(hasattr(report.document, "sentences") for report in light)
        if writer is write_json:
            assert all(report.document is None for report in light)
        else:
            assert all(isinstance(report.document, DocumentLines) for report in light)
        assert write(writer, light) == expected


def test_the_figure_index_is_built_once_per_registry_for_every_draft():
    """The sourcing check and the figure check ask for the registry's figure index on every
    draft: under the default policy it is one object per registry, not one per draft."""
    from newslint.kinds.figures import figure_index
    from newslint.registry.figurematch import default_policy

    checker = linter(["sourcing.Unsourced", "facts.Figures"], SEEDS)
    reports = [checker.lint_text(str(d), d.read_text(encoding="utf-8")) for d in DRAFTS]
    registry, _ = checker.registries.get([SEEDS], checker.facts_for(), checker.parsers)
    assert default_policy() is default_policy()
    index = figure_index(default_policy(), registry)
    assert figure_index(default_policy(), registry) is index
    assert any(r.findings for r in reports)
