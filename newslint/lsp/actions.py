"""Code actions for the findings in a range, as LSP CodeAction objects (plain dicts; the server
turns them into lsprotocol types): apply the fix, accept a name in the draft, disable the rule on
the line, and apply every safe fix at once (source.fixAll)."""
from __future__ import annotations

from newslint.findings import Finding
from newslint.lsp import edits
from newslint.lsp.diagnostics import to_diagnostic
from newslint.lsp.positions import LineIndex

QUICKFIX, FIX_ALL = "quickfix", "source.fixAll"


def code_actions(uri: str, text: str, findings: list[Finding], index: LineIndex, start: int, end: int,
                 only: list[str], markdown: bool) -> list[dict]:
    """The actions for findings touching [start, end), filtered by the client's `only` kinds."""
    actions: list[dict] = []
    if not only or any(kind in ("", QUICKFIX) for kind in only):
        for finding in findings:
            if finding.start <= end and finding.end >= start:
                actions.extend(finding_actions(uri, text, finding, index, markdown))
    if not only or any(kind in ("source", FIX_ALL) for kind in only):
        fix_all = fix_all_action(uri, findings, index)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def finding_actions(uri: str, text: str, finding: Finding, index: LineIndex, markdown: bool) -> list[dict]:
    diagnostic = to_diagnostic(finding, index)
    actions = []
    fix = edits.fix_edit(finding)
    if fix is not None:
        title = f"Replace with “{fix.new_text}”" if fix.new_text else f"Delete “{finding.text}”"
        actions.append(_action(title, uri, index, [fix], diagnostic, preferred=finding.fix.safe))
    if finding.category == "name" and markdown and finding.text:  # front matter is Markdown's
        accept = edits.accept_edit(text, finding.text)
        if accept is not None:
            actions.append(_action(f"Accept “{finding.text}” in this draft", uri, index, [accept], diagnostic))
    disable = edits.disable_edit(text, finding)
    if disable is not None:
        actions.append(_action(f"Disable {finding.rule} on this line", uri, index, [disable], diagnostic))
    return actions


def fix_all_action(uri: str, findings: list[Finding], index: LineIndex) -> dict | None:
    """Every safe fix that does not overlap an earlier one, as one edit."""
    chosen: list[edits.Edit] = []
    for finding in findings:
        fix = edits.fix_edit(finding)
        if fix is not None and finding.fix.safe and (not chosen or fix.start >= chosen[-1].end):
            chosen.append(fix)
    if not chosen:
        return None
    return _action("Apply all safe newslint fixes", uri, index, chosen, kind=FIX_ALL)


def _action(title: str, uri: str, index: LineIndex, changes: list[edits.Edit], diagnostic: dict | None = None,
            kind: str = QUICKFIX, preferred: bool = False) -> dict:
    action = {
        "title": title,
        "kind": kind,
        "edit": {"changes": {uri: [{"range": index.range(e.start, e.end), "newText": e.new_text} for e in changes]}},
    }
    if diagnostic is not None:
        action["diagnostics"] = [diagnostic]
    if preferred:
        action["isPreferred"] = True
    return action
