"""`extends: metric` (Vale): a `formula` over the document's statistics (words, sentences,
characters, syllables, paragraphs, complex_words, long_words, polysyllabic_words, list,
blockquote, pre, heading_h1..h6; `math.sqrt` and friends) tested against `condition`
("> 8"). The message's %s is the formula's value. Formulas are evaluated as arithmetic
only: no names but those variables, no calls but math functions."""
from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import RuleError
from newslint.kinds.vale import STYLE_KEYS, DocumentView, ValeRule

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.Mod: operator.mod, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}
MAX_FORMULA = 2000  # readability formulas are a line or two; longer is a mistake or an attack
_CONDITION = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")


def _check(node: ast.AST, key: str) -> None:
    """Refuse anything but arithmetic on names and math.<function>(...) calls."""
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            func = child.func
            if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id == "math" and callable(getattr(math, func.attr, None))):
                raise RuleError("only math.<function>(...) calls are allowed in a formula", key)
        elif not isinstance(child, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant,
                                    ast.Load, ast.Attribute, *_BINARY, *_UNARY)):
            raise RuleError(f"'{ast.dump(child)[:40]}' is not allowed in a formula", key)


def _evaluate(node: ast.AST, names: dict[str, float]) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, names)
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return float(names.get(node.id, 0.0))
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_evaluate(node.left, names), _evaluate(node.right, names))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, names))
    if isinstance(node, ast.Call):
        return getattr(math, node.func.attr)(*(_evaluate(a, names) for a in node.args))  # type: ignore[attr-defined]
    raise ValueError(f"cannot evaluate {ast.dump(node)}")


class Metric(ValeRule):
    extends = "metric"
    keys = frozenset({"formula", "condition"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        formula = data.get("formula")
        if not isinstance(formula, str) or not formula.strip():
            raise RuleError("a metric rule needs a 'formula'", "formula")
        formula = re.sub(r"heading\.(h[1-6])", r"heading_\1", " ".join(formula.split()))
        if len(formula) > MAX_FORMULA:
            raise RuleError(f"formula is longer than {MAX_FORMULA} characters", "formula")
        try:
            self.formula = ast.parse(formula, mode="eval")
        except SyntaxError as error:
            raise RuleError(f"formula does not parse: {error.msg}", "formula") from None
        except (RecursionError, MemoryError, ValueError):
            raise RuleError("formula is nested too deeply", "formula") from None
        _check(self.formula, "formula")
        condition = _CONDITION.match(str(data.get("condition", "")))
        if not condition:
            raise RuleError("'condition' must be a comparison with a number, e.g. '> 8'", "condition")
        self.compare = _COMPARE[type(ast.parse(f"0 {condition.group(1)} 0", mode="eval").body.ops[0])]
        self.threshold = float(condition.group(2))

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        try:
            value = _evaluate(self.formula, view.statistics)
        except (ZeroDivisionError, ValueError, OverflowError, TypeError, RecursionError):
            return  # an empty document has no grade
        if self.compare(value, self.threshold):
            start, end = view.first_line()
            yield self.finding(start, end, f"{value:.2f}")


RULE_KINDS = {"metric": Metric}
