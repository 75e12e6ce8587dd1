"""The values of a light playthrough state (walk.py's Point) at one place, as a tuple: the pieces every key of
the explorer (statekeys.py, segments.py) and of the analysis's walk (reach.py) is made of. Each is built once per
place, and is cheap to call: it runs for every walk between two menus."""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Optional

from .liveness import Live
from .walk import Point

Values = Callable[[dict], tuple]


def keyer(prefix: tuple, meters: Values, live: Live) -> Callable[[Point], tuple]:
    """A point's key: `prefix`, then the meters given, and the flags, visits and earlier endings `live` names."""
    flags, visits, ended = getter(live.flags), counter(live.visits), live.ended
    if ended:
        return lambda point: (prefix + meters(point.meters) + flags(point.flags) + visits(point.visits)
                              + (point.past & ended,))
    return lambda point: prefix + meters(point.meters) + flags(point.flags) + visits(point.visits)


def meter_values(names: tuple[str, ...], limits: tuple[Optional[tuple[int, int]], ...] = ()) -> Values:
    """The values of the meters `names`, each held within its (low, high) where `limits` gives one."""
    return bounded(names, limits) if any(limits) else getter(names)


def bounded(names: tuple[str, ...], limits: tuple[Optional[tuple[int, int]], ...]) -> Values:
    """The meters' values as a key, each held within its (low, high) where it has them."""
    pairs = tuple(zip(names, limits))

    def values(meters: dict) -> tuple:
        out = []
        for name, limit in pairs:
            value = meters[name]
            if limit is not None:
                low, high = limit
                value = low if value <= low else high if value >= high else value
            out.append(value)
        return tuple(out)
    return values


def getter(names: tuple[str, ...]) -> Values:
    """The values of `names` in a mapping, as a tuple."""
    if len(names) > 1:
        return itemgetter(*names)
    if names:
        name = names[0]
        return lambda values: (values[name],)
    return _nothing


def counter(scenes: tuple[str, ...]) -> Values:
    """The visit counts of `scenes`, as a tuple (a scene not counted yet: 0)."""
    return (lambda visits: tuple([visits.get(scene, 0) for scene in scenes])) if scenes else _nothing


def _nothing(values: dict) -> tuple:
    return ()
