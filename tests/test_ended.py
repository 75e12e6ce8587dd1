"""ended(ending): a playthrough reads how the player's earlier playthroughs of other routes ended.

The records keep each route's latest ending; a new playthrough takes them as its past (State.past), which
conditions read, saves keep, explore walks through every variation of, and the CLI and playthrough files set.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.story import Runner, StoryError, load_story
from game.story.explore import explore, pasts
from game.story.playthrough import play
from game.story.state import State, check_past
from game.ui.prefs import Records

MANIFEST = """\
title: Two Routes
characters: {}
meters:
  trust: {min: 0, max: 5, start: 0}
routes:
  first: {title: First, start: first.start}
  second: {title: Second, start: second.start, after: [first]}
endings:
  first.kind: {title: Kind, route: first, when: trust >= 1}
  first.cold: {title: Cold, route: first}
  second.again: {title: Again, route: second, when: ended(first.kind)}
  second.alone: {title: Alone, route: second}
"""
FIRST = """\
steps:
  - Choose.
  - choice:
      - text: Be kind.
        effects: {trust: +1}
        then: [She smiles.]
      - text: Be cold.
        then: [She goes.]
  - ending: best
"""
SECOND = """\
steps:
  - if: ended(first.kind)
    then: [She remembers you.]
  - else: [She does not know you.]
  - ending: best
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(MANIFEST, {"first/start.yaml": FIRST, "second/start.yaml": SECOND}))


def lines(result) -> list[str]:
    return [line.text for line in result.lines()]


def test_the_past_decides_what_a_playthrough_shows_and_how_it_ends(story) -> None:
    kind = play(story, Runner.new(story, "second", ["first.kind"]), [])
    assert "She remembers you." in lines(kind) and kind.ending == "second.again"
    cold = play(story, Runner.new(story, "second", ["first.cold"]), [])
    assert "She does not know you." in lines(cold) and cold.ending == "second.alone"
    never = play(story, Runner.new(story, "second"), [])
    assert never.ending == "second.alone"


def test_endings_the_story_does_not_have_are_let_go(story) -> None:
    state = State.start(story, "second", ["first.kind", "gone.ending"])
    assert state.past == frozenset({"first.kind"})


def test_saves_keep_the_past_and_older_saves_have_none(story) -> None:
    runner = Runner.new(story, "second", ["first.kind"])
    runner.advance()
    data = json.loads(json.dumps(runner.checkpoint.to_json(story)))
    assert State.from_json(data, story).past == frozenset({"first.kind"})
    del data["past"]   # a save made before ended() existed
    assert State.from_json(data, story).past == frozenset()
    assert runner.state.copy().past == runner.state.past   # rollback keeps it


@pytest.mark.parametrize("condition, message", [
    ("ended(first.kindd)", "unknown ending 'first.kindd'"),
    ("ended(3)", "ended() takes an ending id"),
    ("ended(first.kind) + 1 > 0", "needs numbers on both sides"),
])
def test_lint_places_a_wrong_ended(story_dir, condition, message) -> None:
    broken = SECOND.replace("ended(first.kind)", condition, 1)
    with pytest.raises(StoryError) as info:
        load_story(story_dir(MANIFEST, {"first/start.yaml": FIRST, "second/start.yaml": broken}))
    problems = [str(p) for p in info.value.problems]
    assert len(problems) == 1 and message in problems[0], problems
    assert "second/start.yaml:2:" in problems[0]


def test_the_suggestion_names_the_ending_meant(story_dir) -> None:
    broken = SECOND.replace("ended(first.kind)", "ended(first.kynd)", 1)
    with pytest.raises(StoryError) as info:
        load_story(story_dir(MANIFEST, {"first/start.yaml": FIRST, "second/start.yaml": broken}))
    assert "first.kind" in info.value.problems[0].hint


def test_explore_walks_every_past_and_says_which_one_reaches_an_ending(story) -> None:
    # first must be finished before second, and both its endings are named or not: kind, or not kind
    assert sorted(map(sorted, pasts(story, "second"))) == [[], ["first.kind"]]
    report = explore(story, "second")
    assert report.ok
    assert report.endings["second.again"]["ended"] == ["first.kind"]
    assert "reached by --ended first.kind --choose" in "\n".join(report.lines())
    assert "ended" not in report.endings["second.alone"]


