"""A bug inside newslint exits 2 with a one-line message, never a traceback that reads as
findings (exit 1) to pre-commit; NEWSLINT_DEBUG=1 shows the traceback."""
from __future__ import annotations

import pytest

from newslint.cli import check, main


def broken_check(args):
    raise RuntimeError("something inside broke")


def test_an_internal_error_is_exit_2_with_a_message(monkeypatch, capsys):
    monkeypatch.setattr(check, "run_check", broken_check)
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    assert main.main(["check", "examples/draft.md"]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something inside broke" in err
    assert "Traceback" not in err


def test_newslint_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(check, "run_check", broken_check)
    monkeypatch.setenv("NEWSLINT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main.main(["check", "examples/draft.md"])


def broken_build(sources, facts, extractors, parsers=None):
    raise KeyError("(she")  # the kind of bug a source's odd text once caused in the speaker code


def test_a_bug_in_the_registry_build_skips_the_fact_checks_but_keeps_the_other_findings(monkeypatch, capsys, tmp_path):
    import json

    from newslint.registry import store

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))  # nothing cached: the build runs
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    monkeypatch.setattr(store, "build", broken_build)
    assert main.main(["check", "examples/draft.md", "--sources", "seeds", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    categories = {d["category"] for d in json.loads(out)}
    assert "vague-source" in categories  # the sourcing rules need no registry: they still ran
    assert not categories & {"name", "title", "pronoun", "figure"}  # the fact checks were skipped
    assert "examples/draft.md: the fact checks were skipped" in err
    assert "KeyError: '(she'" in err and "seeds" in err
    assert "Traceback" not in err


def test_a_failing_registry_build_is_tried_once_for_many_drafts(monkeypatch, capsys, tmp_path):
    from newslint.registry import store

    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        broken_build(*args, **kwargs)

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    monkeypatch.setattr(store, "build", counted)
    for name in ("one.md", "two.md", "three.md"):
        (tmp_path / name).write_text("Experts say the dam is safe.\n", encoding="utf-8")
    drafts = [str(tmp_path / n) for n in ("one.md", "two.md", "three.md")]
    assert main.main(["check", *drafts, "--sources", "seeds"]) == 2
    assert len(calls) == 1
    assert capsys.readouterr().err.count("the fact checks were skipped") == 3


def test_newslint_debug_shows_the_registry_builds_traceback(monkeypatch, tmp_path):
    from newslint.registry import store

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSLINT_DEBUG", "1")
    monkeypatch.setattr(store, "build", broken_build)
    with pytest.raises(KeyError):
        main.main(["check", "examples/draft.md", "--sources", "seeds"])
