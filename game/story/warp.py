"""Starting at a line with the state of a real path to it (the window's and shot's --at LINE_ID).

Ren'Py's --warp jumps to a line and runs none of the code before it. Here the runner plays the story from the
route's start, breadth-first over the choices of every menu, merging identical states at menus as explore
does, until the line is shown: the meters, flags, visits and stage are those of the shortest real path to it.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import PROGRAM
from .events import End, Line, Menu
from .loader import scene_graph
from .model import Story
from .playthrough import MAX_LINES_WITHOUT_MENU
from .position import line_index
from .problems import StoryError, did_you_mean
from .runner import Runner
from .state import State

MAX_STATES = 50_000   # distinct states at menus walked per route before giving up


@dataclass(frozen=True)
class Warp:
    state: State               # just before the line: a Runner made from it shows the line first
    choices: tuple[int, ...]   # the path taken, as `play --choose` takes it (from 1, as shown)
    where: str                 # file:line:col of the line


def warp(story: Story, line_id: str, route: Optional[str] = None, past: Iterable[str] = (),
         max_states: int = MAX_STATES) -> Warp:
    """The shortest path to `line_id` from the start of `route` (or of each route whose scenes hold it).

    Raises StoryError with one line: an unknown line id (with a did-you-mean), a route that does not exist or
    does not reach it, or a line no path was found to.
    """
    lines = line_index(story)
    if line_id not in lines:
        hint = did_you_mean(line_id, lines)
        raise StoryError(f"no line '{line_id}' in the story" + (f" ({hint})" if hint else
                                                                   f" (`{PROGRAM} play` prints line ids)"))
    scene, op = lines[line_id]
    where = str(op.where)
    if route is not None:
        if route not in story.routes:
            raise StoryError(f"unknown route '{route}' (the routes are: {', '.join(story.routes)})")
        if scene not in scene_graph(story, story.routes[route].start):
            raise StoryError(f"line '{line_id}' ({where}) is in scene '{scene}', which route '{route}' never reaches")
        routes = [route]
    else:
        routes = [r.id for r in story.routes.values() if scene in scene_graph(story, r.start)]
        if not routes:
            raise StoryError(f"line '{line_id}' ({where}) is in scene '{scene}', which no route reaches")
    past = frozenset(past)
    spent = []
    for rid in routes:
        found, exhausted = _search(story, line_id, State.start(story, rid, past), max_states)
        if found is not None:
            return Warp(found[0], found[1], where)
        spent.append(exhausted)
    on = f"route '{routes[0]}'" if len(routes) == 1 else "routes " + ", ".join(f"'{r}'" for r in routes)
    if all(spent):
        raise StoryError(f"line '{line_id}' ({where}) is never shown on {on}: no path from the start reaches it "
                         f"({PROGRAM} explore lists dead ends)")
    raise StoryError(f"line '{line_id}' ({where}) was not reached on {on} within {max_states:,} states at menus "
                     f"(give --route, or start from a save: {PROGRAM} play --load)")


def _key(state: State) -> tuple:
    return (state.scene, state.pc, tuple(sorted(state.meters.items())),
            tuple(sorted(k for k, v in state.flags.items() if v)), tuple(sorted(state.visits.items())))


def _search(story: Story, line_id: str, start: State,
            max_states: int) -> tuple[Optional[tuple[State, tuple[int, ...]]], bool]:
    """((state before the line, choices), _) when found; (None, True) when every path was walked, (None, False)
    when the budget ran out first."""
    queue: deque[tuple[State, tuple[int, ...], Optional[int]]] = deque([(start, (), None)])
    merged: set[tuple] = set()
    while queue:
        state, path, choice = queue.popleft()
        runner = Runner(story, state)
        try:
            if choice is not None:
                runner.advance()  # the menu again
                runner.choose(choice)
            for _ in range(MAX_LINES_WITHOUT_MENU):
                event = runner.advance()
                if isinstance(event, Line) and event.id == line_id:
                    found = runner.checkpoint.copy()
                    found.seen = set()
                    return (found, path), False
                if isinstance(event, End):
                    break
                if isinstance(event, Menu):
                    key = _key(runner.state)
                    if key in merged:
                        break
                    if len(merged) >= max_states:
                        return None, False
                    merged.add(key)
                    for i, option in enumerate(event.options):
                        if option.available:
                            branch = runner.state.copy()
                            branch.seen = set()  # only grows, and is not needed to find the way
                            queue.append((branch, path + (i + 1,), i))
                    break
        except StoryError:
            continue  # a dead end on this path (explore reports those): the others go on
    return None, True
