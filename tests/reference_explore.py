"""The explorer before states were abstracted: the reference the abstract explorer is proved against.

It plays every path with the Runner itself (one per branch, the State copied at each menu), merging two states
only when their meters, all their flags and the visit counts conditions read are all equal, so it shares no code
with game/story/walk.py, segments.py or liveness.py. Slow on big stories: for tests on small ones and the game's."""
from __future__ import annotations

from collections import deque
from typing import Optional

from game.story import conditions
from game.story.events import End, Menu, SceneStart
from game.story.explore import MAX_STATES, Exploration, _choices, _conditions, pasts  # the same helpers
from game.story.loader import scene_graph
from game.story.model import Story
from game.story.problems import StoryError
from game.story.runner import Runner
from game.story.state import State

Trail = Optional[tuple[int, "Trail"]]


def _watched_visits(exprs: list[conditions.Expr]) -> tuple[str, ...]:
    """Scenes whose visit counts some condition reads; only those make two states differ."""
    return tuple(sorted(set().union(*(conditions.visited_scenes(e) for e in exprs))))


def concrete_explore(story: Story, route: str | None = None, max_states: int = MAX_STATES) -> Exploration:
    """The explorer as it was: a Runner per branch, a State copied at every menu, states merged only when
    meters, flags and the visits conditions read are all equal."""
    routes = [story.routes[route]] if route else list(story.routes.values())
    exprs = _conditions(story)
    watched = _watched_visits(exprs)
    report = Exploration(max_states=max_states)
    for ending in story.endings.values():
        if route is None or ending.route == route:
            report.endings[ending.id] = {"route": ending.route, "title": ending.title,
                                         "reachable": False, "path": None}
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
