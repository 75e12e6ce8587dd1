"""Makes the save-compatibility corpus: a small story pack, saves of it made by this version, and what each must show.

    python tests/saves/make_saves.py            # writes tests/saves/story/, tests/saves/*.json
    python tests/saves/make_saves.py --out DIR  # the same into DIR (to check the output is reproducible)

The saves in tests/saves/ are a promise that players' saves keep loading: tests/test_save_compat.py loads them
with the committed story on every run. Never regenerate them to make that test pass. When the save format
changes, keep these files as they are and add the new version's saves beside them (say, in a subfolder).
The script therefore refuses to write over saves that are already there unless given --force.

Everything is fixed (texts, dates, the thumbnail), so running it twice gives the same bytes.
"""
from __future__ import annotations

import argparse
import json
import shutil
import struct
import sys
import zlib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.slots import SaveSlots, first_words  # noqa: E402
from game.story import End, Line, Menu, Runner, load_story  # noqa: E402
from game.story.timeline import Timeline, earlier_entries  # noqa: E402

# --- the story pack: two routes, two meters (one hidden), flags, menus, an if/elif/else, four endings ---
STORY = {
    "scenes/story.yaml": """\
# A small story pack for the save-compatibility tests (tests/test_save_compat.py). Do not edit: the saves
# next to it stand on these lines, and a changed word is a changed line id.
title: The Lamp on Gull Point

characters:
  nell: {name: Nell, color: "#d8b26e"}
  owen: {name: Owen, color: "#7fa7c9"}

meters:
  trust: {label: Trust, min: 0, max: 5, start: 1}
  nerve: {label: Nerve, min: 0, max: 5, start: 2, visible: false}

routes:
  harbour:
    title: The Harbour
    blurb: A stranger comes ashore with a letter for the keeper.
    start: harbour.quay
  lamp:
    title: The Lamp Room
    blurb: The night the lamp on Gull Point went dark.
    start: lamp.stairs

endings:
  harbour.supper:
    title: Supper by the Fire
    route: harbour
    when: trust >= 3
    priority: 10
  harbour.goodbye:
    title: The Last Ferry
    route: harbour
  lamp.lit:
    title: The Light Comes Back
    route: lamp
    when: lamp_lit
    priority: 5
  lamp.dark:
    title: A Dark Night
    route: lamp
""",
    "scenes/harbour/quay.yaml": """\
steps:
  - The ferry left Owen on the quay with one bag and a letter he had not opened.
  - nell: You'll be the man from the mainland, then.
  - owen: I have a letter for the keeper of the lamp.
  - nell: My father kept the lamp. He has been dead since the spring.
  - owen: Then I think the letter is for you.
  - choice:
      - text: Give her the letter.
        effects: {trust: +1, gave_letter: true}
        then:
          - nell: The seal is my father's. He wrote this before he died.
          - owen: He asked me to bring it by hand, and to wait while you read it.
      - text: Keep the letter for now.
        effects: {nerve: -1}
        then:
          - owen: Perhaps it can wait until we are out of the wind.
  - goto: harbour.cottage
""",
    "scenes/harbour/cottage.yaml": """\
steps:
  - The cottage smelled of tar and woodsmoke, and the kettle was already on.
  - if: gave_letter
    then:
      - nell: He says you were the only one who stayed with him at the end.
  - else:
      - nell: You can put your bag by the stove. Nobody will take it.
  - owen: The lamp on the point is dark tonight.
  - choice:
      - text: Stay for supper.
        effects: {trust: +2}
        goto: harbour.supper
      - text: Offer to light the lamp.
        requires: trust >= 2
        hint: She does not trust you with it yet.
        effects: {nerve: +1}
        goto: harbour.supper
      - text: Walk back to the ferry.
        goto: harbour.ferry
""",
    "scenes/harbour/supper.yaml": """\
steps:
  - They ate fish stew at the kitchen table while the wind worked at the shutters.
  - nell: Tell me how he was, at the end. The truth, please.
  - owen: He talked about you, and about the lamp, and about nothing else.
  - ending: best
""",
    "scenes/harbour/ferry.yaml": """\
steps:
  - Owen caught the last ferry, and did not look back at the point.
  - ending: harbour.goodbye
""",
    "scenes/lamp/stairs.yaml": """\
steps:
  - One hundred and twelve steps wound up the inside of the tower.
  - owen: How did your father climb these every night?
  - nell: Slowly, and counting out loud.
  - effects: {nerve: +1}
  - owen: Then count with me.
  - goto: lamp.gallery
""",
    "scenes/lamp/gallery.yaml": """\
steps:
  - At the top the great lens stood cold, and a ship's lights moved far out past the reef.
  - nell: The oil is low, but there may be enough for tonight.
  - choice:
      - text: Light the lamp together.
        effects: {lamp_lit: true, trust: +1}
        then:
          - owen: Hold the lantern steady while I trim the wick.
      - text: Leave it dark and go down.
        if: nerve < 3
        effects: {nerve: -1}
      - text: Wait and watch the ship.
  - if: lamp_lit
    then:
      - nell: There. Now they can see the reef.
      - owen: Your father would have liked to see it burning.
  - elif: trust >= 2
    then:
      - nell: We did what we could.
  - else:
      - nell: Someone else will have to light it tomorrow.
  - ending: best
""",
}

