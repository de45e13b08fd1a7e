"""What a rule reports: a finding with an exact span, a category, a severity and its evidence."""
from __future__ import annotations

from dataclasses import dataclass, field

# The fixed vocabulary of DESIGN.md; every finding has exactly one.
CATEGORIES = (
    "name", "title", "pronoun", "quote", "attribution", "figure",
    "unsourced", "vague-source", "style",
)

# Lowest first. Vale's levels are suggestion, warning and error; "info" is the level for
# legitimate but worth-knowing findings (anonymous but described sourcing).
SEVERITIES = ("suggestion", "info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


@dataclass(frozen=True)
class Evidence:
    """Where the sources say what the message claims."""

    source: str
    line: int
    text: str


@dataclass(frozen=True)
class Fix:
    """A replacement for the finding's span. Only safe fixes are applied without --unsafe-fixes."""

    replacement: str
    safe: bool = True


@dataclass(frozen=True, init=False)
class Finding:
    """One problem in one document. `start`/`end` are offsets into the document's text."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    evidence: tuple[Evidence, ...] = ()
    link: str = ""
    # Filled in by the engine once the finding is placed in its file.
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    text: str = field(default="", compare=False)

    def __init__(self, rule: str, category: str, severity: str, message: str, start: int, end: int,
                 fix: Fix | None = None, evidence: tuple[Evidence, ...] = (), link: str = "",
                 path: str = "", line: int = 0, column: int = 0, end_line: int = 0,
                 end_column: int = 0, text: str = "") -> None:
        # Written out: a frozen dataclass's own __init__ sets each of the 15 fields through
        # object.__setattr__ (~5 us a finding; thousands per run with large styles). Same
        # fields, defaults and order; the instances stay frozen.
        self.__dict__.update(
            rule=rule, category=category, severity=severity, message=message, start=start, end=end,
            fix=fix, evidence=evidence, link=link, path=path, line=line, column=column,
            end_line=end_line, end_column=end_column, text=text)

    def as_json(self) -> dict:
        """The JSON object of DESIGN.md's output contract."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "fix": {"replacement": self.fix.replacement} if self.fix else None,
            "evidence": [{"source": e.source, "line": e.line, "text": e.text} for e in self.evidence],
        }
