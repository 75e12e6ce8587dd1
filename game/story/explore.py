"""Walks every path through a story, merging states no condition can tell apart, to find endings, dead ends
and unreached scenes.

A state at a menu is keyed by what is live there (statekeys.py): the meters, flags, visit counts and earlier
endings that some later condition or ending reads (liveness.py), each meter held within the bounds past which no
comparison ahead can tell its values apart (meter_bounds.py). Each walk from an option of a menu is remembered by
the values it reads, and the key of the state it reaches is taken from the state at the menu, so that a state met
before (most are) is told without being made (segments.py); the options of each menu are worked out once per set
of values their conditions read (menus.py). Each path is a parent pointer to the path before it. Each route has a
budget of distinct states at menus: past it, the walk of that route stops, and what it could not decide (an ending
not reached yet, a scene not reached yet) is reported as incomplete, never as unreachable."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from . import conditions, rules
from .collector import collector_paused
from .loader import scene_graph
from .menus import Menus
from .model import JumpUnlessOp, MenuOp, Story
from .rules import Choices
from .segments import Segments, Walk
from .statekeys import StateKeys
from .walk import AtMenu, DeadEnd, Ended, Point, Stop, Walker

MAX_STATES = 250_000  # per route: far more than any route of the game needs once states are merged
PROGRESS_EVERY = 10_000  # distinct states between two calls of explore()'s progress callback
Trail = Optional[tuple[int, "Trail"]]  # the choices to a state, last first: branches share what they have in common
Progress = Callable[[str, int, int], None]  # (route, distinct states at its menus so far, still to expand)


@dataclass
class Exploration:
    endings: dict[str, dict[str, Any]] = field(default_factory=dict)  # "reachable": True, False or None (undecided)
    dead_ends: list[dict[str, Any]] = field(default_factory=list)
    unreached_scenes: list[str] = field(default_factory=list)
    undecided_scenes: list[str] = field(default_factory=list)  # not reached before a route's walk stopped
    incomplete_routes: list[str] = field(default_factory=list)  # routes whose walk stopped at the budget
    states: int = 0
    max_states: int = MAX_STATES

    @property
    def truncated(self) -> bool:
        return bool(self.incomplete_routes)

    @property
    def problems(self) -> bool:
        return (any(e["reachable"] is False for e in self.endings.values()) or bool(self.dead_ends)
                or bool(self.unreached_scenes))

    @property
    def ok(self) -> bool:
        return not self.problems and not self.truncated

    @property
    def status(self) -> str:
        """'problems' when it found any, else 'incomplete' when a walk stopped early, else 'ok'."""
        return "problems" if self.problems else "incomplete" if self.truncated else "ok"

    def to_json(self) -> dict[str, Any]:
        return {"endings": self.endings, "dead_ends": self.dead_ends, "unreached_scenes": self.unreached_scenes,
                "undecided_scenes": self.undecided_scenes, "incomplete_routes": self.incomplete_routes,
                "states": self.states, "truncated": self.truncated, "status": self.status}

    def lines(self) -> list[str]:
        """The report as `python -m game explore` prints it."""
        out = []
        for ending_id, entry in self.endings.items():
            if entry["reachable"]:
                path = ",".join(map(str, entry["path"])) or "(no choices)"
                out.append(f"ending {ending_id} ({entry['route']}): reached by {_ended(entry)}--choose {path}")
            elif entry["reachable"] is None:
                out.append(f"ending {ending_id} ({entry['route']}): incomplete (not reached before the walk stopped)")
            else:
                out.append(f"ending {ending_id} ({entry['route']}): UNREACHABLE ({entry.get('where', '')})")
        for dead in self.dead_ends:
            path = ",".join(map(str, dead["path"])) or "(no choices)"
            out.append(f"dead end on {dead['route']} after {_ended(dead)}--choose {path}: {dead['where']}: "
                       f"{dead['reason']}")
        out += [f"scene {scene} is never reached" for scene in self.unreached_scenes]
        out += [f"scene {scene}: incomplete (not reached before the walk stopped)" for scene in self.undecided_scenes]
        for route in self.incomplete_routes:
            out.append(f"stopped early on route {route}: over {self.max_states:,} distinct states at menus")
        verdict = {"ok": "no problems.", "problems": "problems found.", "incomplete": "incomplete."}[self.status]
        out.append(f"{self.states} distinct states at menus; {verdict}")
        return out


def _ended(entry: dict[str, Any]) -> str:
    return f"--ended {','.join(entry['ended'])} " if entry.get("ended") else ""


def _choices(trail: Trail) -> list[int]:
    out = []
    while trail is not None:
        number, trail = trail
        out.append(number)
    return out[::-1]


def _conditions(story: Story, route: str | None = None) -> list[conditions.Expr]:
    """The conditions of the whole story, or only those a playthrough of `route` can test."""
    endings = story.endings_of(route) if route else story.endings.values()
    scenes = ([story.scenes[s] for s in scene_graph(story, story.routes[route].start)] if route
              else story.scenes.values())
    texts = [e.when.text for e in endings if e.when]
    for scene in scenes:
        for op in scene.ops:
            if isinstance(op, JumpUnlessOp):
                texts.append(op.condition.text)
            elif isinstance(op, MenuOp):
                texts += [c.text for o in op.options for c in (o.shown_if, o.enabled_if) if c]
    return [conditions.parse(text) for text in texts]


def pasts(story: Story, route: str) -> list[frozenset[str]]:
    """Every record of earlier endings that ended() can tell apart, for a playthrough of `route`.

    For each route some ended() names: one of its named endings was its latest, or (when it has others, or when
    it need not be finished before `route`) none of them was. Only the named endings are kept in a past."""
    named = set().union(*(conditions.ended_endings(e) for e in _conditions(story, route)))
    out = [frozenset()]
    for other in story.routes:
        mine = [e.id for e in story.endings_of(other) if e.id in named]
        if not mine:
            continue
        options = [frozenset({e}) for e in mine]
        if len(mine) < len(story.endings_of(other)) or other not in story.routes[route].after:
            options.append(frozenset())
        out = [past | option for past in out for option in options]
    return out


def explore(story: Story, route: str | None = None, max_states: int = MAX_STATES,
            progress: Progress | None = None) -> Exploration:
    """Walk every route (or one), at most max_states distinct states at menus per route.

    progress, if given, is called every PROGRESS_EVERY distinct states and once at the end of each route."""
    routes = [story.routes[route]] if route else list(story.routes.values())
    report = Exploration(max_states=max_states)
    for ending in story.endings.values():
        if route is None or ending.route == route:
            report.endings[ending.id] = {"route": ending.route, "title": ending.title,
                                         "reachable": False, "path": None, "where": str(ending.where)}
    reached_scenes: set[str] = set()
    walker = Walker(story)
    with collector_paused():  # the walk keeps what it builds, in no cycle, to the end of each route
        for r in routes:
            report.states += _walk_route(story, walker, r.id, max_states, report, reached_scenes, progress)
    for entry in report.endings.values():
        if not entry["reachable"] and entry["route"] in report.incomplete_routes:
            entry["reachable"] = None
    candidates = (set().union(*(scene_graph(story, r.start) for r in routes)) if route
                  else set(story.scenes))
    undecided = set().union(*(scene_graph(story, story.routes[r].start) for r in report.incomplete_routes))
    report.unreached_scenes = sorted(candidates - reached_scenes - undecided)
    report.undecided_scenes = sorted((candidates & undecided) - reached_scenes)
    return report


def _walk_route(story: Story, walker: Walker, route: str, max_states: int, report: Exploration,
                reached_scenes: set[str], progress: Progress | None) -> int:
    """Breadth-first over the route's distinct states at menus; returns how many there were."""
    keys = StateKeys(story, route)
    live, key = keys.live, keys.key

    queue: deque[tuple[Point, Choices, Trail]] = deque()
    merged: set[tuple] = set()
    stuck: set[tuple] = set()  # states at a menu with nothing to choose: dead ends, not counted as states
    segments = Segments(walker, keys, reached_scenes)
    choose, branch, choosable_at = segments.choose, segments.branch, Menus(keys).choosable

    def reach(before: Point, stop: Stop, k: Optional[tuple], chosen: Union[Point, Walk], trail: Trail) -> None:
        """Where a walk from `before` stopped (Segments.choose), unless at a state met before (key k): a new state
        at a menu joins the queue (made only then), an ending or a dead end is noted."""
        if type(stop) is AtMenu:
            if len(merged) >= max_states:  # the budget is spent: what is queued still goes on to its next menu
                if route not in report.incomplete_routes:
                    report.incomplete_routes.append(route)
                return
            point = branch(before, chosen)
            choosable = choosable_at(point, stop.op)
            if not choosable:
                stuck.add(k)
                _dead_end(report, route, point, trail, DeadEnd(str(stop.op.where), rules.stuck_menu(stop.op).message))
                return
            merged.add(k)
            if progress is not None and not len(merged) % PROGRESS_EVERY:
                progress(route, len(merged), len(queue))
            queue.append((point, choosable, trail))
        elif type(stop) is Ended:
            ending = stop.ending
            entry = report.endings.get(ending.id)
            if entry is None:
                entry = report.endings[ending.id] = {"route": route, "title": ending.title, "reachable": False,
                                                     "path": None}
            if not entry["reachable"]:
                entry["reachable"], entry["path"] = True, _choices(trail)
                if before.past:
                    entry["ended"] = sorted(before.past)
        else:
            _dead_end(report, route, before, trail, stop)

    for past in pasts(story, route):
        start = Point.start(story, route, past, live.flags_read)
        stop = segments.walk(start)
        k = key(start) if type(stop) is AtMenu else None
        if k not in merged and k not in stuck:
            reach(start, stop, k, start, None)
    while queue:
        point, choosable, trail = queue.popleft()
        for number, index, option in choosable:
            stop, k, chosen = choose(point, index, option)
            if k not in merged and k not in stuck:  # most choices lead to a state met before (k is None if no menu)
                reach(point, stop, k, chosen, (number, trail))
    if progress is not None:
        progress(route, len(merged), 0)
    return len(merged)


def _dead_end(report: Exploration, route: str, point: Point, trail: Trail, stop: DeadEnd) -> None:
    report.dead_ends.append({"route": route, "path": _choices(trail), "ended": sorted(point.past),
                             "where": stop.where, "reason": stop.reason})
