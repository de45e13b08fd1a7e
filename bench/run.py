#!/usr/bin/env python3
"""newslint's benchmark: prints a Markdown table of medians, side by side with proselint.

    .venv/bin/python bench/run.py [--runs 3] [--quick] [--no-proselint]

Inputs are generated into bench/out/ (gitignored) on first use with
../shared/bench/gen_corpus.py and bench/gen_inputs.py; proselint is installed by this script
into bench/out/proselint-venv. Every measurement runs in a child process: wall time from
the parent, peak memory (maxrss) from os.wait4 on that child. Not part of the test suite.

Children never inherit PYTHONDONTWRITEBYTECODE (a user's Python writes bytecode; with it set,
every module edited since its .pyc was written is compiled from source on every run), and
newslint is byte-compiled before measuring, so each warm-up run starts from written bytecode.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GEN_CORPUS = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
PYTHON = sys.executable
NEWSLINT = [str(Path(PYTHON).with_name("newslint"))] if Path(PYTHON).with_name("newslint").exists() \
    else [PYTHON, "-m", "newslint"]
PROSELINT_VENV = OUT / "proselint-venv"
PROSELINT = PROSELINT_VENV / "bin" / "proselint"
SEEDS = ROOT / "seeds"
SCALING_DRAFTS = 200  # drafts linted for the rule and registry scaling rows


# What a child process sees: this environment without PYTHONDONTWRITEBYTECODE, so the
# children (and the warm-up runs) write bytecode as a user's Python does.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the child and the children it waited for
    max_rss_mib: float
    returncode: int
    stdout: bytes


def run(command: list[str], cwd: Path = ROOT, timeout: float | None = None, env: dict | None = None) -> Run:
    """Run one child; wall time, CPU time, its peak resident memory, exit status and stdout.
    A child still running after `timeout` seconds is killed (returncode None)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL,
                                 env={**CHILD_ENV, **(env or {})})
        while True:  # wait4 gives this child's own rusage; poll it to honour the timeout
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                child.kill()
                _, status, usage = os.wait4(child.pid, 0)
                code = None
                break
            time.sleep(0.01)
        child.returncode = -1  # reaped above; keep Popen from waiting again
        seconds = time.perf_counter() - started
        out.seek(0)
        stdout = out.read()
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, stdout)


def median_run(command: list[str], runs: int, cwd: Path = ROOT, warmup: bool = True) -> Run:
    if warmup:
        run(command, cwd)
    return _median([run(command, cwd) for _ in range(runs)])


def median_runs(commands: list[tuple[list[str], Path]], runs: int) -> list[Run]:
    """median_run of each (command, cwd), their runs taken in turn (A B A B ...) after a warm-up
    of each: a change in the machine's load (2 shared cores) falls on all of them alike, so
    their ratio holds where back-to-back medians drift apart."""
    for command, cwd in commands:
        run(command, cwd)
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for (command, cwd), done in zip(commands, results):
            done.append(run(command, cwd))
    return [_median(done) for done in results]


def new_draft_runs(runs: int, with_proselint: bool) -> list[Run]:
    """What a pre-commit hook pays: each run checks a draft its cache has never seen, from a copy
    of a cache seasoned by ten other drafts (the seeds registry built, the rules' patterns kept).
    The repeated-draft row finds every pattern a draft needs already kept; a new draft may need
    patterns compiled anew, and then the cache written. Medians of the newslint runs (and of
    proselint on the same drafts, taken in turn)."""
    drafts = sorted((OUT / "drafts").glob("*.md"))
    seasoned, cache = OUT / "cache-seasoned", OUT / "cache-run"
    shutil.rmtree(seasoned, ignore_errors=True)  # seasoned by this code: its caches' keys hold the code's
    # Seasoned by the command that is measured, as a hook runs the same command on every commit:
    # seasoned without --format json, every measured run compiled json's re patterns anew and
    # wrote the command's re programs again (~8M instructions a run, nothing to do with the draft).
    command = [*NEWSLINT, "check", "--sources", str(SEEDS), "--format", "json"]
    for draft in drafts[10:20]:
        run([*command, str(draft)], env={"NEWSLINT_CACHE_DIR": str(seasoned)})
    results: list[list[Run]] = [[], []]
    for draft in drafts[100:100 + runs]:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(seasoned, cache)
        results[0].append(run([*command, str(draft)], env={"NEWSLINT_CACHE_DIR": str(cache)}))
        if with_proselint:
            results[1].append(run([str(PROSELINT), "check", str(draft)], OUT))
    return [_median(done) for done in results if done]


