"""The state of one playthrough: plain data, copied cheaply, written as versioned JSON."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .model import Story
from .position import mark, resume
from .problems import StoryError, did_you_mean

FORMAT = "under-the-same-stars/state"
VERSION = 2            # 2: the place is held as ids ("at"), not only as an op index
OLDEST_READABLE = 1


@dataclass
class State:
    """Where a playthrough is and what it has done: the place, meters, flags, visits and choices."""
    route: str
    scene: str
    pc: int = 0                                         # index of the next op in the scene
    meters: dict[str, int] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    visits: dict[str, int] = field(default_factory=dict)
    choices: tuple[tuple[str, int], ...] = ()   # (menu id, option as authored); a tuple, so copies share it
    stage: dict[str, Any] = field(default_factory=lambda: {"background": None, "music": None,
                                                           "ambience": None, "sprites": {}})
    ending: str | None = None
    seen: set[str] = field(default_factory=set)         # shared between copies: seen stays seen
    past: frozenset[str] = frozenset()  # each route's last ending as the records stood at the start: ended()

    @classmethod
    def start(cls, story: Story, route_id: str, past: Iterable[str] = ()) -> State:
        if route_id not in story.routes:
            known = ", ".join(story.routes) or "none"
            raise StoryError(f"unknown route '{route_id}' (the routes are: {known})")
        route = story.routes[route_id]
        return cls(route_id, route.start, 0, {m.id: m.start for m in story.meters.values()},
                   past=frozenset(e for e in past if e in story.endings))

    def copy(self) -> State:
        """A copy for rollback: small dicts copied, the seen-set shared (seeing is never undone)."""
        stage = dict(self.stage)
        stage["sprites"] = dict(stage["sprites"])
        return State(self.route, self.scene, self.pc, dict(self.meters), dict(self.flags), dict(self.visits),
                     self.choices, stage, self.ending, self.seen, self.past)

    def to_json(self, story: Story | None = None, seen: bool = True,
                trail: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Plain JSON. Given the story, the place is also written as ids ("at"), so that it survives edits;
        seen=False leaves out the seen lines (the game keeps those in one file of their own)."""
        data = {
            "format": FORMAT, "version": VERSION,
            "route": self.route, "scene": self.scene, "pc": self.pc,
            "meters": dict(self.meters), "flags": dict(self.flags), "visits": dict(self.visits),
            "choices": [list(c) for c in self.choices],
            "stage": {**self.stage, "sprites": {k: list(v) for k, v in self.stage["sprites"].items()}},
            "ending": self.ending, "seen": sorted(self.seen) if seen else [],
            "past": sorted(self.past),
        }
        if story is not None and self.scene in story.scenes:
            data["at"] = mark(story.scenes[self.scene], self.pc, trail)
        return data

    @classmethod
    def from_json(cls, data: Any, story: Story) -> State:
        """Rebuild a state, checking it fits this story; raises StoryError with one plain reason."""
        return cls.from_json_noted(data, story)[0]

    @classmethod
    def from_json_noted(cls, data: Any, story: Story) -> tuple[State, str]:
        """(state, note): the note is one line for the player when the story changed under the save, else ""."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoryError("not a saved state of this game")
        version = data.get("version")
        if not isinstance(version, int) or version < OLDEST_READABLE:
            raise StoryError(f"saved state version {version!r} is not one this game reads")
        if version > VERSION:
            raise _kind(StoryError(f"saved by a newer version of the game (state version {version})"), "newer")
        data = migrate(data, version)
        try:
            state = cls(
                route=_text(data["route"]), scene=_text(data["scene"]), pc=_int(data["pc"]),
                meters={_text(k): _int(v) for k, v in _dict(data["meters"]).items()},
                flags={_text(k): _bool(v) for k, v in _dict(data["flags"]).items()},
                visits={_text(k): _int(v) for k, v in _dict(data["visits"]).items()},
                choices=tuple((_text(m), _int(i)) for m, i in map(_pair, _list(data["choices"]))),
                stage=_stage(_dict(data["stage"])),
                ending=None if data["ending"] is None else _text(data["ending"]),
                seen={_text(s) for s in _list(data["seen"])},
                past=frozenset(_text(e) for e in _list(data.get("past", []))),  # saves before ended(): none
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise StoryError(f"the saved state is incomplete or damaged ({type(exc).__name__}: {exc})") from None
        note = ""
        if "at" in data and state.ending is None:
            resumed = resume(story, state.scene, data["at"])
            state.pc, note = resumed.pc, resumed.note
            if resumed.state is not None:  # back at an earlier line: as things stood there, nothing applied twice
                earlier = cls._earlier(resumed.state, state)
                if earlier is not None:
                    state = earlier
        state.check_fits(story)
        return state, note

    @classmethod
    def _earlier(cls, data: Any, now: State) -> State | None:
        """The state a save kept for an earlier line, on top of the one it was saved in; None if damaged."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(route=now.route, scene=now.scene, pc=now.pc,
                       meters={_text(k): _int(v) for k, v in _dict(data["meters"]).items()},
                       flags={_text(k): _bool(v) for k, v in _dict(data["flags"]).items()},
                       visits={_text(k): _int(v) for k, v in _dict(data["visits"]).items()},
                       choices=now.choices[:_int(data["choices"])],
                       stage=_stage(_dict(data["stage"])), ending=None, seen=now.seen, past=now.past)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def trail_entry(self) -> dict[str, Any]:
        """What a save keeps of this state for an earlier line (see position.mark)."""
        return {"meters": dict(self.meters), "flags": dict(self.flags), "visits": dict(self.visits),
                "choices": len(self.choices),
                "stage": {**self.stage, "sprites": {k: list(v) for k, v in self.stage["sprites"].items()}}}

    def check_fits(self, story: Story) -> None:
        if self.route not in story.routes:
            raise _kind(StoryError(f"the save is for route '{self.route}', which this story does not have"), "story")
        scene = story.scenes.get(self.scene)
        if scene is None:
            raise _kind(StoryError(f"the save is at scene '{self.scene}', which this story does not have"), "story")
        if not 0 <= self.pc < len(scene.ops):
            raise _kind(StoryError(f"the save points past the end of scene '{self.scene}' (was the scene edited?)"),
                        "story")
        if self.ending is not None and self.ending not in story.endings:
            raise _kind(StoryError(f"the save reached ending '{self.ending}', which this story does not have"), "story")
        for name, meter in story.meters.items():
            self.meters[name] = meter.clamp(self.meters.get(name, meter.start))
        for name in list(self.meters):
            if name not in story.meters:
                del self.meters[name]
        # names the story no longer has (an edit since the save) are let go; damage is caught by the checksum
        self.flags = {name: value for name, value in self.flags.items() if name in story.flags}
        self.visits = {name: count for name, count in self.visits.items() if name in story.scenes and count >= 0}
        self.past = frozenset(e for e in self.past if e in story.endings)


