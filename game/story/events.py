"""What the runner hands the front end: small frozen values, one per advance()."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union


@dataclass(frozen=True, slots=True)
class Line:
    """A line to show; speaker is a character id, or None for narration."""
    id: str
    speaker: Optional[str]
    text: str
    expression: Optional[str] = None
    seen_before: bool = False


@dataclass(frozen=True, slots=True)
class Option:
    text: str
    available: bool
    hint: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Menu:
    """Options as the player is shown them; answer with choose(index)."""
    id: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage command. kind: scene (new background, stage cleared), background, show, hide,
    music, ambience, sound. name None stops music or ambience."""
    kind: str
    name: Optional[str]
    expression: Optional[str] = None
    position: Optional[str] = None
    transition: Optional[str] = None


@dataclass(frozen=True, slots=True)
class MeterChange:
    meter: str
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class Changed:
    """Meters that moved (after clamping); flags are private and not reported."""
    meters: tuple[MeterChange, ...]


@dataclass(frozen=True, slots=True)
class SceneStart:
    scene: str


@dataclass(frozen=True, slots=True)
class End:
    """An ending reached; the story is over."""
    ending: str
    title: str
    epilogue: str


Event = Union[Line, Menu, Stage, Changed, SceneStart, End]
