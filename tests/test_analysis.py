"""`python -m game analyze`: each figure of the analysis on a story pack worked out by hand (tests/analysis_pack.py),
the ranges checked against the Runner's own play on the game's story, the JSON shape and the text report."""
from __future__ import annotations

import json
import random

import pytest

from analysis_pack import MANIFEST, SCENES
from game.cli import main
from game.story import Runner, load_story
from game.story.analysis import analyze
from game.story.events import End, Menu, SceneStart


@pytest.fixture
def pack(story_dir):
    return load_story(story_dir(MANIFEST, SCENES))


@pytest.fixture
def data(pack):
    return analyze(pack, plays=2000, seed=7).to_json()


def values(ranges: dict, meter: str) -> list[int]:
    return ranges[meter]["values"]


def test_meter_ranges_per_scene_and_menu_are_the_values_that_occur(data) -> None:
    main = data["routes"]["main"]
    assert values(main["scenes"]["a"], "trust") == [1]
    assert values(main["scenes"]["b"], "trust") == [0, 2]      # kind +1, cold -1
    assert values(main["scenes"]["c"], "trust") == [0, 2, 4]   # 1 is never there: a gap, not a range
    assert main["scenes"]["c"]["trust"] == {"min": 0, "max": 4, "values": [0, 2, 4]}
    assert values(main["scenes"]["c"], "danger") == [0, 1]
    assert values(main["scenes"]["c"], "spare") == [4]
    assert values(main["menus"]["b#menu1"]["meters"], "danger") == [0, 1]
    assert main["menus"]["b#menu1"]["where"].endswith("b.yaml:3")


def test_a_route_after_others_is_walked_from_each_past_and_says_so(data) -> None:
    coda = data["routes"]["coda"]
    assert sorted(coda["pasts"]) == [[], ["good"]]
    assert values(coda["scenes"]["coda_end"], "trust") == [1, 4]  # +3 only after ended(good)
    assert coda["random"]["endings"] == {"cold": 1000, "warm": 1000}  # the two pasts take turns
    assert coda["endings"]["warm"]["closeness"] == 0.5


def test_flags_set_never_read_and_meters_unused_name_their_places(data) -> None:
    usage = data["usage"]
    assert usage["flags_never_read"] == ["noted"]
    assert usage["flags"]["noted"]["set"][0].endswith("b.yaml:4")
    assert usage["meters_unused"] == ["spare"]
    assert [p.rsplit("/", 1)[-1] for p in usage["meters"]["trust"]["set"]] == [
        "a.yaml:4", "a.yaml:8", "b.yaml:9", "coda.yaml:5", "s.yaml:4"]
    assert {p.rsplit("/", 1)[-1] for p in usage["meters"]["trust"]["read"]} == {
        "c.yaml:2", "story.yaml:13", "story.yaml:15", "story.yaml:17"}


def test_options_that_lead_to_the_same_states_never_matter(data) -> None:
    pairs = data["routes"]["main"]["never_matter"]
    # Nod sets a flag nothing reads: it and Smile lead to one state; Be kind again raises trust
    assert [(p["menu"], p["options"], p["texts"]) for p in pairs] == [("b#menu1", [1, 2], ["Nod.", "Smile."])]
    assert data["routes"]["second"]["never_matter"] == []


def test_a_strategy_winning_two_routes_is_dominant(data) -> None:
    dominant = {d["strategy"]: d["routes"] for d in data["dominant"]}
    assert dominant["always tag truth"] == ["main", "second"]
    assert dominant["greedy trust"] == ["main", "second"]
    assert "always option 1" not in dominant  # it wins the second route only
    main = data["routes"]["main"]
    assert main["best"] == ["good"]  # found reads danger, declared `higher: worse`: nobody's goal
    assert main["policies"]["always tag lie"] == {"plain": 1}
    assert main["policies"]["greedy danger"] == {"plain": 1}  # keeps danger low, so never reaches found


def test_ending_closeness_is_the_share_of_arrivals_its_condition_holds_for(data) -> None:
    endings = data["routes"]["main"]["endings"]
    # four distinct arrivals (trust, danger): (2,0) (4,0) (0,1) (2,1); the flag noted is read by no ending
    assert endings["good"]["closeness"] == 0.25
    assert endings["found"]["closeness"] == 0.0 and endings["found"]["reachable"] is False
    assert endings["plain"]["closeness"] == 1.0
    assert data["routes"]["second"]["endings"]["s_good"]["closeness"] == 0.5


