"""Author-facing problems: a place in a file, a message and an optional remedy."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple


class Where(NamedTuple):
    """A place in an author's file; line and column count from 1 (a tuple: cheap, as there is one per node)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path

    def shifted(self, columns: int) -> Where:
        return Where(self.path, self.line, self.col + columns)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the story (or worth a look), where it is, and how to fix it."""
    where: Where
    message: str
    hint: str = ""
    severity: str = "error"   # or "warning" (worth fixing, the story still plays) or "note" (worth knowing)

    def __str__(self) -> str:
        text = f"{self.where}: {self.severity}: {self.message}" if self.where.path else \
            f"{self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_json(self) -> dict:
        return {"path": self.where.path, "line": self.where.line, "col": self.where.col,
                "message": self.message, "hint": self.hint, "severity": self.severity}


class StoryError(Exception):
    """The one error type the story package raises for bad content or bad use."""

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(Where(""), problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


SAME_MESSAGE_CAP = 50


def capped(problems: Iterable[Problem], cap: int = SAME_MESSAGE_CAP) -> list[str]:
    """The problems as lines, each message shown at most `cap` times: a mistake copied into a thousand places
    is told fifty times and then counted ('... and 950 more like this')."""
    problems = list(problems)
    total: dict[tuple[str, str, str], int] = {}
    for p in problems:
        key = (p.severity, p.message, p.hint)
        total[key] = total.get(key, 0) + 1
    shown: dict[tuple[str, str, str], int] = {}
    lines = []
    for p in problems:
        key = (p.severity, p.message, p.hint)
        shown[key] = shown.get(key, 0) + 1
        if shown[key] <= cap:
            lines.append(str(p))
        if shown[key] == cap and total[key] > cap:
            lines.append(f"... and {total[key] - cap} more like this")
    return lines


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known names, or '' when nothing is close."""
    import difflib   # here: only a problem found needs it
    close = difflib.get_close_matches(str(name), sorted(set(choices)), n=2, cutoff=0.6)
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path as an author would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(cwd or Path.cwd().resolve()))
    except ValueError:
        return str(path)


def story_relative(root: Path | str, words: str) -> str:
    """Words that begin with a place in the story folder `root`, with that folder's own part left out
    (scenes/a.yaml:3:5: ...): how a tool in the window names places, wherever the folder lives."""
    prefix = str(Path(root).resolve()) + os.sep
    return words[len(prefix):] if words.startswith(prefix) else words
