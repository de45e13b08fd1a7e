"""Hover: what the registry knows about the name, title or quotation under the cursor, and
where the sources say it, so that an editor can confirm a right name as well as flag a wrong one.

Written against the registry model only (newslint.registry.model), and defensively: whatever
an extractor leaves out is simply not shown."""
from __future__ import annotations

import re
from pathlib import Path

import regex
from rapidfuzz import fuzz

from newslint.document.model import Document
from newslint.findings import Finding
from newslint.registry.model import Entity, Provenance, Registry, Title

# A capitalised word of a name or title: "Ibekwe", "O'Brien", "Jean-Luc", "J.", "McDonald's".
NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.\-]*")
WORD = regex.compile(r"[\p{L}\p{M}'’\-]+")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
MAX_WORDS = 6  # longest name or title looked up
MAX_PLACES = 5  # provenance lines shown


def hover_text(document: Document, offset: int, registry: Registry | None, findings: list[Finding] = ()) -> str | None:
    """Markdown for a hover at `offset`, or None when there is nothing to say."""
    if registry is None:
        return None
    span = _name_run(document.text, offset)
    if span is not None:
        text = _entity_hover(registry, document.text, span, offset, findings)
        if text:
            return text
    word = _word_at(document.text, offset)
    if word is not None:
        text = _title_hover(registry, word)
        if text:
            return text
    return _quote_hover(registry, document, offset)


