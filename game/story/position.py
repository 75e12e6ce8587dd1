"""Where a playthrough stands, held as ids an author can see (a line id, a menu id), not as an op index.

A save made before the scenes were edited still finds its place: the same line when it exists, else the
nearest line before it in the same scene that still exists, else the start of that scene.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import EndingOp, EnterOp, MenuOp, SayOp, Scene, Story
from .problems import StoryError

TRAIL = 400  # line ids kept before the place: far more than any scene's lines before one point


@dataclass(frozen=True)
class Resumed:
    """A saved place found again in the story as it is now."""
    pc: int
    note: str = ""   # one line for the player when the place had to be found again; "" when exact
    state: Any = None  # at an earlier line: the state as it was there (meters, flags, visits, ...), if the save had it


def op_id(op: object) -> str | None:
    if isinstance(op, SayOp):
        return op.line_id
    if isinstance(op, MenuOp):
        return op.menu_id
    return None


def mark(scene: Scene, pc: int, trail: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The place `pc` in `scene` as ids: what op is there, and the lines before it.

    trail: the lines actually shown before it in this visit of the scene, oldest first, each
    {"id": line id, "state": the state's JSON just before it}. With it, a save whose own line was edited
    away goes back to a line the player really saw, in the state it was seen in; without it (a save from
    the command line), to the nearest line written before it.
    """
    op = scene.ops[pc] if 0 <= pc < len(scene.ops) else None
    if pc == 0:
        kind, ident = "start", None
    elif isinstance(op, SayOp):
        kind, ident = "line", op.line_id
    elif isinstance(op, MenuOp):
        kind, ident = "menu", op.menu_id
    elif pc > 0 and isinstance(scene.ops[pc - 1], EndingOp):
        kind, ident = "end", None
    else:
        kind, ident = "op", None
    if trail is not None:
        kept = [t for t in trail if isinstance(t, dict) and t.get("id") != ident][-TRAIL:]
        return {"kind": kind, "id": ident, "pc": pc, "before": [t["id"] for t in kept],
                "states": [t.get("state") for t in kept]}
    before = [o.line_id for o in scene.ops[:pc] if isinstance(o, SayOp)][-TRAIL:]
    return {"kind": kind, "id": ident, "pc": pc, "before": before}


def resume(story: Story, scene_id: str, at: Any) -> Resumed:
    """The op index to resume at in `scene_id`; StoryError if the place cannot be read at all."""
    scene = story.scenes.get(scene_id)
    if scene is None:
        raise StoryError(f"the save is at scene '{scene_id}', which this story no longer has")
    if not isinstance(at, dict):
        raise StoryError("the save's place in the story is missing or damaged")
    kind, ident, before = at.get("kind"), at.get("id"), at.get("before", [])
    if kind == "start":
        return Resumed(0)
    index = {op_id(op): pc for pc, op in enumerate(scene.ops) if op_id(op) is not None}
    if kind in ("line", "menu") and isinstance(ident, str) and ident in index:
        return Resumed(index[ident])
    if kind in ("end", "op"):
        pc = at.get("pc")
        if isinstance(pc, int) and not isinstance(pc, bool) and 0 < pc < len(scene.ops):
            return Resumed(pc)
    states = at.get("states")
    if isinstance(before, list):
        for k in range(len(before) - 1, -1, -1):
            line_id = before[k]
            if isinstance(line_id, str) and line_id in index:
                earlier = states[k] if isinstance(states, list) and len(states) == len(before) else None
                return Resumed(index[line_id], "The story has changed since this save: it resumes at the "
                                               "nearest earlier line.", earlier)
    start = 1 if scene.ops and isinstance(scene.ops[0], EnterOp) else 0
    return Resumed(start, "The story has changed since this save: it resumes at the start of the scene.")


def line_index(story: Story) -> dict[str, tuple[str, SayOp]]:
    """Every line of the story by id: (scene id, op)."""
    return {op.line_id: (scene.id, op) for scene in story.scenes.values() for op in scene.ops
            if isinstance(op, SayOp)}


def menu_index(story: Story) -> dict[str, MenuOp]:
    return {op.menu_id: op for scene in story.scenes.values() for op in scene.ops if isinstance(op, MenuOp)}
