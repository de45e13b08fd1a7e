"""Built-in fact extractors: one module per kind of fact, each exporting EXTRACTORS."""
from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.registry.model import Provenance

if TYPE_CHECKING:
    from newslint.document.model import Document


def line_provenance(document: Document, line: int) -> Provenance:
    """Where a fact on one line is: one object per line, shared by every figure and quote on
    it, so that the registry holds (and its cache stores) each line's text once."""
    cache = document.__dict__.setdefault("_line_provenance", {})
    if line not in cache:
        cache[line] = Provenance(document.path, line, document.line_text(line).strip())
    return cache[line]
