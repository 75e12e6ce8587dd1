"""The guide's catalogue of error messages: each one it lists is what the checker says for some broken story."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from docs_helpers import GUIDE, comparable, write_files
from mapfixtures import plain, png, sheet_tileset, tiled_map
from game.story import StoryError, load_story

BASE_MANIFEST = """\
title: Catalogue
characters:
  sophia: {sprites: sophia}
  waiter: {}
meters:
  trust: {}
routes:
  cafe: {start: opening}
endings:
  cafe.end: {route: cafe}
"""
BASE_SCENE = "steps:\n  - effects: {told: true}\n  - Hello.\n  - ending: best\n"
BASE_ASSETS = ("backgrounds/cafe.png", "characters/sophia/neutral.png", "characters/sophia/smiling.png",
               "music/jazz.ogg", "ambience/rain.ogg", "sounds/bell.ogg")


@dataclass(frozen=True)
class Link:
    """A symbolic link to a file at this path (relative to the story folder), made on the spot."""
    target: str


Files = dict[str, "str | bytes | Link | None"]  # None removes the base file


def steps(*lines: str) -> Files:
    body = "".join(f"  {line}\n" for line in lines)
    return {"scenes/opening.yaml": "steps:\n  - effects: {told: true}\n" + body + "  - ending: best\n"}


def manifest(old: str, new: str) -> Files:
    assert old in BASE_MANIFEST, old
    return {"scenes/story.yaml": BASE_MANIFEST.replace(old, new, 1)}


def on_map(tmx: str, **files: "str | bytes") -> Files:
    """The opening scene on a Tiled map, assets/backgrounds/room.tmx, with its pictures (a real 16x8 sheet)."""
    out: Files = {"scenes/opening.yaml": "background: room\n" + BASE_SCENE, "assets/backgrounds/room.tmx": tmx,
                  "assets/backgrounds/tiles.png": png(16, 8, plain((0, 90, 0, 255)))}
    out.update({f"assets/backgrounds/{name.replace('_', '.')}": data for name, data in files.items()})
    return out


def room(orientation: str = "orthogonal", tileset: str = "", data: str = '<data encoding="csv">1,2,2,1</data>',
         infinite: str = "0") -> str:
    tileset = tileset or sheet_tileset("tiles.png", (8, 8), 2, 2)
    return tiled_map(2, 2, (8, 8), tileset + f' <layer id="1" name="ground" width="2" height="2">{data}</layer>\n',
                     orientation).replace('infinite="0"', f'infinite="{infinite}"')


def when(condition: str) -> Files:
    return steps(f"- if: {condition}", "  then:", "    - Yes.")


TRIGGERS: list[Files] = [
    # files and YAML
    {"scenes/story.yaml": None},
    {"scenes/opening.yaml": None, "scenes/notes.txt": "nothing"},
    {"scenes/opening.yaml": "", "scenes/other.yaml": "steps: [{goto: opening}]\n"},
    {"scenes/opening.yaml": b"steps:\n  - Caf\xe9\n  - ending: best\n"},
    {"scenes/opening.yaml": "steps:\n  - narrate: He had one rule: never look back.\n  - ending: best\n"},
    steps("- 2024-13-45"),
    {"scenes/opening.yaml": "steps:\n  - Hello.\n  - ending: best\nsteps:\n  - ending: best\n"},
    steps("- [a, b]: Hello."),
    steps("- &loop [*loop]"),
    steps("- " + "[" * 500 + "]" * 500),
    # the manifest
    {"scenes/story.yaml": "- title\n"},
    manifest("title: Catalogue\n", ""),
    manifest("meters:\n  trust: {}\n", ""),
    manifest("characters:", "charaters:"),
    manifest("sophia: {sprites: sophia}", "sophia: {sprites: sophia, voice: low}"),
    manifest("title: Catalogue", "title: [Catalogue]"),
    {"scenes/cafe/story.yaml": "characters:\n  waiter: {}\n"},
    manifest("meters:\n  trust: {}\n", "meters:\n"),
    manifest("trust: {}", "trust: {max: ten}"),
    manifest("trust: {}", "trust: {visible: maybe}"),
    manifest("trust: {}", "trust: {higher: lower}"),
    manifest("cafe.end: {route: cafe}", "cafe.end: {route: cafe, priority: high}"),
    manifest("trust: {}", "trust:"),
    manifest("waiter: {}", "waiter: Jules"),
    manifest("waiter: {}", "old-friend: {}"),
    manifest("waiter: {}", "then: {}"),
    manifest("trust: {}", "trust.level: {}"),
    manifest("waiter: {}", "waiter: {color: red}"),
    manifest("waiter: {}", "waiter: {sprites: waitr}"),
    manifest("waiter: {}", "waiter: {sprites: ../waiter}"),
    manifest("trust: {}", "trust: {start: 12}"),
    manifest("cafe: {start: opening}", "cafe: {title: The Café}"),
    manifest("routes:\n  cafe: {start: opening}", "routes:\n  cafe: {start: opening}\n  seine: {start: opening}"),
    manifest("cafe.end: {route: cafe}", "cafe.end: {title: The End}"),
    manifest("cafe.end: {route: cafe}", "cafe.end: {route: caf}"),
    manifest("cafe.end: {route: cafe}", "cafe.end: {route: cafe}\n  best: {route: cafe}"),
    # scenes
    {"scenes/opening.yaml": "background: cafe\n"},
    {"scenes/opening.yaml": "musik: jazz\nsteps:\n  - ending: best\n"},
    {"scenes/opening.yaml": "- Hello.\n"},
    {"scenes/opening.yaml": "steps:\n  - goto: closing-time\n", "scenes/closing-time.yaml": "steps:\n  - ending: best\n"},
    {"scenes/opening.yaml": "steps:\n  - goto: opening2\n", "scenes/opening2.yaml": "id: opening\nsteps: [ending: best]\n"},
    {"scenes/lost.yaml": "steps:\n  - ending: best\n"},
    {"scenes/opening.yaml": "steps:\n  - Hello.\n"},
    steps("- goto: opening", "- Goodbye."),
    steps("- {}"),
    steps("- sophia: Hello.", "  waiter: Hello."),
    # lines
    steps("- He said: hello."),
    steps("- shw: sophia"),
    steps('- "  "'),
    steps("- sophia:"),
    steps("- narrate:"),
    steps("- sophia angry: Hello."),
    steps("- waiter tired: Hello."),
    # the stage
    steps("- show:"),
    steps("- show: sophia smiling happily"),
    steps("- show: sophia at far left"),
    steps("- show: sophia at lefft"),
    steps("- show: sofia"),
    steps("- hide: sofia"),
    steps("- show: waiter"),
    steps("- background:"),
    steps("- background: cafe with wipe"),
    steps("- background: cafee"),
    steps("- music: waltz"),
    {**steps("- background: outside"), "elsewhere.png": b"", "assets/backgrounds/outside.png": Link("elsewhere.png")},
    steps("- background: ../cafe"),
    steps("- music:"),
    steps("- sound:"),
    # effects
    steps("- effects: trust +1"),
    steps("- effects: {trust: true}"),
    steps("- effects: {trsut: +1}"),
    steps("- effects: {trust: lots}"),
    steps("- effects: {told-truth: true}"),
    # goto, endings, if
    steps("- goto:"),
    manifest("cafe: {start: opening}", "cafe: {start: openin}"),
    steps("- ending:"),
    steps("- ending: cafe.ending"),
    {"scenes/opening.yaml": "steps:\n  - effects: {told: true}\n  - ending: bar.end\n",
     "scenes/story.yaml": BASE_MANIFEST.replace("routes:\n", "routes:\n  bar: {start: bar}\n")
     + "  bar.end: {route: bar}\n",
     "scenes/bar.yaml": "steps:\n  - ending: bar.end\n"},
    steps("- if: told"),
    steps("- if: told", "  than:", "    - Yes."),
    steps("- if: told", "  then:", "    - Yes.", "- else: No."),
    steps("- else:", "    - No."),
    # choices
    steps("- choice:"),
    steps("- choice:", "    - Stay.", "    - text: Leave."),
    steps("- choice:", "    - goto: opening"),
    steps("- choice:", "    - text: Stay.", "      effect: {trust: +1}"),
    steps("- choice:", "    - text: Stay.", "      then: Hello."),
    steps("- choice:", "    - text: Stay.", "      then:", "        - ending: best", "      goto: opening"),
    # conditions
    when("trust = 3"),
    when("told && trust > 1"),
    when("told || trust > 1"),
    when("trust > 1 and !told"),
    when("trust > 1 $"),
    when("trust > 1 told"),
    when("1 < trust < 5"),
    when("(trust > 1"),
    when("trust >"),
    when("and told"),
    when("visited(3)"),
    when("seen(opening)"),
    when("ended(3)"),
    when("ended(cafe.ned)"),
    when("[a]"),
    when("''"),
    when("trsut > 3"),
    when("visited(closing)"),
    when("trust"),
    when("trust and told"),
    when("not trust"),
    when("told + 1 > 2"),
    when("told < 3"),
    when("-told"),
    when("trust == true"),
    # endings
    manifest("cafe.end: {route: cafe}", "cafe.end: {route: cafe, when: trust > 10}"),
    # Tiled maps
    on_map(room("staggered")),
    on_map(room(infinite="1")),
    on_map(room().replace("<layer ", "<layer <")),
    on_map(room(tileset=' <tileset firstgid="1" source="tiles.tsx"/>\n')),
    on_map(room().replace("tiles.png", "gone.png")),
    on_map(room(), tiles_png=b"GIF89a"),
    on_map(room(data='<data encoding="base64" compression="zstd">AAAA</data>')),
    {**on_map(room()), "scenes/opening.yaml": "background: tiles\n" + BASE_SCENE},
]


def catalogue_messages() -> list[str]:
    start, end = GUIDE.index("<!-- catalogue -->"), GUIDE.index("<!-- /catalogue -->")
    rows = re.findall(r"^\|.*\|\s*`([^`]+)`\s*\|\s*$", GUIDE[start:end], re.M)
    return [row.replace("\\|", "|") for row in rows]


def messages_from(root: Path, files: Files) -> set[str]:
    write_files(root, {"scenes/story.yaml": BASE_MANIFEST, "scenes/opening.yaml": BASE_SCENE})
    write_files(root / "assets", dict.fromkeys(BASE_ASSETS, b""))
    for name, content in files.items():
        path = root / name
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, Link):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(root / content.target, path)
        else:
            write_files(root, {name: content})
    try:
        load_story(root)
    except StoryError as exc:
        return {comparable(f"{p.message} ({p.hint})" if p.hint else p.message) for p in exc.problems}
    return set()


def test_the_catalogue_lists_what_the_checker_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = [comparable(m) for m in catalogue_messages()]
    assert len(listed) >= 90
    produced: set[str] = set()
    for number, files in enumerate(TRIGGERS):
        root = tmp_path / f"story{number}"
        root.mkdir()
        monkeypatch.chdir(root)
        said = messages_from(root, files)
        assert said & set(listed), f"broken story {number} ({files}) says nothing the guide lists: {sorted(said)}"
        produced |= said
    missing = [m for m in listed if m not in produced]
    assert not missing, "the guide lists messages the checker does not give (or no broken story here makes):\n" + \
        "\n".join(missing)
