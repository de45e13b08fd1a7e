"""Markdown drafts: markdown-it-py (CommonMark + tables + front matter) into masked prose.

Only the text of inline content is revealed; markup, code, HTML, link targets, images,
front-matter keys, list bullets and blockquote markers stay masked.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from newslint.datafiles import safe_load_with_node
from newslint.document.masking import Mask
from newslint.document.model import Block, Document

# Front-matter fields that hold prose (a headline, a dek) and are linted as their own scopes.
PROSE_FIELDS = ("title", "headline", "subtitle", "dek", "description", "summary", "excerpt")
PIECE = re.compile(r"\S+")
# Container markers that open a line nested too deep for markdown-it (see _reveal_too_deep).
DEEP_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*", re.MULTILINE)
DEEP_CONTAINERS = {"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"}
PART = re.compile(r"[^\W_]+|\S")
CONTAINERS = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "table_open": "table",
}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def parse_markdown(path: str, text: str) -> Document:
    # markdown-it normalises CRLF to LF and NUL to U+FFFD; give it a same-length copy so
    # offsets stay exact and the text it returns is found in the source.
    source = text.replace("\r\n", " \n").replace("\r", " ").replace("\0", "\ufffd")
    starts = _line_starts(source)
    mask = Mask(text)
    blocks: list[Block] = []
    front_matter: dict = {}
    problems: list[str] = []
    containers: list[str] = []
    leaf: tuple[str, frozenset[str]] = ("paragraph", frozenset({"paragraph"}))
    cursor = 0
    env: dict = {}
    tokens = _parser().parse(source, env)
    for token in tokens:
        if token.type in CONTAINERS:
            containers.append(CONTAINERS[token.type])
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in CONTAINERS:
            if containers:
                containers.pop()
        elif token.type == "front_matter":
            front_matter, fields, problem = _front_matter(token, source, starts)
            problems += [problem] if problem else []
            for name, start, end in fields:
                mask.reveal(start, end)
                scopes = frozenset({"frontmatter", f"frontmatter.{name}"})
                blocks.append(Block(f"frontmatter.{name}", start, end, scopes))
        elif token.type == "heading_open":
            leaf = ("heading", frozenset({"heading", f"heading.{token.tag}"}))
        elif token.type == "paragraph_open":
            leaf = ("paragraph", frozenset({"paragraph"}))
        elif token.type in ("th_open", "td_open"):
            name = "table.header" if token.type == "th_open" else "table.cell"
            leaf = (name, frozenset({name}))
        elif token.type == "inline" and token.map:
            region_start = starts[token.map[0]]
            region_end = starts[token.map[1]] if token.map[1] < len(starts) else len(source)
            cursor = max(cursor, region_start)
            first, cursor, last = _reveal_inline(token, source, mask, cursor, region_end)
            if first is not None:
                kind, scopes = leaf
                blocks.append(Block(kind, first, last, scopes | frozenset(containers)))
    blocks.extend(_reveal_too_deep(tokens, env, source, starts, mask))
    mask.hide_urls()
    blocks.sort(key=lambda b: b.start)
    return Document(path=path, text=text, prose=mask.result(), blocks=blocks, front_matter=front_matter,
                    problems=problems)


def _reveal_too_deep(tokens: list[Token], env: dict, source: str, starts: list[int], mask: Mask) -> list[Block]:
    """markdown-it drops whatever is nested deeper than its maxNesting (20 levels of blockquotes
    or lists); rather than lose that text, reveal it line by line, after its markers, as plain
    paragraphs."""
    limit = _parser().options.maxNesting
    if not any(t.level >= limit - 1 for t in tokens):
        return []
    covered = bytearray(len(starts))
    maps = [t.map for t in tokens if t.map and t.type not in DEEP_CONTAINERS]
    maps += [ref["map"] for ref in env.get("references", {}).values() if ref.get("map")]
    for first, last in maps:
        covered[first:last] = b"\x01" * (last - first)
    blocks = []
    for index, start in enumerate(starts):
        if covered[index]:
            continue
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(source)
        text_start = DEEP_MARKERS.match(source, start, end).end()
        text_end = len(source[text_start:end].rstrip()) + text_start
        if text_start < text_end:
            mask.reveal(text_start, text_end)
            blocks.append(Block("paragraph", text_start, text_end, frozenset({"paragraph"})))
    return blocks


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _reveal_inline(token: Token, source: str, mask: Mask, cursor: int, limit: int):
    """Reveal the text children of an inline token; return (first, cursor, last) offsets."""
    first = last = None
    autolink = False
    for child in token.children or []:
        kind = child.type
        if kind == "link_open":
            autolink = child.markup == "autolink"
        elif kind == "link_close":
            if not autolink:
                cursor = _skip_past(source, str(child_href(token, child) or ""), cursor, limit)
            autolink = False
        elif kind == "code_inline":
            cursor = _skip_code_span(source, child.markup or "`", child.content, cursor, limit)
        elif kind == "html_inline":
            cursor = _skip_past(source, child.content, cursor, limit)
        elif kind == "image":
            cursor = _skip_past(source, str(child.attrs.get("src", "")), cursor, limit)
        elif kind == "text" and child.content and not autolink:
            for piece in _locate(source, child.content, cursor, limit):
                mask.reveal(*piece)
                first = piece[0] if first is None else first
                last = piece[1]
                cursor = piece[1]
    return first, cursor, last


def child_href(parent: Token, close: Token) -> str | None:
    """The href of the link that `close` ends (markdown-it keeps it on the matching open)."""
    children = parent.children or []
    depth = 0
    for token in reversed(children[: children.index(close)]):
        if token.type == "link_close":
            depth += 1
        elif token.type == "link_open":
            if depth == 0:
                return token.attrs.get("href")
            depth -= 1
    return None


def _skip_past(source: str, content: str, cursor: int, limit: int) -> int:
    if not content:
        return cursor
    at = source.find(content, cursor, limit)
    return at + len(content) if at >= 0 else cursor


def _skip_code_span(source: str, fence: str, content: str, cursor: int, limit: int) -> int:
    """Past a code span: its opening backtick run, then the next run of the same length (the
    parsed content has its line endings turned into spaces, so it may not be in the source)."""
    opening = source.find(fence, cursor, limit)
    if opening >= 0:
        at = opening + len(fence)
        while True:
            closing = source.find(fence, at, limit)
            if closing < 0:
                break
            end = closing + len(fence)
            if source[end:end + 1] != "`" and source[closing - 1:closing] != "`":
                return end
            at = end
            while source[at:at + 1] == "`":
                at += 1
    return _skip_past(source, content, cursor, limit)


def _locate(source: str, content: str, cursor: int, limit: int):
    """Spans of `content` in the source from `cursor`: whole when verbatim, else word by word
    (escapes and entities make the parsed text differ from the source)."""
    at = source.find(content, cursor, limit)
    if at >= 0:
        yield at, at + len(content)
        return
    for piece in PIECE.finditer(content):
        at = source.find(piece.group(), cursor, limit)
        if at >= 0:
            cursor = at + len(piece.group())
            yield at, cursor
            continue
        # A word with an escape or entity inside ("AT&amp;T", "Smith\_Jones"): reveal its
        # letters and symbols one run at a time, only close by, so that an absent symbol
        # cannot move the cursor far ahead.
        near = min(limit, cursor + 2 * len(piece.group()) + 8)
        for part in PART.finditer(piece.group()):
            at = source.find(part.group(), cursor, near)
            if at >= 0:
                cursor = at + len(part.group())
                yield at, cursor


def _front_matter(token: Token, source: str, starts: list[int]):
    """Parse front matter safely; return (data, [(field, start, end)] of prose fields, problem):
    front matter that is not a YAML mapping is ignored, and the problem says so ("LINE: ...")."""
    import yaml  # here: a draft without front matter needs no PyYAML (~10 ms of a cold start)

    content_start = starts[token.map[0] + 1] if token.map[0] + 1 < len(starts) else len(source)
    try:
        data, node = safe_load_with_node(token.content)
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # bad dates and numbers, deep nesting
        mark = getattr(error, "problem_mark", None)
        line = token.map[0] + 2 + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or f"{type(error).__name__}: {error}"
        return {}, [], f"{line}: front matter is not valid YAML ({reason}); it is ignored"
    if data is None:
        return {}, [], None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return {}, [], f"{token.map[0] + 1}: front matter is not a YAML mapping; it is ignored"
    fields = []
    for key, value in node.value:
        if isinstance(value, yaml.ScalarNode) and str(key.value).lower() in PROSE_FIELDS and value.tag.endswith(":str"):
            start, end = value.start_mark.index, value.end_mark.index
            if value.style in ("'", '"'):
                start, end = start + 1, end - 1
            if value.style in (None, "", "'", '"') and start < end:  # libyaml's plain style is ""
                fields.append((str(key.value).lower(), content_start + start, content_start + end))
    return data, fields, None
