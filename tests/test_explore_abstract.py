"""The abstract explorer (live values only, walks remembered) finds exactly what the Runner-based one finds:
the same reachable endings, dead ends and unreached scenes, on the game's story and on random small stories;
and every path it reports plays, with the Runner, to what it says."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from game.story import Runner, StoryError, load_story
from game.story.explore import Exploration, explore
from game.story.playthrough import play
from reference_explore import concrete_explore
from robust_helpers import MANIFEST, ROBUST_IO, compared_with_numbers, no_hang, runner_stories, tally
from robust_helpers import story_folder  # noqa: F401  (a fixture)


def verdicts(report: Exploration) -> dict[str, Any]:
    """What an exploration decides, leaving out which of several equal paths it names."""
    return {"endings": {e: (entry["route"], entry["reachable"]) for e, entry in report.endings.items()},
            "dead ends": sorted({(d["route"], d["where"], d["reason"]) for d in report.dead_ends}),
            "unreached": report.unreached_scenes, "undecided": report.undecided_scenes,
            "incomplete": report.incomplete_routes, "status": report.status}


def assert_paths_play_out(story, report: Exploration) -> None:
    """Each ending's path, after its past, ends there; each dead end's path stops with its reason."""
    for ending, entry in report.endings.items():
        if entry["reachable"]:
            result = play(story, Runner.new(story, entry["route"], entry.get("ended", [])), entry["path"])
            assert (result.stopped, result.ending) == ("ending", ending), (ending, entry)
    for dead in report.dead_ends:
        if "circle" in dead["reason"]:
            continue  # the Runner alone would go round for ever: the explorer is what notices
        with pytest.raises(StoryError) as info:
            with no_hang(10):
                play(story, Runner.new(story, dead["route"], dead["ended"]), dead["path"])
        assert info.value.problems[0].message == dead["reason"], dead


def test_the_games_story_explores_alike_both_ways() -> None:
    story = load_story()
    abstract, concrete = explore(story), concrete_explore(story)
    assert verdicts(abstract) == verdicts(concrete)
    assert abstract.ok and all(entry["reachable"] for entry in abstract.endings.values())
    # merging states nothing reads only ever lowers the count (122,770 states at menus before)
    assert 0 < abstract.states < concrete.states
    assert_paths_play_out(story, abstract)


@settings(ROBUST_IO, max_examples=120)
@given(files=runner_stories())
def test_random_stories_explore_alike_both_ways(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(30):
        abstract, concrete = explore(story), concrete_explore(story)
    tally(f"explore: {abstract.status}, {len(abstract.dead_ends) and 'dead ends' or 'no dead end'}")
    assert verdicts(abstract) == verdicts(concrete)
    assert abstract.states <= concrete.states
    assert_paths_play_out(story, abstract)


@settings(ROBUST_IO, max_examples=120)
@given(files=runner_stories(compared_with_numbers()))
def test_stories_whose_meters_are_only_compared_with_numbers_explore_alike_both_ways(story_folder, files) -> None:
    """Where meter_bounds.py merges meter values out of reach of every comparison ahead."""
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    with no_hang(30):
        abstract, concrete = explore(story), concrete_explore(story)
    tally(f"explore: {'fewer states' if abstract.states < concrete.states else 'as many states'}")
    assert verdicts(abstract) == verdicts(concrete)
    assert abstract.states <= concrete.states
    assert_paths_play_out(story, abstract)


@settings(ROBUST_IO, max_examples=40)
@given(files=runner_stories())
def test_a_small_budget_leaves_things_incomplete_never_unreachable(story_folder, files) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    whole, cut = explore(story), explore(story, max_states=2)
    for ending, entry in cut.endings.items():
        if entry["reachable"] is False:  # said only when the walk was complete
            assert not cut.incomplete_routes and whole.endings[ending]["reachable"] is False
        if entry["reachable"]:
            assert whole.endings[ending]["reachable"]
    assert set(cut.unreached_scenes) <= set(whole.unreached_scenes)


CIRCLE = {"s.yaml": "steps:\n  - choice:\n      - text: Round.\n        goto: a\n      - text: Out.\n"
                    "        then:\n          - ending: e\n",
          "a.yaml": "steps:\n  - The wheel turns.\n  - effects: {trust: +1}\n  - goto: b\n",
          "b.yaml": "steps:\n  - if: trust >= 20\n    then:\n      - ending: e\n  - goto: a\n"}


def test_a_circle_without_a_menu_is_a_dead_end_both_ways(story_dir) -> None:
    story = load_story(story_dir(MANIFEST, CIRCLE))
    abstract, concrete = explore(story), concrete_explore(story)
    assert verdicts(abstract)["endings"] == verdicts(concrete)["endings"] == {"e": ("r", True)}
    for report in (abstract, concrete):
        [dead] = report.dead_ends
        assert dead["path"] == [1] and "goes round in a circle through scene" in dead["reason"]


VISITS = {"s.yaml": "steps:\n  - choice:\n      - text: Again.\n        if: visits(s) < 4\n        goto: s\n"
                    "      - text: Stop.\n        requires: visits(s) >= 3\n        then:\n          - ending: e\n"}


def test_visits_a_condition_reads_keep_states_apart(story_dir) -> None:
    story = load_story(story_dir(MANIFEST, VISITS))
    report = explore(story)
    assert report.endings["e"] == {"route": "r", "title": report.endings["e"]["title"], "reachable": True,
                                   "path": [1, 1, 2], "where": report.endings["e"]["where"]}
    assert report.endings["e"]["where"].endswith("scenes/story.yaml:9:3")
    assert report.states == 4 and report.ok  # visits 1, 2, 3 and 4: each offers other options
    assert verdicts(report) == verdicts(concrete_explore(story))