def test_random_play_reaches_endings_as_often_as_chance_says(pack) -> None:
    first, again = analyze(pack, plays=2000, seed=7), analyze(pack, plays=2000, seed=7)
    main = first.routes["main"].random
    assert main == again.routes["main"].random  # seeded: the same plays
    assert sum(main["endings"].values()) == 2000 and main["stuck"] == 0
    assert abs(main["endings"]["good"] / 2000 - 1 / 6) < 0.03  # kind (1/2), then kind again (1/3)
    assert analyze(pack, plays=2000, seed=8).routes["main"].random != main


def test_lines_no_path_shows_are_told_apart_from_lines_random_play_missed(pack) -> None:
    cover = analyze(pack, plays=50).to_json()["coverage"]
    assert cover["lines"] == 8
    assert [(line["where"].rsplit("/", 1)[-1], line["text"]) for line in cover["unreachable"]] == [
        ("c.yaml:4", "A line nobody sees.")]
    assert cover["missed"] == []
    assert analyze(pack, plays=0).to_json()["coverage"]["missed"]  # no play: every reachable line is missed


def test_one_route_only(pack) -> None:
    data = analyze(pack, "second", plays=10).to_json()
    assert list(data["routes"]) == ["second"] and data["route"] == "second"
    assert data["coverage"]["lines"] == 2 and data["dominant"] == []


def test_the_json_shape(data) -> None:
    assert set(data) == {"title", "route", "plays", "seed", "seconds", "routes", "usage", "dominant", "coverage"}
    route = data["routes"]["main"]
    assert set(route) == {"title", "pasts", "states", "truncated", "scenes", "menus", "endings", "best",
                          "never_matter", "policies", "random", "dead_ends"}
    assert set(route["endings"]["good"]) == {"title", "priority", "where", "when", "reachable", "random",
                                             "closeness"}
    assert set(data["usage"]) == {"meters", "flags", "flags_never_read", "flags_never_set", "meters_unused",
                                  "meters_never_read"}
    assert json.loads(json.dumps(data)) == data


def test_the_command_prints_the_report_and_json(pack, capsys) -> None:
    assert main(["analyze", "--story", pack.root, "--plays", "100"]) == 0
    text = capsys.readouterr().out
    assert "== Route main (Main): 3 states at menus" in text
    assert "b.yaml:3: options 1 and 2 of menu b#menu1 never matter" in text
    assert "b.yaml:4: flag 'noted' is set but never read (read it in an 'if:' or 'when:', or remove the effect)" in text
    assert "story.yaml:6: meter 'spare' is declared but nothing sets or reads it" in text
    assert "'always tag truth' reaches s_good on route second" in text
    assert "c.yaml:4: A line nobody sees." in text
    assert "walked from each of 2 pasts" in text
    assert main(["analyze", "--story", pack.root, "--plays", "100", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["routes"]["main"]["states"] == 3
    assert main(["analyze", "--story", pack.root, "--route", "nope"]) == 2
    assert "unknown route 'nope'" in capsys.readouterr().err


def test_the_games_ranges_hold_every_value_the_runner_meets() -> None:
    """Seeded random plays with the Runner itself: each meter on entering each scene and at each menu is among the
    values the analysis lists there, and each ending reached is one the analysis found reachable."""
    story = load_story()
    result = analyze(story, plays=0)
    assert not any(r.truncated for r in result.routes.values())
    die = random.Random(3)
    for route in ("vineyard", "provence", "paris"):
        scenes, menus = result.routes[route].scenes, result.routes[route].menus
        endings = result.routes[route].endings
        for _ in range(15):
            runner = Runner.new(story, route)
            while True:
                event = runner.advance()
                if isinstance(event, End):
                    assert endings[event.ending]["reachable"]
                    break
                if isinstance(event, SceneStart):
                    for meter, value in runner.state.meters.items():
                        assert value in scenes[event.scene][meter], (event.scene, meter, value)
                if isinstance(event, Menu):
                    for meter, value in runner.state.meters.items():
                        assert value in menus[event.id]["meters"][meter], (event.id, meter, value)
                    runner.choose(die.choice([i for i, o in enumerate(event.options) if o.available]))