# -- names -------------------------------------------------------------------------------------
def _name_run(text: str, offset: int) -> list[tuple[int, int]] | None:
    """The capitalised words around `offset` on its line, separated by single spaces; None when
    the cursor is not on one."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    words = [(m.start() + line_start, m.end() + line_start) for m in NAME_WORD.finditer(text[line_start:line_end])]
    at = next((i for i, (s, e) in enumerate(words) if s <= offset <= e), None)
    if at is None:
        return None
    first = last = at
    while first > 0 and text[words[first - 1][1]:words[first][0]] == " ":
        first -= 1
    while last + 1 < len(words) and text[words[last][1]:words[last + 1][0]] == " ":
        last += 1
    return words[first:last + 1]


def _candidates(text: str, words: list[tuple[int, int]], offset: int):
    """(start, end, name) of every run of up to MAX_WORDS words; those covering the cursor first,
    longest first."""
    found = []
    for i in range(len(words)):
        for j in range(i, min(len(words), i + MAX_WORDS)):
            start, end = words[i][0], words[j][1]
            name = POSSESSIVE.sub("", text[start:end]).rstrip(".")
            if name:
                found.append((not (start <= offset <= end), -(j - i), start, end, name))
    found.sort()
    return [(start, end, name) for _, _, start, end, name in found]


def _entity_hover(registry: Registry, text: str, words: list[tuple[int, int]], offset: int, findings) -> str | None:
    for finding in findings:
        if finding.start <= offset <= finding.end and finding.category in ("name", "title", "pronoun", "attribution"):
            wrong = _wrong_form(registry, finding.text)
            if wrong:
                return wrong
            if finding.fix:
                entity = _lookup(registry, finding.fix.replacement)
                if entity:
                    return _describe(entity)
    for start, end, name in _candidates(text, words, offset):
        entity = _lookup(registry, name)
        if entity is not None:
            return _describe(entity)
        wrong = _wrong_form(registry, name)
        if wrong:
            return wrong
    return None


def _lookup(registry: Registry, name: str) -> Entity | None:
    try:
        return registry.person_by_name(name) or registry.find(name)
    except Exception:  # noqa: BLE001 - the registry is being extended; a hover must not fail
        return None


def _wrong_form(registry: Registry, name: str) -> str | None:
    wanted = name.casefold()
    for entity in registry.entities:
        for variant in entity.wrong_variants():
            if variant.form.casefold() == wanted:
                lines = [f"**{variant.form}** — a wrong form of **{entity.canonical}** in the sources "
                         f"({_count(variant.support, 'mention')} in {_count(len(variant.sources), 'source')})"]
                lines += _places(variant.mentions)
                return "\n".join(lines) + "\n\n" + _describe(entity)
    return None


def _describe(entity: Entity) -> str:
    """"Name — Title; N mentions in M sources", then titles, other forms and where."""
    title = _main_title(entity)
    head = f"**{entity.canonical}**"
    if title:
        head += f" — {title}"
    head += f"; {_count(entity.support, 'mention')} in {_count(len(entity.sources), 'source')}"
    lines = [head]
    others = _other_titles(entity, title)
    if others:
        lines.append("Also: " + "; ".join(others))
    pronoun = {"female": "she/her", "male": "he/him", "they": "they/them"}.get(entity.gender)
    if pronoun:
        lines.append(f"Sources refer to {entity.canonical.split()[-1]} as {pronoun}")
    forms = [v.form for v in entity.variants if not v.wrong and v.form != entity.canonical] + list(entity.aliases)
    if forms:
        lines.append("Also written: " + ", ".join(dict.fromkeys(forms)))
    wrong = [f"{v.form} ({_count(v.support, 'mention')})" for v in entity.wrong_variants()]
    if wrong:
        lines.append("Known wrong forms: " + ", ".join(wrong))
    places = _places(entity.mentions)
    if places:
        lines.append("Seen in:\n" + "\n".join(places))
    return "\n\n".join(lines)


def _title_label(title: Title) -> str:
    text = title.text or " ".join(p for p in (title.affiliation, title.role) if p)
    if title.status == "former" and not text.casefold().startswith(("former", "ex-")):
        text = f"former {text}"
    return text


def _main_title(entity: Entity) -> str:
    titles = sorted(entity.titles, key=lambda t: (t.status != "current", -t.support))
    return _title_label(titles[0]) if titles else ""


def _other_titles(entity: Entity, main: str) -> list[str]:
    labels = [f"{_title_label(t)} ({_count(t.support, 'mention')})" for t in entity.titles if _title_label(t) != main]
    return labels[:4]


# -- titles ------------------------------------------------------------------------------------
def _word_at(text: str, offset: int) -> str | None:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    for match in WORD.finditer(text, line_start, line_end):
        if match.start() <= offset <= match.end():
            return match.group()
    return None


def _title_hover(registry: Registry, word: str) -> str | None:
    """Who holds a role the sources name ("president", "spokeswoman")."""
    wanted = word.casefold()
    holders = []
    for entity in registry.entities:
        for title in entity.titles:
            words = {title.role.casefold(), *(w.casefold() for w in WORD.findall(title.text or ""))}
            if wanted in words:
                holders.append((title.support, f"{entity.canonical} — {_title_label(title)} ({_count(title.support, 'mention')})"))
    if not holders:
        return None
    holders.sort(key=lambda h: -h[0])
    return f"**{word}** in the sources:\n\n" + "\n".join(f"- {line}" for _, line in holders[:6])


# -- quotes ------------------------------------------------------------------------------------
def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.casefold().replace("’", "'")))


def _quote_hover(registry: Registry, document: Document, offset: int) -> str | None:
    quote = next((q for q in document.quotes if q.depth == 0 and q.start <= offset < q.end), None)
    if quote is None:
        return None
    words = _normal(" ".join(document.text[s:e] for s, e in quote.parts))
    if len(words.split()) < 3:
        return None  # a scare-quoted word or two is not a quotation to look up
    matches = []
    for fact in registry.quotes:
        score = fuzz.partial_ratio(words, _normal(fact.text)) if fact.text else 0
        if score >= 90:
            matches.append((score, fact))
    if not matches:
        return f"No source has this quotation ({_count(len(registry.quotes), 'quotation')} in the sources)"
    matches.sort(key=lambda m: -m[0])
    lines = ["**Quotation in the sources:**"]
    for score, fact in matches[:3]:
        speaker = fact.speaker or fact.speaker_text or "unknown speaker"
        exact = "" if score == 100 else f" ({score:.0f}% match)"
        lines.append(f"- “{fact.text}” — {speaker}{exact}, {_place(fact.provenance)}")
    return "\n".join(lines)


# -- helpers -----------------------------------------------------------------------------------
def _places(mentions: list[Provenance]) -> list[str]:
    seen, lines = set(), []
    for mention in mentions:
        if mention.source in seen:
            continue
        seen.add(mention.source)
        text = mention.text.strip()
        if len(text) > 100:
            text = text[:97] + "…"
        lines.append(f"- {_place(mention)}: {text}")
        if len(lines) >= MAX_PLACES:
            break
    return lines


def _place(provenance: Provenance) -> str:
    path = Path(provenance.source)
    label = f"{path.name}:{provenance.line}"
    try:
        return f"[{label}]({path.resolve().as_uri()}#L{provenance.line})"
    except ValueError:
        return label


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
