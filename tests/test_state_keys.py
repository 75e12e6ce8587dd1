"""States the explorer keys as one play on alike: for random stories, concrete states (played with the Runner)
at one place with one key show the same lines and options and reach the same endings and dead ends, whatever
the choices. This is what makes merging them sound (liveness.py, meter_bounds.py, statekeys.py)."""
from __future__ import annotations

from collections import deque

from hypothesis import given, settings

from game.story import End, Line, Menu, Runner, StoryError, load_story
from game.story import rules
from game.story.explore import explore, pasts
from game.story.segments import Segments
from game.story.state import State
from game.story.statekeys import StateKeys
from game.story.walk import AtMenu, Point, Walker
from reference_explore import concrete_explore
from robust_helpers import ROBUST_IO, compared_with_numbers, no_hang, runner_stories, tally
from robust_helpers import story_folder  # noqa: F401  (a fixture)
from test_explore_abstract import verdicts

STATES = 300   # concrete states at menus collected per story
DEPTH = 8      # menus answered every way when comparing two states' futures (the stories are shallow)


def states_at_menus(story, route: str) -> list[State]:
    """Concrete states at menus, breadth-first over every choice from every past, none merged."""
    out: list[State] = []
    queue = deque((State.start(story, route, past), None) for past in pasts(story, route))
    while queue and len(out) < STATES:
        state, choice = queue.popleft()
        runner = Runner(story, state)
        try:
            if choice is not None:
                runner.advance()
                runner.choose(choice)
            event = runner.advance()
            while not isinstance(event, (Menu, End)):
                event = runner.advance()
        except StoryError:
            continue
        if isinstance(event, Menu):
            out.append(runner.state.copy())
            queue.extend((runner.state.copy(), i) for i, o in enumerate(event.options) if o.available)
    return out


def future(story, state: State, depth: int) -> tuple:
    """What playing on from `state` (at a menu) shows: the menu, then for each available option the lines up to
    the next menu, ending or dead end, and so on `depth` menus deep."""
    menu = Runner(story, state.copy()).advance()
    assert isinstance(menu, Menu)
    branches = []
    for i, option in enumerate(menu.options):
        if not option.available:
            continue
        runner = Runner(story, state.copy())
        runner.advance()
        runner.choose(i)
        shown: list = []
        try:
            while True:
                event = runner.advance()
                if isinstance(event, Line):
                    shown.append(event.id)
                elif isinstance(event, End):
                    shown.append(("ending", event.ending))
                    break
                elif isinstance(event, Menu):
                    shown.append(future(story, runner.state, depth - 1) if depth > 1 else ("menu", event))
                    break
        except StoryError as exc:
            shown.append(("dead end", str(exc)))
        branches.append(tuple(shown))
    return (menu, tuple(branches))


def point(story, state: State) -> Point:
    return Point(state.route, state.scene, state.pc, dict(state.meters),
                 {flag: state.flags.get(flag, False) for flag in story.flags}, dict(state.visits), state.past)


def check_same_key_same_future(story) -> None:
    keys = StateKeys(story, "r")
    groups: dict[tuple, list[State]] = {}
    for state in states_at_menus(story, "r"):
        groups.setdefault(keys.key(point(story, state)), []).append(state)
    merged = 0
    for key, states in groups.items():
        first = future(story, states[0], DEPTH)
        for other in states[1:]:
            if (other.meters, other.flags) != (states[0].meters, states[0].flags):
                merged += 1
            assert future(story, other, DEPTH) == first, (key, states[0], other)
    tally(f"states told apart only by what the key leaves out: {'some' if merged else 'none'}")


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories(compared_with_numbers()))
def test_one_key_one_future_with_meters_compared_with_numbers(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(60):
        check_same_key_same_future(story)


@settings(ROBUST_IO, max_examples=40)
@given(files=runner_stories())
def test_one_key_one_future_with_any_conditions(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(60):
        check_same_key_same_future(story)


def check_keys_told_ahead(story, route: str = "r") -> None:
    """Each option of each state at a menu chosen twice, the second time along a walk remembered (segments.py):
    the key told then, from the state at the menu before its effects, is the key of the state it makes."""
    keys = StateKeys(story, route)
    segments = Segments(Walker(story), keys, set())
    queue, seen, told = deque(), set(), 0
    for past in pasts(story, route):
        start = Point.start(story, route, past, keys.live.flags_read)
        queue.append((start, segments.walk(start)))
    while queue and len(seen) < STATES:
        point, stop = queue.popleft()
        if type(stop) is not AtMenu or keys.key(point) in seen:
            continue
        seen.add(keys.key(point))
        keys.trim(point)
        for _, index, option in rules.choosable(stop.op.options, point.meters, point.flags, point.visits,
                                                point.past):
            for _ in range(2):
                stop, key, chosen = segments.choose(point, index, option)
                made = segments.branch(point, chosen)
                if type(stop) is AtMenu:
                    assert key == keys.key(made), (point, option, made)
                    told += not isinstance(chosen, Point)
            queue.append((made, stop))
    tally(f"keys told ahead: {'some' if told else 'none'}")


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories())
def test_a_key_told_ahead_is_the_key_of_the_state_made(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(60):
        check_keys_told_ahead(story)


def test_the_games_keys_told_ahead_are_the_keys_of_the_states_made() -> None:
    story = load_story()
    for route in story.routes:
        check_keys_told_ahead(story, route)


BOUNDED = """\
title: Bounds
characters: {}
meters:
  trust: {min: 0, max: 10, start: 2}
routes:
  r: {start: first}
endings:
  good: {route: r, when: trust >= 5}
  plain: {route: r}
"""
FIRST = ("steps:\n  - choice:\n"
         + "".join(f"      - text: Trust {n}.\n        effects: {{trust: '={n}'}}\n        goto: second\n"
                   for n in range(1, 8)))
SECOND = ("steps:\n  - choice:\n      - text: Warmly.\n        effects: {trust: +2}\n      - text: Coolly.\n"
          "      - text: Coldly.\n        effects: {trust: -2}\n  - ending: best\n")


def test_a_meter_merges_only_where_no_reading_ahead_can_tell(story_dir) -> None:
    """Ahead of the second menu: +2, nothing or -2, then 'trust >= 5'. So 0 to 2 stay below 5 whatever happens,
    7 to 10 stay at or above it, and 3 to 6 can end either way: six states there, and one at the first menu."""
    story = load_story(story_dir(BOUNDED, {"first.yaml": FIRST, "second.yaml": SECOND}))
    keys = StateKeys(story, "r")
    at = {"trust": 2}
    menu_pc = [pc for pc, op in enumerate(story.scenes["second"].ops) if type(op).__name__ == "MenuOp"][0]

    def key(trust: int) -> tuple:
        at["trust"] = trust
        return keys.key(Point("r", "second", menu_pc, dict(at), {}, {}, frozenset()))
    assert key(0) == key(1) == key(2) != key(3) and key(6) != key(7) == key(8) == key(10)
    assert len({key(n) for n in range(11)}) == 6
    assert explore(story).states == 7
    assert verdicts(explore(story)) == verdicts(concrete_explore(story))
