"""The story as a game: each route long enough, with enough choices and endings, and no strategy that wins everywhere.

Everything here plays the real story with the game's own Runner and play() (game/story/playthrough.py); nothing
re-implements the rules of the scene format. That explore finds every ending with no dead end and no unreached
scene is tested in tests/test_cli.py (test_explore_json_reaches_every_ending).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.story import Runner, load_story
from game.story import conditions
from game.story.events import Menu
from game.story.model import EndingOp, MenuOp, StageOp
from game.story.playthrough import Playthrough, play
from game.story.state import State
from game.story.stats import story_stats

ROUTES = ("vineyard", "provence", "paris")
BEST = {  # each route's best ending: the one a strategy must not win on more than one route
    "vineyard": "vineyard.everything",
    "provence": "provence.peace",
    "paris": "paris.together",
}
MIN_MENUS = 8
PLAYTHROUGHS = Path(__file__).parent / "playthroughs"


@pytest.fixture(scope="module")
def story():
    return load_story()


def route_scenes(story, route: str):
    return [scene for scene_id, scene in story.scenes.items() if scene_id.startswith(route + ".")]


def meters_read(story, ending) -> set[str]:
    return conditions.names(conditions.parse(ending.when.text)) & set(story.meters) if ending.when else set()


# ----- walking the story with the game's runner -----

def first_menu(story, route: str) -> Playthrough:
    result = play(story, Runner.new(story, route), [])
    assert result.stopped == "menu", f"{route} ends before its first menu"
    return result


def answer(story, state: State, number: int) -> Playthrough:
    """From a state waiting at a menu, pick option `number` (from 1, as shown) and play on to the next menu."""
    return play(story, Runner(story, state.copy()), [number])


def available(menu: Menu) -> list[int]:
    return [i for i, option in enumerate(menu.options, 1) if option.available]


def state_key(state: State) -> tuple:
    return (state.scene, state.pc, tuple(sorted(state.meters.items())),
            tuple(sorted(k for k, v in state.flags.items() if v)), tuple(sorted(state.visits.items())))


def endings_from(story, result: Playthrough, wanted) -> set[str]:
    """Endings reachable from where `result` stopped, depth first, until wanted(found) holds or all are found."""
    found: set[str] = set()
    done: set[tuple] = set()
    stack = [result]
    while stack and not wanted(found):
        here = stack.pop()
        if here.stopped == "ending":
            found.add(here.ending)
            continue
        state = here.runner.state
        if state_key(state) in done:
            continue
        done.add(state_key(state))
        stack += [answer(story, state, n) for n in available(here.events[-1])]
    return found


# ----- size -----

def test_each_route_is_long_enough_with_menus_and_endings(story) -> None:
    stats = story_stats(story)
    for route in ROUTES:
        assert stats["routes"][route]["words"] >= 4000, route
        assert stats["routes"][route]["menus"] >= MIN_MENUS, route
        assert len(story.endings_of(route)) >= 3, route
    assert sum(stats["routes"][r]["words"] for r in ROUTES) >= 12000


@pytest.mark.parametrize("route", ROUTES)
def test_every_complete_path_passes_at_least_eight_menus(story, route) -> None:
    """Every way of answering the first seven menus still leaves the player at a menu: no path ends sooner."""
    frontier = [first_menu(story, route)]
    for depth in range(1, MIN_MENUS):  # the menu waiting in each frontier entry is the depth-th of its path
        following = []
        for here in frontier:
            for number in available(here.events[-1]):
                after = answer(story, here.runner.state, number)
                assert after.stopped == "menu", (f"{route}: a path reaches {after.ending} after only {depth} "
                                                 f"menus (its last choice: {number} at {here.events[-1].id})")
                following.append(after)
        frontier = following
    assert frontier


# ----- endings -----

def test_best_endings_are_the_best_the_manifest_offers(story) -> None:
    """Exposure (danger) outranks everything, so it has the highest priority; the best ending is the next one."""
    for route, best in BEST.items():
        assert story.endings[best].route == route
        happy = [e for e in story.endings_of(route) if "danger" not in meters_read(story, e)]
        assert max(happy, key=lambda e: e.priority).id == best, route


@pytest.mark.parametrize("route", ROUTES)
def test_at_least_three_endings_are_decided_by_the_meters(story, route) -> None:
    decided = [e.id for e in story.endings_of(route) if meters_read(story, e)]
    assert len(decided) >= 3, f"{route}: only {decided} read a meter"


@pytest.mark.parametrize("route", ROUTES)
def test_endings_are_earned_never_named_by_a_menu(story, route) -> None:
    """Every route ends with 'ending: best': the meters and flags pick the ending, never an option."""
    named = [(scene.id, op.ending) for scene in route_scenes(story, route) for op in scene.ops
             if isinstance(op, EndingOp) and op.ending is not None]
    assert named == [], f"{route} names its endings directly: {named}"
    assert any(isinstance(op, EndingOp) for scene in route_scenes(story, route) for op in scene.ops)


@pytest.mark.parametrize("route", ROUTES)
def test_the_first_menu_does_not_settle_the_ending(story, route) -> None:
    """Whatever the player answers first, the best ending and at least one other are still to be earned."""
    start = first_menu(story, route)
    for number in available(start.events[-1]):
        after = answer(story, start.runner.state, number)
        reachable = endings_from(story, after, lambda found: len(found) >= 2 and BEST[route] in found)
        assert len(reachable) >= 2 and BEST[route] in reachable, (
            f"{route}: after option {number} of the first menu only {reachable} can still be reached")


def test_every_ending_has_a_playthrough_file(story) -> None:
    plans = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(PLAYTHROUGHS.glob("*.yaml"))]
    for route in ROUTES:
        covered = {plan["ending"] for plan in plans if plan.get("route") == route}
        missing = {e.id for e in story.endings_of(route)} - covered
        assert not missing, f"{route}: endings without a playthrough under tests/playthroughs/: {missing}"


# ----- strategies -----

def strategy(tag: str | None):
    """Answer each menu with the first available option carrying the tag (or the first available one)."""
    def pick(menu: Menu) -> int:
        options = available(menu)
        tagged = [i for i in options if tag and tag in menu.options[i - 1].tags]
        return (tagged or options)[0]
    return pick


def play_with(story, route: str, pick) -> str:
    here = first_menu(story, route)
    for _ in range(200):
        here = answer(story, here.runner.state, pick(here.events[-1]))
        if here.stopped == "ending":
            return here.ending
    raise AssertionError(f"{route}: no ending after 200 choices")


STRATEGIES = [("always the first option", None), ("always the truth", "truth"), ("always a lie", "lie")]


@pytest.mark.parametrize("name, tag", STRATEGIES)
def test_no_single_strategy_wins_more_than_one_route(story, name, tag) -> None:
    endings = {route: play_with(story, route, strategy(tag)) for route in ROUTES}
    wins = [route for route, ending in endings.items() if ending == BEST[route]]
    assert len(wins) <= 1, f"{name} earns the best ending on {wins}: {endings}"


def test_routes_offer_truth_and_lies(story) -> None:
    for route in ROUTES:
        tags = {tag for scene in route_scenes(story, route)
                for op in scene.ops if isinstance(op, MenuOp) for option in op.options for tag in option.tags}
        assert {"truth", "lie"} <= tags, route


@pytest.mark.parametrize("route", ROUTES)
def test_the_truth_costs_and_a_lie_keeps_her_away(story, route) -> None:
    """The trade-off in the meters: a truth never lowers danger, a lie never raises trust."""
    for scene in route_scenes(story, route):
        for op in scene.ops:
            if not isinstance(op, MenuOp):
                continue
            for option in op.options:
                moves = {c.name: c.value for c in option.effects if c.kind == "add"}
                if "truth" in option.tags:
                    assert moves.get("danger", 0) >= 0 and moves.get("trust", 0) >= 0, (op.menu_id, option.text)
                if "lie" in option.tags:
                    assert moves.get("trust", 0) <= 0, (op.menu_id, option.text)


# ----- what the scenes name exists -----

@pytest.mark.parametrize("route", ROUTES)
def test_the_backgrounds_and_characters_each_scene_names_exist(story, route) -> None:
    for scene in route_scenes(story, route):
        for op in scene.ops:
            if isinstance(op, StageOp) and op.kind in ("scene", "background"):
                assert f"backgrounds/{op.name}" in story.assets, (scene.id, op.name)
            elif isinstance(op, StageOp) and op.kind == "show":
                character = story.characters[op.name]
                assert character.sprites, (scene.id, op.name)
                assert op.expression is None or op.expression in character.expressions, (scene.id, op.expression)
