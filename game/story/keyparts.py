"""The values of a light playthrough state (walk.py's Point) at one place, as a tuple: the pieces every key of
the explorer (statekeys.py, segments.py) and of the analysis's walk (reach.py) is made of. Each is built once per
place, and is cheap to call: it runs for every walk between two menus.

A key can also be taken ahead of some effects: from a point before them, the key it will have once they are
made (effects change each meter or flag from its own value alone, and visits only grow), so that the explorer
can tell a state it has already met without making it."""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Mapping, Optional

from . import rules
from .liveness import Live
from .model import Change, Meter
from .walk import Point

Values = Callable[[dict], tuple]
Limits = tuple[Optional[tuple[int, int]], ...]


def keyer(prefix: tuple, meters: Values, live: Live, sets: Mapping[str, bool] | None = None,
          adds: Mapping[str, int] | None = None) -> Callable[[Point], tuple]:
    """A point's key: `prefix`, then the meters given, and the flags, visits and earlier endings `live` names,
    the flags as `sets` will set them and the visits as `adds` will count them."""
    flags, visits, ended = flag_values(live.flags, sets), counter(live.visits, adds), live.ended
    if live.visits or ended:
        return lambda point: (prefix + meters(point.meters) + flags(point.flags) + visits(point.visits)
                              + (point.past & ended,))
    if live.flags:  # the usual shapes, without a call for what is empty
        return lambda point: prefix + meters(point.meters) + flags(point.flags)
    return lambda point: prefix + meters(point.meters)


def meter_values(names: tuple[str, ...], limits: Limits = (), changes: tuple[Change, ...] = (),
                 meters_of: Optional[Mapping[str, Meter]] = None) -> Values:
    """The values of the meters `names`, each first through `changes` (effects to come before they are read, made
    by rules.apply_changes, which needs `meters_of`), then held within its (low, high) where `limits` gives one."""
    changes = tuple(c for c in changes if c.kind != "flag" and c.name in names)
    if not changes and not any(limits):
        return getter(names)
    exact, held = getter(names), {}  # exact values: their key, worked out once (a place sees few of them)
    each = [_through(name, limit, tuple(c for c in changes if c.name == name), meters_of)
            for name, limit in zip(names, limits or (None,) * len(names))]

    def values(meters: dict) -> tuple:
        values = exact(meters)
        key = held.get(values)
        if key is None:
            key = held[values] = tuple([one(value) for one, value in zip(each, values)])
        return key
    return values


def _through(name: str, limit: Optional[tuple[int, int]], changes: tuple[Change, ...],
             meters_of: Optional[Mapping[str, Meter]]) -> Callable[[int], int]:
    """One meter's value through its changes, then held within `limit`: worked out once for each value."""
    table: dict[int, int] = {}

    def one(value: int) -> int:
        key = table.get(value)
        if key is None:
            after = {name: value}
            if changes:
                rules.apply_changes(meters_of, after, {}, changes)
            key = table[value] = _held(after[name], limit)
        return key
    return one


def flag_sets(changes: tuple[Change, ...]) -> dict[str, bool]:
    """The flags some effects set, as they leave them."""
    sets: dict[str, bool] = {}
    rules.apply_changes({}, {}, sets, tuple(c for c in changes if c.kind == "flag"))
    return sets


def flag_values(names: tuple[str, ...], sets: Mapping[str, bool] | None = None) -> Values:
    """The values of the flags `names`, those in `sets` as it gives them."""
    if not sets or not any(name in sets for name in names):
        return getter(names)
    values = getter(names)
    return lambda flags: values(flags | sets)


def getter(names: tuple[str, ...]) -> Values:
    """The values of `names` in a mapping, as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return _nothing


def counter(scenes: tuple[str, ...], adds: Mapping[str, int] | None = None) -> Values:
    """The visit counts of `scenes`, as a tuple (a scene not counted yet: 0), with the visits `adds` gives added."""
    if not scenes:
        return _nothing
    if adds and any(scene in adds for scene in scenes):
        more = tuple(adds.get(scene, 0) for scene in scenes)
        return lambda visits: tuple([visits.get(scene, 0) + n for scene, n in zip(scenes, more)])
    return lambda visits: tuple([visits.get(scene, 0) for scene in scenes])


def _held(value: int, limit: Optional[tuple[int, int]]) -> int:
    if limit is None:
        return value
    low, high = limit
    return low if value <= low else high if value >= high else value


def _nothing(values: dict) -> tuple:
    return ()
