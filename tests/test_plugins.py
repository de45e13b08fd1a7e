"""Third-party plugins through the `newslint` entry-point group: a tiny plugin package with a
rule kind, a format and a default rule folder is put on PYTHONPATH with its dist-info, and
newslint is run in a subprocess that discovers it. A plugin that fails on import is reported
and the run goes on."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import write_files

PLUGIN = textwrap.dedent('''\
    """A desk's own newslint plugin: a rule kind, an output format and a shipped rule pack."""
    from pathlib import Path

    from newslint.hookspecs import hookimpl
    from newslint.kinds.base import Rule, compile_pattern, finditer


    class Shouting(Rule):
        """Words in capitals at least `min_length` long."""
        extends = "shouting"
        keys = frozenset({"min_length"})

        def compile(self, data):
            self.pattern = compile_pattern(r"\\b[A-Z]{%d,}\\b" % int(data.get("min_length", 4)))

        def check(self, context):
            prose = context.document.prose
            for start, end in self.scoped_spans(context.document):
                for match in finditer(self.pattern, prose, start, end):
                    yield self.finding(match.start(), match.end(), match.group())


    def write_tsv(reports, stream, context):
        for report in reports:
            for f in report.findings:
                stream.write(f"{f.path}\\t{f.line}\\t{f.column}\\t{f.rule}\\t{f.text}\\n")


    @hookimpl
    def newslint_rule_kinds():
        return {"shouting": Shouting}


    @hookimpl
    def newslint_formats():
        return {"tsv": write_tsv}


    @hookimpl
    def newslint_default_config():
        return {"rules": [str(Path(__file__).parent / "styles")]}
''')

FILES = {
    "site/deskplug/__init__.py": PLUGIN,
    "site/deskplug/styles/desk/Shouting.yml": "extends: shouting\nmessage: \"Don't shout '%s'.\"\nlevel: warning\nmin_length: 4\n",
    "site/deskplug-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: deskplug\nVersion: 1.0\n",
    "site/deskplug-1.0.dist-info/entry_points.txt": "[newslint]\ndesk = deskplug\n",
    "site/brokenplug/__init__.py": "raise RuntimeError('this plugin is broken on purpose')\n",
    "site/brokenplug-0.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: brokenplug\nVersion: 0.1\n",
    "site/brokenplug-0.1.dist-info/entry_points.txt": "[newslint]\nbroken = brokenplug\n",
    "draft.md": "# Budget\n\nThe council voted NO on the URGENT plan.\n\nThe mayor said \"it is GREAT\" and left.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_files(tmp_path_factory.mktemp("plugins"), FILES)


def run(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site / "site")}
    return subprocess.run([sys.executable, "-m", "newslint", "check", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=120)


def test_plugin_rule_kind_format_and_default_rules_are_used(site):
    done = run(site, "--select", "desk", "--format", "tsv", "draft.md")
    # "GREAT" is inside quotation marks: the engine leaves the speaker's words to them.
    assert done.stdout.splitlines() == ["draft.md\t3\t29\tdesk.Shouting\tURGENT"]
    assert done.returncode == 1


def test_a_plugin_that_fails_to_load_is_reported_and_not_fatal(site):
    done = run(site, "--select", "desk", "--format", "json", "draft.md")
    assert "plugin 'broken' (brokenplug) failed to load: this plugin is broken on purpose" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.returncode == 1  # the findings decide, not the broken plugin
    assert '"rule": "desk.Shouting"' in done.stdout


def test_plugin_format_is_offered_among_the_formats(site):
    done = run(site, "--format", "nope", "draft.md")
    assert done.returncode == 2
    assert "tsv" in done.stderr and "sarif" in done.stderr and "github" in done.stderr
