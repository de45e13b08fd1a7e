"""Fix mode (`check --fix`, `--diff`): apply the fixes rules are sure of, and lose nothing.

Edits come from `Finding.fix`. Only safe fixes are applied unless `unsafe` is set. A fix is
skipped when its span is not entirely prose (code, markup, URLs, front-matter keys, line
endings) or lies inside a quotation, unless its rule says `inquotes: true`. Overlapping edits
are resolved by passes: apply the ones that do not overlap, lint again, repeat; if the passes
do not settle, the text is left as it was. Files are written to a temporary file in the same
folder and renamed over the original, keeping its encoding, BOM, mode and every other byte.
"""
from __future__ import annotations

import difflib
import os
import stat
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newslint.document.model import Document
from newslint.engine.files import Decoded, InputError, read_text
from newslint.engine.linter import Linter, Report
from newslint.findings import Finding

MAX_PASSES = 10


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


@dataclass
class FixResult:
    """The fixed text, the report of what remains in it, and how it went."""

    text: str
    report: Report
    applied: list[Edit] = field(default_factory=list)  # every edit applied, pass after pass
    settled: bool = True

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(linter: Linter, name: str, text: str, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixResult:
    """Fix `text` in memory. When the passes do not settle (rules keep proposing edits, or
    undo each other), return the original text and its report, with a note saying so."""
    original = text
    report = linter.lint_text(name, text)
    first_report = report
    rules = {rule.id: rule.inquotes for rule in linter.ruleset.rules}
    applied: list[Edit] = []
    seen = {text}
    passes = 0
    for passes in range(1, max_passes + 1):
        edits = choose_edits(report.document, report.findings, rules, unsafe)
        if not edits:
            return FixResult(text, report, applied)
        text = apply_edits(text, edits)
        applied.extend(edits)
        if text in seen:  # the rules undo each other: this will never settle
            break
        seen.add(text)
        report = linter.lint_text(name, text)
    else:
        if not choose_edits(report.document, report.findings, rules, unsafe):
            return FixResult(text, report, applied)
    first_report.notes.append(
        f"{name}: fixes did not settle after {passes} passes (the rules keep changing the same text); "
        "file left unchanged")
    return FixResult(original, first_report, [], settled=False)


def choose_edits(document: Document | None, findings: list[Finding], inquotes: dict[str, bool],
                 unsafe: bool) -> list[Edit]:
    """The applicable edits of one pass, sorted, none overlapping (the first one wins)."""
    if document is None:
        return []
    candidates = []
    crlf = "\r\n" in document.text
    for finding in findings:
        fix = finding.fix
        if fix is None or not (fix.safe or unsafe):
            continue
        start, end = finding.start, finding.end
        replacement = fix.replacement
        if crlf and "\n" in replacement:  # a line break in a CRLF file is a CRLF
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        if document.text[start:end] == replacement:
            continue  # nothing to change; also keeps the passes from looping on it
        if not editable(document, start, end):
            continue
        if not inquotes.get(finding.rule, False) and touches_quote(document, start, end):
            continue
        candidates.append(Edit(start, end, replacement, finding.rule))
    candidates.sort(key=lambda e: (e.start, e.end, e.rule))
    chosen: list[Edit] = []
    for edit in candidates:
        if chosen:
            last = chosen[-1]
            if (edit.start, edit.end, edit.replacement) == (last.start, last.end, last.replacement):
                continue  # two rules agree on the same edit
            if edit.start < last.end or edit.start == last.start:
                continue  # overlaps (or inserts at the same point): left for the next pass
        chosen.append(edit)
    return chosen


def editable(document: Document, start: int, end: int) -> bool:
    """True when [start, end) is prose: inside one prose block, and no character of it masked
    (code, markup, URL, front-matter key, carriage return)."""
    if not 0 <= start <= end <= len(document.text):
        return False
    block = document.block_at(start)
    if block is None and start == end and start > 0:
        block = document.block_at(start - 1)  # an insertion at the end of a block
    if block is None or end > document.blocks[block].end:
        return False
    text, prose = document.text, document.prose
    return all(prose[i] == text[i] for i in range(start, end) if not text[i].isspace() or text[i] == "\r")


def touches_quote(document: Document, start: int, end: int) -> bool:
    return document.in_quote(start, end) if document.quotes else False


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits; every other character stays as it was."""
    pieces = []
    position = 0
    for edit in edits:
        pieces.append(text[position:edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff in git's shape; line endings are kept as they are in the file."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def encode(text: str, decoded: Decoded) -> bytes:
    return decoded.bom + text.encode(decoded.encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`, keeping the
    file's mode (and owner, when allowed). A failure at any step leaves the original untouched."""
    target = path.resolve() if path.is_symlink() else path  # replace the file, not the link
    status = target.stat()
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-fix", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown"):
            try:  # keep the owner when we may (root fixing someone's draft); else it is ours
                os.chown(temporary, status.st_uid, status.st_gid)
            except OSError:
                pass
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def fix_file(linter: Linter, name: str, decoded: Decoded | None, apply: bool, diff: bool, unsafe: bool) -> Report:
    """Fix one file (decoded is None) or stdin text (decoded given), per --fix/--diff.

    --diff prints the changes and writes nothing; --fix writes the file in place, or prints the
    fixed text for stdin. Returns the report of what remains after fixing."""
    from_stdin = decoded is not None
    if decoded is None:
        try:
            decoded = read_text(Path(name))
        except InputError as error:
            return Report(name, error=str(error))
    result = fix_text(linter, name, decoded.text, unsafe)
    report = result.report
    if diff:
        sys.stdout.write(unified_diff(name, decoded.text, result.text))
        sys.stdout.flush()
        return report
    if not apply:
        return report
    try:
        data = encode(result.text, decoded)
    except UnicodeEncodeError as error:
        report.error = f"{name}: fixed text cannot be written as {decoded.encoding} ({error.reason}); file left unchanged"
        return report
    if from_stdin:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        say_fixed(name, result.applied)
        return report
    if not result.changed:
        return report
    path = Path(name)
    try:
        if read_text(path).text != decoded.text:
            report.error = f"{name}: changed by another program while being fixed; file left unchanged"
            return lint_original(linter, name, decoded, report)
        write_atomic(path, data)
    except (OSError, InputError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        report.error = f"{name}: cannot write the fixes: {reason}; file left unchanged"
        return lint_original(linter, name, decoded, report)
    say_fixed(name, result.applied)
    return report


def say_fixed(name: str, applied: list[Edit]) -> None:
    """One line on stderr per fixed file: how many fixes, by which rules."""
    if applied:
        counts = Counter(edit.rule for edit in applied)
        rules = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(counts.items()))
        print(f"newslint: {name}: applied {len(applied)} fix{'es' if len(applied) != 1 else ''} ({rules})", file=sys.stderr)


def lint_original(linter: Linter, name: str, decoded: Decoded, failed: Report) -> Report:
    """When the fixes could not be written, report the findings of the file as it still is."""
    report = linter.lint_text(name, decoded.text)
    report.error = failed.error
    report.notes.extend(failed.notes)
    return report
