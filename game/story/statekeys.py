"""The key of a playthrough's state at a place of one route: the place and what is live there (liveness.py),
each meter held within the bounds past which its value no longer matters (meter_bounds.py). Two states with one
key play on alike: the same lines, options, endings and dead ends, whatever the choices. A key can also be taken
ahead of some effects, from the state before them (keyparts.py): the explorer tells a state it has met without
making it."""
from __future__ import annotations

from typing import Callable

from .keyparts import Shared, keyer
from .liveness import Live, Liveness
from .meter_bounds import MeterBounds
from .model import Change, Story
from .walk import Point

Key = Callable[[Point], tuple]


class StateKeys:
    def __init__(self, story: Story, route: str):
        self.live = Liveness(story, route)
        self.bounds = MeterBounds(story, self.live)
        self._keys: dict[str, list] = {scene: [None] * len(story.scenes[scene].ops) for scene in self.live.scenes}
        self._ahead: dict[tuple, Key] = {}
        self._shared = Shared(story.meters)

    def key(self, point: Point) -> tuple:
        """The key of `point`'s state at its place."""
        scene, pc = point.scene, point.pc
        key = self._keys[scene][pc]
        if key is None:
            key = self._keys[scene][pc] = self.keyer(scene, pc, self.live.at(scene, pc), (scene, pc))
        return key(point)

    def trim(self, point: Point) -> None:
        """Keep in `point` only the flags and visits live at its place (the others no key there reads): smaller to
        queue and to copy."""
        at = self.live.at(point.scene, point.pc)
        flags, visits = point.flags, point.visits
        point.flags = {name: flags[name] for name in at.flags} if at.flags else {}
        point.visits = {scene: visits[scene] for scene in at.visits if scene in visits} if at.visits else {}

    def key_after(self, scene: str, pc: int, changes: tuple[Change, ...], counted: tuple[str, ...]) -> Key:
        """The key a point will have at op `pc` of `scene` once `changes` are made and the scenes `counted`
        visited, taken from the point before."""
        ahead = (scene, pc, changes, counted)
        key = self._ahead.get(ahead)
        if key is None:
            key = self._ahead[ahead] = self.keyer(scene, pc, self.live.at(scene, pc), (scene, pc), changes, counted)
        return key

    def keyer(self, scene: str, pc: int, live: Live, prefix: tuple = (), changes: tuple[Change, ...] = (),
              counted: tuple[str, ...] = ()) -> Key:
        """The key of a point by the values `live` names as they will be at op `pc` of `scene` once `changes` are
        made and the scenes `counted` visited (each meter held within its bounds there), after `prefix`."""
        limits = tuple(self.bounds.bounds(scene, pc, m) for m in live.meters)
        return keyer(prefix, live, limits, changes, counted, self._shared)