def _median(results: list[Run]) -> Run:
    ordered = sorted(results, key=lambda r: r.seconds)
    middle = ordered[len(ordered) // 2]
    return Run(statistics.median(r.seconds for r in results), statistics.median(r.cpu for r in results),
               max(r.max_rss_mib for r in results), middle.returncode, middle.stdout)


def timer(*args: str, runs: int, timeout: float | None = None, env: dict | None = None) -> dict:
    """Median (per key) of bench/timers.py results, each in a fresh process; None when a run
    fails or takes longer than `timeout` seconds (then {"timeout": seconds, "max_rss_mib": ..})."""
    samples = []
    for _ in range(runs):
        result = run([PYTHON, str(ROOT / "bench" / "timers.py"), *args], timeout=timeout, env=env)
        if result.returncode is None:
            return {"timeout": result.seconds, "max_rss_mib": result.max_rss_mib}
        if result.returncode != 0:
            raise RuntimeError(f"timers.py {' '.join(args)} failed (exit {result.returncode})")
        sample = json.loads(result.stdout)
        sample["max_rss_mib"] = result.max_rss_mib
        samples.append(sample)
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


# -- inputs ------------------------------------------------------------------------------------
def prepare(quick: bool, with_proselint: bool) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    generate = [
        (OUT / "drafts", [PYTHON, str(GEN_CORPUS), "corpus", "--count", "1000", "--out", str(OUT / "drafts"), "--seed", "1"]),
        (OUT / "sources_1000", [PYTHON, str(GEN_CORPUS), "corpus", "--count", "1000", "--out", str(OUT / "sources_1000"), "--seed", "2"]),
    ]
    for people in (100, 1000, 10000):
        generate.append((OUT / f"people_{people}", [PYTHON, str(ROOT / "bench" / "gen_inputs.py"), "people",
                                                    "--count", str(people), "--out", str(OUT / f"people_{people}")]))
    for rules in (50, 5000):
        generate.append((OUT / f"rules_{rules}", [PYTHON, str(ROOT / "bench" / "gen_inputs.py"), "rules",
                                                  "--count", str(rules), "--out", str(OUT / f"rules_{rules}")]))
    for folder, command in generate:
        if not folder.exists():
            print(f"generating {folder.relative_to(ROOT)}", file=sys.stderr)
            subprocess.run(command, check=True, env=CHILD_ENV)
    # Byte-compile newslint as `pip install` does (and did for proselint); the children run
    # without PYTHONDONTWRITEBYTECODE too, so what a warm-up imports keeps its bytecode.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "newslint")], check=True, env=CHILD_ENV)
    if with_proselint and not PROSELINT.exists():
        print("installing proselint into bench/out/proselint-venv", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(PROSELINT_VENV)], check=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "--quiet", "proselint"], check=True, env=CHILD_ENV)


def words_in(folder: Path, limit: int | None = None) -> int:
    files = sorted(folder.glob("*.md"))[:limit]
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def subset(count: int) -> Path:
    """A folder with the first `count` drafts (symlinks), for the shorter runs."""
    folder = OUT / f"drafts_{count}"
    if not folder.exists():
        folder.mkdir()
        for file in sorted((OUT / "drafts").glob("*.md"))[:count]:
            (folder / file.name).symlink_to(file)
    return folder


# -- the table ---------------------------------------------------------------------------------
ROWS: list[tuple[str, str, str, str, str]] = []


def row(measure: str, newslint: str, proselint: str = "", ratio: str = "", goal: str = "") -> None:
    ROWS.append((measure, newslint, proselint, ratio, goal))
    print(f"  {measure}: {newslint}  {proselint}  {ratio}  {goal}", file=sys.stderr)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def ms(run: Run) -> str:
    return f"{run.seconds * 1000:.0f} ms (CPU {run.cpu * 1000:.0f} ms)"


