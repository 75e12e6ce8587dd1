"""A writer to be killed: the game's own savers writing one file over and over, in a child that dies by SIGKILL.

tests/test_atomic_writes.py runs this module as a subprocess (one Python start-up, then a cheap fork per kill;
it imports nothing from pygame, so forking it is safe). It speaks one JSON list per line:

    parent -> helper   ["write", KIND, FOLDER, FIRST]  fork a child that writes KIND's file in FOLDER with
                                                      payload FIRST, then the other, and so on, until killed
    child  -> parent   ["go", PID]                    the child is about to write: kill it when you like
    helper -> parent   ["dead", PID, SIGNAL]          the child is gone (SIGNAL -1: it stopped by itself)
    parent -> helper   ["once", KIND, FOLDER]         write payload 0 then payload 1 here, unkilled
    helper -> parent   ["done"]

The parent imports it too, to know the two payloads' exact bytes (`expected_bytes`).
"""
from __future__ import annotations

import json
import os
import random
import sys
from datetime import datetime
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.slots import SaveSlots  # noqa: E402
from game.story import State, load_story  # noqa: E402
from game.story.saves import write_json_atomic  # noqa: E402
from game.ui.prefs import Records, SeenLines, Settings  # noqa: E402

STORY = Path(__file__).resolve().parent / "saves" / "story"
TARGETS = {"json": "slot-01.json", "slot": "slot-02.json", "quick": "quick.json", "auto": "auto-1.json",
           "records": "records.json", "seen": "seen.json", "settings": "settings.json"}
# The autosaves rotate: two newer ones beside auto-1 make every autosave land on auto-1, the file under test.
DECOYS = ("auto-2", "auto-3")
Writer = Callable[[int], None]


def _blob(kind: str, which: int, size: int) -> bytes:
    return random.Random(f"{kind}-{which}").randbytes(size)


def writers(folder: Path) -> dict[str, Writer]:
    """For each kind, a function writing payload 0 or 1 into `folder` as the game does. The payloads are built
    here, once, so a forked child spends its time writing (about 200 KB each, except the settings)."""
    folder = Path(folder)
    story = load_story(STORY)
    slots = SaveSlots(folder, story)
    state = State.start(story, "harbour")
    data = [{"payload": w, "blob": _blob("json", w, 100_000).hex()} for w in (0, 1)]
    thumbs = [_blob("slot", w, 150_000) for w in (0, 1)]
    words = [_blob("words", w, 40).hex() for w in (0, 1)]  # long ids: few to sort and encode, many bytes
    endings = [[f"route{w}.ending_{i:04d}_{words[w]}" for i in range(2_000)] for w in (0, 1)]
    seen = [{f"scene{w}.part/{i:04d}_{words[w]}" for i in range(2_000)} for w in (0, 1)]
    settings = [Settings(), Settings(text_speed=0, auto_delay=3.0, music_volume=0.1, fullscreen=True,
                                     show_meters=True, skip_unseen=True)]

    def autosave(w: int) -> None:
        prepare("auto", folder)
        slots.autosave(state, f"Payload {w}.", thumbs[w], [["line", f"x/{w}"]], datetime(2024, 5, 1, 20, w))

    def seen_lines(w: int) -> None:
        lines = SeenLines(set(), folder / TARGETS["seen"])
        lines.ids.update(seen[w])  # SeenLines writes only what was added since it was made
        lines.save()

    return {
        "json": lambda w: write_json_atomic(folder / TARGETS["json"], data[w]),
        "slot": lambda w: slots.write("slot-02", state, f"Payload {w}.", thumbs[w], [["line", f"x/{w}"]],
                                      datetime(2024, 5, 1, 20, w)),
        "quick": lambda w: slots.write("quick", state, f"Payload {w}.", thumbs[w], [["line", f"x/{w}"]],
                                       datetime(2024, 5, 1, 20, w)),
        "auto": autosave,
        "records": lambda w: Records(endings[w], endings[w][:50], folder / TARGETS["records"]).save(),
        "seen": seen_lines,
        "settings": lambda w: settings[w].save(folder / TARGETS["settings"]),
    }


def prepare(kind: str, folder: Path) -> None:
    """Before any kill: the autosaves' decoys, written whole (a kill is meant to land on auto-1 only)."""
    if kind != "auto" or (Path(folder) / f"{DECOYS[-1]}.json").exists():
        return
    slots = SaveSlots(Path(folder), load_story(STORY))
    state = State.start(slots.story, "harbour")
    for decoy in DECOYS:
        slots.write(decoy, state, "A later autosave.", None, [], datetime(2099, 1, 1))


def expected_bytes(kind: str, scratch: Path) -> tuple[bytes, ...]:
    """Every whole file a run of writes can leave: payload 0 and payload 1, and for the records and the seen lines,
    which merge with what is on disk (two copies of the game lose nothing), their unions in either order."""
    out: list[bytes] = []
    for order in ((0, 1, 0), (1, 0, 1)):
        folder = Path(scratch) / "".join(map(str, order))
        folder.mkdir(parents=True, exist_ok=True)
        write = writers(folder)[kind]
        for which in order:
            write(which)
            content = (folder / TARGETS[kind]).read_bytes()
            if content not in out:
                out.append(content)
    assert len(out) >= 2
    return tuple(out)


def _say(*message: object) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())


def _child(write: Writer, first: int) -> None:
    helper = os.getppid()
    _say("go", os.getpid())
    which = first
    while os.getppid() == helper:  # never outlive the helper, should a failing test leave us unkilled
        write(which)
        which ^= 1


def main() -> None:
    prepared: dict[str, dict[str, Writer]] = {}
    for line in sys.stdin:
        command, *args = json.loads(line)
        if command == "write":
            kind, folder, first = args
            write = prepared.setdefault(folder, writers(Path(folder)))[kind]
            pid = os.fork()
            if pid == 0:
                try:
                    _child(write, first)
                finally:
                    os._exit(1)
            _pid, status = os.waitpid(pid, 0)
            _say("dead", pid, os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1)
        elif command == "once":
            kind, folder = args
            write = prepared.setdefault(folder, writers(Path(folder)))[kind]
            write(0)
            write(1)
            _say("done")


if __name__ == "__main__":
    main()
