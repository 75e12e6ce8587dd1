"""The key of a playthrough's state at a place of one route: the place and what is live there (liveness.py),
each meter held within the bounds past which its value no longer matters (meter_bounds.py). Two states with one
key play on alike: the same lines, options, endings and dead ends, whatever the choices."""
from __future__ import annotations

from typing import Callable

from .keyparts import keyer, meter_values
from .liveness import Live, Liveness
from .meter_bounds import MeterBounds
from .model import Story
from .walk import Point


class StateKeys:
    def __init__(self, story: Story, route: str):
        self.live = Liveness(story, route)
        self.bounds = MeterBounds(story, self.live)
        self._keys: dict[str, list] = {scene: [None] * len(story.scenes[scene].ops) for scene in self.live.scenes}

    def at(self, scene: str, pc: int) -> Live:
        """What is live just before op `pc` of `scene`."""
        return self.live.at(scene, pc)

    def key(self, point: Point) -> tuple:
        scene, pc = point.scene, point.pc
        key = self._keys[scene][pc]
        if key is None:
            key = self._keys[scene][pc] = self.keyer(scene, pc, self.live.at(scene, pc), (scene, pc))
        return key(point)

    def keyer(self, scene: str, pc: int, live: Live, prefix: tuple = ()) -> Callable[[Point], tuple]:
        """The key of a point at op `pc` of `scene` by the values `live` names (each meter held within its bounds
        there), after `prefix`."""
        return keyer(prefix, meter_values(live.meters, tuple(self.bounds.bounds(scene, pc, m) for m in live.meters)),
                     live)