def rate(words: int, run: Run) -> str:
    return f"{words / run.seconds:,.0f} words/s ({run.seconds:.1f} s; by CPU time {words / run.cpu:,.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median); cold start uses 2x+1")
    parser.add_argument("--heavy-runs", type=int, default=0,
                        help="runs for the throughput, scaling and registry-build rows (default: --runs)")
    parser.add_argument("--drafts", type=int, default=1000, help="drafts for the throughput rows (at most 1,000)")
    parser.add_argument("--scaling-drafts", type=int, default=SCALING_DRAFTS, help="drafts for the scaling rows")
    parser.add_argument("--quick", action="store_true", help="1 run each, 200 drafts, 50 for scaling")
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--budget", type=float, default=600, help="seconds before a scaling or registry run is stopped")
    parser.add_argument("--only", default="", help="comma list of sections: cold,throughput,rules,people,registry,lsp")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    heavy = 1 if args.quick else (args.heavy_runs or args.runs)
    count = 200 if args.quick else min(args.drafts, 1000)
    scaling_count = 50 if args.quick else args.scaling_drafts
    with_proselint = not args.no_proselint
    prepare(args.quick, with_proselint)
    sections = set(args.only.split(",")) if args.only else {"cold", "throughput", "rules", "people", "registry", "lsp"}
    drafts = OUT / "drafts" if count == 1000 else subset(count)
    scaling = subset(scaling_count)
    one = sorted((OUT / "drafts").glob("*.md"))[0]
    print(f"newslint bench: {runs} run(s) per light row, {heavy} per heavy row, {count} drafts, "
          f"{scaling_count} for scaling; children run without PYTHONDONTWRITEBYTECODE "
          f"(bytecode written, as on a user's machine)", file=sys.stderr)

    if "cold" in sections:
        check = [*NEWSLINT, "check", str(one), "--sources", str(SEEDS), "--format", "json"]
        label = f"cold start, 1 draft ({words_in(OUT / 'drafts', 1)} words), seeds registry cached"
        if with_proselint:
            cold, prose = median_runs([(check, ROOT), ([str(PROSELINT), "check", str(one)], OUT)], 2 * runs + 1)
            ratio = cold.seconds / prose.seconds
            row(label, ms(cold), ms(prose), f"{ratio:.2f}x proselint's time (CPU {cold.cpu / prose.cpu:.2f}x)",
                f"<=200 ms, <=0.8x: {verdict(cold.seconds <= 0.2 and ratio <= 0.8)}")
        else:
            cold = median_run(check, 2 * runs + 1)
            row(label, ms(cold), goal=f"<=200 ms: {verdict(cold.seconds <= 0.2)}")
        fresh = new_draft_runs(2 * runs + 1, with_proselint)
        label = "cold start, a draft not checked before (cache seasoned by 10 other drafts)"
        if with_proselint:
            ratio = fresh[0].seconds / fresh[1].seconds
            row(label, ms(fresh[0]), ms(fresh[1]), f"{ratio:.2f}x proselint's time (CPU {fresh[0].cpu / fresh[1].cpu:.2f}x)",
                f"<=200 ms, <=0.8x: {verdict(fresh[0].seconds <= 0.2 and ratio <= 0.8)}")
        else:
            row(label, ms(fresh[0]), goal=f"<=200 ms: {verdict(fresh[0].seconds <= 0.2)}")

    if "throughput" in sections:
        words = words_in(drafts)
        base = [*NEWSLINT, "check", str(drafts), "--sources", str(OUT / "people_100"), "--format", "json"]
        run([*NEWSLINT, "check", str(one), "--sources", str(OUT / "people_100")])  # registry cached, .pyc written
        single = median_run(base, heavy, warmup=False)
        label = f"throughput, {count} drafts ({words:,} words), 1 process"
        goal = f">=200k words/s: {verdict(words / single.seconds >= 200_000)}"
        memory = f"peak memory, {count} drafts, 1 process"
        if with_proselint:
            prose = median_run([str(PROSELINT), "check", str(drafts)], heavy, cwd=OUT, warmup=False)
            row(label, rate(words, single), rate(words, prose),
                f"{prose.seconds / single.seconds:.2f}x proselint's speed (CPU {prose.cpu / single.cpu:.2f}x)", goal)
            row(memory, f"{single.max_rss_mib:.0f} MiB", f"{prose.max_rss_mib:.0f} MiB",
                f"{single.max_rss_mib / prose.max_rss_mib:.1f}x", f"<=100 MiB: {verdict(single.max_rss_mib <= 100)}")
        else:
            row(label, rate(words, single), goal=goal)
            row(memory, f"{single.max_rss_mib:.0f} MiB", goal=f"<=100 MiB: {verdict(single.max_rss_mib <= 100)}")
        jobs = median_run([*base, "--jobs", "2"], heavy, warmup=False)
        row(f"throughput, {count} drafts, --jobs 2", rate(words, jobs),
            ratio=f"{single.seconds / jobs.seconds:.2f}x of 1 process", goal=f"peak {jobs.max_rss_mib:.0f} MiB per process")

    if "rules" in sections:
        small = timer("lint", str(scaling), "--rules", str(OUT / "rules_50"), "--select", "Bench", runs=heavy)
        large = timer("lint", str(scaling), "--rules", str(OUT / "rules_5000"), "--select", "Bench", runs=heavy)
        ratio = large["lint"] / small["lint"]
        row(f"style rules: 5,000 vs 50 generated rules ({scaling_count} drafts, lint only)",
            f"{large['lint']:.2f} s vs {small['lint']:.2f} s", ratio=f"{ratio:.1f}x (CPU {large['lint_cpu'] / small['lint_cpu']:.1f}x)",
            goal=f"<=2x: {verdict(ratio <= 2)}")
        row("style rules: loading 5,000 vs 50 rule files (+ the shipped packs)",
            f"{large['load_rules']:.2f} s vs {small['load_rules']:.2f} s")

    if "people" in sections:
        timings = {}
        for people in (100, 1000, 10000):
            timings[people] = timer("lint", str(scaling), "--sources", str(OUT / f"people_{people}"),
                                    runs=heavy, timeout=args.budget)
        small = timings[100]
        for people in (1000, 10000):
            large = timings[people]
            label = f"registry: {people:,} vs 100 people ({scaling_count} drafts, lint only, all rules)"
            if "timeout" in large:
                row(label, f"did not finish in {large['timeout']:.0f} s (registry build + lint; peak {large['max_rss_mib']:.0f} MiB)",
                    goal="<=1.5x: MISSED" if people == 10000 else "")
                continue
            ratio = large["lint"] / small["lint"]
            row(label, f"{large['lint']:.2f} s vs {small['lint']:.2f} s; {large['entities']:.0f} vs {small['entities']:.0f} entities",
                ratio=f"{ratio:.2f}x (CPU {large['lint_cpu'] / small['lint_cpu']:.2f}x)",
                goal=f"<=1.5x: {verdict(ratio <= 1.5)}" if people == 10000 else "")
            row(f"registry: build (or cached load) and first draft, {people:,} vs 100 people",
                f"{large['first_draft']:.2f} s vs {small['first_draft']:.2f} s", goal=f"peak {large['max_rss_mib']:.0f} MiB")

    if "registry" in sections:
        # A cache folder of our own, empty at first: the first get() builds and saves, the next load.
        cache = OUT / "registry-cache"
        shutil.rmtree(cache, ignore_errors=True)
        env = {"NEWSLINT_CACHE_DIR": str(cache)}
        for name, folder, goal in (("seeds", SEEDS, None), ("1,000 articles", OUT / "sources_1000", 10)):
            built = timer("provider", str(folder), runs=1, timeout=args.budget, env=env)
            if "timeout" in built:
                row(f"registry build, {name}", f"did not finish in {built['timeout']:.0f} s", goal=f"<={goal} s: MISSED")
                continue
            row(f"registry build, {name} ({built['entities']:.0f} entities), saved to the cache",
                f"{built['get']:.2f} s", goal=(f"<={goal} s: {verdict(built['get'] <= goal)}; " if goal else "")
                + f"peak {built['max_rss_mib']:.0f} MiB")
            cached = timer("provider", str(folder), runs=runs, env=env)
            row(f"registry cached load, {name} (fresh process)",
                f"{cached['get'] * 1000:.0f} ms (a full content hash of sources and code, which an unchanged set skips, would take {cached['key'] * 1000:.0f} ms)",
                goal=f"<=30 ms: {verdict(cached['get'] <= 0.03)}")

    lsp = ROOT / "bench" / "lsp_latency.py"
    if "lsp" in sections and lsp.exists():
        result = run([PYTHON, str(lsp)])
        text = result.stdout.decode("utf-8", "replace").strip()
        lines = [line for line in text.splitlines() if "change to diagnostics" in line]
        row("LSP change-to-diagnostics (bench/lsp_latency.py)", "; ".join(lines) if lines else f"exit {result.returncode}")

    print("| measure | newslint | proselint 0.16 | ratio | goal |")
    print("|---|---|---|---|---|")
    for measure, newslint, proselint, ratio, goal in ROWS:
        print(f"| {measure} | {newslint} | {proselint} | {ratio} | {goal} |")
    load = os.getloadavg()[0]
    print(f"\n{runs} run(s) per light row (cold start, cached load), {heavy} per heavy row, medians of wall-clock time (CPU time in brackets); {os.cpu_count()} cores, "
          f"load average {load:.1f} at the end; python {sys.version.split()[0]}; bytecode written "
          f"(children run without PYTHONDONTWRITEBYTECODE{', which this shell sets' if 'PYTHONDONTWRITEBYTECODE' in os.environ else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
