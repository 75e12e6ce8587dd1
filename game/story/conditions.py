"""The condition language: a tiny, safe expression parser, checker and evaluator.

    trust >= 5 and not told_berlin
    affection + trust > 12 or visited(vineyard.terrace)

Numbers, meters (numbers), flags (true/false), true/false, + and -, comparisons,
and/or/not, parentheses, visited(scene) (true/false), visits(scene) (a count) and
ended(ending) (true/false: the player's last playthrough of that ending's route ended there,
as the player's records stood when this playthrough began). No Python is ever evaluated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Collection, Mapping, Union

from .problems import did_you_mean

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<num>\d+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|&&|\|\||!|=)
""", re.VERBOSE)

_WORDS = {"and", "or", "not", "true", "false"}
MAX_TOKENS = 200   # a condition longer than this is a mistake, and deep trees would strain recursion
MAX_DIGITS = 15
_FUNCTIONS = {"visited", "visits", "ended"}


class ConditionError(Exception):
    """A condition that does not parse or does not make sense; offset is 0-based in the text."""

    def __init__(self, message: str, offset: int = 0, hint: str = ""):
        super().__init__(message)
        self.message, self.offset, self.hint = message, offset, hint


@dataclass(frozen=True, slots=True)
class Num:
    value: int
    offset: int


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool
    offset: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Visits:
    scene: str
    as_bool: bool
    offset: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # 'not' or '-'
    operand: Expr
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str  # and or + - == != < <= > >=
    left: Expr
    right: Expr
    offset: int


@dataclass(frozen=True, slots=True)
class Ended:
    ending: str
    offset: int


Expr = Union[Num, Bool, Name, Visits, Ended, Unary, Binary]


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise ConditionError(f"unexpected character {text[pos]!r}", pos)
        kind = match.lastgroup
        if kind != "space":
            out.append((kind, match.group(), pos))
        pos = match.end()
        if len(out) > MAX_TOKENS:
            raise ConditionError(f"the condition is too long (over {MAX_TOKENS} parts)", pos,
                                 "split it, or use a flag set by effects:")
    out.append(("end", "", len(text)))
    return out


