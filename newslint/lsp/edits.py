"""The text edits behind the code actions, as code-point spans of the document's text:
apply a finding's fix, disable a rule on a line, accept a name in the draft's front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from newslint.findings import Finding
from newslint.lsp.positions import LineIndex

# Front matter as markdown-it's front_matter plugin reads it: "---" on the first line, up to the
# next line that is "---".
FRONT_MATTER = re.compile(r"\A---[ \t]*(\r?\n)(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
DISABLE_NEXT = re.compile(r"^([ \t>]*)<!--\s*newslint-disable-next-line\b([^>]*?)\s*-->[ \t]*$")
# What a comment line keeps of the line below it, so it stays in the same list item or quote.
LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")
TABLE_ROW = re.compile(r"[ \t]*(?:>[ \t]?)*\|")
TOP_LEVEL_KEY = re.compile(r"^newslint[ \t]*:", re.M)


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new_text: str


def fix_edit(finding: Finding) -> Edit | None:
    return Edit(finding.start, finding.end, finding.fix.replacement) if finding.fix else None


def front_matter_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the front matter block, closing "---" line included."""
    match = FRONT_MATTER.match(text)
    return (0, match.end()) if match else None


def disable_edit(text: str, finding: Finding) -> Edit | None:
    """Insert `<!-- newslint-disable-next-line RULE -->` above the finding's line (or add the rule
    to such a comment already there), indented and quoted like that line. None inside front matter
    or a table, where a line of its own would break the YAML or the table."""
    front = front_matter_span(text)
    if front and finding.start < front[1]:
        return None
    index = LineIndex(text)
    line, _ = index.position(finding.start)
    if line > 0:
        previous = text[index.starts[line - 1]:index.line_end(line - 1)]
        existing = DISABLE_NEXT.match(previous)
        if existing:
            rules = [r for r in re.split(r"[\s,]+", existing.group(2)) if r]
            if finding.rule in rules:
                return None
            comment = f"{existing.group(1)}<!-- newslint-disable-next-line {', '.join([*rules, finding.rule])} -->"
            return Edit(index.starts[line - 1], index.line_end(line - 1), comment)
    start = index.starts[line]
    current = text[start:index.line_end(line)]
    if TABLE_ROW.match(current):
        return None
    indent = LINE_PREFIX.match(current).group()
    newline = "\r\n" if "\r\n" in text else "\n"
    return Edit(start, start, f"{indent}<!-- newslint-disable-next-line {finding.rule} -->{newline}")


def accept_edit(text: str, name: str) -> Edit | None:
    """Add `name` to `newslint: accept: [...]` in the front matter, creating what is missing.
    Only the `newslint:` block is rewritten; other keys and comments are left as they are.
    None when the front matter is not a mapping or already accepts the name."""
    match = FRONT_MATTER.match(text)
    if not match:
        block = _dump({"accept": [name]})
        return Edit(0, 0, f"---\n{block}---\n\n")
    newline, body = match.group(1), match.group(2)
    body_start = match.start(2)
    try:
        data = yaml.safe_load(body) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    settings = data.get("newslint")
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        return None
    accepted = settings.get("accept") or []
    if isinstance(accepted, str):
        accepted = [a.strip() for a in accepted.split(",") if a.strip()]
    if not isinstance(accepted, list):
        return None
    if any(str(a).casefold() == name.casefold() for a in accepted):
        return None
    settings = {**settings, "accept": [*accepted, name]}
    new_block = _dump(settings).replace("\n", newline)
    key = TOP_LEVEL_KEY.search(body)
    if key is None:  # append the block at the end of the front matter
        return Edit(body_start + len(body), body_start + len(body), new_block)
    end = _block_end(body, key.end())
    return Edit(body_start + key.start(), body_start + end, new_block)


def _dump(settings: dict) -> str:
    return yaml.safe_dump({"newslint": settings}, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _block_end(body: str, after_key: int) -> int:
    """End of a top-level key's block: the rest of its line and the indented lines after it
    (blank lines inside it included, blank lines after it left alone)."""
    newline = body.find("\n", after_key)
    if newline < 0:
        return len(body)
    position = end = newline + 1
    while position < len(body):
        line_end = body.find("\n", position)
        line_end = len(body) if line_end < 0 else line_end + 1
        line = body[position:line_end]
        if line.strip():
            if line[0] not in " \t":
                break
            end = line_end
        position = line_end
    return end
