"""Walks every path through a story, merging identical states, to find endings, dead ends and unreached scenes.

Each route has a budget of distinct states at menus: past it, the walk of that route stops, and what it could
not decide (an ending not reached yet, a scene not reached yet) is reported as incomplete, never as unreachable."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Optional

from . import conditions
from .events import End, Menu, SceneStart
from .loader import scene_graph
from .model import JumpUnlessOp, MenuOp, Story
from .problems import StoryError
from .runner import Runner
from .state import State

MAX_STATES = 250_000  # per route; the game's largest route (paris) has about 150,000
Trail = Optional[tuple[int, "Trail"]]  # the choices to a state, last first: branches share what they have in common


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


def _watched_visits(exprs: list[conditions.Expr]) -> tuple[str, ...]:
    """Scenes whose visit counts some condition reads; only those make two states differ."""
    return tuple(sorted(set().union(*(conditions.visited_scenes(e) for e in exprs))))


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


def explore(story: Story, route: str | None = None, max_states: int = MAX_STATES) -> Exploration:
    """Walk every route (or one), at most max_states distinct states at menus per route."""
    routes = [story.routes[route]] if route else list(story.routes.values())
    exprs = _conditions(story)
    watched = _watched_visits(exprs)
    report = Exploration(max_states=max_states)
    for ending in story.endings.values():
        if route is None or ending.route == route:
            report.endings[ending.id] = {"route": ending.route, "title": ending.title,
                                         "reachable": False, "path": None, "where": str(ending.where)}
    reached_scenes: set[str] = set()
    merged: set[tuple] = set()

    def key(state: State) -> tuple:
        return (state.route, state.scene, state.pc, tuple(sorted(state.meters.items())),
                tuple(sorted(k for k, v in state.flags.items() if v)),
                tuple(state.visits.get(s, 0) for s in watched), state.past)

    for r in routes:
        queue: deque[tuple[State, Trail, int | None]] = deque(
            (State.start(story, r.id, past), None, None) for past in pasts(story, r.id))
        states = 0
        while queue:
            state, trail, choice = queue.popleft()
            runner = Runner(story, state)
            entered: set[tuple] = set()  # scene entries since the last menu: a repeat is a circle
            try:
                if choice is not None:
                    runner.advance()  # the menu again
                    runner.choose(choice)
                while True:
                    event = runner.advance()
                    if isinstance(event, SceneStart):
                        reached_scenes.add(event.scene)
                        k = key(runner.state)
                        if k in entered:
                            raise StoryError(f"the story goes round in a circle through scene '{event.scene}' "
                                             "with no menu or ending")
                        entered.add(k)
                    elif isinstance(event, End):
                        entry = report.endings.setdefault(event.ending, {"route": r.id, "title": event.title,
                                                                          "reachable": False, "path": None})
                        if not entry["reachable"]:
                            entry["reachable"], entry["path"] = True, _choices(trail)
                            if runner.state.past:
                                entry["ended"] = sorted(runner.state.past)
                        break
                    elif isinstance(event, Menu):
                        k = key(runner.state)
                        if k in merged:
                            break
                        if states >= max_states:  # the budget is spent: what is queued goes to its next menu
                            if r.id not in report.incomplete_routes:
                                report.incomplete_routes.append(r.id)
                            break
                        merged.add(k)
                        states += 1
                        for i, option in enumerate(event.options):
                            if option.available:
                                branch = runner.state.copy()
                                branch.seen, branch.choices = set(), ()  # not needed here, and they only grow
                                queue.append((branch, (i + 1, trail), i))
                        break
            except StoryError as exc:
                problem = exc.problems[0] if exc.problems else None
                report.dead_ends.append({"route": r.id, "path": _choices(trail), "ended": sorted(runner.state.past),
                                         "where": str(problem.where) if problem and problem.where.path
                                         else runner.state.scene,
                                         "reason": problem.message if problem else str(exc)})
    report.states = len(merged)
    for entry in report.endings.values():
        if not entry["reachable"] and entry["route"] in report.incomplete_routes:
            entry["reachable"] = None
    candidates = (set().union(*(scene_graph(story, r.start) for r in routes)) if route
                  else set(story.scenes))
    undecided = set().union(*(scene_graph(story, story.routes[r].start) for r in report.incomplete_routes))
    report.unreached_scenes = sorted(candidates - reached_scenes - undecided)
    report.undecided_scenes = sorted((candidates & undecided) - reached_scenes)
    return report