def check_past(story: Story, endings: Iterable[str]) -> frozenset[str]:
    """Endings given by hand as each route's latest (what ended() reads): known ones, at most one per route.
    Raises StoryError naming the slip."""
    past: dict[str, str] = {}
    for ending in endings:
        if ending not in story.endings:
            raise StoryError(f"unknown ending '{ending}'{_hint(did_you_mean(ending, story.endings))}")
        route = story.endings[ending].route
        if route in past and past[route] != ending:
            raise StoryError(f"'{past[route]}' and '{ending}' both end route '{route}': "
                             "give each route's latest ending only")
        past[route] = ending
    return frozenset(past.values())


def _hint(hint: str) -> str:
    return f" ({hint})" if hint else ""


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older saved state up to VERSION, one step at a time (none needed yet)."""
    steps: dict[int, Any] = {1: lambda d: d}  # 1 -> 2: no "at"; the op index is used as it was
    while version < VERSION:
        data = steps[version](data)
        version += 1
    return data


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, found {type(value).__name__}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true/false, found {type(value).__name__}")
    return value


def _dict(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError(f"expected a mapping, found {type(value).__name__}")
    return value


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return value


def _pair(value: Any) -> list:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("expected a pair")
    return value


def _stage(value: Any) -> dict[str, Any]:
    sprites = {}
    for who, pair in _dict(value["sprites"]).items():
        expression, position = _pair(pair)
        sprites[_text(who)] = [None if expression is None else _text(expression),
                               None if position is None else _text(position)]
    opt = lambda v: None if v is None else _text(v)  # noqa: E731
    return {"background": opt(value["background"]), "music": opt(value["music"]),
            "ambience": opt(value["ambience"]), "sprites": sprites}


def _kind(error: StoryError, kind: str) -> StoryError:
    """The error with the kind a save that holds this state is told by (game/story/saves.py, WHY)."""
    error.kind = kind
    return error
