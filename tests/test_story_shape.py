"""The story as a game: each route long enough, with enough choices and endings, and no strategy that wins everywhere."""
from __future__ import annotations

import pytest

from game.story import Runner, load_story
from game.story.events import Menu
from game.story.playthrough import play
from game.story.stats import story_stats

ROUTES = ("vineyard", "provence", "paris")
BEST = {  # each route's best ending: the one a strategy must not win on more than one route
    "vineyard": "vineyard.everything",
    "provence": "provence.peace",
    "paris": "paris.together",
}


@pytest.fixture(scope="module")
def story():
    return load_story()


def test_each_route_is_long_enough_with_menus_and_endings(story) -> None:
    stats = story_stats(story)
    for route in ROUTES:
        assert stats["routes"][route]["words"] >= 4000, route
        assert stats["routes"][route]["menus"] >= 8, route
        assert len(story.endings_of(route)) >= 3, route
    assert sum(stats["routes"][r]["words"] for r in ROUTES) >= 12000


def test_best_endings_exist(story) -> None:
    for route, ending in BEST.items():
        assert story.endings[ending].route == route


def strategy(tag: str | None):
    """Answer each menu with the first available option carrying the tag (or the first available one)."""
    def pick(menu: Menu) -> int:
        available = [i for i, o in enumerate(menu.options, 1) if o.available]
        tagged = [i for i in available if tag and tag in menu.options[i - 1].tags]
        return (tagged or available)[0]
    return pick


def play_with(story, route: str, pick) -> str:
    choices: list[int] = []
    for _ in range(200):
        result = play(story, Runner.new(story, route), choices)
        if result.stopped == "ending":
            return result.ending
        menu = result.events[-1]
        choices.append(pick(menu))
    raise AssertionError(f"{route}: no ending after 200 choices")


@pytest.mark.parametrize("name, tag", [("always the first option", None), ("always the truth", "truth"),
                                       ("always a lie", "lie")])
def test_no_single_strategy_wins_more_than_one_route(story, name, tag) -> None:
    endings = {route: play_with(story, route, strategy(tag)) for route in ROUTES}
    wins = [route for route, ending in endings.items() if ending == BEST[route]]
    assert len(wins) <= 1, f"{name} earns the best ending on {wins}: {endings}"


def test_routes_offer_truth_and_lies(story) -> None:
    for route in ROUTES:
        tags = {tag for scene_id, scene in story.scenes.items() if scene_id.startswith(route + ".")
                for op in scene.ops for option in getattr(op, "options", ()) for tag in option.tags}
        assert {"truth", "lie"} <= tags, route
