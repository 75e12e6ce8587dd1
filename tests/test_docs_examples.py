"""The author's guide, run: its examples make a story that loads and plays, and its mistakes say what it quotes."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from docs_helpers import (BLOCKS, COMMAND, FILES, GUIDE, MISTAKES, TRANSCRIPTS, Block, assets_named, build_example,
                          comparable)
from game.cli import main
from game.story import Runner, StoryError, load_story
from game.story.explore import explore
from game.story.model import MenuOp, SayOp
from game.story.playthrough import play


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
