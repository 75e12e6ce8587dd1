"""Property tests of the runner: random stories played at random end or raise a StoryError, and saves resume them."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import Changed, Runner, StoryError, load_story, read_save, write_save
from game.story.conditions import parse
from game.story.model import Meter
from game.story.playthrough import MAX_RANDOM_CHOICES, play
from game.story.problems import Where
from game.story.ranges import never_holds
from robust_helpers import MANIFEST, ROBUST_IO, assert_meters_in_range, dump, no_hang, tally, truth_expr
from robust_helpers import story_folder  # noqa: F401  (a fixture)

RUN_METERS = {"trust": (0, 10, 2), "mood": (-3, 3, 0), "laps": (0, 3, 0)}
RUN_FLAGS = ("told", "kind")
RANGES = {name: Meter(name, name, low, high, start, True, Where("")) for name, (low, high, start) in RUN_METERS.items()}
RUN_SCENES = ("start", "a", "b", "c", "finale")
RUN_ENDINGS = ("good", "bad", "special", "plain")


def run_condition(depth: int = 2) -> st.SearchStrategy[str]:
    gens = truth_expr(depth, tuple(RUN_METERS), RUN_FLAGS, RUN_SCENES, endings=RUN_ENDINGS[:3])
    return gens.map(lambda gen: " ".join(gen.tokens))


amounts = st.integers(-20, 20) | st.builds("={}".format, st.integers(-15, 15)) | st.builds("{:+d}".format,
                                                                                          st.integers(-15, 15))
# 'laps' is left out: it counts trips round the start -> a -> start loop, and bounds it.
run_effects = st.fixed_dictionaries({}, optional={"trust": amounts, "mood": amounts,
                                                  "told": st.booleans(), "kind": st.booleans()})


@st.composite
def maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy) if draw(st.booleans()) else None


def without_none(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, {})}


@st.composite
def runner_stories(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A fixed scene graph (start -> a | b | c, a -> start again, all -> finale or an ending) with
    random effects and conditions everywhere a story can have them."""
    cond, eff = run_condition(), run_effects
    meters = {name: {"min": low, "max": high, "start": start} for name, (low, high, start) in RUN_METERS.items()}
    # an ending whose condition compares a meter outside its range is a lint error: not a story to run
    may_hold = cond.filter(lambda text: never_holds(parse(text), RANGES) is None)
    endings = {name: without_none(route="r", when=draw(maybe(may_hold)), priority=draw(st.integers(-1, 2)))
               for name in RUN_ENDINGS if name != "plain" or draw(st.booleans())}
    manifest = {"title": "Runs", "characters": {"a": {"name": "Anna"}}, "meters": meters,
                "routes": {"r": {"start": "start"}}, "endings": endings}
    ending = st.sampled_from(["best", *endings])

    def effects_or(line: str) -> Any:
        changes = draw(eff)
        return {"effects": changes} if changes else line

    start = [{"effects": {"told": False, "kind": False}},  # the flags exist even when no option sets them
             effects_or("Morning."), {"if": draw(cond), "then": [{"a": "It holds."}, effects_or("Yes.")]},
             {"choice": [without_none(text="To a.", effects=draw(eff), goto="a"),
                         without_none(text="To b.", effects=draw(eff), goto="b", **{"if": draw(maybe(cond))}),
                         without_none(text="To c.", effects=draw(eff), goto="c", requires=draw(maybe(cond)))]}]
    a = [{"a": "Again?"}, effects_or("Hm."),
         {"if": draw(cond), "then": [{"goto": "finale"}]},
         {"choice": [without_none(text="Round again.", effects={"laps": 1, **draw(eff)}, goto="start",
                                  requires="laps < 3"),
                     without_none(text="On to b.", effects=draw(eff), goto="b", requires=draw(maybe(cond)))]}]
    b = [effects_or("B."),
         {"if": draw(cond), "then": [{"ending": draw(ending)}]},
         {"elif": draw(cond), "then": [{"a": "Not yet."}, {"goto": "finale"}]},
         {"else": [{"goto": "finale"}]}]
    c = [{"choice": [without_none(text=f"C{i}.", effects=draw(eff), requires=draw(maybe(cond)),
                                  then=[{"ending": draw(ending)}])
                     for i in range(draw(st.integers(1, 3)))] + [{"text": "Finale.", "goto": "finale"}]}]
    finale = [{"if": draw(cond), "then": [{"ending": "special"}]}, {"ending": "best"}]
    scenes = {f"{name}.yaml": dump({"steps": steps})
              for name, steps in zip(RUN_SCENES, (start, a, b, c, finale))}
    return dump(manifest), scenes


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories(), seeds=st.lists(st.integers(0, 2**32), min_size=1, max_size=4))
def test_random_playthroughs_end_or_raise_story_error_and_meters_stay_in_range(story_folder, files, seeds) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))  # the generated stories are all valid
    for seed in seeds:
        runner = Runner.new(story, "r")
        try:
            with no_hang():
                result = play(story, runner, seed=seed)
        except StoryError as exc:
            tally(f"play: StoryError: {exc.problems[0].message.split(' (')[0]}")
            assert exc.problems
            assert_meters_in_range(story, runner.state.meters)
            continue
        tally(f"play: ending after {min(len(result.choices), 5)}{'+' if len(result.choices) > 5 else ''} choices")
        assert result.stopped == "ending", result.choices[-5:]
        assert result.ending in story.endings and story.endings[result.ending].route == "r"
        assert len(result.choices) < MAX_RANDOM_CHOICES
        # Replay the reported changes from the start: each must begin where the last left off, in range.
        meters = {m.id: m.start for m in story.meters.values()}
        for event in result.events:
            if isinstance(event, Changed):
                for change in event.meters:
                    assert change.before == meters[change.meter] and change.before != change.after
                    meters[change.meter] = change.after
                    assert_meters_in_range(story, meters)
        assert meters == runner.state.meters
        assert_meters_in_range(story, runner.state.meters)
        again = play(story, Runner.new(story, "r"), seed=seed)  # a seed makes a playthrough repeatable
        assert (again.choices, again.ending) == (result.choices, result.ending)


