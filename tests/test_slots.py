"""Save slots: one whole JSON file per slot, a thumbnail inside, damaged slots that say so, autosaves that rotate,
and a folder per story so that one story pack never sees another's saves, seen lines or unlocks."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest

from game.paths import story_data_dir, story_key
from game.slots import ALL_NAMES, AUTO_NAMES, SaveSlots, first_words
from game.story import Line, Runner, SaveError, default_root, load_story


@pytest.fixture(scope="module")
def story():
    return load_story()


def at_line(story, route: str, lines: int) -> tuple[Runner, Line]:
    runner, shown, line = Runner.new(story, route), 0, None
    while shown < lines:
        event = runner.advance()
        if isinstance(event, Line):
            shown, line = shown + 1, event
        elif runner.status == "menu":
            runner.choose(0)
    return runner, line


def test_a_slot_keeps_the_line_the_picture_and_the_words(story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "provence", 7)
    slots.write("slot-01", runner.checkpoint, line.text, b"\x89PNG fake", [["line", line.id]],
                now=datetime(2026, 12, 2, 17, 30))
    info = slots.info("slot-01")
    assert info.usable and info.route_title == story.routes["provence"].title
    assert info.words == first_words(line.text) and info.thumbnail == b"\x89PNG fake"
    assert info.saved_at == datetime(2026, 12, 2, 17, 30)
    loaded = slots.load("slot-01")
    assert loaded.note == "" and loaded.log == [["line", line.id]]
    assert Runner(story, loaded.state).advance().id == line.id
    data = json.loads((tmp_path / "slot-01.json").read_text(encoding="utf-8"))
    assert data["state"]["at"]["id"] == line.id and data["state"]["seen"] == []   # ids, no compiled index needed


def test_damaged_and_newer_slots_say_why_and_can_be_deleted(story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "vineyard", 3)
    slots.write("slot-02", runner.checkpoint, line.text)
    (tmp_path / "slot-03.json").write_text('{"format": "under-the-same-stars/save", "version": 1, "st', "utf-8")
    data = json.loads((tmp_path / "slot-02.json").read_text("utf-8"))
    data["version"] = 99
    (tmp_path / "slot-04.json").write_text(json.dumps(data), "utf-8")
    (tmp_path / "slot-05.json").write_bytes(b"\xff\xfe\x00garbage")
    assert "truncated" in slots.info("slot-03").error
    assert "newer version" in slots.info("slot-04").error
    assert slots.info("slot-05").error
    for name in ("slot-03", "slot-04", "slot-05"):
        with pytest.raises(SaveError):
            slots.load(name)
        slots.delete(name)
        assert slots.info(name) is None
    assert slots.newest() == "slot-02"


def test_autosaves_rotate_over_three_slots_and_continue_takes_the_newest_of_any_kind(story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "paris", 4)
    start = datetime(2026, 12, 2, 10, 0)
    names = [slots.autosave(runner.checkpoint, line.text, now=start + timedelta(minutes=i)) for i in range(5)]
    assert names[:3] == list(AUTO_NAMES) and names[3] == "auto-1" and names[4] == "auto-2"
    assert slots.newest() == "auto-2"
    slots.write("quick", runner.checkpoint, line.text, now=start + timedelta(hours=1))
    assert slots.newest() == "quick"
    slots.write("slot-54", runner.checkpoint, line.text, now=start + timedelta(hours=2))
    assert slots.newest() == "slot-54" and "slot-54" in ALL_NAMES and len(ALL_NAMES) >= 36 + 4


def test_autosaves_written_in_the_background_rotate_the_same_and_hold_the_moment_they_were_asked_for(
        story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "paris", 4)
    start = datetime(2026, 12, 2, 10, 0)
    for i in range(4):
        state = runner.checkpoint.copy()
        slots.autosave_later(state, line.text, lambda: b"\x89PNG later", [["line", line.id]],
                             now=start + timedelta(minutes=i))
        state.meters["trust"] = 99   # after the call: the save keeps what the state was when asked
    assert slots.newest() == "auto-1"   # the fourth went over the oldest, as autosave() does
    info = slots.info("auto-1")
    assert info.thumbnail == b"\x89PNG later" and info.meta["slot"] == "auto-1"
    assert info.saved_at == start + timedelta(minutes=3)
    assert slots.load("auto-1").state.meters.get("trust") == runner.checkpoint.meters.get("trust") != 99
    assert [slots.info(n).saved_at.minute for n in AUTO_NAMES] == [3, 1, 2]


def test_every_read_of_the_slots_waits_for_an_autosave_being_written(story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "vineyard", 3)
    go = threading.Event()

    def slow_picture() -> bytes:
        go.wait(10)
        return b"\x89PNG slow"
    slots.autosave_later(runner.checkpoint, line.text, slow_picture)
    seen: list = []
    reader = threading.Thread(target=lambda: seen.append(slots.newest()))
    reader.start()
    reader.join(0.3)
    assert reader.is_alive() and seen == [], "newest() read the folder while the autosave was being written"
    go.set()
    reader.join(10)
    assert seen == ["auto-1"] and slots.info("auto-1").thumbnail == b"\x89PNG slow"


def test_an_autosave_the_disk_refuses_in_the_background_is_told_and_raises_nothing(story, tmp_path) -> None:
    (tmp_path / "saves").write_text("a file where the folder should be")
    slots = SaveSlots(tmp_path / "saves", story)
    runner, line = at_line(story, "vineyard", 3)
    failures: list[OSError] = []
    slots.autosave_later(runner.checkpoint, line.text, failed=failures.append)
    slots.settle()
    assert len(failures) == 1 and isinstance(failures[0], OSError)
    assert slots.newest() is None


def test_each_story_has_its_own_folder(story_dir) -> None:
    from storyfixtures import ASSETS, MANIFEST
    own = story_key("Under the Same Stars", default_root(), default_root())
    assert own == "under-the-same-stars"
    pack = story_dir(MANIFEST, {"a.yaml": "steps:\n  - Hello.\n  - ending: good\n"}, ASSETS)
    other = story_key("Under the Same Stars", pack, default_root())   # the same title elsewhere: another folder
    assert other != own and other.startswith("under-the-same-stars-")
    assert story_data_dir("Test Story", pack, default_root()) != story_data_dir("Test Story", pack / "x",
                                                                                default_root())


def test_a_story_pack_does_not_inherit_another_storys_unlocked_epilogue(story_dir, tmp_path) -> None:
    from game.ui.app import App
    from game.ui.prefs import Settings
    from storyfixtures import ASSETS, MANIFEST
    game = App(load_story(), Settings(), headless=True, audio=False)
    game.records.reached("vineyard.everything", "vineyard")
    game.records.routes_finished = ["vineyard", "provence", "paris"]
    game.records.save()
    game.seen.ids.add("vineyard.doorstep/abcd")
    game.seen.save()
    game.audio.close()
    pack = load_story(story_dir(MANIFEST, {"a.yaml": "steps:\n  - Hello.\n  - ending: good\n"}, ASSETS))
    other = App(pack, Settings(), headless=True, audio=False)
    assert other.records.routes_finished == [] and other.seen.ids == set()
    assert other.slots.folder != game.slots.folder
    other.audio.close()
    again = App(load_story(), Settings(), headless=True, audio=False)
    assert again.records.routes_finished == ["vineyard", "provence", "paris"]
    assert "vineyard.doorstep/abcd" in again.seen.ids
    again.audio.close()


def test_the_old_shared_records_file_is_carried_over_to_the_games_own_story(tmp_path) -> None:
    from game.paths import data_dir
    from game.ui.app import App
    from game.ui.prefs import Settings
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "records.json").write_text(json.dumps({"endings": ["paris.friends"],
                                                         "routes_finished": ["paris"]}), "utf-8")
    app = App(load_story(), Settings(), headless=True, audio=False)
    assert app.records.endings == ["paris.friends"]
    app.audio.close()


def test_a_written_file_keeps_its_mode(story, tmp_path) -> None:
    import os
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "vineyard", 2)
    slots.write("slot-01", runner.checkpoint, line.text)
    os.chmod(tmp_path / "slot-01.json", 0o640)
    slots.write("slot-01", runner.checkpoint, line.text)
    assert (tmp_path / "slot-01.json").stat().st_mode & 0o777 == 0o640
    slots.write("slot-02", runner.checkpoint, line.text)
    assert (tmp_path / "slot-02.json").stat().st_mode & 0o777 != 0o600   # not mkstemp's private mode


def test_continue_reads_a_slot_again_only_when_its_file_changed(story, tmp_path, monkeypatch) -> None:
    """The title asks for the newest save at every return to it: unchanged slots are not read again."""
    import game.slots as slots_module
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "provence", 5)
    start = datetime(2026, 12, 2, 10, 0)
    for i in range(3):
        slots.autosave(runner.checkpoint, line.text, now=start + timedelta(minutes=i))
    slots.write("slot-07", runner.checkpoint, line.text, now=start - timedelta(days=1))
    reads: list[str] = []
    real = slots_module.read_json
    monkeypatch.setattr(slots_module, "read_json", lambda path, *a: reads.append(path.name) or real(path, *a))
    assert slots.newest() == "auto-3"
    first = len(reads)
    assert slots.newest() == "auto-3" and len(reads) == first, "unchanged slots were read again"
    slots.write("slot-07", runner.checkpoint, line.text, now=start + timedelta(hours=1))
    reads.clear()
    assert slots.newest() == "slot-07" and reads == [], "a slot the game has just written was read back"
    saved = json.loads((tmp_path / "slot-07.json").read_text())
    saved["meta"]["saved_at"] = (start + timedelta(hours=3)).isoformat()
    (tmp_path / "slot-07.json").write_text(json.dumps(saved))     # changed by someone else: read again
    assert slots.newest() is not None and reads == ["slot-07.json"]
    (tmp_path / "slot-07.json").write_text("{ damaged")
    assert slots.newest() == "auto-3"


def counting_reads(monkeypatch) -> list[str]:
    import game.slots as slots_module
    reads: list[str] = []
    real = slots_module.read_json
    monkeypatch.setattr(slots_module, "read_json", lambda path, *a: reads.append(path.name) or real(path, *a))
    return reads


def test_a_returning_players_title_reads_no_save_it_read_at_an_earlier_start(story, tmp_path, monkeypatch) -> None:
    """What each slot holds is kept in the cache folder between starts, for the story the window kept."""
    from dataclasses import replace

    from game.paths import cache_dir
    kept = replace(story, kept_as="k1")
    runner, line = at_line(story, "paris", 4)
    start = datetime(2026, 12, 3, 9, 0)
    first = SaveSlots(tmp_path, kept)
    for i in range(3):
        first.autosave(runner.checkpoint, line.text, now=start + timedelta(minutes=i))
    first.write("slot-02", runner.checkpoint, line.text, now=start + timedelta(hours=1))
    (tmp_path / "slot-05.json").write_text("{ damaged", encoding="utf-8")
    assert first.newest() == "slot-02"
    reads = counting_reads(monkeypatch)
    assert SaveSlots(tmp_path, kept).newest() == "slot-02" and reads == []      # the next start
    saved = json.loads((tmp_path / "slot-02.json").read_text())
    saved["meta"]["saved_at"] = (start - timedelta(days=1)).isoformat()
    (tmp_path / "slot-02.json").write_text(json.dumps(saved))                  # changed since: read again
    assert SaveSlots(tmp_path, kept).newest() == "auto-3" and reads == ["slot-02.json"]
    reads.clear()
    assert SaveSlots(tmp_path, kept).newest() == "auto-3" and reads == []
    # Another version of the story may play other saves: everything is read again, once.
    assert SaveSlots(tmp_path, replace(story, kept_as="k2")).newest() == "auto-3"
    assert sorted(reads) == ["auto-1.json", "auto-2.json", "auto-3.json", "slot-02.json", "slot-05.json"]
    assert [p.name.split("-", 1)[1] for p in (cache_dir() / "slots").glob("*.json")] == ["k2.json"]
    # A story read afresh (lint, tests, Shift+R) keeps nothing between starts.
    reads.clear()
    assert SaveSlots(tmp_path, story).newest() == "auto-3" and len(reads) == 5


@pytest.mark.parametrize("damage", ["", "{", '{"format": 1, "stamps": {"slot-02": [1, 2]}}', '[1, 2]',
                                    '{"format": 1, "stamps": {"slot-02": [1, 2, 3, "yes", null]}}'])
def test_stamps_that_cannot_be_read_have_the_saves_read_again(story, tmp_path, monkeypatch, damage) -> None:
    from dataclasses import replace

    from game.paths import cache_dir
    kept = replace(story, kept_as="k1")
    runner, line = at_line(story, "vineyard", 3)
    SaveSlots(tmp_path, kept).write("slot-02", runner.checkpoint, line.text)
    [stamps] = (cache_dir() / "slots").glob("*.json")
    stamps.write_text(damage, encoding="utf-8")
    reads = counting_reads(monkeypatch)
    assert SaveSlots(tmp_path, kept).newest() == "slot-02" and reads == ["slot-02.json"]
    reads.clear()
    assert SaveSlots(tmp_path, kept).newest() == "slot-02" and reads == []        # and kept again


def test_an_autosave_whose_picture_cannot_be_made_is_kept_without_it(story, tmp_path) -> None:
    slots = SaveSlots(tmp_path, story)
    runner, line = at_line(story, "vineyard", 3)

    def broken() -> bytes:
        raise ValueError("the encoder gave up")
    slots.autosave_later(runner.checkpoint, line.text, broken)
    assert slots.newest() == "auto-1"
    info = slots.info("auto-1")
    assert info.usable and info.thumbnail is None and info.words
