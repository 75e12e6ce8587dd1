"""Walks every path through a story, merging identical states, to find endings, dead ends and unreached scenes."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from . import conditions
from .events import End, Menu, SceneStart
from .loader import scene_graph
from .model import JumpUnlessOp, MenuOp, Story
from .problems import StoryError
from .runner import Runner
from .state import State

MAX_STATES = 250_000


@dataclass
class Exploration:
    endings: dict[str, dict[str, Any]] = field(default_factory=dict)
    dead_ends: list[dict[str, Any]] = field(default_factory=list)
    unreached_scenes: list[str] = field(default_factory=list)
    states: int = 0
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return (all(e["reachable"] for e in self.endings.values()) and not self.dead_ends
                and not self.unreached_scenes and not self.truncated)

    def to_json(self) -> dict[str, Any]:
        return {"endings": self.endings, "dead_ends": self.dead_ends,
                "unreached_scenes": self.unreached_scenes, "states": self.states, "truncated": self.truncated}


def _watched_visits(story: Story) -> tuple[str, ...]:
    """Scenes whose visit counts some condition reads; only those make two states differ."""
    texts = [e.when.text for e in story.endings.values() if e.when]
    for scene in story.scenes.values():
        for op in scene.ops:
            if isinstance(op, JumpUnlessOp):
                texts.append(op.condition.text)
            elif isinstance(op, MenuOp):
                texts += [c.text for o in op.options for c in (o.shown_if, o.enabled_if) if c]
    watched: set[str] = set()
    for text in texts:
        watched |= conditions.visited_scenes(conditions.parse(text))
    return tuple(sorted(watched))


def explore(story: Story, route: str | None = None, max_states: int = MAX_STATES) -> Exploration:
    routes = [story.routes[route]] if route else list(story.routes.values())
    watched = _watched_visits(story)
    report = Exploration()
    for ending in story.endings.values():
        if route is None or ending.route == route:
            report.endings[ending.id] = {"route": ending.route, "title": ending.title,
                                         "reachable": False, "path": None}
    reached_scenes: set[str] = set()
    merged: set[tuple] = set()

    def key(state: State) -> tuple:
        return (state.route, state.scene, state.pc, tuple(sorted(state.meters.items())),
                tuple(sorted(k for k, v in state.flags.items() if v)),
                tuple(state.visits.get(s, 0) for s in watched))

    for r in routes:
        queue: deque[tuple[State, list[int], int | None]] = deque([(State.start(story, r.id), [], None)])
        while queue:
            state, path, choice = queue.popleft()
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
                            entry["reachable"], entry["path"] = True, path
                        break
                    elif isinstance(event, Menu):
                        k = key(runner.state)
                        if k in merged:
                            break
                        if len(merged) >= max_states:
                            report.truncated = True
                            break
                        merged.add(k)
                        for i, option in enumerate(event.options):
                            if option.available:
                                branch = runner.state.copy()
                                branch.seen = set()
                                queue.append((branch, path + [i + 1], i))
                        break
            except StoryError as exc:
                problem = exc.problems[0] if exc.problems else None
                report.dead_ends.append({"route": r.id, "path": path,
                                         "where": str(problem.where) if problem and problem.where.path
                                         else runner.state.scene,
                                         "reason": problem.message if problem else str(exc)})
    report.states = len(merged)
    candidates = (set().union(*(scene_graph(story, r.start) for r in routes)) if route
                  else set(story.scenes))
    report.unreached_scenes = sorted(candidates - reached_scenes)
    return report