def test_a_route_that_need_not_be_finished_may_have_no_ending_yet(story_dir) -> None:
    manifest = (MANIFEST.replace(", after: [first]", "").replace("  first.cold: {title: Cold, route: first}\n", "")
                .replace(", when: trust >= 1", ""))
    first = "steps:\n  - Hello.\n  - ending: best\n"
    story = load_story(story_dir(manifest, {"first/start.yaml": first, "second/start.yaml": SECOND}))
    assert sorted(map(sorted, pasts(story, "second"))) == [[], ["first.kind"]]


def test_check_past_refuses_unknown_endings_and_two_of_one_route(story) -> None:
    assert check_past(story, ["first.cold"]) == frozenset({"first.cold"})
    with pytest.raises(StoryError, match="did you mean 'first.kind'"):
        check_past(story, ["first.kinf"])
    with pytest.raises(StoryError, match="both end route 'first'"):
        check_past(story, ["first.kind", "first.cold"])


# ----- the records: each route's latest ending -----

ROUTE_OF = {"first.kind": "first", "first.cold": "first", "second.again": "second", "second.alone": "second"}


def test_records_keep_each_routes_latest_ending(tmp_path) -> None:
    records = Records.load(tmp_path / "records.json")
    records.reached("first.kind", "first")
    records.reached("first.cold", "first")
    records.reached("first.kind", "first")   # played again: kind is the latest, though reached first
    assert records.ended(ROUTE_OF) == frozenset({"first.kind"})
    records.save()
    assert Records.load(tmp_path / "records.json").ended(ROUTE_OF) == frozenset({"first.kind"})


def test_records_from_before_latest_was_kept_give_the_latest_first_reached(tmp_path) -> None:
    (tmp_path / "records.json").write_text(json.dumps({"endings": ["first.kind", "second.alone", "first.cold"],
                                                       "routes_finished": ["first", "second"]}))
    assert Records.load(tmp_path / "records.json").ended(ROUTE_OF) == frozenset({"first.cold", "second.alone"})


def test_two_copies_of_the_game_keep_each_others_latest_endings(tmp_path) -> None:
    path = tmp_path / "records.json"
    one, two = Records.load(path), Records.load(path)
    one.reached("first.cold", "first")
    one.save()
    two.reached("second.again", "second")
    two.save()   # two never finished first: one's latest for it stands
    assert Records.load(path).ended(ROUTE_OF) == frozenset({"first.cold", "second.again"})
    one.reached("first.kind", "first")
    one.save()   # one finished first again, after two wrote: its own latest wins
    assert Records.load(path).last == {"first": "first.kind", "second": "second.again"}


def test_a_damaged_latest_field_is_ignored_not_trusted(tmp_path) -> None:
    (tmp_path / "records.json").write_text(json.dumps({"endings": ["first.kind"], "routes_finished": ["first"],
                                                       "last": {"first": 7, "second": "first.cold"}}))
    # 7 is not an ending, and first.cold is not an ending of route second: the list of endings decides
    assert Records.load(tmp_path / "records.json").ended(ROUTE_OF) == frozenset({"first.kind"})
    (tmp_path / "records.json").write_text(json.dumps({"endings": ["first.kind"], "last": ["first.cold"]}))
    assert Records.load(tmp_path / "records.json").ended(ROUTE_OF) == frozenset({"first.kind"})


def test_the_game_starts_a_route_with_the_records_past(story) -> None:
    from game.ui.app import App
    from game.ui.prefs import Settings
    records = Records()
    records.reached("first.kind", "first")
    app = App(story, Settings(), records, headless=True, audio=False)
    try:
        assert app.start_route("second").state.past == frozenset({"first.kind"})
    finally:
        app.close()


# ----- the command line -----

def test_play_takes_the_past_and_refuses_a_slip(story) -> None:
    root = str(story.root) if hasattr(story, "root") else None
    assert root is not None
    run = [sys.executable, "-m", "game", "--story", root, "play", "--route", "second"]
    good = subprocess.run(run + ["--ended", "first.kind"], capture_output=True, text=True, timeout=60)
    assert good.returncode == 0 and "She remembers you." in good.stdout, good.stderr
    bad = subprocess.run(run + ["--ended", "first.kynd"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "unknown ending 'first.kynd'" in bad.stderr and "first.kind" in bad.stderr
    assert "Traceback" not in bad.stderr
