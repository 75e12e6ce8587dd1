"""Every concrete state one route can reach at its menus, as a graph: the analysis's (game analyze) exhaustive walk.

Unlike the explorer's keys (statekeys.py), which hold a meter only within the bounds past which its value can
change nothing, a state here keeps every meter's exact value, so the ranges read off it are the values that
really occur. It still drops what no later condition reads (liveness.py): a flag or a visit count nobody reads
again, which cannot change what happens next or any meter's value. Each walk between two menus is stepped by the
explorer's Walker (walk.py) and remembered by the values it reads, as segments.py does, so each is stepped once."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Union

from . import rules
from .explore import pasts
from .liveness import Live, Liveness
from .meter_bounds import MeterBounds
from .model import (EffectsOp, EndingOp, EnterOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp, OptionSpec,
                    SayOp, Story)
from .keyparts import Shared, getter, keyer
from .walk import AtMenu, DeadEnd, Ended, Point, Walker

MAX_STATES = 400_000  # per route: the game's largest route has some tens of thousands
MAX_OPS_BETWEEN_MENUS = 1_000_000  # the line stepper's guard; the Walker has already found each walk's end
_STEP: Any = object()  # a place whose walks are always stepped through: one of them went round a circle


@dataclass(frozen=True, slots=True)
class EndingReached:
    ending: str


@dataclass(frozen=True, slots=True)
class Stuck:
    where: str
    reason: str


Next = Union[tuple, EndingReached, Stuck]  # a state's key, an ending, or a dead end


@dataclass(slots=True)
class Edge:
    number: int          # as shown to the player, from 1
    index: int           # the option's place in the menu as written, from 0
    option: OptionSpec
    next: Next
    segment: Hashable    # the walk it takes, for the lines it shows


@dataclass(slots=True)
class Node:
    menu: MenuOp
    meters: tuple[int, ...]
    edges: list[Edge]


@dataclass
class RouteGraph:
    """One route's states at menus and the ways between them, with what the analysis reads off the walk."""
    route: str
    meter_names: tuple[str, ...]
    nodes: dict[tuple, Node] = field(default_factory=dict)
    starts: list[tuple[frozenset[str], Next, Hashable]] = field(default_factory=list)  # (past, first stop, walk)
    scene_values: dict[str, set[tuple[int, ...]]] = field(default_factory=dict)  # meters on entering each scene
    menu_values: dict[str, set[tuple[int, ...]]] = field(default_factory=dict)   # meters at each menu, by id
    # (meters, flags true, visits, past) at each `ending: best`, of what is live there (what its endings read)
    arrivals: set[tuple] = field(default_factory=set)
    truncated: bool = False
    _points: dict[Hashable, Point] = field(default_factory=dict, repr=False)  # a point that starts each walk
    _lines: dict[Hashable, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def lines_of(self, story: Story, segment: Hashable, watched: frozenset[str]) -> tuple[str, ...]:
        """The ids of the lines a walk shows, in order (stepped once, when first asked)."""
        lines = self._lines.get(segment)
        if lines is None:
            lines = self._lines[segment] = shown_lines(story, self._points[segment], watched)
        return lines


    def segments(self) -> set[Hashable]:
        """Every walk the graph takes: from each start, and along each edge."""
        return {e.segment for node in self.nodes.values() for e in node.edges} | {s for _, _, s in self.starts}


def reach(story: Story, route: str, max_states: int = MAX_STATES, bound_walks: bool = True) -> RouteGraph:
    """Every state of `route` at its menus, from each past explore.pasts() tells apart.

    bound_walks: remember each walk by the meters it reads held within their bounds (else by their exact values,
    which steps more walks to the same graph: the tests compare the two)."""
    live = Liveness(story, route)
    bounds = MeterBounds(story, live)  # a walk is remembered by the values it reads, each held within its bounds:
    # values past a bound read alike in every comparison ahead (meter_bounds.py), so a walk from them goes alike
    names = tuple(story.meters)
    graph = RouteGraph(route, names)
    walker, watched = Walker(story), live.watched_visits
    reads: dict[tuple[str, int], Callable[[Point], tuple]] = {}
    done: dict[tuple, tuple] = {}
    places: dict[tuple[str, int], tuple] = {}
    counted = [0]

    all_meters, shared = getter(names), Shared(story.meters)

    def key_of(point: Point) -> tuple:
        place = (point.scene, point.pc)
        parts = places.get(place)
        if parts is None:
            at = live.at(*place)
            parts = places[place] = (keyer(place, Live(names, at.flags, at.visits, at.ended), shared=shared), at)
        return parts[0](point)

    def walk(point: Point) -> tuple[object, Hashable]:
        """The point run on to its next stop; the walk's identity (what it reads from where it starts)."""
        place = (point.scene, point.pc)
        read = reads.get(place)
        if read is None:
            r = live.read_before_menu(*place)
            limits = tuple(bounds.bounds(*place, n) for n in r.meters) if bound_walks else ()
            read = reads[place] = keyer(place, r, limits, shared=shared)
        segment: Hashable
        if read is _STEP:
            counted[0] += 1
            segment = ("step", counted[0])
        else:
            segment = read(point)
        memo = done.get(segment)
        if memo is not None:
            trace, stop, point.scene, point.pc = memo
            _replay(story, graph, all_meters, point, trace, watched)
            return stop, segment
        start = Point(point.route, point.scene, point.pc, point.meters.copy(), point.flags.copy(),
                      point.visits.copy(), point.past)
        graph._points[segment] = start
        trace = _Trace(graph.scene_values, all_meters, point.meters)
        stop = walker.walk(point, watched, key_of, set(), trace)
        entered = [item for item in trace if type(item) is str]
        if len(set(entered)) < len(entered) and read is not _STEP:
            reads[place] = _STEP  # a walk that went round a circle: its reads alone do not decide its way
        elif read is not _STEP:
            done[segment] = (tuple(trace), stop, point.scene, point.pc)
        return stop, segment

    def settle(point: Point, stop: object) -> Next:
        """What a walk's stop is: a state at a menu (new ones are queued), an ending or a dead end."""
        if type(stop) is AtMenu:
            key = key_of(point)
            if key not in graph.nodes and key not in stuck:
                if len(graph.nodes) >= max_states:
                    graph.truncated = True
                    return Stuck(str(stop.op.where), "not walked: over the analysis's budget of states")
                values = all_meters(point.meters)
                graph.menu_values.setdefault(stop.op.menu_id, set()).add(values)
                m, f, v, p = point.meters, point.flags, point.visits, point.past
                choosable = rules.choosable(stop.op.options, m, f, v, p)
                if not choosable:
                    stuck[key] = Stuck(str(stop.op.where), rules.stuck_menu(stop.op).message)
                    return stuck[key]
                at = places[(point.scene, point.pc)][1]
                point.flags = {name: f[name] for name in at.flags if name in f}
                graph.nodes[key] = Node(stop.op, values, [])
                queue.append((key, point, choosable))
            return stuck.get(key, key)
        if type(stop) is Ended:
            op = story.scenes[point.scene].ops[point.pc]
            if isinstance(op, EndingOp) and op.ending is None:
                at = live.at(point.scene, point.pc)  # what the endings read: two arrivals alike there are one
                graph.arrivals.add((all_meters(point.meters), frozenset(n for n in at.flags if point.flags.get(n)),
                                    tuple((s, point.visits.get(s, 0)) for s in at.visits), point.past & at.ended))
            return EndingReached(stop.ending.id)
        assert type(stop) is DeadEnd
        return Stuck(stop.where, stop.reason)

    stuck: dict[tuple, Stuck] = {}
    queue: list = []
    for past in pasts(story, route):
        point = Point.start(story, route, past, live.flags_read)
        graph.scene_values.setdefault(point.scene, set())
        stop, segment = walk(point)
        graph.starts.append((past, settle(point, stop), segment))
    while queue:
        key, point, choosable = queue.pop()
        node = graph.nodes[key]
        for number, index, option in choosable:
            branch = point.after(story, option)
            stop, segment = walk(branch)
            node.edges.append(Edge(number, index, option, settle(branch, stop), segment))
    return graph


class _Trace(list):
    """A walk's trace (walk.py) that also notes the meters as each scene is entered: the Walker appends a scene
    when it enters it, after the effects before it and before those after, to the meters of the point it walks."""

    def __init__(self, values: dict[str, set[tuple[int, ...]]], names: Callable[[dict], tuple], meters: dict):
        super().__init__()
        self.values, self.names, self.meters = values, names, meters

    def append(self, item: object) -> None:
        if type(item) is str:
            seen = self.values.get(item)
            if seen is None:
                seen = self.values[item] = set()
            seen.add(self.names(self.meters))
        super().append(item)


def _replay(story: Story, graph: RouteGraph, names: Callable[[dict], tuple], point: Point, trace: tuple,
            watched: frozenset[str]) -> None:
    """Apply a walk's effects in order to `point`, counting the watched scenes' visits and noting the meters on
    entering each scene."""
    meters, flags, visits, values = point.meters, point.flags, point.visits, graph.scene_values
    for item in trace:
        if type(item) is str:
            seen = values.get(item)
            if seen is None:
                seen = values[item] = set()
            seen.add(names(meters))
            if item in watched:
                visits[item] = visits.get(item, 0) + 1
        else:
            rules.apply_changes(story.meters, meters, flags, item)


def shown_lines(story: Story, point: Point, watched: frozenset[str]) -> tuple[str, ...]:
    """The ids of the lines shown from `point` to its next menu, ending or dead end, by the Runner's rules."""
    scene, pc = point.scene, point.pc
    meters, flags, visits = point.meters.copy(), point.flags.copy(), point.visits.copy()
    ops, out = story.scenes[scene].ops, []
    for _ in range(MAX_OPS_BETWEEN_MENUS):
        op = ops[pc]
        kind = type(op)
        pc += 1
        if kind is SayOp:
            out.append(op.line_id)
        elif kind is EffectsOp:
            rules.apply_changes(story.meters, meters, flags, op.changes)
        elif kind is JumpOp:
            pc = op.target
        elif kind is JumpUnlessOp:
            if not op.condition.test(meters, flags, visits, point.past):
                pc = op.target
        elif kind is EnterOp:
            if scene in watched:
                visits[scene] = visits.get(scene, 0) + 1
        elif kind is GotoOp:
            scene, pc = op.scene, 0
            ops = story.scenes[scene].ops
        elif kind is MenuOp or kind is EndingOp or kind is FallOffOp:
            break
    return tuple(out)

