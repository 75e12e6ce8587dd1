"""What an author sees in the developer overlay: where the story stands (scene, line or menu id, file:line)
and the state behind it (every meter with its range, the flags set, the visits). Plain data, no drawing."""
from __future__ import annotations

from dataclasses import dataclass

from .model import MenuOp, SayOp, Story
from .problems import story_relative
from .state import State


@dataclass(frozen=True)
class MeterReading:
    id: str
    label: str
    value: int
    min: int
    max: int
    visible: bool   # hidden meters are listed too: the overlay is for the author


@dataclass(frozen=True)
class Inspection:
    scene: str
    at: str               # the id of the line or menu on screen; "" when neither (an ending)
    kind: str             # "line", "menu" or ""
    where: str            # file:line:col of what is on screen, in the story folder (scenes/...); "" when unknown
    route: str
    meters: tuple[MeterReading, ...]
    flags: tuple[str, ...]               # the flags that are set, sorted
    visits: tuple[tuple[str, int], ...]  # scene id and times entered, in the order the story lists scenes


def inspect(story: Story, state: State) -> Inspection:
    """The overlay's reading of `state`, a runner's checkpoint: its op is the line or menu on screen."""
    scene = story.scenes.get(state.scene)
    op = scene.ops[state.pc] if scene is not None and 0 <= state.pc < len(scene.ops) else None
    if isinstance(op, SayOp):
        kind, at = "line", op.line_id
    elif isinstance(op, MenuOp):
        kind, at = "menu", op.menu_id
    else:
        kind, at = "", ""
    where = story_relative(story.root, str(op.where)) if kind else ""
    meters = tuple(MeterReading(m.id, m.label, state.meters.get(m.id, m.start), m.min, m.max, m.visible)
                   for m in story.meters.values())
    flags = tuple(sorted(name for name, value in state.flags.items() if value))
    visits = tuple((s, state.visits[s]) for s in story.scenes if state.visits.get(s))
    return Inspection(state.scene, at, kind, where, state.route, meters, flags, visits)