START = datetime(2024, 5, 1, 20, 0, 0)

# (slot, route, options to pick in order (as shown, from 0), which line or menu to stop on, history kept?)
# The stop is the text of a line, or a menu id: play goes on until that is on screen, and the save is made there.
PLAN: list[tuple[str, str, list[int], str, bool]] = [
    ("slot-01", "harbour", [], "I have a letter for the keeper of the lamp.", False),        # mid-scene
    ("slot-02", "harbour", [], "harbour.quay#menu1", False),                                 # at a menu
    ("slot-03", "harbour", [0], "He asked me to bring it by hand, and to wait while you read it.", False),
    ("slot-04", "lamp", [], "One hundred and twelve steps wound up the inside of the tower.", False),
    ("slot-05", "lamp", [0], "Your father would have liked to see it burning.", False),      # second route
    ("quick", "harbour", [1, 0], "He talked about you, and about the lamp, and about nothing else.", True),
    ("auto-1", "harbour", [0], "harbour.cottage#menu1", True),                               # an autosave
]


def tiny_png(width: int = 8, height: int = 6) -> bytes:
    """A small night-sky PNG, stored without compression so its bytes never depend on the zlib at hand."""
    rows = b"".join(b"\x00" + b"".join(bytes((10 + 4 * x, 20 + 6 * y, 60 + 10 * y)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 0))
            + chunk(b"IEND", b""))


def shown(event: Line | Menu) -> dict[str, Any]:
    if isinstance(event, Line):
        return {"kind": "line", "id": event.id, "speaker": event.speaker, "text": event.text}
    return {"kind": "menu", "id": event.id, "options": [o.text for o in event.options]}


def first_shown(runner: Runner) -> Line | Menu:
    """What the player sees first from this runner: its first line or menu."""
    while True:
        event = runner.advance()
        if isinstance(event, (Line, Menu)):
            return event
        if isinstance(event, End):
            raise SystemExit(f"the story ended before anything was shown ({event.ending})")


def play_to(story, route: str, picks: list[int], stop: str) -> tuple[Runner, Timeline, Line | Menu]:
    """Play as the window does (a timeline records each line and menu) until `stop` is on screen."""
    runner, timeline, picks = Runner.new(story, route), Timeline(), list(picks)
    while True:
        event = runner.advance()
        if isinstance(event, End):
            raise SystemExit(f"{route}: reached ending {event.ending} before {stop!r}")
        if not isinstance(event, (Line, Menu)):
            continue
        timeline.record(runner.checkpoint, event)
        if (event.text if isinstance(event, Line) else event.id) == stop:
            return runner, timeline, event
        if isinstance(event, Menu):
            if not picks:
                raise SystemExit(f"{route}: no choice left for {event.id} before {stop!r}")
            index = picks.pop(0)
            runner.choose(index)
            timeline.chose(index, event.options[index].text, runner.state.choices[-1][1])


def make(out: Path) -> dict[str, Any]:
    story_root = out / "story"
    shutil.rmtree(story_root, ignore_errors=True)
    for name, text in STORY.items():
        path = story_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    story = load_story(story_root)
    slots = SaveSlots(out, story)
    expected: dict[str, Any] = {}
    for number, (slot, route, picks, stop, keep_history) in enumerate(PLAN):
        runner, timeline, event = play_to(story, route, picks, stop)
        last_line = next((s.line for s in reversed(timeline.steps) if s.line is not None), None)
        words = last_line.text if last_line is not None else ""
        log = timeline.log() if keep_history else None
        thumbnail = tiny_png() if number % 2 == 0 else None
        now = START + timedelta(minutes=7 * number)
        if slot.startswith("auto-"):
            assert slots.autosave(runner.checkpoint, words, thumbnail, log, now) == slot
        else:
            slots.write(slot, runner.checkpoint, words, thumbnail, log, now)

        loaded = slots.load(slot)  # the save must give back what was on screen, exactly, before it is kept
        again = first_shown(Runner(story, loaded.state))
        if loaded.note or shown(again) != shown(event):
            raise SystemExit(f"{slot}: loading shows {shown(again)} (note {loaded.note!r}), not {shown(event)}")
        state = runner.checkpoint
        expected[f"{slot}.json"] = {
            "slot": slot, "route": route, "route_title": story.routes[route].title, "scene": state.scene,
            "saved_at": now.isoformat(timespec="seconds"), "words": first_words(words),
            "shows": shown(event), "meters": dict(state.meters), "flags": dict(state.flags),
            "visits": dict(state.visits), "choices": [list(c) for c in state.choices],
            "thumbnail": [8, 6] if thumbnail else None,
            "history": [[e.speaker, e.text, e.choice] for e in earlier_entries(story, log)] if log else None,
        }
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return expected


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="the folder to write (default: tests/saves)")
    parser.add_argument("--force", action="store_true", help="write over saves already there")
    args = parser.parse_args(argv)
    there = sorted(p.name for p in args.out.glob("*.json")) if args.out.exists() else []
    if there and not args.force:
        print(f"{args.out} already holds saves ({', '.join(there)}): these are kept to prove old saves still load. "
              "Add new ones elsewhere, or pass --force if you really mean to replace them.", file=sys.stderr)
        return 2
    for name in there:
        (args.out / name).unlink()
    expected = make(args.out)
    print(f"wrote {len(expected)} saves, expected.json and story/ into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
