"""Remembers where each walk between menus went, by the values it read, so the explorer walks each once.

A walk from a place reads only the conditions it passes before its next menu or ending, so two walks from one
place that agree on those values take the same way: the second replays what the first did (its effects in order,
the scenes it counted) instead of stepping through the ops again. A meter is read only within its bounds there
(meter_bounds.py): values past a bound read alike in every comparison ahead, so a walk from them goes alike. A walk
that entered a scene twice may go round in a circle, which the values it read alone do not decide: from such a
place every walk is stepped through."""
from __future__ import annotations

from . import rules
from .statekeys import StateKeys
from .walk import Point, Stop, Walker

_STEP = object()  # a place whose walks are always stepped through


class Segments:
    """The walks of one route, remembered."""

    def __init__(self, walker: Walker, keys: StateKeys, reached: set[str]):
        self.walker, self.keys, self.reached = walker, keys, reached
        self.watched = keys.live.watched_visits
        self._places: dict[tuple[str, int], object] = {}  # place: (the key of a walk from it, the walks) or _STEP

    def walk(self, point: Point) -> Stop:
        """As Walker.walk: `point` run on to its next menu, ending or dead end."""
        place = (point.scene, point.pc)
        here = self._places.get(place)
        if here is None:
            here = self._places[place] = (self.keys.keyer(*place, self.keys.live.read_before_menu(*place)), {})
        if here is _STEP:
            return self.walker.walk(point, self.watched, self.keys.key, self.reached)
        read, done = here
        key = read(point)
        walked = done.get(key)
        if walked is None:
            trace: list = []
            stop = self.walker.walk(point, self.watched, self.keys.key, self.reached, trace)
            entered = [item for item in trace if type(item) is str]
            if len(set(entered)) < len(entered):
                self._places[place] = _STEP
            else:  # the effects as one run (visit counts change no meter or flag), the scenes whose visits count
                changes = tuple(change for item in trace if type(item) is not str for change in item)
                done[key] = (changes, tuple(s for s in entered if s in self.watched), stop, point.scene, point.pc)
            return stop
        changes, counted, stop, point.scene, point.pc = walked
        if changes:
            rules.apply_changes(self.walker.story.meters, point.meters, point.flags, changes)
        if counted:
            visits = point.visits
            for scene in counted:
                visits[scene] = visits.get(scene, 0) + 1
        return stop

