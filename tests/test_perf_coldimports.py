"""A check whose rules, data files and lexicon all come from the cache does not load PyYAML
(it is imported where YAML is parsed); a draft with front matter, a YAML config or a broken
lexicon still gets it, with the same results as before."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import write_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = """
import json, sys
from newslint.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "yaml": "yaml" in sys.modules}), file=sys.stderr)
"""


def check(tmp_path: Path, *args: str) -> tuple[dict, list]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("NEWSLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", RUN, "check", *args, "--format", "json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1]), json.loads(done.stdout)


def test_a_second_run_from_the_cache_does_not_load_pyyaml(tmp_path: Path) -> None:
    draft = write_files(tmp_path, {"draft.md": "# Flood\n\nThe river rose 3 metres on Monday, officials said.\n"}) / "draft.md"
    first, found = check(tmp_path, str(draft), "--sources", str(SEEDS))
    assert first["yaml"]  # the caches are filled: rules, data files, lexicon parsed
    second, again = check(tmp_path, str(draft), "--sources", str(SEEDS))
    assert not second["yaml"] and second["code"] == first["code"] and again == found


def test_front_matter_and_a_yaml_config_are_still_read(tmp_path: Path) -> None:
    write_files(tmp_path, {
        ".newslint.yaml": "levels:\n  newsroom.Said: error\n",
        "draft.md": "---\ntitle: Council votes\n---\n\nThe mayor stated that the plan was late.\n",
    })
    check(tmp_path, "draft.md")  # fills the caches
    status, found = check(tmp_path, "draft.md")
    assert status["yaml"]  # the front matter and the config need it
    said = [f for f in found if f["rule"] == "newsroom.Said"]
    assert said and all(f["severity"] == "error" for f in said)


def test_a_broken_or_missing_lexicon_is_still_reported_on_its_key(tmp_path: Path) -> None:
    rules = write_files(tmp_path, {
        "styles/Desk/Broken.yml": "extends: sourcing\ncheck: vague\nlexicon: broken.yml\n",
        "styles/Desk/broken.yml": "verbs: [said\nsources: {\n",
        "styles/Desk/Missing.yml": "extends: sourcing\ncheck: vague\nlexicon: nowhere.yml\n",
        "draft.md": "Officials said the plan was late.\n",
    }) / "styles"
    for _ in range(2):  # the second run with the caches filled
        done = subprocess.run([sys.executable, "-m", "newslint", "check", "draft.md", "--rules", str(rules)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
                                   "XDG_CACHE_HOME": str(tmp_path / "xdg")})
        problems = sorted(line for line in done.stderr.splitlines() if "cannot read lexicon" in line)
        assert len(problems) == 2 and "Broken.yml:3:" in problems[0] and "Missing.yml:3:" in problems[1]
