"""Every file the game writes is the old whole file or the new whole file, whenever its writer is killed.

A child process writes one of the game's files over and over (a raw write_json_atomic, a save slot, the quick save
and an autosave with a 150 KB thumbnail, the records, the seen lines, the settings), alternating two payloads, and
is killed with SIGKILL after a seeded random delay: 200 kills each for a slot save, a quick save, an autosave, the
records and the settings, 1,090 in all. After each kill the file must parse and be one of the whole files the
writes can make, byte for byte (or not exist yet, before the first write ever finished). A kill may leave its
temporary file behind (.NAME.*.tmp), at most one per kill; the game passes over those when it reads, and the next
write that finishes removes them.
The random delay only moves where the kill lands; no outcome depends on timing.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import killable_writer
from game.slots import SaveSlots
from game.story import load_story
from game.story.saves import read_json
from game.ui.prefs import Records, SeenLines, Settings

# At least 200 kills during each kind of write a player's progress depends on (slot save, quick save, autosave,
# records, settings); fewer for the raw writer and the seen lines, which share the same path.
KILLS = {"json": 30, "slot": 200, "quick": 200, "auto": 200, "records": 200, "seen": 60, "settings": 200}
SEED = 20240501
HELPER = Path(killable_writer.__file__)


class Helper:
    """The subprocess that forks the writers; spoken to one JSON line at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(HELPER)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)

    def send(self, *message: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def receive(self) -> list[Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the writer helper stopped (exit code {self.process.poll()}); see its stderr above"
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def helper():
    started = Helper()
    yield started
    started.close()


def temporary_files(folder: Path, target: str) -> list[str]:
    """The temporary files beside `target` (its own and its last good copy's, NAME.bak, which settings, records
    and seen lines keep); anything else there is an error."""
    beside = {target, f"{target}.bak"} | {f"{decoy}.json" for decoy in killable_writer.DECOYS}
    names = sorted(p.name for p in folder.iterdir() if p.name not in beside)
    strays = [n for n in names if not (n.startswith(f".{target}.") and n.endswith(".tmp"))]
    assert not strays, f"files other than {target}, its .bak and their temporary files: {strays}"
    return names


@pytest.mark.parametrize("kind", list(KILLS))
def test_a_killed_writer_leaves_the_old_or_the_new_whole_file(helper, tmp_path: Path, kind: str) -> None:
    target = killable_writer.TARGETS[kind]
    whole = killable_writer.expected_bytes(kind, tmp_path / "expected")
    folder = tmp_path / "written"
    folder.mkdir()
    path = folder / target
    killable_writer.prepare(kind, folder)
    rng = random.Random(f"{SEED}-{kind}")
    existed, left = False, 0
    for kill in range(KILLS[kind]):
        helper.send("write", kind, str(folder), rng.randrange(2))
        go, pid = helper.receive()
        assert go == "go"
        try:
            time.sleep(rng.choice((0.0, rng.uniform(0, 0.002), rng.uniform(0, 0.008))))
        finally:
            os.kill(pid, signal.SIGKILL)
        assert helper.receive() == ["dead", pid, signal.SIGKILL], "the writer died before it was killed"

        if path.exists():
            content = path.read_bytes()
            assert content in whole, (f"kill {kill + 1}: {target} is torn ({len(content)} bytes, "
                                      f"the whole files are {[len(w) for w in whole]} bytes)")
            json.loads(content)
            existed = True
        else:
            assert not existed, f"kill {kill + 1}: {target} vanished after it had been written"
        now_left = len(temporary_files(folder, target))
        # a kill leaves at most one more (of the file or of its .bak); a finished write swept up the earlier ones
        assert now_left - left <= 1, f"kill {kill + 1} left {now_left - left} temporary files"
        left = now_left

    helper.send("once", kind, str(folder))  # a write that finishes removes what killed writes left behind
    assert helper.receive() == ["done"]
    assert path.read_bytes() in whole
    assert temporary_files(folder, target) == []
    the_game_reads(kind, folder)


def the_game_reads(kind: str, folder: Path) -> None:
    """What the game reads back past the temporary files a kill left: the last whole payload."""
    path = folder / killable_writer.TARGETS[kind]
    if kind == "json":
        assert read_json(path)["payload"] == 1
    elif kind in ("slot", "quick", "auto"):
        slots = SaveSlots(folder, load_story(killable_writer.STORY))
        name = killable_writer.TARGETS[kind][:-len(".json")]
        others = list(killable_writer.DECOYS) if kind == "auto" else []
        assert sorted(info.name for info in slots.filled()) == sorted([name] + others)
        info = slots.info(name)
        assert info is not None and info.usable and info.words == "Payload 1."
        assert len(info.thumbnail or b"") == 150_000 and slots.load(name).note == ""
    elif kind == "records":  # every ending either copy reached, none lost
        records = Records.load(path)
        assert len(records.endings) == 4_000 and records.endings[0].startswith("route1.ending_0000_")
    elif kind == "seen":
        seen = SeenLines.load(path).ids
        assert len(seen) == 4_000
    else:
        settings = Settings.load(path)
        assert settings.text_speed == 0 and settings.fullscreen and settings.skip_unseen
