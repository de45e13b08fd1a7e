"""Benchmark inputs that ../shared/bench/gen_corpus.py does not write itself:

- people sources: N/10 short source articles naming exactly N people (10 each) from the
  generator's name universe, with a role, a quote and a pronoun, so that a registry of N
  people can be built and its cost compared with N;
- style rule packs of N generated Vale-style rules (substitution and existence), a few of
  which match words that the generated drafts really use.

Deterministic: the same arguments write the same bytes."""
from __future__ import annotations

import argparse
import importlib.util
import random
from pathlib import Path

GEN_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gen_corpus.py"


def gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN_CORPUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_people_sources(out: Path, people: int, seed: int = 3) -> None:
    """`people` people in people/10 articles (at least one)."""
    g = gen_corpus()
    rng = random.Random(seed)
    names = g.name_universe()[:people]
    out.mkdir(parents=True, exist_ok=True)
    topics = list(g.TOPICS.values())
    for index in range(0, len(names), 10):
        topic = rng.choice(topics)
        lines = [f"# {rng.choice(topic['nouns']).capitalize()} update {index // 10 + 1}", ""]
        for name in names[index:index + 10]:
            first, last = name.split(" ", 1)
            role = rng.choice([r for r in topic["roles"] if r.startswith(("the ", "a ", "an "))] or ["the spokesperson"])
            pronoun = rng.choice(["she", "he"])
            quote = rng.choice(g.QUOTE_OPEN).format(noun=rng.choice(topic["nouns"]), year=rng.randint(2010, 2025),
                                                    small=rng.choice(["two", "five", "10"]))
            lines.append(f"{name}, {role}, said on {rng.choice(g.WEEKDAYS)} that the {rng.choice(topic['nouns'])} "
                         f"would {rng.choice(['be reviewed', 'move ahead', 'face another vote'])} next year. "
                         f"\u201c{quote},\u201d {last} said. {pronoun.capitalize()} has held the post since "
                         f"{rng.randint(2009, 2024)}.")
            lines.append("")
        (out / f"people_{index // 10:05d}.md").write_text("\n".join(lines), encoding="utf-8")


def write_rule_pack(out: Path, count: int, seed: int = 4, pack: str = "Bench") -> None:
    """`count` rules in out/<pack>/: 60% substitution, 40% existence; about 1 in 50 flags a
    phrase the generated drafts use, the rest look for misspellings that seldom occur."""
    g = gen_corpus()
    rng = random.Random(seed)
    words = sorted({w for w in g.FIRST + g.LAST + g.MONTHS + g.WEEKDAYS if len(w) > 4}
                   | {n for t in g.TOPICS.values() for n in t["nouns"]})
    real = ["long overdue", "hiring freeze", "turning point", "did not respond", "declined to speculate",
            "in the coming weeks", "cost more than expected", "misinformation"]
    folder = out / pack
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        path = folder / f"Rule{index:05d}.yml"
        if index % 50 == 7:
            phrase = real[index // 50 % len(real)]
            path.write_text(f"extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: suggestion\nignorecase: true\n"
                            f"tokens:\n  - {phrase}\n", encoding="utf-8")
        elif rng.random() < 0.6:
            swaps = {}
            for _ in range(rng.randint(1, 2)):
                word = rng.choice(words)
                swaps[g.misspell(word, rng)] = word
            body = "".join(f"  {wrong}: {right}\n" for wrong, right in swaps.items())
            path.write_text(f"extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\n"
                            f"swap:\n{body}", encoding="utf-8")
        else:
            tokens = sorted({g.misspell(rng.choice(words), rng, edits=2) for _ in range(rng.randint(2, 4))})
            body = "".join(f"  - {token}\n" for token in tokens)
            path.write_text(f"extends: existence\nmessage: \"Check '%s'.\"\nlevel: warning\nignorecase: true\n"
                            f"tokens:\n{body}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=["people", "rules"])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.kind == "people":
        write_people_sources(args.out, args.count)
    else:
        write_rule_pack(args.out, args.count)


if __name__ == "__main__":
    main()
