"""Raw-pattern gates of existence, conditional and consistency rules are kept between runs
(kept_analysis): a kept gate is the one Python's parser gives for the pattern now."""
from __future__ import annotations

from pathlib import Path

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.vale import requirement, save_analyses, string_list, string_map

ROOT = Path(__file__).resolve().parent.parent
PACK = {
    "Raw.yml": "extends: existence\nmessage: '%s'\nraw: ['\\b(?:budget|levy)\\s+(?:cut|rise)s?\\b']\n",
    "If.yml": "extends: conditional\nmessage: '%s'\nfirst: '\\b(?:WHO|UN)\\b'\nsecond: '(?:World Health|United Nations)'\n",
    "Either.yml": "extends: consistency\nmessage: '%s'\neither: {advisor: adviser, 'e-?mail': email}\n",
}


def gates(tmp_path: Path) -> dict[str, tuple[object, object]]:
    """Each rule's gate as loaded, and as Python's parser gives it now (no cache)."""
    pack = tmp_path / "Gate"
    pack.mkdir(exist_ok=True)
    for name, body in PACK.items():
        (pack / name).write_text(body, encoding="utf-8")
    found = {}
    for rule, _ in Linter(Config(root=ROOT), Options(rules=[tmp_path])).active_rules():
        data = rule.spec.data
        if rule.extends == "existence" and not string_list(data, "tokens"):
            found[rule.id] = (rule.gate, requirement("".join(string_list(data, "raw")), False))
        elif rule.extends == "conditional":
            found[rule.id] = (rule.gate, requirement(data["first"], False))
        elif rule.extends == "consistency":
            fresh = [(requirement(a, not rule.nonword), requirement(b, not rule.nonword)) for a, b in string_map(data, "either").items()]
            found[rule.id] = ([gate for _, gate in rule.pairs], fresh)
    return found


def test_kept_gates_are_what_the_parser_gives(tmp_path):
    gates(tmp_path)
    save_analyses()  # as at exit: this run reads them back
    found = gates(tmp_path)
    assert {"Gate.Raw", "Gate.If", "Gate.Either"} <= set(found) and len(found) > 8
    for rule_id, (kept, fresh) in found.items():
        assert kept == fresh, rule_id
    assert found["Gate.Raw"][0] == frozenset({("w", "budget"), ("w", "levy")})
