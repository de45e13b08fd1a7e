"""A wide search for crashes on mutated real text (the mutations of tests/test_robust_text.py),
outside the test suite: many more examples, each crash grouped by where it happens, the first
example of each group minimised to a small text (delta debugging on lines, then words).

    python bench/robust_search.py --examples 2000 [--seed 0] [--kinds all|asides|layout|names]
                                  [--out /tmp/robust] [--no-minimise]

Writes OUT/crash-N/ (the minimised sources and draft, and the traceback) and prints a summary."""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_robust_text as robust  # noqa: E402

from newslint.document import parse_document  # noqa: E402
from newslint.kinds.base import CheckContext  # noqa: E402

KINDS = {"all": robust.ALL, "asides": robust.ASIDES_QUOTES, "layout": robust.LAYOUT, "names": robust.NAMES_NUMBERS}


def signature(example: robust.Example) -> tuple[str, str] | None:
    """(where, what) of the first crash on this example, or None when it checks cleanly."""
    try:
        report = robust.check_example(example)
    except Exception as error:  # noqa: BLE001 - what we are looking for
        return _where(error), f"build/lint: {type(error).__name__}: {error}"
    broken = [n for n in report.notes if " failed: " in n or " timed out " in n]
    if not broken:
        return None
    return _rule_crash(example, report, broken[0])


def _where(error: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/newslint/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{Path(frame.filename).relative_to(ROOT) if frame.filename.startswith(str(ROOT)) else frame.filename}:{frame.lineno} {type(error).__name__}"


def _rule_crash(example: robust.Example, report, note: str) -> tuple[str, str]:
    """A failed rule is reported by the engine without its traceback: run it again for one."""
    lint = robust.linter()
    rule_id = note.split(" rule ", 1)[1].split(" ", 1)[0]
    if " timed out " in note:
        return f"timeout {rule_id}", note
    document = report.document
    context = CheckContext(document=document, accepted_words=frozenset(), draft_date=None)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        sources = Path(folder) / "sources"
        sources.mkdir()
        for name, text in zip(example.names[:-1], example.texts[:-1]):
            (sources / name).write_text(text)
        context.registry = lint.registries.get([sources], [], lint.parsers)[0]
        front = document.front_matter.get("date") if isinstance(document.front_matter, dict) else None
        context.draft_date = front.isoformat() if hasattr(front, "isoformat") else (str(front) if front else None)
        for rule, _ in lint.plan({}).rules:
            if rule.id == rule_id:
                try:
                    list(rule.check(context))
                except Exception as error:  # noqa: BLE001
                    return f"{rule_id} {_where(error)}", note
    return f"{rule_id} (not reproduced alone)", note


def minimise(example: robust.Example, wanted: str) -> robust.Example:
    """Delta debugging: drop chunks of lines, then of words, from each text while the same crash
    (same place) happens; then drop whole sources."""
    def same(texts: list[str], names: list[str]) -> bool:
        got = signature(robust.Example(example.story, names, texts, example.mutations))
        return got is not None and got[0] == wanted

    names, texts = list(example.names), list(example.texts)
    for index in range(len(texts) - 2, -1, -1):  # whole sources first
        if len(texts) > 2 and same(texts[:index] + texts[index + 1:], names[:index] + names[index + 1:]):
            del texts[index], names[index]
    for splitter, joiner in (("\n", "\n"), (" ", " ")):
        for index in range(len(texts)):
            parts = texts[index].split(splitter)
            chunk = max(1, len(parts) // 2)
            while chunk >= 1:
                start, changed = 0, False
                while start < len(parts):
                    trial = parts[:start] + parts[start + chunk:]
                    if same(texts[:index] + [joiner.join(trial)] + texts[index + 1:], names):
                        parts, changed = trial, True
                    else:
                        start += chunk
                texts[index] = joiner.join(parts)
                if not changed:
                    chunk //= 2
    return robust.Example(example.story, names, texts, example.mutations)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", choices=sorted(KINDS), default="all")
    parser.add_argument("--steps", type=int, nargs=2, default=(1, 6))
    parser.add_argument("--out", type=Path, default=Path("/tmp/robust"))
    parser.add_argument("--no-minimise", action="store_true")
    args = parser.parse_args()
    stories = robust.stories()
    master = random.Random(args.seed)
    groups: dict[str, list] = {}
    started = time.time()
    for number in range(args.examples):
        seed = master.getrandbits(32)
        r = random.Random(seed)
        example = robust.mutate(r.choice(stories), r, KINDS[args.kinds], r.randint(*args.steps))
        found = signature(example)
        if found is not None:
            groups.setdefault(found[0], []).append((seed, found[1], example))
            if len(groups[found[0]]) == 1:
                print(f"[{number}] NEW {found[0]}: {found[1][:300]}  mutations={example.mutations}", flush=True)
        if number % 100 == 99:
            print(f"... {number + 1} examples, {len(groups)} crash kinds, {time.time() - started:.0f} s", flush=True)
    print(f"{args.examples} examples ({args.kinds}, seed {args.seed}): {len(groups)} crash kinds")
    for count, (where, found) in enumerate(sorted(groups.items(), key=lambda g: -len(g[1]))):
        seed, what, example = found[0]
        print(f"  {len(found):4} x {where}: {what[:200]}")
        if args.no_minimise:
            continue
        small = minimise(example, where)
        folder = args.out / f"crash-{count}"
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        for name, text in zip(small.names[:-1], small.texts[:-1]):
            (folder / "sources" / name).write_text(text)
        (folder / small.names[-1]).write_text(small.texts[-1])
        (folder / "crash.txt").write_text(f"{where}\n{what}\nseed {seed} story {example.story} {example.mutations}\n")
        print(f"      minimised -> {folder}: " + " | ".join(repr(t[:160]) for t in small.texts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