_SPELLED = {"&&": "and", "||": "or", "!": "not", "=": "=="}


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, value: str) -> None:
        kind, text, offset = self.take()
        if text != value:
            found = "the end" if kind == "end" else repr(text)
            raise ConditionError(f"expected '{value}' but found {found}", offset)

    def word(self, *words: str) -> bool:
        kind, text, offset = self.peek()
        if kind == "op" and text in _SPELLED and _SPELLED[text] in words and text != "=":
            raise ConditionError(f"write '{_SPELLED[text]}' instead of '{text}'", offset)
        return kind == "name" and text in words

    def parse(self) -> Expr:
        expr = self.or_()
        kind, text, offset = self.peek()
        if kind != "end":
            raise ConditionError(f"unexpected {text!r}", offset,
                                 "join conditions with 'and' or 'or'")
        return expr

    def or_(self) -> Expr:
        left = self.and_()
        while self.word("or"):
            offset = self.take()[2]
            left = Binary("or", left, self.and_(), offset)
        return left

    def and_(self) -> Expr:
        left = self.not_()
        while self.word("and"):
            offset = self.take()[2]
            left = Binary("and", left, self.not_(), offset)
        return left

    def not_(self) -> Expr:
        if self.word("not"):
            offset = self.take()[2]
            return Unary("not", self.not_(), offset)
        return self.compare()

    def compare(self) -> Expr:
        left = self.sum()
        kind, text, offset = self.peek()
        if kind == "op" and text == "=":
            raise ConditionError("write '==' to compare, not '='", offset)
        if kind == "op" and text in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            left = Binary(text, left, self.sum(), offset)
            kind, text, offset = self.peek()
            if kind == "op" and text in ("==", "!=", "<", "<=", ">", ">="):
                raise ConditionError("comparisons cannot be chained", offset,
                                     "write 'a < b and b < c'")
        return left

    def sum(self) -> Expr:
        left = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("+", "-"):
            _, op, offset = self.take()
            left = Binary(op, left, self.unary(), offset)
        return left

    def unary(self) -> Expr:
        kind, text, offset = self.peek()
        if kind == "op" and text == "-":
            self.take()
            return Unary("-", self.unary(), offset)
        return self.atom()

    def atom(self) -> Expr:
        kind, text, offset = self.take()
        if kind == "num":
            if len(text) > MAX_DIGITS:
                raise ConditionError(f"the number {text[:12]}... is too large", offset)
            return Num(int(text), offset)
        if kind == "name":
            if text in ("true", "false"):
                return Bool(text == "true", offset)
            if text in _WORDS:
                raise ConditionError(f"'{text}' needs something before it", offset)
            if text in _FUNCTIONS:
                self.expect("(")
                what = "an ending id" if text == "ended" else "a scene id"
                example = "paris.friends" if text == "ended" else "vineyard.terrace"
                inner_kind, inner, _ = self.take()
                if inner_kind != "name":
                    raise ConditionError(f"{text}() takes {what}", offset, f"for example {text}({example})")
                self.expect(")")
                if text == "ended":
                    return Ended(inner, offset)
                return Visits(inner, text == "visited", offset)
            if self.peek()[1] == "(":
                raise ConditionError(f"unknown function '{text}'", offset,
                                     did_you_mean(text, _FUNCTIONS) or "the functions are visited(), visits() and ended()")
            return Name(text, offset)
        if kind == "op" and text == "(":
            inner = self.or_()
            self.expect(")")
            return inner
        if kind == "op" and text == "!":
            raise ConditionError("write 'not' instead of '!'", offset)
        if kind == "end":
            raise ConditionError("the condition ends too soon", offset)
        raise ConditionError(f"unexpected {text!r}", offset)


def parse(text: str) -> Expr:
    """Parse a condition; raises ConditionError with the offset of the fault."""
    if not isinstance(text, str):
        raise ConditionError("a condition must be text, such as 'trust >= 3'")
    if not text.strip():
        raise ConditionError("the condition is empty")
    try:
        return _Parser(text).parse()
    except RecursionError:
        raise ConditionError("the condition is nested too deeply") from None


NUMBER, TRUTH = "a number", "true/false"


def check(expr: Expr, meters: Mapping[str, object], flags: set[str], scenes: set[str],
          endings: Collection[str] = ()) -> None:
    """Check names and types; the whole condition must be true/false. Raises ConditionError."""
    kind = _type(expr, meters, flags, scenes, endings)
    if kind != TRUTH:
        raise ConditionError("this condition gives a number, not true/false", 0,
                             "compare it, for example 'trust >= 3'")


