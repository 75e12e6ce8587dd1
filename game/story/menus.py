"""The options a player can choose at each menu of one route, worked out once for each set of values their
conditions read there (a menu whose options have none: once), for the explorer, which asks at every state."""
from __future__ import annotations

from . import rules
from .model import MenuOp
from .rules import Choices
from .statekeys import StateKeys
from .walk import Point


class Menus:
    def __init__(self, keys: StateKeys):
        self.keys = keys
        self._places: dict[tuple[str, int], tuple] = {}  # a menu's place: (the key of what it reads, choices)

    def choosable(self, point: Point, op: MenuOp) -> Choices:
        """rules.choosable() for `point`, at the menu `op`."""
        place = (point.scene, point.pc)
        here = self._places.get(place)
        if here is None:
            here = self._places[place] = (self.keys.keyer(*place, self.keys.live.read_by_options(*place)), {})
        key = here[0](point)
        choices = here[1].get(key)
        if choices is None:
            choices = here[1][key] = rules.choosable(op.options, point.meters, point.flags, point.visits, point.past)
        return choices
