"""Bounds beyond which a meter's exact value can no longer change anything, at each place of a route.

If every later reading of trust (before an effect sets it) only compares it with numbers, say `trust >= 5` and
`trust >= 7`, and the later effects can add at most 2 to it before any such reading, then trust 0, 1 and 2 read
the same everywhere from here on (below 5 whatever happens), and so do trust 9 and 10 if the effects can take
away at most 2. The explorer keys such values as one, so that states differing only there merge.

Why the bounds hold with clamping: after the last time the value was held up at the meter's minimum (or from the
start, value a), it can only have risen by what the effects added since, so it is at most max(a, min) plus the
largest rise of the added amounts along the path; likewise it is at least min(a, max) less the largest fall.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import conditions
from .liveness import Liveness
from .model import Change, Condition, EffectsOp, EndingOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp, Story

_COMPARE = ("==", "!=", "<", "<=", ">", ">=")
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


@dataclass(frozen=True, slots=True)
class Ahead:
    """What lies ahead of a place for one meter: the cut points c of its readings ('is it at least c?'), and the
    largest rise and fall the effects can bring about before them."""
    low_cut: Optional[int] = None
    high_cut: Optional[int] = None
    rise: int = 0     # largest S_k - S_j (j <= k) over the sums S of what is added along a path
    fall: int = 0     # largest S_j - S_k
    up: int = 0       # largest S_k
    down: int = 0     # largest -S_k


def cuts(expr: conditions.Expr, meters: set[str], exact: set[str], out: dict[str, set[int]]) -> None:
    """The cut points of each meter compared with a number; a meter read any other way goes into `exact`."""
    if isinstance(expr, conditions.Binary) and expr.op in _COMPARE:
        left, right, op = expr.left, expr.right, expr.op
        if isinstance(left, conditions.Num) and isinstance(right, conditions.Name):
            left, right, op = right, left, _MIRROR[op]
        if isinstance(left, conditions.Name) and left.name in meters and isinstance(right, conditions.Num):
            c = right.value
            out.setdefault(left.name, set()).update({c} if op in ("<", ">=") else {c + 1} if op in (">", "<=")
                                                    else {c, c + 1})
            return
    if isinstance(expr, conditions.Name):
        if expr.name in meters:
            exact.add(expr.name)
        return
    if isinstance(expr, conditions.Unary):
        cuts(expr.operand, meters, exact, out)
    elif isinstance(expr, conditions.Binary):
        cuts(expr.left, meters, exact, out)
        cuts(expr.right, meters, exact, out)


class MeterBounds:
    """For one route: at each place, per meter, the (low, high) its value may be taken as when keying a state
    (None: keep it exact)."""

    def __init__(self, story: Story, live: Liveness):
        self.story = story
        self.scenes = live.scenes
        self.meters = set(story.meters)
        self._cuts: dict[str, dict[str, set[int]]] = {}
        self.exact: set[str] = set()
        texts = [e.when.text for e in story.endings_of(live.route) if e.when]
        for scene in self.scenes:
            for op in story.scenes[scene].ops:
                if isinstance(op, JumpUnlessOp):
                    texts.append(op.condition.text)
                elif isinstance(op, MenuOp):
                    texts += [c.text for o in op.options for c in (o.shown_if, o.enabled_if) if c]
        for text in texts:
            self._cuts[text] = {}
            cuts(conditions.parse(text), self.meters, self.exact, self._cuts[text])
        self._ending_cuts = self._merge_cuts([e.when for e in story.endings_of(live.route)])
        span = {m.id: m.max - m.min + 1 for m in story.meters.values()}  # no rise or fall beyond this matters
        self.ahead = {m: self._solve(m, span[m]) for m in self.meters - self.exact}

    def bounds(self, scene: str, pc: int, meter: str) -> Optional[tuple[int, int]]:
        """Values at or below low key as low, at or above high as high; None when the meter is keyed exactly."""
        table = self.ahead.get(meter)
        if table is None:
            return None
        ahead = table[scene][pc]
        if ahead is None or ahead.low_cut is None:
            return None
        meter_of = self.story.meters[meter]
        low = ahead.low_cut - 1 - ahead.rise
        high = ahead.high_cut + ahead.fall
        if low < meter_of.min and high > meter_of.max:
            return None
        return low, high

    # --- the analysis ---
    def _merge_cuts(self, conds: list[Optional[Condition]]) -> dict[str, set[int]]:
        out: dict[str, set[int]] = {}
        for cond in conds:
            if cond is not None:
                for meter, points in self._cuts[cond.text].items():
                    out.setdefault(meter, set()).update(points)
        return out

    def _solve(self, meter: str, span: int) -> dict[str, list[Optional[Ahead]]]:
        table: dict[str, list[Optional[Ahead]]] = {s: [None] * len(self.story.scenes[s].ops) for s in self.scenes}
        changed = True
        while changed:  # values only grow, and are held below span: this ends
            changed = False
            for scene in reversed(self.scenes):
                ops, row = self.story.scenes[scene].ops, table[scene]
                for pc in range(len(ops) - 1, -1, -1):
                    new = self._at(ops[pc], pc, row, table, meter, span)
                    if new != row[pc]:
                        row[pc] = new
                        changed = True
        return table

    def _at(self, op, pc: int, row: list, table: dict, meter: str, span: int) -> Optional[Ahead]:
        kind = type(op)
        if kind is JumpOp:
            return row[op.target]
        if kind is JumpUnlessOp:
            return _join(self._read(op.condition, meter), _join(row[pc + 1], row[op.target]))
        if kind is GotoOp:
            return table[op.scene][0] if op.scene in table else None
        if kind is MenuOp:
            out = None
            for option in op.options:
                out = _join(out, self._read(option.shown_if, meter))
                out = _join(out, self._read(option.enabled_if, meter))
                out = _join(out, _through(option.effects, row[option.target], meter, span))
            return out
        if kind is EffectsOp:
            return _through(op.changes, row[pc + 1], meter, span)
        if kind is EndingOp:
            points = self._ending_cuts.get(meter) if op.ending is None else None
            return Ahead(min(points), max(points)) if points else None
        if kind is FallOffOp:
            return None
        return row[pc + 1]

    def _read(self, cond: Optional[Condition], meter: str) -> Optional[Ahead]:
        points = self._cuts[cond.text].get(meter) if cond is not None else None
        return Ahead(min(points), max(points)) if points else None


def _join(a: Optional[Ahead], b: Optional[Ahead]) -> Optional[Ahead]:
    """What lies ahead on either of two ways."""
    if a is None:
        return b
    if b is None:
        return a
    low = [c for c in (a.low_cut, b.low_cut) if c is not None]
    high = [c for c in (a.high_cut, b.high_cut) if c is not None]
    return Ahead(min(low) if low else None, max(high) if high else None, max(a.rise, b.rise), max(a.fall, b.fall),
                 max(a.up, b.up), max(a.down, b.down))


def _through(changes: tuple[Change, ...], after: Optional[Ahead], meter: str, span: int) -> Optional[Ahead]:
    """What lies ahead before some effects, given what lies ahead after them."""
    for change in reversed(changes):
        if change.name != meter or change.kind == "flag":
            continue
        if change.kind == "set":
            after = None  # nothing before this reads the value it replaces
        elif after is not None:
            d = int(change.value)
            up, down = max(0, d + after.up), max(0, -d + after.down)
            after = Ahead(after.low_cut, after.high_cut, min(span, max(after.rise, d + after.up)),
                          min(span, max(after.fall, -d + after.down)), min(span, up), min(span, down))
    return after
