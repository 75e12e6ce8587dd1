"""The validated, immutable story model: manifest entries and each scene compiled to ops.

A scene's steps are compiled into a flat list of ops with jumps, so a place in the
story is just (scene id, op index): plain data for saves, rollback and exploration.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping, Optional, Union

from .problems import Where

Test = Callable[..., object]  # a compiled condition: (meters, flags, visits, past) -> value


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition as the author wrote it, and its test compiled from that text."""
    text: str
    test: Test = field(compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Character:
    """Someone who speaks: the name shown, the colour of the name, their sprites' folder and expressions."""
    id: str
    name: str
    color: str
    sprites: Optional[str]
    expressions: tuple[str, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class Meter:
    """A relationship meter: its range, where it starts, whether the player sees it."""
    id: str
    label: str
    min: int
    max: int
    start: int
    visible: bool
    where: Where
    higher: str = "better"   # "worse" for a meter the player wants low (danger): how its changes are told

    def clamp(self, value: int) -> int:
        return max(self.min, min(self.max, value))


@dataclass(frozen=True, slots=True)
class Route:
    """One route: offered from the title (after the routes it names are finished), starting at a scene."""
    id: str
    title: str
    blurb: str
    start: str
    picture: Optional[str]
    where: Where
    after: tuple[str, ...] = ()   # routes to finish first: until then the route is not offered


@dataclass(frozen=True, slots=True)
class Ending:
    """An ending of a route: reached when its condition holds, the highest priority first."""
    id: str
    title: str
    route: str
    when: Optional[Condition]
    priority: int
    epilogue: str
    where: Where


def paragraphs(text: str) -> list[str]:
    """Prose as the player reads it, in the window and in a transcript alike: a blank line starts a paragraph;
    within one, line breaks (as a `|` block keeps them) and runs of spaces are single spaces."""
    return [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


# ----- ops: what a compiled scene is made of -----

@dataclass(frozen=True, slots=True)
class SayOp:
    """A line of dialogue (speaker set) or narration (speaker None)."""
    line_id: str
    speaker: Optional[str]
    text: str
    expression: Optional[str]
    where: Where


@dataclass(frozen=True, slots=True)
class StageOp:
    """Background, show, hide, music, ambience or sound."""
    kind: str
    name: Optional[str]         # asset or character; None stops music/ambience
    expression: Optional[str] = None
    position: Optional[str] = None
    transition: Optional[str] = None
    where: Where = Where("")


@dataclass(frozen=True, slots=True)
class Change:
    """One effect: add to a meter, set a meter, or set a flag."""
    name: str
    kind: str   # 'add', 'set' or 'flag'
    value: int | bool


@dataclass(frozen=True, slots=True)
class EffectsOp:
    """Meter and flag changes made as the story passes."""
    changes: tuple[Change, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One option of a menu, with its conditions, hint, effects and where its own steps start."""
    text: str
    shown_if: Optional[Condition]      # false: the option is hidden
    enabled_if: Optional[Condition]    # false: the option is shown greyed out
    hint: str
    effects: tuple[Change, ...]
    target: int                        # op index its own steps start at
    where: Where
    tags: tuple[str, ...] = ()         # the author's labels, e.g. truth or lie: for tests and tools


@dataclass(frozen=True, slots=True)
class MenuOp:
    """A choice for the player."""
    menu_id: str
    options: tuple[OptionSpec, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class JumpOp:
    """Go on at another op of the same scene."""
    target: int
    where: Where


@dataclass(frozen=True, slots=True)
class JumpUnlessOp:
    """Go on at another op of the same scene unless the condition holds."""
    condition: Condition
    target: int
    where: Where


@dataclass(frozen=True, slots=True)
class GotoOp:
    """Go on at the start of another scene."""
    scene: str
    where: Where


@dataclass(frozen=True, slots=True)
class EndingOp:
    """End the route: with this ending, or the best one whose condition holds."""
    ending: Optional[str]   # None: the best ending of the route whose condition holds
    where: Where


@dataclass(frozen=True, slots=True)
class EnterOp:
    """The first op of every scene: counts the visit."""
    where: Where


@dataclass(frozen=True, slots=True)
class FallOffOp:
    """Placed after a scene's last step; reaching it is a dead end."""
    where: Where


Op = Union[EnterOp, SayOp, StageOp, EffectsOp, MenuOp, JumpOp, JumpUnlessOp, GotoOp, EndingOp, FallOffOp]


@dataclass(frozen=True, slots=True)
class Scene:
    """One scene compiled: its ops, a place in it being an index into them."""
    id: str
    ops: tuple[Op, ...]
    where: Where


@dataclass(frozen=True)
class Story:
    """The whole checked story; its mappings are read-only views, in the order the author wrote them."""
    title: str
    root: str                                   # the story folder
    characters: Mapping[str, Character]
    meters: Mapping[str, Meter]
    flags: frozenset[str]
    routes: Mapping[str, Route]
    endings: Mapping[str, Ending]
    scenes: Mapping[str, Scene]
    assets: Mapping[str, str] = field(default_factory=dict, compare=False)  # 'kind/name' -> file
    title_background: Optional[str] = None
    title_music: Optional[str] = None
    tagline: str = ""                           # under the title on the title screen; "" for none
    # The digest the window kept it under (game/story/kept.py): the same digest, the same story, so what was
    # worked out from it before (which saves it can play: game/slots.py) still holds. "" when read afresh.
    kept_as: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        for name in ("characters", "meters", "routes", "endings", "scenes", "assets"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def endings_of(self, route: str) -> list[Ending]:
        return [e for e in self.endings.values() if e.route == route]
