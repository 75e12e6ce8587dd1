"""The analysis's walk (game/story/reach.py) remembers each walk between menus by the meters it reads held within
their bounds (meter_bounds.py): the graph, ranges and arrivals are exactly those of remembering exact values."""
from __future__ import annotations

from hypothesis import given, settings

from game.story import load_story
from game.story.reach import RouteGraph, reach
from robust_helpers import ROBUST_IO, compared_with_numbers, no_hang, runner_stories
from robust_helpers import story_folder  # noqa: F401  (a fixture)


def same(a: RouteGraph, b: RouteGraph) -> None:
    assert a.nodes.keys() == b.nodes.keys()
    for key, node in a.nodes.items():
        assert [(e.number, e.next) for e in node.edges] == [(e.number, e.next) for e in b.nodes[key].edges]
    assert [(p, n) for p, n, _ in a.starts] == [(p, n) for p, n, _ in b.starts]
    assert a.scene_values == b.scene_values and a.menu_values == b.menu_values and a.arrivals == b.arrivals


def test_the_games_graph_is_the_same_with_walks_bounded() -> None:
    story = load_story()
    walks = {"bounded": 0, "exact": 0}
    for route in story.routes:
        bounded, exact = reach(story, route), reach(story, route, bound_walks=False)
        same(bounded, exact)
        walks["bounded"] += len(bounded.segments())
        walks["exact"] += len(exact.segments())
    assert walks["bounded"] < walks["exact"] / 2  # far fewer walks stepped: the point of bounding


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories(compared_with_numbers()))
def test_random_stories_give_the_same_graph_with_walks_bounded(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(30):
        for route in story.routes:
            same(reach(story, route), reach(story, route, bound_walks=False))
