"""Small readers for the fields of an author's YAML mapping, reporting every slip."""
from __future__ import annotations

import re
from typing import Any

from .problems import Problem, Where, did_you_mean
from .yamlsource import YList, YMap

ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
MAX_DIGITS = 9  # a meter, a change or a priority past 999,999,999 is a slip of the keyboard
TOO_LARGE_HINT = f"numbers in a story have at most {MAX_DIGITS} digits"
_DIGITS = re.compile(r"[-+]?[0-9_]+", re.ASCII)


def too_large(value: Any) -> bool:
    """A whole number past MAX_DIGITS digits, or one so long that YAML left it as the digits typed."""
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) >= 10 ** MAX_DIGITS
    return (isinstance(value, str) and bool(_DIGITS.fullmatch(value))
            and len(value.lstrip("+-").replace("_", "")) > MAX_DIGITS)


class Fields:
    """Reads one mapping: typed getters that record problems instead of raising."""

    def __init__(self, data: Any, where: Where, what: str, problems: list[Problem],
                 allowed: tuple[str, ...]):
        self.problems = problems
        self.what = what
        self.is_part = False  # a story.yaml in a subfolder: its parts are optional
        self.ok = isinstance(data, YMap)
        self.data: YMap = data if self.ok else YMap()
        if not self.ok:
            self.data.where, self.data.key_where, self.data.value_where, self.data.raw = where, {}, {}, {}
            problems.append(Problem(where, f"{what} must be a mapping of fields ({', '.join(allowed)})"))
        for key in self.data:
            if key not in allowed:
                problems.append(Problem(self.data.key_where[key], f"unknown field '{key}' in {what}",
                                        did_you_mean(key, allowed) or f"the fields are {', '.join(allowed)}"))

    @property
    def where(self) -> Where:
        return self.data.where

    def place(self, key: str) -> Where:
        return self.data.place(key)

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, default: str | None = None, required: bool = False) -> str | None:
        if key not in self.data:
            if required and self.ok:
                self.problems.append(Problem(self.where, f"{self.what} needs a '{key}'"))
            return default
        value = self.data.text(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} must be text"))
            return default
        return value

    def integer(self, key: str, default: int) -> int:
        if key not in self.data:
            return default
        value = self.data[key]
        if too_large(value):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} is too large", TOO_LARGE_HINT))
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} must be a whole number"))
            return default
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} must be true or false"))
            return default
        return value

    def mapping(self, key: str) -> YMap | None:
        value = self.data.get(key)
        if key in self.data and not isinstance(value, YMap):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} must be a mapping"))
            return None
        return value

    def sequence(self, key: str) -> YList | None:
        value = self.data.get(key)
        if key in self.data and not isinstance(value, YList):
            self.problems.append(Problem(self.place(key), f"'{key}' in {self.what} must be a list"))
            return None
        return value


def check_id(name: Any, where: Where, what: str, problems: list[Problem]) -> bool:
    if isinstance(name, str) and ID.match(name):
        return True
    problems.append(Problem(where, f"{what} id {name!r} is not a valid id",
                            "use letters, digits and _, with dots between parts, e.g. vineyard.terrace"))
    return False
