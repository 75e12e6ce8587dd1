"""What each place in a route's compiled ops may still read: the meters, flags, scene visits and ended() endings
that some later condition or `ending: best` tests before an effect sets them again (a backward liveness analysis).

Two playthroughs at the same place that agree on what is live there play on alike whatever else differs, so the
explorer keeps only that in a state, and merges the rest."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import conditions
from .loader import scene_graph
from .model import (Change, Condition, EffectsOp, EndingOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp,
                    Story)

METER, FLAG, VISITS, ENDED = "meter", "flag", "visits", "ended"


@dataclass(frozen=True, slots=True)
class Live:
    """What is live at one place, each in a fixed order so that a state's values there form a key."""
    meters: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    visits: tuple[str, ...] = ()
    ended: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _parsed_reads(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    expr = conditions.parse(text)
    return (frozenset(conditions.names(expr)), frozenset(conditions.visited_scenes(expr)),
            frozenset(conditions.ended_endings(expr)))


class Liveness:
    """The live values at every place of one route's scenes (those its start reaches by goto)."""

    def __init__(self, story: Story, route: str):
        self.story, self.route = story, route
        self.scenes = scene_graph(story, story.routes[route].start)
        self._bit: dict[tuple[str, str], int] = {}
        self._names: list[tuple[str, str]] = []
        self._cache: dict[int, Live] = {}
        self._ending_reads = self._reads_all([e.when for e in story.endings_of(route)])
        self.masks = self._solve()
        watched = 0
        for masks in self.masks.values():
            for mask in masks:
                watched |= mask
        # scenes whose visits some place may read: only those need counting
        self.watched_visits = frozenset(name for kind, name in self._decode(watched) if kind == VISITS)
        self.flags_read = frozenset(name for kind, name in self._decode(watched) if kind == FLAG)

    def at(self, scene: str, pc: int) -> Live:
        """What is live just before op `pc` of `scene` runs."""
        return self._live(self.masks[scene][pc])

    def read_by_options(self, scene: str, pc: int) -> Live:
        """What the conditions of the options of the menu at op `pc` of `scene` read."""
        op = self.story.scenes[scene].ops[pc]
        return self._live(self._reads_all([c for o in op.options for c in (o.shown_if, o.enabled_if)])
                          & self.masks[scene][pc])

    def read_before_menu(self, scene: str, pc: int) -> Live:
        """What a walk from op `pc` of `scene` may read before it stops at a menu, an ending or a dead end, of
        what is live there (a value it sets before it reads it is not the place's)."""
        mask, todo, done = 0, [(scene, pc)], set()
        scenes = self.story.scenes
        while todo:
            place = todo.pop()
            if place in done:
                continue
            done.add(place)
            scene_id, at = place
            op = scenes[scene_id].ops[at]
            kind = type(op)
            if kind is MenuOp or kind is FallOffOp:
                continue
            if kind is EndingOp:
                mask |= self._ending_reads if op.ending is None else 0
            elif kind is JumpOp:
                todo.append((scene_id, op.target))
            elif kind is JumpUnlessOp:
                mask |= self._reads(op.condition)
                todo += [(scene_id, at + 1), (scene_id, op.target)]
            elif kind is GotoOp:
                todo.append((op.scene, 0))
            else:
                todo.append((scene_id, at + 1))
        return self._live(mask & self.masks[scene][pc])

    def _live(self, mask: int) -> Live:
        live = self._cache.get(mask)
        if live is None:
            names = self._decode(mask)
            live = Live(*(tuple(sorted(n for k, n in names if k == kind)) for kind in (METER, FLAG, VISITS)),
                        frozenset(n for k, n in names if k == ENDED))
            self._cache[mask] = live
        return live

    # --- the analysis ---
    def _var(self, kind: str, name: str) -> int:
        bit = self._bit.get((kind, name))
        if bit is None:
            bit = self._bit[(kind, name)] = 1 << len(self._names)
            self._names.append((kind, name))
        return bit

    def _decode(self, mask: int) -> list[tuple[str, str]]:
        return [self._names[i] for i in range(mask.bit_length()) if mask >> i & 1]

    def _reads(self, condition: Condition | None) -> int:
        if condition is None:
            return 0
        names, visits, ended = _parsed_reads(condition.text)
        mask = 0
        for name in names:
            mask |= self._var(METER if name in self.story.meters else FLAG, name)
        for scene in visits:
            mask |= self._var(VISITS, scene)
        for ending in ended:
            mask |= self._var(ENDED, ending)
        return mask

    def _reads_all(self, conds) -> int:
        mask = 0
        for cond in conds:
            mask |= self._reads(cond)
        return mask

    def _through(self, changes: tuple[Change, ...], after: int) -> int:
        """Live before effects, given live after: a set overwrites (kills) its meter or flag; an add reads its own."""
        for change in reversed(changes):
            if change.kind == "flag":
                after &= ~self._var(FLAG, change.name)
            elif change.kind == "set":
                after &= ~self._var(METER, change.name)
        return after

    def _solve(self) -> dict[str, list[int]]:
        scenes = self.story.scenes
        masks = {s: [0] * len(scenes[s].ops) for s in self.scenes}
        self._keep = self._entered_before()
        changed = True
        while changed:  # scenes reach one another by goto, round in circles too: repeat until nothing grows
            changed = False
            for scene_id in reversed(self.scenes):
                if self._scene_pass(scene_id, masks):
                    changed = True
        return masks

    def _entered_before(self) -> dict[str, int]:
        """For each scene, every variable but the visits of scenes no path can have entered by then: those read 0
        wherever they are live there, so they tell no two states apart (and a long story has many)."""
        scenes = self.story.scenes
        for scene_id in self.scenes:  # every variable the route reads gets its bit first
            for op in scenes[scene_id].ops:
                if isinstance(op, JumpUnlessOp):
                    self._reads(op.condition)
                elif isinstance(op, MenuOp):
                    for option in op.options:
                        self._reads(option.shown_if), self._reads(option.enabled_if)
        visit_bits = {name: self._bit[(VISITS, name)] for kind, name in self._names if kind == VISITS}
        entered = {scene_id: 0 for scene_id in self.scenes}
        start = self.story.routes[self.route].start
        entered[start] = visit_bits.get(start, 0)
        todo, done = [start], set()
        while todo:  # forward: the scenes possibly entered on the way to each scene, itself included
            scene_id = todo.pop()
            done.add(scene_id)
            for op in scenes[scene_id].ops:
                if isinstance(op, GotoOp) and op.scene in entered:
                    grown = entered[op.scene] | entered[scene_id] | visit_bits.get(op.scene, 0)
                    if grown != entered[op.scene] or op.scene not in done:
                        entered[op.scene] = grown
                        todo.append(op.scene)
        all_visits = 0
        for bit in visit_bits.values():
            all_visits |= bit
        return {scene_id: ~(all_visits & ~mask) for scene_id, mask in entered.items()}

    def _scene_pass(self, scene_id: str, masks: dict[str, list[int]]) -> bool:
        ops, live = self.story.scenes[scene_id].ops, masks[scene_id]
        keep = self._keep[scene_id]
        grew = False
        while True:
            changed = False
            for pc in range(len(ops) - 1, -1, -1):
                op = ops[pc]
                kind = type(op)
                if kind is JumpOp:
                    new = live[op.target]
                elif kind is JumpUnlessOp:
                    new = self._reads(op.condition) | live[pc + 1] | live[op.target]
                elif kind is GotoOp:
                    new = masks[op.scene][0] if op.scene in masks else 0
                elif kind is MenuOp:
                    new = 0
                    for option in op.options:
                        new |= (self._reads(option.shown_if) | self._reads(option.enabled_if)
                                | self._through(option.effects, live[option.target]))
                elif kind is EffectsOp:
                    new = self._through(op.changes, live[pc + 1])
                elif kind is EndingOp:
                    new = self._ending_reads if op.ending is None else 0
                elif kind is FallOffOp:
                    new = 0
                else:  # a line, a stage command or a scene's entry (its visit count is read only by conditions)
                    new = live[pc + 1]
                new &= keep
                if new != live[pc]:
                    live[pc] = new
                    changed = grew = True
            # the compiler's jumps all go forward, so one backward pass settles a scene; one back would need more
            if not changed or not _jumps_back(ops):
                return grew


@lru_cache(maxsize=None)
def _jumps_back(ops: tuple) -> bool:
    for pc, op in enumerate(ops):
        targets = ([o.target for o in op.options] if isinstance(op, MenuOp)
                   else [op.target] if isinstance(op, (JumpOp, JumpUnlessOp)) else [])
        if any(t <= pc for t in targets):
            return True
    return False
