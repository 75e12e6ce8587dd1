"""Property tests of read_save: damaged saves raise a one-line SaveError or give a state that fits the story."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from game.story import Runner, SaveError, Story, StoryError, load_story, read_save, write_save
from game.story.playthrough import play
from robust_helpers import ASSETS, ROBUST_IO, assert_meters_in_range, json_like, mutated, no_hang, tally

SAVE_MANIFEST = """\
title: Saves
characters:
  a: {name: Anna, sprites: a}
meters:
  trust: {min: 0, max: 10, start: 2}
  mood: {min: -3, max: 3, start: 0}
routes:
  r: {start: s}
endings:
  e: {route: r}
  sad: {route: r, when: mood < 0, priority: 1}
"""
SAVE_SCENES = {
    "s.yaml": """\
background: bg
music: m
steps:
  - show: a happy at left
  - a: Hello.
  - choice:
      - text: Yes.
        effects: {trust: +3, told: true}
        then: [a happy: Good.]
      - text: No.
        effects: {mood: -1}
  - Later.
  - choice:
      - text: On.
        goto: t
      - text: Stop here.
        requires: told
        then: [ending: best]
""",
    "t.yaml": "steps:\n  - a: Goodbye.\n  - ending: best\n",
}


@dataclass
class Saves:
    story: Story
    path: Path                # where each example writes the file it reads back
    texts: dict[str, str]     # 'menu' (a save at a menu) and 'ended' -> the JSON text write_save made


@pytest.fixture
def saves(story_dir, tmp_path: Path) -> Saves:
    story = load_story(story_dir(SAVE_MANIFEST, SAVE_SCENES, ASSETS))
    texts = {}
    for name, choices in (("menu", [1]), ("ended", [2, 1])):
        runner = Runner.new(story, "r")
        play(story, runner, choices)
        write_save(tmp_path / f"{name}.json", runner.checkpoint, {"route": "r", "scene": runner.state.scene})
        texts[name] = (tmp_path / f"{name}.json").read_text(encoding="utf-8")
    return Saves(story, tmp_path / "fuzzed.json", texts)


def assert_one_line(exc: SaveError, path: Path) -> None:
    message = str(exc)
    assert "\n" not in message and "\r" not in message, repr(message)
    assert message.startswith(str(path)), message


def assert_fits(state: Any, story: Story) -> None:
    assert state.route in story.routes and state.scene in story.scenes
    assert 0 <= state.pc < len(story.scenes[state.scene].ops)
    assert state.ending is None or state.ending in story.endings
    assert_meters_in_range(story, state.meters)


def read_back(saves: Saves, data: bytes | str, loaded_ok: bool = True) -> None:
    """read_save gives a state that fits the story (and plays on) or raises a one-line SaveError."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    saves.path.write_bytes(data)
    with no_hang():
        try:
            state, meta = read_save(saves.path, saves.story)
        except SaveError as exc:
            tally("read_save: SaveError")
            assert_one_line(exc, saves.path)
            return
        tally("read_save: accepted")
        assert loaded_ok, "read_save accepted a damaged save"
        assert isinstance(meta, dict)
        assert_fits(state, saves.story)
        runner = Runner(saves.story, state)
        try:
            play(saves.story, runner, seed=0)
        except StoryError:
            pass
        assert_fits(runner.state, saves.story)


@ROBUST_IO
@given(data=st.binary() | st.text().map(str.encode) | json_like.map(json.dumps).map(str.encode))
def test_read_save_on_arbitrary_bytes_raises_save_error(saves: Saves, data: bytes) -> None:
    read_back(saves, data, loaded_ok=False)


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_on_a_truncated_save_raises_save_error(saves: Saves, which: str, data: st.DataObject) -> None:
    text = saves.texts[which]
    read_back(saves, text[:data.draw(st.integers(0, len(text) - 1), label="length")], loaded_ok=False)


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_on_a_mutated_save_raises_save_error_or_gives_a_state_that_fits(saves: Saves, which: str,
                                                                                  data: st.DataObject) -> None:
    read_back(saves, data.draw(mutated(st.just(saves.texts[which])), label="save"))


def json_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document: dict keys and list indexes, outermost first."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_paths(item, (*path, index))


def replaced(document: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return document


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_with_a_wrong_type_in_any_field_raises_save_error_or_gives_a_state_that_fits(
        saves: Saves, which: str, data: st.DataObject) -> None:
    document = json.loads(saves.texts[which])
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        path = data.draw(st.sampled_from(list(json_paths(document))), label="path")
        delete = bool(path) and data.draw(st.integers(0, 4), label="delete") == 0
        new = data.draw(json_like, label="new value")
        document = replaced(document, path, new, delete)
    read_back(saves, json.dumps(document))


@ROBUST_IO
@example(which="menu", field="route", text="a\nb")  # once quoted raw into a two-line reason
@given(which=st.sampled_from(("menu", "ended")), field=st.sampled_from(("route", "scene", "ending")),
       text=st.text())
def test_read_save_reason_is_one_line_whatever_text_the_save_holds(saves: Saves, which: str, field: str,
                                                                   text: str) -> None:
    document = json.loads(saves.texts[which])
    document["state"][field] = text
    read_back(saves, json.dumps(document))


@pytest.mark.parametrize("change", [
    # These three were once read as a set of letters, a [letter, letter] sprite and the mapping's keys.
    pytest.param({"seen": "ab"}, id="seen is a string"),
    pytest.param({"stage": {"background": None, "music": None, "ambience": None, "sprites": {"a": "xy"}}},
                 id="a sprite is a two-letter string"),
    pytest.param({"seen": {"s/1": 1}}, id="seen is a mapping"),
    {"pc": "3"}, {"meters": [1, 2]}, {"choices": [["x", "1"]]}, {"visits": {"s": True}},
])
def test_read_save_rejects_a_field_of_the_wrong_type(saves: Saves, change: dict[str, Any]) -> None:
    document = json.loads(saves.texts["menu"])
    document["state"].update(change)
    saves.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as info:
        read_save(saves.path, saves.story)
    assert_one_line(info.value, saves.path)


@pytest.mark.parametrize("text", [
    # once a ValueError: json.loads raises it (not JSONDecodeError) past Python's 4300-digit limit
    pytest.param('{"format": "under-the-same-stars/save", "version": ' + "1" * 5000 + "}", id="5000-digit number"),
    pytest.param("[" * 100_000, id="deep nesting"), pytest.param("\ufeff{}", id="byte order mark"),
    pytest.param('{"format": "under-the-same-stars/save", "version": NaN}', id="NaN version"),
])
def test_read_save_on_hostile_json_raises_save_error(saves: Saves, text: str) -> None:
    saves.path.write_text(text, encoding="utf-8")
    with no_hang(), pytest.raises(SaveError) as info:
        read_save(saves.path, saves.story)
    assert_one_line(info.value, saves.path)