def test_play_on_a_loop_of_lines_without_menus_raises_story_error(story_dir) -> None:
    """This once hung: the loop shows lines, so neither the runner's silent-op limit nor the cap on choices fired."""
    story = load_story(story_dir(MANIFEST, {"s.yaml": "steps:\n  - Tick.\n  - goto: t\n",
                                            "t.yaml": "steps:\n  - Tock.\n  - goto: s\n"}))
    with no_hang(), pytest.raises(StoryError):
        play(story, Runner.new(story, "r"), seed=1)


@settings(ROBUST_IO, max_examples=40)
@given(files=runner_stories(), seed=st.integers(0, 2**32), data=st.data())
def test_saving_at_any_menu_and_loading_plays_on_to_the_same_end(story_folder, tmp_path: Path, files, seed: int,
                                                                 data: st.DataObject) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    whole = Runner.new(story, "r")
    try:
        straight = play(story, whole, seed=seed)
    except StoryError:
        return  # a dead end: nothing to compare
    stop = data.draw(st.integers(0, len(straight.choices)), label="menus answered before saving")
    first = Runner.new(story, "r")
    play(story, first, straight.choices[:stop])
    write_save(tmp_path / "round.json", first.checkpoint)
    state, _meta = read_save(tmp_path / "round.json", story)
    rest = play(story, Runner(story, state), straight.choices[stop:])
    assert (rest.stopped, rest.ending) == ("ending", straight.ending)
    for part in ("meters", "flags", "visits", "choices", "ending"):
        assert getattr(whole.state, part) == getattr(rest.runner.state, part), part
