"""Conditions that can never hold, whatever the player does: a meter compared with a number outside the range
story.yaml declares for it (`trust > 10` when trust's max is 10), found by following each side's range."""
from __future__ import annotations

import math
from typing import Mapping, Optional

from .conditions import Binary, Bool, Ended, Expr, Name, Num, Unary, Visits
from .model import Meter

Range = tuple[float, float]
_COMPARE = ("==", "!=", "<", "<=", ">", ">=")


def never_holds(expr: Expr, meters: Mapping[str, Meter]) -> Optional[Binary]:
    """The comparison that makes the condition false for every value its meters can take, or None when the
    condition may hold (or its truth depends on flags, visits or endings this does not weigh)."""
    return _never(expr, meters)


def explain(compare: Binary, meters: Mapping[str, Meter]) -> str:
    """'trust > 10' never holds, as trust goes from 0 to 10"""
    used = sorted(_meters_in(compare, meters))
    ranges = ", ".join(f"{m} goes from {meters[m].min} to {meters[m].max}" for m in used)
    return f"'{show(compare)}' never holds, as {ranges}" if ranges else f"'{show(compare)}' never holds"


def start(expr: Expr) -> int:
    """Where an expression begins in its condition's text (a comparison's own offset is its operator's)."""
    return start(expr.left) if isinstance(expr, Binary) else expr.offset


def show(expr: Expr) -> str:
    if isinstance(expr, Num):
        return str(expr.value)
    if isinstance(expr, Bool):
        return "true" if expr.value else "false"
    if isinstance(expr, Name):
        return expr.name
    if isinstance(expr, Visits):
        return f"{'visited' if expr.as_bool else 'visits'}({expr.scene})"
    if isinstance(expr, Ended):
        return f"ended({expr.ending})"
    if isinstance(expr, Unary):
        return f"not {show(expr.operand)}" if expr.op == "not" else f"-{show(expr.operand)}"
    return f"{show(expr.left)} {expr.op} {show(expr.right)}"


def _never(expr: Expr, meters: Mapping[str, Meter]) -> Optional[Binary]:
    if isinstance(expr, Binary):
        if expr.op == "and":
            return _never(expr.left, meters) or _never(expr.right, meters)
        if expr.op == "or":
            left = _never(expr.left, meters)
            return left if left and _never(expr.right, meters) else None
        if expr.op in _COMPARE and _meters_in(expr, meters) and _compare_never(expr, meters):
            return expr
    return None


def _compare_never(expr: Binary, meters: Mapping[str, Meter]) -> bool:
    left, right = _range(expr.left, meters), _range(expr.right, meters)
    if left is None or right is None:
        return False
    (lo, hi), (rlo, rhi) = left, right
    return {"<": lo >= rhi, "<=": lo > rhi, ">": hi <= rlo, ">=": hi < rlo,
            "==": hi < rlo or rhi < lo, "!=": lo == hi == rlo == rhi}[expr.op]


def _range(expr: Expr, meters: Mapping[str, Meter]) -> Optional[Range]:
    """The values a number can take, or None for what is not a number of meters and constants."""
    if isinstance(expr, Num):
        return (expr.value, expr.value)
    if isinstance(expr, Name):
        meter = meters.get(expr.name)
        return (meter.min, meter.max) if meter is not None else None
    if isinstance(expr, Visits) and not expr.as_bool:
        return (0, math.inf)
    if isinstance(expr, Unary) and expr.op == "-":
        inner = _range(expr.operand, meters)
        return (-inner[1], -inner[0]) if inner else None
    if isinstance(expr, Binary) and expr.op in ("+", "-"):
        left, right = _range(expr.left, meters), _range(expr.right, meters)
        if left is None or right is None:
            return None
        if expr.op == "+":
            return (left[0] + right[0], left[1] + right[1])
        return (left[0] - right[1], left[1] - right[0])
    return None


def _meters_in(expr: Expr, meters: Mapping[str, Meter]) -> set[str]:
    if isinstance(expr, Name):
        return {expr.name} if expr.name in meters else set()
    if isinstance(expr, Unary):
        return _meters_in(expr.operand, meters)
    if isinstance(expr, Binary):
        return _meters_in(expr.left, meters) | _meters_in(expr.right, meters)
    return set()
