"""What the story will ask the stage for next: the backgrounds, music, sounds and sprites a few steps ahead.

A pure reading of the compiled ops from a State's place, for the front end to prepare while the player reads.
It follows jumps, gotos, both sides of every condition and every option of a menu (hidden or greyed out too:
it does not evaluate conditions, so it never needs the state to be right, only its place), up to a bound in
ops walked and scenes entered. The one exception is a condition that reads nothing but ended(): the past does
not change during a playthrough, so only the side it takes is followed (the epilogue's long if/elif chains). Nearest first: the walk is breadth-first, one op a step.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import conditions
from .model import EndingOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp, SayOp, StageOp, Story
from .state import State

OPS = 400          # ops walked at most, over all branches
SCENES = 2         # gotos followed at most along one path (the scenes after the current one)
_KIND = {"scene": "background", "background": "background", "music": "music", "ambience": "ambience",
         "sound": "sound"}


@dataclass(frozen=True, slots=True)
class Need:
    """One asset the stage will ask for: kind is background, music, ambience, sound or sprite;
    for a sprite, name is the character and expression the one asked for (None: the character's default)."""
    kind: str
    name: str
    expression: Optional[str] = None
    distance: int = 0       # ops between the place and the op that asks for it (the nearest path)


def upcoming(story: Story, state: State, ops: int = OPS, scenes: int = SCENES) -> tuple[Need, ...]:
    """Each asset the next ops may ask for, once, nearest first. Stops at endings, dead ends and the bounds."""
    if state.ending is not None or state.scene not in story.scenes:
        return ()
    found: dict[tuple[str, str, Optional[str]], Need] = {}
    queue: deque[tuple[str, int, int, int]] = deque([(state.scene, state.pc, 0, 0)])  # scene, pc, distance, hops
    walked: set[tuple[str, int]] = set()
    while queue and len(walked) < ops:
        scene_id, pc, distance, hops = queue.popleft()
        scene = story.scenes.get(scene_id)
        if scene is None or not 0 <= pc < len(scene.ops) or (scene_id, pc) in walked:
            continue
        walked.add((scene_id, pc))
        op = scene.ops[pc]
        kind = type(op)
        step = distance + 1
        if kind is StageOp:
            _note(found, op, distance)
        elif kind is SayOp and op.expression and op.speaker:
            found.setdefault(("sprite", op.speaker, op.expression), Need("sprite", op.speaker, op.expression, distance))
        if kind is JumpOp:
            queue.append((scene_id, op.target, step, hops))
        elif kind is JumpUnlessOp:
            if not _reads_only_the_past(op.condition.text):
                queue.append((scene_id, pc + 1, step, hops))
                queue.append((scene_id, op.target, step, hops))
            elif op.condition.test({}, {}, {}, state.past):
                queue.append((scene_id, pc + 1, step, hops))
            else:
                queue.append((scene_id, op.target, step, hops))
        elif kind is MenuOp:
            queue.extend((scene_id, option.target, step, hops) for option in op.options)
        elif kind is GotoOp:
            if hops < scenes:
                queue.append((op.scene, 0, step, hops + 1))
        elif kind not in (EndingOp, FallOffOp):
            queue.append((scene_id, pc + 1, step, hops))
    return tuple(sorted(found.values(), key=lambda need: need.distance))


def _note(found: dict, op: StageOp, distance: int) -> None:
    if op.name is None:
        return
    if op.kind == "show":
        key = ("sprite", op.name, op.expression)
        found.setdefault(key, Need("sprite", op.name, op.expression, distance))
    elif op.kind in _KIND:
        key = (_KIND[op.kind], op.name, None)
        found.setdefault(key, Need(_KIND[op.kind], op.name, None, distance))


@lru_cache(maxsize=1024)
def _reads_only_the_past(text: str) -> bool:
    """True for a condition made of ended() alone: its value is settled when the playthrough starts."""
    expr = conditions.parse(text)
    return bool(conditions.ended_endings(expr)) and not conditions.names(expr) and not conditions.visited_scenes(expr)
