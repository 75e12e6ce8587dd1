"""The key of a playthrough's state at a place of one route: the place and what is live there (liveness.py),
each meter held within the bounds past which its value no longer matters (meter_bounds.py). Two states with one
key play on alike: the same lines, options, endings and dead ends, whatever the choices."""
from __future__ import annotations

from typing import Callable, Optional

from .liveness import Live, Liveness
from .meter_bounds import MeterBounds
from .model import Story
from .segments import counter, getter
from .walk import Point


class StateKeys:
    def __init__(self, story: Story, route: str):
        self.live = Liveness(story, route)
        self.bounds = MeterBounds(story, self.live)
        self._parts: dict[str, list] = {scene: [None] * len(story.scenes[scene].ops) for scene in self.live.scenes}

    def at(self, scene: str, pc: int) -> Live:
        """What is live just before op `pc` of `scene`."""
        return self._here(scene, pc)[4]

    def key(self, point: Point) -> tuple:
        meters, flags, visits, ended, _ = self._here(point.scene, point.pc)
        return ((point.scene, point.pc) + meters(point.meters) + flags(point.flags) + visits(point.visits)
                + (point.past & ended,))

    def _here(self, scene: str, pc: int) -> tuple:
        here = self._parts[scene][pc]
        if here is None:
            at = self.live.at(scene, pc)
            limits = tuple(self.bounds.bounds(scene, pc, meter) for meter in at.meters)
            meters = bounded(at.meters, limits) if any(limits) else getter(at.meters)
            here = self._parts[scene][pc] = (meters, getter(at.flags), counter(at.visits), at.ended, at)
        return here


def bounded(names: tuple[str, ...], limits: tuple[Optional[tuple[int, int]], ...]) -> Callable[[dict], tuple]:
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
