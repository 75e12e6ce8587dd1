"""Remembers where each walk from an option of a menu went, by the values it read, so the explorer walks each once.

A walk reads only the option's effects and the conditions it passes before its next menu or ending, so two walks
of one option that agree on those values go alike: the second replays what the first did (its effects in order,
the option's first, and the scenes it counted) instead of stepping through the ops again. It is remembered by the
values at its menu, as the option's effects make them, each meter held within its bounds where the walk starts
(meter_bounds.py): values past a bound read alike in every comparison ahead, so a walk from them goes alike. The
key of the state a remembered walk reaches is likewise taken from the state at its menu, so a state met before
is told without being made. A walk that entered a scene twice may go round in a circle, which the values it read
alone do not decide: that option's walks are always stepped through."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from . import rules
from .keyparts import flag_sets
from .liveness import Live
from .model import Change, OptionSpec
from .statekeys import Key, StateKeys
from .walk import AtMenu, Point, Stop, Walker

_STEP = object()  # an option whose walks are always stepped through


@dataclass(slots=True)
class Walk:
    """A walk remembered: what it does to a point, where it stops, and (once asked) the key of the state it
    reaches at a menu, taken from the point before."""
    changes: tuple[Change, ...]  # the option's effects, then the walk's, in order (visits change no meter or flag)
    counted: tuple[str, ...]     # the scenes it entered whose visits are counted
    stop: Stop
    scene: str
    pc: int
    key: Optional[Key] = None


Chosen = tuple[Stop, Optional[tuple], Union[Point, Walk]]  # the stop, the key of a state at a menu, the new point


class Segments:
    """The walks of one route, remembered."""

    def __init__(self, walker: Walker, keys: StateKeys, reached: set[str]):
        self.walker, self.keys, self.reached = walker, keys, reached
        self.watched = keys.live.watched_visits
        self._ways: dict[tuple[str, int, int], object] = {}  # (scene, pc, option): (key of a walk, walks) or _STEP

    def walk(self, point: Point) -> Stop:
        """As Walker.walk: `point` (a route's start) run on to its next menu, ending or dead end."""
        return self.walker.walk(point, self.watched, self.keys.key, self.reached)

    def choose(self, point: Point, index: int, option: OptionSpec) -> Chosen:
        """Option `index` chosen at the menu where `point` stands, and walked on: where the walk stopped, the key of
        the state there if at a menu, and the new point (or what branch() makes it from)."""
        way = (point.scene, point.pc, index)
        here = self._ways.get(way)
        if here is None:
            here = self._ways[way] = (self.keys.keyer(point.scene, option.target, self._read(point.scene, option), (),
                                                      option.effects), {})
        key = None
        if here is not _STEP:
            key = here[0](point)
            walked = here[1].get(key)
            if walked is not None:
                stop = walked.stop
                if type(stop) is not AtMenu:
                    return stop, None, walked
                if walked.key is None:
                    walked.key = self.keys.key_after(walked.scene, walked.pc, walked.changes, walked.counted)
                return stop, walked.key(point), walked
        branch = Point(point.route, point.scene, option.target, point.meters.copy(), point.flags.copy(),
                       point.visits.copy(), point.past)
        if option.effects:
            rules.apply_changes(self.walker.story.meters, branch.meters, branch.flags, option.effects)
        stop = self._step(way, here, key, branch, option.effects)
        return stop, self.keys.key(branch) if type(stop) is AtMenu else None, branch

    def branch(self, point: Point, chosen: Union[Point, Walk]) -> Point:
        """The new point choose() told of, made from `point` if it was not made then, with only what is live at
        its place (StateKeys.trim)."""
        if type(chosen) is Point:
            self.keys.trim(chosen)
            return chosen
        branch = Point(point.route, chosen.scene, chosen.pc, point.meters.copy(), point.flags.copy(),
                       point.visits.copy(), point.past)
        if chosen.changes:
            rules.apply_changes(self.walker.story.meters, branch.meters, branch.flags, chosen.changes)
        if chosen.counted:
            visits = branch.visits
            for scene in chosen.counted:
                visits[scene] = visits.get(scene, 0) + 1
        self.keys.trim(branch)
        return branch

    def _step(self, way: tuple, here: object, key: Optional[tuple], point: Point, first: tuple[Change, ...]) -> Stop:
        """Step `point` through the ops to its next stop, and remember the walk by `key` if it can be."""
        if here is _STEP:
            return self.walker.walk(point, self.watched, self.keys.key, self.reached)
        trace: list = []
        stop = self.walker.walk(point, self.watched, self.keys.key, self.reached, trace)
        entered = [item for item in trace if type(item) is str]
        if len(set(entered)) < len(entered):
            self._ways[way] = _STEP
        else:
            changes = first + tuple(change for item in trace if type(item) is not str for change in item)
            here[1][key] = Walk(changes, tuple(s for s in entered if s in self.watched), stop, point.scene, point.pc)
        return stop

    def _read(self, scene: str, option: OptionSpec) -> Live:
        """What the walk of an option reads, but for the flags the option sets (it reads what they are set to)."""
        read = self.keys.live.read_before_menu(scene, option.target)
        sets = flag_sets(option.effects)
        return Live(read.meters, tuple(name for name in read.flags if name not in sets), read.visits, read.ended)
