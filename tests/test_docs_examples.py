"""The author's guide, run: its examples make a story that loads and plays, and its mistakes say what it quotes.

docs/scene-format.md marks its code blocks (see the HTML comment at its top): `# file: PATH` blocks are one
runnable story, `# mistake: PATH` blocks replace a file of it and are followed by what the checker prints,
`$ python -m game ...` blocks are transcripts, and the catalogue tables list every message the checker has.
"""
from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.story import Runner, StoryError, load_story
from game.story.explore import explore
from game.story.model import MenuOp, SayOp
from game.story.playthrough import play

DOC = Path(__file__).resolve().parents[1] / "docs" / "scene-format.md"
FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
HEADING = re.compile(r"^#{1,6} ", re.M)
MARK = re.compile(r"^(?:#|<!--)\s*(file|mistake):\s*(\S+?)\s*(?:-->)?\s*$")
COMMAND = "$ python -m game "
# Without libyaml, PyYAML words its syntax errors differently; the rest of every message is the engine's own.
LIBYAML = hasattr(yaml, "CSafeLoader")


@dataclass
class Block:
    lang: str
    text: str
    line: int                   # where the block starts in the guide
    kind: str = ""              # 'file', 'mistake', 'expected', 'transcript' or '' (a fragment)
    path: str = ""
    expected: list[Block] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.kind or 'block'} at docs/scene-format.md:{self.line}" + (f" ({self.path})" if self.path else "")


def read_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    mistake: Block | None = None
    prose_start = 0
    for match in FENCE.finditer(text):
        if HEADING.search(text, prose_start, match.start()):
            mistake = None
        prose_start = match.end()
        block = Block(match.group(1), match.group(2), text.count("\n", 0, match.start()) + 1)
        first = block.text.split("\n", 1)[0]
        mark = MARK.match(first)
        if mark and block.lang in ("yaml", "xml"):
            block.kind, block.path = mark.groups()
            mistake = block if block.kind == "mistake" else None
        elif block.lang == "text" and mistake is not None:
            block.kind = "expected"
            mistake.expected.append(block)
        else:
            mistake = None
            if block.lang == "text" and first.startswith(COMMAND):
                block.kind = "transcript"
        blocks.append(block)
    return blocks


GUIDE = DOC.read_text(encoding="utf-8")
BLOCKS = read_blocks(GUIDE)
FILES = {b.path: b.text for b in BLOCKS if b.kind == "file"}
MISTAKES = [b for b in BLOCKS if b.kind == "mistake"]
TRANSCRIPTS = [b for b in BLOCKS if b.kind == "transcript"]


# --- the example story ---

def assets_named(files: dict[str, str]) -> set[str]:
    """Asset files (under assets/) for every name the example files use, as empty-file stand-ins."""
    manifest = yaml.safe_load(files["scenes/story.yaml"])
    sprites = {cid: (data or {}).get("sprites") for cid, data in manifest["characters"].items()}
    named: set[tuple[str, str]] = set()
    expressions: dict[str, set[str]] = {cid: set() for cid, folder in sprites.items() if folder}

    def background(value: str) -> None:
        named.add(("backgrounds", value.partition(" with ")[0].strip()))

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                key = str(key)
                words = key.split()
                if key == "background":
                    background(value)
                elif key in ("music", "ambience") and value != "stop":
                    named.add((key, value))
                elif key == "sound":
                    named.add(("sounds", value))
                elif key == "show":
                    shown = value.split()
                    shown = shown[:shown.index("at")] if "at" in shown else shown
                    if len(shown) == 2 and shown[0] in expressions:
                        expressions[shown[0]].add(shown[1])
                elif len(words) == 2 and words[0] in expressions:
                    expressions[words[0]].add(words[1])
                walk(value)

    for route in manifest["routes"].values():
        if route.get("picture"):
            background(route["picture"])
    for path, text in files.items():
        if path.startswith("scenes/") and path != "scenes/story.yaml":
            walk(yaml.safe_load(text))
    given = {path.removeprefix("assets/").rsplit(".", 1)[0] for path in files if path.startswith("assets/")}
    out = set()
    for kind, name in named:
        if f"{kind}/{name}" not in given:
            out.add(f"{kind}/{name}" + (".png" if kind == "backgrounds" else ".ogg"))
    for cid, used in expressions.items():
        for expression in used or {"neutral"}:
            out.add(f"characters/{sprites[cid]}/{expression}.png")
    return out


def write_files(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def build_example(root: Path, replace: dict[str, str] | None = None) -> Path:
    write_files(root, FILES)
    for path in assets_named(FILES):
        target = root / "assets" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    write_files(root, replace or {})
    return root


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The guide's example story, with the working folder inside it so messages name scenes/... as the guide does."""
    root = build_example(tmp_path / "example")
    monkeypatch.chdir(root)
    return root


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).rstrip("\n").split("\n")


def comparable(line: str) -> str:
    return line.split("malformed YAML:")[0] if not LIBYAML else line


def problem_lines(root: Path) -> list[str]:
    with pytest.raises(StoryError) as caught:
        load_story(root)
    return [str(p) for p in caught.value.problems]


# --- the runnable examples ---

def test_the_guide_says_how_its_blocks_are_marked() -> None:
    assert GUIDE.startswith("<!--")
    convention = GUIDE.split("-->", 1)[0]
    for mark in ("# file: PATH", "# mistake: PATH", COMMAND.strip(), "catalogue"):
        assert mark in convention


