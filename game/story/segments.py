"""Remembers where each walk between menus went, by the values it read, so the explorer walks each once.

A walk from a place reads only the conditions it passes before its next menu or ending, so two walks from one
place that agree on those values take the same way: the second replays what the first did (its effects in order,
the scenes it counted) instead of stepping through the ops again. A walk that entered a scene twice may go round
in a circle, which the values it read alone do not decide: from such a place every walk is stepped through."""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Hashable

from . import rules
from .liveness import Live, Liveness
from .walk import Point, Stop, Walker

_STEP = object()  # a place whose walks are always stepped through


class Segments:
    """The walks of one route, remembered."""

    def __init__(self, walker: Walker, live: Liveness, entry_key: Callable[[Point], Hashable], reached: set[str]):
        self.walker, self.live, self.entry_key, self.reached = walker, live, entry_key, reached
        self.watched = live.watched_visits
        self._read: dict[tuple[str, int], object] = {}
        self._done: dict[tuple, tuple] = {}

    def walk(self, point: Point) -> Stop:
        """As Walker.walk: `point` run on to its next menu, ending or dead end."""
        place = (point.scene, point.pc)
        read = self._read.get(place)
        if read is None:  # what the walk reads and the place does not set first
            read = self._read[place] = _getters(self.live.read_before_menu(*place), self.live.at(*place))
        if read is _STEP:
            return self.walker.walk(point, self.watched, self.entry_key, self.reached)
        meters, flags, visits, ended = read
        key = place + meters(point.meters) + flags(point.flags) + visits(point.visits) + (point.past & ended,)
        done = self._done.get(key)
        if done is None:
            trace: list = []
            stop = self.walker.walk(point, self.watched, self.entry_key, self.reached, trace)
            entered = [item for item in trace if type(item) is str]
            if len(set(entered)) < len(entered):
                self._read[place] = _STEP
            else:
                replay = tuple(item for item in trace if type(item) is not str or item in self.watched)
                self._done[key] = (replay, stop, point.scene, point.pc)
            return stop
        replay, stop, point.scene, point.pc = done
        if replay:
            meters_of, meters, flags, visits = self.walker.story.meters, point.meters, point.flags, point.visits
            for item in replay:
                if type(item) is str:
                    visits[item] = visits.get(item, 0) + 1
                else:
                    rules.apply_changes(meters_of, meters, flags, item)
        return stop


def _getters(read: Live, live: Live) -> tuple:
    return (getter(tuple(n for n in read.meters if n in live.meters)),
            getter(tuple(n for n in read.flags if n in live.flags)),
            counter(tuple(n for n in read.visits if n in live.visits)), read.ended & live.ended)


def getter(names: tuple[str, ...]) -> Callable[[dict], object]:
    """The values of `names` in a mapping, as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return _nothing


def counter(scenes: tuple[str, ...]) -> Callable[[dict], tuple]:
    """The visit counts of `scenes`, as a tuple (a scene not counted yet: 0)."""
    return (lambda visits: tuple([visits.get(scene, 0) for scene in scenes])) if scenes else _nothing


def _nothing(values: dict) -> tuple:
    return ()
