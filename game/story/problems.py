"""Author-facing problems: a place in a file, a message and an optional remedy."""
from __future__ import annotations

import difflib
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
    where: Where
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.where}: error: {self.message}" if self.where.path else f"error: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_json(self) -> dict:
        return {"path": self.where.path, "line": self.where.line, "col": self.where.col,
                "message": self.message, "hint": self.hint}


class StoryError(Exception):
    """The one error type the story package raises for bad content or bad use."""

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(Where(""), problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known names, or '' when nothing is close."""
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
