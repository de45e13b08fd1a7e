"""`extends: names`: a name that nearly matches a person or organisation the sources know, the
right surname with another given name, or a form the sources themselves mark as wrong.
A name the sources do not know at all is never flagged: a new person is not an error."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError
from newslint.registry.explain import canonical_mentions, evidence, object_pronoun, support
from newslint.registry.resolve import (
    CROSSED, MISSES, NEAR_GIVEN, NEAR_ORGANISATION, NEAR_SURNAME, OTHER_ORGANISATION_WORD, WRONG_GIVEN, WRONG_VARIANT,
    Resolution, Thresholds, draft_names)

DEFAULT_MESSAGE = "'%s': the sources name %s %s (%s)"


def _number(data: dict, key: str, default: float, low: float, high: float) -> float:
    value = data.get(key, default)
    if not isinstance(value, (int, float)) or not low <= value <= high:
        raise RuleError(f"{key} must be a number from {low} to {high}", key)
    return value


class NamesRule(Rule):
    extends = "names"
    category = "name"
    needs_registry = True
    keys = frozenset({"surname_similarity", "surname_similarity_same_given", "surname_similarity_same_title", "given_similarity", "lone_surname_similarity", "organisation_similarity",
                      "surname_prefix_same_given", "min_length", "max_distance", "organisations", "safe_fix_support",
                      "source_slip_support"})

    def compile(self, data: dict[str, Any]) -> None:
        self.message = self.message or DEFAULT_MESSAGE
        self.thresholds = Thresholds(
            surname=_number(data, "surname_similarity", 0.8, 0.5, 1.0),
            surname_same_given=_number(data, "surname_similarity_same_given", 0.75, 0.5, 1.0),
            surname_same_title=_number(data, "surname_similarity_same_title", 0.5, 0.3, 1.0),
            given=_number(data, "given_similarity", 0.7, 0.5, 1.0),
            lone=_number(data, "lone_surname_similarity", 0.85, 0.5, 1.0),
            organisation=_number(data, "organisation_similarity", 0.9, 0.5, 1.0),
            min_length=int(_number(data, "min_length", 4, 1, 50)),
            max_distance=int(_number(data, "max_distance", 2, 1, 10)),
            surname_prefix_same_given=int(_number(data, "surname_prefix_same_given", 4, 0, 50)),
            source_slip_support=int(_number(data, "source_slip_support", 4, 0, 1000)),
        )
        self.organisations = bool(data.get("organisations", True))
        # A fix is safe when the right name has at least this much support.
        self.safe_fix_support = int(_number(data, "safe_fix_support", 2, 1, 1000))

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None:
            return
        names = draft_names(context, self.thresholds)
        for resolution in names.resolutions():
            if resolution.how not in MISSES:
                continue
            if resolution.how in (NEAR_ORGANISATION, OTHER_ORGANISATION_WORD) and not self.organisations:
                continue
            if resolution.how == WRONG_VARIANT and _one_source_against_another(resolution):
                continue
            yield self._finding(resolution)

    def _finding(self, resolution: Resolution) -> Finding:
        mention, entity = resolution.mention, resolution.entity
        mentions = canonical_mentions(entity)
        right = entity.surname if len(mention.words) == 1 and entity.kind == "person" else entity.canonical
        message = self.message
        args = [mention.text, object_pronoun(entity), entity.canonical, support(mentions)]
        proof = evidence(mentions)
        if resolution.how == CROSSED and resolution.other is not None:
            message += f"; {resolution.other.surname} is {resolution.other.canonical}'s surname"
        if resolution.how == WRONG_VARIANT and resolution.variant is not None:
            wrong = resolution.variant
            message += f"; '{wrong.form}' is a minority form ({support(wrong.mentions)})"
            proof += evidence(wrong.mentions, 1)
        certain = resolution.how in (WRONG_VARIANT, NEAR_SURNAME, NEAR_GIVEN, NEAR_ORGANISATION) \
            or resolution.title_agrees
        severity = None if certain or resolution.how not in (WRONG_GIVEN, CROSSED, OTHER_ORGANISATION_WORD) else "warning"
        safe = certain and len(mentions) >= self.safe_fix_support
        return self.finding(mention.start, mention.end, *args, message=None if message == self.message else
                            _fill(message, args), fix=Fix(right, safe=safe), evidence=proof, severity=severity)


def _one_source_against_another(resolution: Resolution) -> bool:
    """The draft's spelling is a minority form of the sources, but the majority's is written in
    one source only, and the draft's in another that never writes the majority's: one writer
    against another, no sure slip ("Ann Rosen" in the notes, "Ann Rossen" twice in an
    article)."""
    variant = resolution.variant
    if variant is None:
        return False
    majority = {where.source for where in canonical_mentions(resolution.entity)}
    minority = {where.source for where in variant.mentions}
    return len(majority) == 1 and not majority & minority


def _fill(template: str, args: list) -> str:
    from newslint.kinds.base import format_message
    return format_message(template, tuple(args))


RULE_KINDS = {"names": NamesRule}
