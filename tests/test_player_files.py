"""The player's settings, records and seen lines: a damaged file is set aside and the last good copy used, a file
that cannot be written over is left alone, two copies of the game merge, and the player is told in the window."""
from __future__ import annotations

import json
import math
import os
import threading
import time
from pathlib import Path

import pytest

from game.playerfiles import PlayerFile, sweep_temporary
from game.story.saves import SaveError, read_json
from game.ui.prefs import RANGES, Records, SeenLines, Settings, player_notes


def records_at(path: Path, endings: list[str], routes: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"endings": endings, "routes_finished": routes}), "utf-8")


def test_a_damaged_records_file_is_set_aside_and_the_last_good_copy_used(tmp_path) -> None:
    path = tmp_path / "records.json"
    records = Records.load(path)
    records.reached("vineyard.found", "vineyard")
    records.save()
    records.reached("paris.friends", "paris")
    records.save()                                   # the first file is now the .bak
    text = path.read_text("utf-8")
    path.write_text(text[:-3], "utf-8")              # a missing brace
    again = Records.load(path)
    assert again.endings == ["vineyard.found"]       # the last good copy: nothing older than one write is lost
    aside = list(tmp_path.glob("records.json.bad-*"))
    assert len(aside) == 1 and aside[0].read_text("utf-8") == text[:-3]
    notes = player_notes(again)
    assert len(notes) == 2 and "kept as records.json.bad-" in notes[0] and "last good copy" in notes[1]
    again.reached("provence.peace", "provence")
    again.save()
    assert json.loads(path.read_text("utf-8"))["endings"] == ["vineyard.found", "provence.peace"]


def test_a_field_of_the_wrong_type_keeps_the_rest(tmp_path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"endings": ["a.one", 7, None, "b.two"], "routes_finished": "paris"}), "utf-8")
    records = Records.load(path)
    assert records.endings == ["a.one", "b.two"] and records.routes_finished == []


def test_a_read_only_records_file_is_left_alone_even_for_root(tmp_path, monkeypatch) -> None:
    path = tmp_path / "records.json"
    records_at(path, ["a.one"], ["a"])
    os.chmod(path, 0o444)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (Path(p) == path and mode == os.W_OK)
                        else real_access(p, mode, **kw))
    records = Records.load(path)
    records.reached("b.two", "b")
    records.save()
    assert json.loads(path.read_text("utf-8"))["endings"] == ["a.one"]
    assert any("read-only" in note for note in player_notes(records))


@pytest.mark.parametrize("special", ["fifo", "folder", "device", "symlink_to_device"])
def test_a_pipe_device_or_folder_in_place_of_a_file_never_hangs_and_is_never_written_over(tmp_path, special) -> None:
    path = tmp_path / "settings.json"
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    elif special == "device":
        path.symlink_to("/dev/zero")
    else:
        path.symlink_to("/dev/urandom")
    result: dict = {}

    def load() -> None:
        result["settings"] = Settings.load(path)
    worker = threading.Thread(target=load, daemon=True)
    began = time.perf_counter()
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), f"reading a {special} in place of settings.json hangs"
    print(f"{special}: {time.perf_counter() - began:.3f} s")
    settings = result["settings"]
    assert settings == Settings()
    settings.text_speed = 0
    settings.save()
    assert (path.is_dir() if special == "folder" else True)
    assert any("left as it is" in note or "kept as" in note for note in player_notes(settings))


@pytest.mark.parametrize("value", ["Infinity", "-Infinity", "NaN", "1e308", "-1e308", "12345678901234567890"])
def test_settings_are_clamped_to_the_settings_screen_and_non_finite_numbers_refused(tmp_path, value) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"text_speed": %s, "music_volume": %s, "auto_delay": 2.5, "fullscreen": "yes"}'
                    % (value, value), "utf-8")
    settings = Settings.load(path)
    for name, (low, high) in RANGES.items():
        number = getattr(settings, name)
        assert math.isfinite(number) and low <= number <= high
    assert settings.fullscreen is False
    if value in ("Infinity", "-Infinity", "NaN"):   # JSON has no such numbers: the file is damaged, set aside
        assert list(tmp_path.glob("settings.json.bad-*"))
    else:
        assert settings.auto_delay == 2.5 and settings.text_speed in (0, 150)


def test_two_copies_of_the_game_merge_their_records_and_seen_lines(tmp_path) -> None:
    path, seen_path = tmp_path / "records.json", tmp_path / "seen.json"
    first, second = Records.load(path), Records.load(path)
    first.reached("vineyard.found", "vineyard")
    first.save()
    second.reached("paris.friends", "paris")
    second.save()
    assert Records.load(path).endings == ["paris.friends", "vineyard.found"]
    one, two = SeenLines.load(seen_path), SeenLines.load(seen_path)
    one.ids.add("a/1")
    one.save()
    two.ids.add("b/2")
    two.save()
    assert SeenLines.load(seen_path).ids == {"a/1", "b/2"}


def test_reads_refuse_lone_surrogates_and_stop_at_the_limit(tmp_path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"flags": {"\\ud800": true}}', "utf-8")
    with pytest.raises(SaveError, match="not valid Unicode"):
        read_json(path)
    path.write_bytes(b'{"a": "' + b"x" * 2000 + b'"}')
    with pytest.raises(SaveError, match="too large"):
        read_json(path, limit=1000)


def test_stale_temporary_files_are_swept_at_start(tmp_path) -> None:
    (tmp_path / ".records.json.abc.tmp").write_text("half", "utf-8")
    (tmp_path / "records.json").write_text("{}", "utf-8")
    assert sweep_temporary(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["records.json"]


def test_the_window_tells_the_player_about_a_damaged_file(tmp_path) -> None:
    from game.paths import config_dir
    from game.story import load_story
    from game.ui.app import App
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text('{"text_speed": 30,', "utf-8")
    app = App(load_story(), headless=True, audio=False)
    title = app.make("title")
    app.stack = [title]
    app.tell_player()
    notice = app.stack[-1]
    assert type(notice).__name__ == "Notice" and "settings" in " ".join(notice.lines).lower()
    app.audio.close()


def test_a_player_file_that_cannot_be_written_says_so(tmp_path, monkeypatch) -> None:
    import game.playerfiles as playerfiles

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(playerfiles, "write_json_atomic", refuse)   # as a full or read-only disk would
    where = PlayerFile(tmp_path / "records.json", "files.records")
    assert where.write({"endings": []}) is False
    told = [str(note) for note in where.notes]
    assert told == ["The record of endings reached could not be saved (Permission denied)."]
