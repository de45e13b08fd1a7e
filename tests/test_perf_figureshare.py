"""Rules whose figure policies are equal share one index of a registry's figures (the shipped
Figures rule's policy is the sourcing rules' default one); a policy that differs in any
setting gets its own, built under it."""
from __future__ import annotations

from pathlib import Path

from newslint.kinds.figures import figure_index
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.figurematch import default_policy, policy

ROOT = Path(__file__).resolve().parent.parent


def test_equal_policies_share_one_index_and_others_do_not():
    registry = build_registry(read_sources([ROOT / "seeds"]), get_plugins().fact_extractors())
    assert registry.figures
    shared = figure_index(default_policy(), registry)
    assert figure_index(policy({}), registry) is shared  # another object, the same settings
    assert figure_index(policy({"min_shared": {"count": 1}}), registry) is not shared
    other = figure_index(policy({"synonyms": [["zzalpha", "zzbeta"]]}), registry)
    assert other is not shared and other.policy.synonyms != shared.policy.synonyms
    # The shared index is the one its settings build: the same figures under the same keys.
    fresh = type(shared).of(policy({}), registry)
    for kind, index in shared.by_kind.items():
        assert [(f, k) for f, k in index.facts] == [(f, k) for f, k in fresh.by_kind[kind].facts]