def _type(expr: Expr, meters: Mapping[str, object], flags: set[str], scenes: set[str],
          endings: Collection[str] = ()) -> str:
    if isinstance(expr, Num):
        return NUMBER
    if isinstance(expr, Bool):
        return TRUTH
    if isinstance(expr, Name):
        if expr.name in meters:
            return NUMBER
        if expr.name in flags:
            return TRUTH
        raise ConditionError(f"unknown meter or flag '{expr.name}'", expr.offset,
                             did_you_mean(expr.name, [*meters, *flags])
                             or "meters are declared in story.yaml; a flag must be set by some effects:")
    if isinstance(expr, Visits):
        if expr.scene not in scenes:
            raise ConditionError(f"unknown scene '{expr.scene}'", expr.offset, did_you_mean(expr.scene, scenes))
        return TRUTH if expr.as_bool else NUMBER
    if isinstance(expr, Ended):
        if expr.ending not in endings:
            raise ConditionError(f"unknown ending '{expr.ending}'", expr.offset,
                                 did_you_mean(expr.ending, endings) or "endings are declared in story.yaml")
        return TRUTH
    if isinstance(expr, Unary):
        inner = _type(expr.operand, meters, flags, scenes, endings)
        want = TRUTH if expr.op == "not" else NUMBER
        if inner != want:
            raise ConditionError(f"'{expr.op}' needs {want}, not {inner}", expr.offset)
        return want
    left = _type(expr.left, meters, flags, scenes, endings)
    right = _type(expr.right, meters, flags, scenes, endings)
    if expr.op in ("and", "or"):
        if left != TRUTH or right != TRUTH:
            raise ConditionError(f"'{expr.op}' joins true/false conditions, not numbers", expr.offset,
                                 "compare the meter, for example 'trust >= 3'")
        return TRUTH
    if expr.op in ("+", "-"):
        if left != NUMBER or right != NUMBER:
            raise ConditionError(f"'{expr.op}' needs numbers on both sides", expr.offset)
        return NUMBER
    if expr.op in ("==", "!="):
        if left != right:
            raise ConditionError(f"'{expr.op}' compares {left} with {right}", expr.offset)
        return TRUTH
    if left != NUMBER or right != NUMBER:
        raise ConditionError(f"'{expr.op}' compares numbers", expr.offset)
    return TRUTH


# (meters, flags, visits, past): past is the set of endings the player's records name as each route's last
Values = Callable[[Mapping[str, int], Mapping[str, bool], Mapping[str, int], Collection[str]], object]

_OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}


def compile_expr(expr: Expr) -> Values:
    """Turn a checked expression into a function of (meters, flags, visits, past)."""
    if isinstance(expr, (Num, Bool)):
        value = expr.value
        return lambda m, f, v, p: value
    if isinstance(expr, Name):
        name = expr.name
        # A name is a meter or a flag; checking has made sure it is one of them.
        return lambda m, f, v, p: m[name] if name in m else f.get(name, False)
    if isinstance(expr, Visits):
        scene = expr.scene
        if expr.as_bool:
            return lambda m, f, v, p: v.get(scene, 0) > 0
        return lambda m, f, v, p: v.get(scene, 0)
    if isinstance(expr, Ended):
        ending = expr.ending
        return lambda m, f, v, p: ending in p
    if isinstance(expr, Unary):
        inner = compile_expr(expr.operand)
        if expr.op == "not":
            return lambda m, f, v, p: not inner(m, f, v, p)
        return lambda m, f, v, p: -inner(m, f, v, p)
    left, right = compile_expr(expr.left), compile_expr(expr.right)
    if expr.op == "and":
        return lambda m, f, v, p: bool(left(m, f, v, p)) and bool(right(m, f, v, p))
    if expr.op == "or":
        return lambda m, f, v, p: bool(left(m, f, v, p)) or bool(right(m, f, v, p))
    op = _OPS[expr.op]
    return lambda m, f, v, p: op(left(m, f, v, p), right(m, f, v, p))


def names(expr: Expr) -> set[str]:
    """The meter and flag names a condition reads."""
    return _gather(expr, lambda e: {e.name} if isinstance(e, Name) else None)


def visited_scenes(expr: Expr) -> set[str]:
    """The scenes whose visits a condition reads."""
    return _gather(expr, lambda e: {e.scene} if isinstance(e, Visits) else None)


def ended_endings(expr: Expr) -> set[str]:
    """The endings whose ended() a condition reads."""
    return _gather(expr, lambda e: {e.ending} if isinstance(e, Ended) else None)


def _gather(expr: Expr, pick: Callable[[Expr], set[str] | None]) -> set[str]:
    """What pick() finds in a condition's leaves, all through its operators."""
    found = pick(expr)
    if found is not None:
        return found
    if isinstance(expr, Unary):
        return _gather(expr.operand, pick)
    if isinstance(expr, Binary):
        return _gather(expr.left, pick) | _gather(expr.right, pick)
    return set()
