"""Steps a light playthrough state through compiled ops from one menu to the next, by the Runner's rules.

The explorer's engine: no lines, stage or checkpoints are kept, only what conditions read (meters, flags, the
visits of scenes some condition names, the past), and it stops at the next menu, ending or dead end. Runs of
lines and stage commands, which no condition reads, are passed over in one step each."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Hashable, Optional, Union

from . import rules
from .model import (EffectsOp, Ending, EndingOp, EnterOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp,
                    OptionSpec, SayOp, StageOp, Story)
from .problems import Problem
from .runner import MAX_SILENT_OPS

CIRCLE = "the story goes round in a circle through scene '{}' with no menu or ending"


@dataclass(slots=True)
class Point:
    """Where a walk stands, and the values conditions read there."""
    route: str
    scene: str
    pc: int
    meters: dict[str, int]
    flags: dict[str, bool]
    visits: dict[str, int]
    past: frozenset[str]

    @classmethod
    def start(cls, story: Story, route: str, past: frozenset[str] = frozenset(),
              flags: frozenset[str] = frozenset()) -> Point:
        """The start of `route`: the flags given false (as an unset flag reads), no visits counted."""
        return cls(route, story.routes[route].start, 0, {m.id: m.clamp(m.start) for m in story.meters.values()},
                   dict.fromkeys(sorted(flags), False), {},
                   frozenset(e for e in past if e in story.endings))

    def after(self, story: Story, option: OptionSpec) -> Point:
        """A new point: this one with `option` chosen (its effects applied, at its first op)."""
        branch = Point(self.route, self.scene, option.target, self.meters.copy(), self.flags.copy(),
                       self.visits.copy(), self.past)
        if option.effects:
            rules.apply_changes(story.meters, branch.meters, branch.flags, option.effects)
        return branch


@dataclass(frozen=True, slots=True)
class AtMenu:
    op: MenuOp


@dataclass(frozen=True, slots=True)
class Ended:
    ending: Ending


@dataclass(frozen=True, slots=True)
class DeadEnd:
    where: str     # the author's file:line, or the scene
    reason: str


Stop = Union[AtMenu, Ended, DeadEnd]
Skip = Optional[tuple[int, bool, int, int, int]]  # (next op to run, a line among them, first, longest, last)


def _dead(problem: Problem, scene: str) -> DeadEnd:
    return DeadEnd(str(problem.where) if problem.where.path else scene, problem.message)


def _skips(ops: tuple) -> list[Skip]:
    """For each op in a run of lines and stage commands: where the run ends, whether it holds a line, and the
    ops without a line that the Runner's silent-op count would meet: before the first line, in the longest
    stretch between two lines, and after the last (with no line: the whole run, as first and last)."""
    out: list[Skip] = [None] * len(ops)
    for pc in range(len(ops) - 1, -1, -1):
        kind = type(ops[pc])
        if kind is not SayOp and kind is not StageOp:
            continue
        nxt, said, first, longest, last = out[pc + 1] if pc + 1 < len(ops) and out[pc + 1] else (pc + 1, False,
                                                                                                0, 0, 0)
        if kind is StageOp:
            out[pc] = (nxt, said, first + 1, longest, last if said else last + 1)
        else:
            out[pc] = (nxt, True, 0, max(longest, first) if said else 0, last if said else first)
    return out


class Walker:
    """Walks points of one story; made once, as it prepares each scene's runs of lines."""

    def __init__(self, story: Story):
        self.story = story
        self._skips = {scene_id: _skips(scene.ops) for scene_id, scene in story.scenes.items()}

    def walk(self, point: Point, watched: frozenset[str], entry_key: Callable[[Point], Hashable],
             reached: set[str], trace: Optional[list] = None) -> Stop:
        """Run `point` on to its next menu (left at the menu op), ending or dead end.

        watched: the scenes whose visits are counted; reached: each scene entered is added to it; trace, if
        given, gets what the walk did to the point in order: the changes of each effects op, each scene entered.
        entry_key(point) is taken at each scene's entry: the same key twice before a menu means the story goes
        round in a circle (as the Runner-based walk reports it)."""
        story = self.story
        scenes, meters_of = story.scenes, story.meters
        scene = point.scene
        ops, skips = scenes[scene].ops, self._skips[scene]
        pc = point.pc
        meters, flags, visits, past = point.meters, point.flags, point.visits, point.past
        entered: Optional[set] = None
        silent = 0  # as the Runner counts: ops run since the last line or menu
        while True:
            op = ops[pc]
            kind = type(op)
            if kind is SayOp or kind is StageOp:
                pc, said, first, longest, last = skips[pc]
                if not said:
                    silent += first
                elif silent + first >= MAX_SILENT_OPS or longest >= MAX_SILENT_OPS:
                    return _dead(rules.silent_loop(scene), scene)
                else:
                    silent = last
                continue
            if silent >= MAX_SILENT_OPS:
                return _dead(rules.silent_loop(scene), scene)
            silent += 1
            pc += 1
            if kind is EffectsOp:
                rules.apply_changes(meters_of, meters, flags, op.changes)
                if trace is not None:
                    trace.append(op.changes)
            elif kind is JumpOp:
                pc = op.target
            elif kind is JumpUnlessOp:
                if not op.condition.test(meters, flags, visits, past):
                    pc = op.target
            elif kind is EnterOp:
                reached.add(scene)
                if trace is not None:
                    trace.append(scene)
                if scene in watched:
                    visits[scene] = visits.get(scene, 0) + 1
                point.scene, point.pc = scene, pc
                key = entry_key(point)
                if entered is None:
                    entered = set()
                elif key in entered:
                    return DeadEnd(scene, CIRCLE.format(scene))
                entered.add(key)
            elif kind is GotoOp:
                scene, pc = op.scene, 0
                ops, skips = scenes[scene].ops, self._skips[scene]
            elif kind is MenuOp:
                point.scene, point.pc = scene, pc - 1
                return AtMenu(op)
            elif kind is EndingOp:
                point.scene, point.pc = scene, pc - 1
                if op.ending is not None:
                    return Ended(story.endings[op.ending])
                ending = rules.best_ending(story, point.route, meters, flags, visits, past)
                return Ended(ending) if ending is not None else _dead(rules.no_ending(op, point.route), scene)
            elif kind is FallOffOp:
                point.scene, point.pc = scene, pc - 1
                return _dead(rules.fell_off(op, scene), scene)
