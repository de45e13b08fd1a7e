"""The built-in plugin: registers newslint's own rule kinds, parsers, formats and fact
extractors through the same hooks that third-party plugins implement.

The built-ins are listed here by name and imported on first use (`Deferred`): a run imports
only the rule kinds its rules extend and the format it writes, not every module of
newslint/kinds and newslint/formats. A module in `newslint.kinds` exports RULE_KINDS, one in
`newslint.formats` exports FORMATS and one in `newslint.registry.extractors` exports
EXTRACTORS; adding one is adding its module and its line below (tests/test_builtins_table.py
fails when a module's exports and these tables disagree)."""
from __future__ import annotations

from newslint.hookspecs import Deferred, DeferredExtractor, hookimpl

RULE_KINDS = {
    "attribution": "newslint.kinds.quotes:AttributionRule",
    "capitalization": "newslint.kinds.capitalization:Capitalization",
    "conditional": "newslint.kinds.conditional:Conditional",
    "consistency": "newslint.kinds.consistency:Consistency",
    "existence": "newslint.kinds.existence:Existence",
    "figures": "newslint.kinds.figures:FiguresRule",
    "metric": "newslint.kinds.metric:Metric",
    "names": "newslint.kinds.names:NamesRule",
    "occurrence": "newslint.kinds.occurrence:Occurrence",
    "pronouns": "newslint.kinds.pronouns:PronounsRule",
    "quotes": "newslint.kinds.quotes:QuotesRule",
    "readability": "newslint.kinds.readability:Readability",
    "repetition": "newslint.kinds.repetition:Repetition",
    "sourcing": "newslint.kinds.sourcing:SourcingRule",
    "substitution": "newslint.kinds.substitution:Substitution",
    "titles": "newslint.kinds.titles:TitlesRule",
}

FORMATS = {
    "github": "newslint.formats.github:write_github",
    "json": "newslint.formats.json_format:write_json",
    "lsp": "newslint.formats.lsp_format:write_lsp",
    "sarif": "newslint.formats.sarif:write_sarif",
    "text": "newslint.formats.text:write_text",
}

# Fact extractors by name: (order, the module whose EXTRACTORS holds it). The registry cache's
# key names every extractor, and a cached registry needs none of their code: a module is
# imported when its extractor first runs.
EXTRACTORS = {
    "people": (10, "newslint.registry.extractors.people"),
    "quotes": (20, "newslint.registry.extractors.quotes"),
    "figures": (30, "newslint.registry.extractors.figures"),
}
EXTRACTOR_MODULES = tuple(sorted({module for _, module in EXTRACTORS.values()}))


@hookimpl
def newslint_rule_kinds() -> dict:
    return {name: Deferred(target) for name, target in RULE_KINDS.items()}


@hookimpl
def newslint_parsers() -> dict:
    from newslint.document.parse import BUILTIN_PARSERS

    return dict(BUILTIN_PARSERS)


@hookimpl
def newslint_formats() -> dict:
    return {name: Deferred(target) for name, target in FORMATS.items()}


@hookimpl
def newslint_fact_extractors() -> list:
    return [DeferredExtractor(name, order, module) for name, (order, module) in EXTRACTORS.items()]


@hookimpl
def newslint_default_config() -> dict:
    return {}
