"""Where each meter and flag is set and where it is read, from the compiled ops and the endings (game analyze)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from . import conditions
from .loader import scene_graph
from .model import Change, Condition, EffectsOp, Ending, JumpUnlessOp, MenuOp, Story
from .problems import Where


def place(where: Where) -> str:
    """file:line, as an author looks it up."""
    return f"{where.path}:{where.line}" if where.line else where.path


@dataclass
class Usage:
    """For each meter and flag: the places (file:line) that set it and that read it, in the order written."""
    meters: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    flags: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    declared_where: dict[str, str] = field(default_factory=dict)  # each meter's line in story.yaml

    @property
    def flags_never_read(self) -> list[str]:
        return sorted(f for f, u in self.flags.items() if u["set"] and not u["read"])

    @property
    def flags_never_set(self) -> list[str]:
        return sorted(f for f, u in self.flags.items() if u["read"] and not u["set"])

    @property
    def meters_unused(self) -> list[str]:
        """Declared, and neither changed nor read by any condition."""
        return [m for m, u in self.meters.items() if not u["set"] and not u["read"]]

    @property
    def meters_never_read(self) -> list[str]:
        """Changed by effects, but no condition or ending reads them (the player may still see them)."""
        return [m for m, u in self.meters.items() if u["set"] and not u["read"]]

    def to_json(self) -> dict[str, Any]:
        return {"meters": self.meters, "flags": self.flags, "flags_never_read": self.flags_never_read,
                "flags_never_set": self.flags_never_set, "meters_unused": self.meters_unused,
                "meters_never_read": self.meters_never_read}


def usage(story: Story, route: Optional[str] = None) -> Usage:
    """Where the story (or one route's scenes and endings) sets and reads each meter and flag."""
    out = Usage(meters={m: {"set": [], "read": []} for m in story.meters},
                declared_where={m.id: place(m.where) for m in story.meters.values()})
    scenes = scene_graph(story, story.routes[route].start) if route else list(story.scenes)
    endings: Iterable[Ending] = story.endings_of(route) if route else story.endings.values()
    for scene_id in scenes:
        for op in story.scenes[scene_id].ops:
            if isinstance(op, EffectsOp):
                _sets(out, story, op.changes, op.where)
            elif isinstance(op, JumpUnlessOp):
                _reads(out, story, op.condition, op.where)
            elif isinstance(op, MenuOp):
                for option in op.options:
                    _reads(out, story, option.shown_if, option.where)
                    _reads(out, story, option.enabled_if, option.where)
                    _sets(out, story, option.effects, option.where)
    for ending in endings:
        _reads(out, story, ending.when, ending.where)
    return out


def _entry(out: Usage, story: Story, name: str) -> dict[str, list[str]]:
    table = out.meters if name in story.meters else out.flags
    return table.setdefault(name, {"set": [], "read": []})


def _sets(out: Usage, story: Story, changes: tuple[Change, ...], where: Where) -> None:
    for change in changes:
        _add(_entry(out, story, change.name)["set"], place(where))


def _reads(out: Usage, story: Story, condition: Optional[Condition], where: Where) -> None:
    if condition is None:
        return
    for name in sorted(conditions.names(conditions.parse(condition.text))):
        _add(_entry(out, story, name)["read"], place(where))


def _add(places: list[str], where: str) -> None:
    if where not in places:
        places.append(where)
