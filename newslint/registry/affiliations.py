"""The organisations the sources write beside a person's name, beyond the titles the mention
finder reads: an appositive ("Ann Roe, a geologist at the Acme Institute"; "Ann Roe, Acme
Bureau of Tests"), a transcript label ("ANN ROE (geologist, Acme Institute):"), a
list's or notes' dash label ("ANN ROE - geologist, Acme Institute"), the speaker's
own words in a transcript turn ("I'm a partner at Acme Audit"), an organisation before the
name ("Acme District Court, Judge Ann Roe") and "the Acme partner". Read from the source lines
that name the person, when a draft check asks (a draft that gives the person an organisation
the sources never write beside the name)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint import regexcache

from newslint.registry.lexicon import lexicon
from newslint.registry.model import Entity, Provenance, Registry

# A run of capitalised words, with the small words names hold ("Office of the State Geologist").
_RUN = r"\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+|on\s+)?\p{Lu}[\p{L}.'’&-]*)*"
_CAPITAL_RUN = regexcache.compile(_RUN)
# The appositive after the name, up to the clause's end ("…, said", ";", ".", a quotation).
_APPOSITIVE = regexcache.compile(r",\s+([^;:\"“”()]{3,160}?)(?=,\s+(?:said|says|told|added|who)\b|[.;:\"“”]\s|[.;:]$|$|\s+said\b)")
_LABEL = regexcache.compile(r"\s*\(([^()]{3,120})\)\s*:")
# A label's line: the name (after an honorific or rank at most), a dash, what the person is.
_DASH_LABEL = regexcache.compile(r"[ \t]+(?:--|—|–|-)[ \t]+([^\n]{3,200})")
_LABEL_LEAD = regexcache.compile(r"[ \t]*(?:[-*•][ \t]+)?(?:\p{Lu}\p{L}{0,4}\.[ \t]+){0,2}")
_TURN = regexcache.compile(r"\s*(?:\([^()]*\))?\s*:\s*(.{0,400})")
_SELF = regexcache.compile(r"\bI(?:'m|’m| am)\b([^.]{0,120})")
_BEFORE = regexcache.compile(rf"({_RUN}),\s+(?:\p{{Lu}}[\p{{L}}.]*\s+){{0,2}}$")


@dataclass(eq=False, repr=False)  # never compared, hashed or printed: no generated methods to compile at start-up
class Affiliation:
    """An organisation the sources write beside a person's name, and where."""

    organisation: str
    provenance: Provenance


def source_affiliations(entity: Entity, registry: Registry) -> list[Affiliation]:
    """Organisations the sources write beside the person's name (see the module's doc): each
    one a known organisation of the registry or a capitalised run holding an organisation word."""
    found: dict[str, Affiliation] = {}
    forms = {v.form for v in entity.variants if not v.wrong}
    lines = {(w.source, w.line): w for v in entity.variants if not v.wrong for w in v.mentions}
    for where in lines.values():
        text = where.text
        for form in forms:
            for at in _occurrences(text, form):
                end = at + len(form)
                for organisation in _beside(text, at, end, registry, entity):
                    found.setdefault(organisation.casefold(), Affiliation(organisation, where))
    return list(found.values())


def lines_naming(entity: Entity) -> list[str]:
    """The source lines that name the person."""
    return list({(w.source, w.line): w.text for v in entity.variants if not v.wrong for w in v.mentions}.values())


def _occurrences(text: str, form: str) -> list[int]:
    """Where the form is written in the text as whole words, in any case."""
    low, want, found = text.lower(), form.lower(), []
    at = low.find(want)
    while at >= 0:
        end = at + len(want)
        if (at == 0 or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
            found.append(at)
        at = low.find(want, at + 1)
    return found


def _beside(text: str, start: int, end: int, registry: Registry, entity: Entity) -> list[str]:
    spans: list[str] = []
    label = _LABEL.match(text, end)
    if label is not None:
        spans.append(label.group(1))
    turn = _TURN.match(text, end) if label is not None or text[end:end + 1] == ":" else None
    if turn is not None:
        spans += [m.group(1) for m in _SELF.finditer(turn.group(1))]
    apposition = _APPOSITIVE.match(text, end)
    if apposition is not None:
        spans.append(apposition.group(1))
    dash = _DASH_LABEL.match(text, end)
    if dash is not None and _LABEL_LEAD.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
        spans.append(dash.group(1))  # a list's label: "ANN ROE - spokeswoman, Acme Water District"
    before = _BEFORE.search(text, max(0, start - 80), start)
    if before is not None:
        spans.append(before.group(1))
    names = {w.casefold() for v in entity.variants for w in v.form.split()}
    organisations = []
    for span in spans:
        if _CLAUSE.match(span):
            continue  # "Ann Roe, who sued Acme": what the person did, not where they work
        for run in _CAPITAL_RUN.finditer(span):
            written = run.group()
            if run.start() and not _PLACED.search(span, 0, run.start()):
                # only a run opening the span, or after "at", "with", "of", "for", "the"; or the
                # part of a run after its "of the" ("Agent in Charge of the Acme Field Office")
                joined = _JOINED.search(written)
                if joined is None:
                    continue
                written = written[joined.end():]
            organisation = _organisation(written.strip(" .,"), registry, names)
            if organisation:
                organisations.append(organisation)
    return organisations


_CLAUSE = regexcache.compile(r"(?:who|whose|which|that|where|when)\b", regex.IGNORECASE)
_JOINED = regexcache.compile(r"\s+(?:of|for)\s+the\s+(?=\p{Lu})")
_PLACED = regexcache.compile(r"(?:^|\s|,)(?:at|with|of|for|from|the)\s+(?:the\s+)?$|(?:^|,)\s*$")


def _organisation(run: str, registry: Registry, names: set[str]) -> str:
    """The run as an organisation: a known one (its canonical name), the one known organisation
    whose name it begins ("the Acme partner"), or a run holding an organisation word."""
    lex = lexicon()
    words = run.split()
    if not words or any(w.casefold() in names for w in words) or lex.country(run):
        return ""
    known = registry.find(run)
    if known is not None:
        return known.canonical if known.kind == "organisation" else ""
    low = run.casefold()
    starting = {canonical for form, canonical in _by_first_word(registry).get(low.split()[0], ())
                if form.startswith(low + " ")}
    if len(starting) == 1 and run[:1].isupper() and run.casefold() not in lex.function_words:
        return next(iter(starting))
    if len(words) > 1 and any(w.casefold() in lex.organisation_words for w in words):
        return run
    return ""


_FIRST_WORDS: dict[int, tuple[Registry, int, dict[str, list[tuple[str, str]]]]] = {}


def _by_first_word(registry: Registry) -> dict[str, list[tuple[str, str]]]:
    """The registry's organisations' right forms (casefolded, with the canonical name) by their
    first word, made once per registry (kept alive with it; rebuilt when entities are added)."""
    held = _FIRST_WORDS.get(id(registry))
    if held is None or held[0] is not registry or held[1] != len(registry.entities):
        if len(_FIRST_WORDS) > 8:
            _FIRST_WORDS.clear()
        index: dict[str, list[tuple[str, str]]] = {}
        for organisation in registry.organisations:
            for form in organisation.right_forms():
                low = form.casefold()
                index.setdefault(low.split()[0] if low.split() else "", []).append((low, organisation.canonical))
        held = _FIRST_WORDS[id(registry)] = (registry, len(registry.entities), index)
    return held[2]