def test_the_examples_form_a_whole_story() -> None:
    assert "scenes/story.yaml" in FILES
    assert sum(1 for p in FILES if p.startswith("scenes/")) >= 8
    assert len(MISTAKES) >= 3 and all(m.expected for m in MISTAKES), "every mistake needs its expected output"
    for path, text in FILES.items():
        if path.endswith(".yaml"):
            yaml.safe_load(text)  # well-formed, or the test could not read the asset names it uses


def test_the_examples_load(example: Path) -> None:
    story = load_story(example)
    scene_files = [p for p in FILES if p.startswith("scenes/") and p != "scenes/story.yaml"]
    assert len(story.scenes) == len(scene_files)
    assert story.title == "Under the Same Stars"


@pytest.mark.parametrize("seed", range(4))
def test_every_route_plays_to_an_ending(example: Path, seed: int) -> None:
    story = load_story(example)
    for route in story.routes:
        result = play(story, Runner.new(story, route), seed=seed)
        assert result.stopped == "ending", f"route {route} with seed {seed} stopped at a menu"
        assert result.ending in story.endings
        assert result.lines()


def test_explore_finds_every_ending_and_no_dead_end(example: Path) -> None:
    report = explore(load_story(example))
    assert report.ok, report.to_json()
    assert report.endings and all(e["reachable"] for e in report.endings.values())


def test_the_asset_list_is_what_the_examples_use(example: Path) -> None:
    listed = next(b for b in BLOCKS if b.lang == "text" and b.text.startswith("assets/\n"))
    in_guide = {line.strip() for line in listed.text.splitlines()[1:] if line.strip()}
    used = assets_named(FILES) | {p.removeprefix("assets/") for p in FILES if p.startswith("assets/")}
    assert in_guide == used


def test_quoted_line_and_menu_ids_are_real(example: Path) -> None:
    story = load_story(example)
    ids = {op.line_id for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp)}
    ids |= {op.menu_id for scene in story.scenes.values() for op in scene.ops if isinstance(op, MenuOp)}
    scenes = "|".join(re.escape(s) for s in story.scenes)
    quoted = set(re.findall(rf"\b(?:{scenes})(?:/[0-9a-f]{{8}}(?:-\d+)?|#menu\d+)", GUIDE))
    assert quoted, "the guide quotes no line id"
    assert quoted <= ids


@pytest.mark.parametrize("block", TRANSCRIPTS, ids=str)
def test_transcripts_match(example: Path, block: Block, capsys: pytest.CaptureFixture[str]) -> None:
    command, *expected = block.text.rstrip("\n").split("\n")
    _, lines = run(shlex.split(command.removeprefix(COMMAND)), capsys)
    assert lines == expected


# --- the mistakes ---

@pytest.mark.parametrize("block", MISTAKES, ids=str)
def test_each_mistake_says_what_the_guide_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], block: Block) -> None:
    assert block.path in FILES, f"{block} replaces no runnable example"
    root = build_example(tmp_path / "mistake", {block.path: block.text})
    monkeypatch.chdir(root)
    for expected in block.expected:
        lines = expected.text.rstrip("\n").split("\n")
        if lines[0].startswith(COMMAND):
            _, got = run(shlex.split(lines[0].removeprefix(COMMAND)), capsys)
            lines = lines[1:]
        else:
            got = problem_lines(root)
        assert [comparable(x) for x in got] == [comparable(x) for x in lines]


def test_exit_codes_are_the_ones_the_guide_gives(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lint", "--story", "."], capsys)[0] == 0
    assert run(["play", "--story", ".", "--route", "cafe", "--choose", "1"], capsys)[0] == 0  # stops at a menu
    assert run(["play", "--story", ".", "--route", "nowhere"], capsys)[0] == 2
    assert run(["play", "--story", "."], capsys)[0] == 2
    assert run(["explore", "--story", ".", "--route", "nowhere"], capsys)[0] == 2
    (example / "scenes" / "cafe" / "photo.yaml").write_text("steps:\n  - goto: seine.quay\n  - Lost.\n")
    for command in ("lint", "routes", "explore", "stats"):
        assert run([command, "--story", "."], capsys)[0] == 1
    assert run(["play", "--story", ".", "--route", "cafe"], capsys)[0] == 1


# --- the catalogue: every message the checker has, as the guide lists them ---

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
    manifest("meters:\n  trust: {}\n", "meters:\n"),
    manifest("trust: {}", "trust: {max: ten}"),
    manifest("trust: {}", "trust: {visible: maybe}"),
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
]


def catalogue_messages() -> list[str]:
    start, end = GUIDE.index("<!-- catalogue -->"), GUIDE.index("<!-- /catalogue -->")
    rows = re.findall(r"^\|.*\|\s*`([^`]+)`\s*\|\s*$", GUIDE[start:end], re.M)
    return [row.replace("\\|", "|") for row in rows]


def messages_from(root: Path, files: Files) -> set[str]:
    (root / "scenes").mkdir(parents=True)
    (root / "scenes" / "story.yaml").write_text(BASE_MANIFEST, encoding="utf-8")
    (root / "scenes" / "opening.yaml").write_text(BASE_SCENE, encoding="utf-8")
    for asset in BASE_ASSETS:
        path = root / "assets" / asset
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, Link):
            os.symlink(root / content.target, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
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
