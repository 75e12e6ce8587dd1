"""States as JSON: round trips, resuming where play stopped, and damaged or foreign saves refused plainly."""
from __future__ import annotations

import json
import os

import pytest

from game.story import Runner, SaveError, State, load_story, read_save, write_save
from game.story.playthrough import play
from game.story.saves import write_json_atomic


@pytest.fixture(scope="module")
def story():
    return load_story()


def test_state_round_trips_through_json(story) -> None:
    result = play(story, Runner.new(story, "vineyard"), [1, 1])
    state = result.runner.checkpoint
    again = State.from_json(json.loads(json.dumps(state.to_json())), story)
    assert again.to_json() == state.to_json()


def test_loading_a_save_replays_the_same_transcript(story, tmp_path) -> None:
    """Play straight through, and play with a save/load in the middle: the same lines and ending."""
    straight = play(story, Runner.new(story, "vineyard"), [1, 3, 2])
    first = play(story, Runner.new(story, "vineyard"), [1])
    assert first.stopped == "menu"
    write_save(tmp_path / "mid.json", first.runner.checkpoint)
    state, _meta = read_save(tmp_path / "mid.json", story)
    second = play(story, Runner(story, state), [3, 2])
    assert [l.id for l in first.lines()] + [l.id for l in second.lines()] == [l.id for l in straight.lines()]
    assert second.ending == straight.ending
    assert second.runner.state.meters == straight.runner.state.meters
    assert second.runner.state.choices == straight.runner.state.choices


def test_a_save_mid_line_shows_that_line_again(story, tmp_path) -> None:
    runner = Runner.new(story, "vineyard")
    shown = None
    while shown is None or not getattr(shown, "speaker", None):
        shown = runner.advance()
    write_save(tmp_path / "s.json", runner.checkpoint)
    state, _ = read_save(tmp_path / "s.json", story)
    resumed = Runner(story, state)
    again = resumed.advance()
    assert again.id == shown.id and again.seen_before
    assert state.stage["background"] == "vineyard_dusk" and "vitaliy" in state.stage["sprites"]


@pytest.mark.parametrize("content, reason", [
    (b"", "the file is empty"),
    (b"{\"format\": \"under-the-same-stars/save\", \"version\": 1, \"state\": {", "damaged or truncated"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not a save file"),
    (b"[1, 2, 3]", "not a save file of this game"),
    (b"{\"format\": \"under-the-same-stars/save\", \"version\": 99}", "newer version"),
    (b"{\"format\": \"under-the-same-stars/save\", \"version\": 1, \"state\": {\"format\": "
     b"\"under-the-same-stars/state\", \"version\": 1}}", "incomplete or damaged"),
])
def test_damaged_saves_are_refused_with_one_line(story, tmp_path, content, reason) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(SaveError) as info:
        read_save(path, story)
    assert reason in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith(str(path))


def test_save_for_another_story_is_refused(story, tmp_path) -> None:
    runner = Runner.new(story, "vineyard")
    data = {"format": "under-the-same-stars/save", "version": 1, "meta": {},
            "state": {**runner.state.to_json(), "scene": "paris.nowhere"}}
    (tmp_path / "x.json").write_text(json.dumps(data))
    with pytest.raises(SaveError, match="scene 'paris.nowhere', which this story does not have"):
        read_save(tmp_path / "x.json", story)


def test_a_failed_write_leaves_the_old_save_whole(tmp_path, monkeypatch) -> None:
    path = tmp_path / "slot.json"
    write_json_atomic(path, {"old": True})

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_json_atomic(path, {"new": True, "big": "x" * 100_000})
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]  # no temporary file left behind


def test_meters_out_of_range_in_a_save_are_clamped(story) -> None:
    data = Runner.new(story, "vineyard").state.to_json()
    data["meters"]["trust"] = 999
    assert State.from_json(data, story).meters["trust"] == story.meters["trust"].max
