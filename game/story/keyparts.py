"""The key of a light playthrough state (walk.py's Point) at one place, as a tuple of the values it keeps there:
what every key of the explorer (statekeys.py, segments.py) and of the analysis's walk (reach.py) is made of. Each
is built once per place, and is cheap to call: it runs for every walk between two menus.

A key can also be taken ahead of some effects: from a point before them, the key it will have once they are
made (effects change each meter or flag from its own value alone, and visits only grow), so that the explorer
can tell a state it has already met without making it."""
from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Callable, Mapping, Optional

from . import rules
from .liveness import Live
from .model import Change, Meter
from .walk import Point

Values = Callable[[dict], tuple]
Limits = tuple[Optional[tuple[int, int]], ...]
Own = tuple[str, Optional[tuple[int, int]], tuple[Change, ...]]  # a meter, its limits, its changes to come


class Shared:
    """What the keys of one route share, each worked out once for each value met: a meter's value through the
    same changes and limits, and the meters' part of a key for the same meters, changes and limits. Keys are
    taken hundreds of thousands of times, from a few values at each place."""

    def __init__(self, meters_of: Mapping[str, Meter]):
        self.meters_of = meters_of
        self._ones: dict[Own, Callable[[int], int]] = {}
        self._parts: dict[tuple[Own, ...], dict] = {}

    def one(self, own: Own) -> Callable[[int], int]:
        one = self._ones.get(own)
        if one is None:
            one = self._ones[own] = _through(*own, self.meters_of)
        return one

    def parts(self, owns: tuple[Own, ...]) -> dict:
        """The meters' parts of keys met so far, by the meters' values as they are now."""
        parts = self._parts.get(owns)
        if parts is None:
            parts = self._parts[owns] = {}
        return parts


def keyer(prefix: tuple, live: Live, limits: Limits = (), changes: tuple[Change, ...] = (),
          counted: tuple[str, ...] = (), shared: Optional[Shared] = None) -> Callable[[Point], tuple]:
    """A point's key: `prefix`, then the values of the meters, flags, visits and earlier endings `live` names, as
    they will be once `changes` are made and the scenes `counted` visited, each meter held within its (low, high)
    where `limits` gives one (`shared`: what the keys of a route share, needed with changes)."""
    names = live.meters
    owns = tuple((name, limit, tuple(c for c in changes if c.kind != "flag" and c.name == name))
                 for name, limit in zip(names, limits or (None,) * len(names)))
    meters = _meters(names, owns, shared or Shared({}))
    flags, visits, ended = flag_values(live.flags, flag_sets(changes)), counter(live.visits, counted), live.ended
    if live.visits or ended:
        return lambda point: (prefix + meters(point.meters) + flags(point.flags) + visits(point.visits)
                              + (point.past & ended,))
    if live.flags:  # the usual shapes, without a call for what is empty
        return lambda point: prefix + meters(point.meters) + flags(point.flags)
    return lambda point: prefix + meters(point.meters)


def _meters(names: tuple[str, ...], owns: tuple[Own, ...], shared: Shared) -> Values:
    """The meters' part of a key: their values as they are, or through their changes and limits."""
    exact = getter(names)
    if not any(limit is not None or changes for _, limit, changes in owns):
        return exact
    exact, parts, each = itemgetter(*names), shared.parts(owns), [shared.one(own) for own in owns]

    def part(meters: dict) -> tuple:
        values = exact(meters)
        part = parts.get(values)
        if part is None:
            part = parts[values] = (tuple([one(value) for one, value in zip(each, values)]) if len(each) > 1
                                    else (each[0](values),))
        return part
    return part


def _through(name: str, limit: Optional[tuple[int, int]], changes: tuple[Change, ...],
             meters_of: Mapping[str, Meter]) -> Callable[[int], int]:
    """One meter's value through its changes, then held within `limit`."""
    after: dict[int, int] = {}  # each value through the changes, worked out once

    def one(value: int) -> int:
        if changes:
            moved = after.get(value)
            if moved is None:
                made = {name: value}
                rules.apply_changes(meters_of, made, {}, changes)
                moved = after[value] = made[name]
            value = moved
        if limit is None:
            return value
        low, high = limit
        return low if value <= low else high if value >= high else value
    return one


def flag_sets(changes: tuple[Change, ...]) -> dict[str, bool]:
    """The flags some effects set, as they leave them."""
    sets: dict[str, bool] = {}
    rules.apply_changes({}, {}, sets, tuple(c for c in changes if c.kind == "flag"))
    return sets


def flag_values(names: tuple[str, ...], sets: Mapping[str, bool]) -> Values:
    """The values of the flags `names`, those in `sets` as it gives them."""
    values = getter(names)
    if not any(name in sets for name in names):
        return values
    return lambda flags: values(flags | sets)


def getter(names: tuple[str, ...]) -> Values:
    """The values of `names` in a mapping, as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return _nothing


def counter(scenes: tuple[str, ...], counted: tuple[str, ...] = ()) -> Values:
    """The visit counts of `scenes`, as a tuple (a scene not counted yet: 0), once the scenes `counted` are
    visited."""
    if not scenes:
        return _nothing
    more = Counter(counted)
    if any(scene in more for scene in scenes):
        adds = tuple(more[scene] for scene in scenes)
        return lambda visits: tuple([visits.get(scene, 0) + n for scene, n in zip(scenes, adds)])
    return lambda visits: tuple([visits.get(scene, 0) for scene in scenes])


def _nothing(values: dict) -> tuple:
    return ()
