"""Playthrough files run outside the game's own tests: `python -m game test` and the pytest plugin. Every failure
names the file and the line that differs; the lines no playthrough reaches are listed by file and line."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.newstory import new_story
from game.pytest_playthroughs import story_root
from game.story import load_story
from game.story.playtests import playthrough_files, run_playthrough, unreached_lines

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    new_story(tmp_path / "pack")
    monkeypatch.chdir(tmp_path / "pack")  # messages name files relative to here
    return tmp_path / "pack"


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def failures(pack: Path, name: str) -> list[str]:
    return [str(p) for p in run_playthrough(load_story(pack), pack / "tests" / "playthroughs" / name).failures]


LIT = "tests/playthroughs/lit.yaml"
BREAKS = [  # a change to lit.yaml, the line it is on, and what the failure says
    ("ending: harbour.lit", "ending: harbour.dark", "ended at 'harbour.lit', not 'harbour.dark'"),
    ("meters: {trust: 4", "meters: {trust: 5", "meter 'trust' is 4 at the end, not 5"),
    ("meters: {trust: 4", "meters: {trusty: 4", "unknown meter 'trusty' (did you mean 'trust'?)"),
    ("flags: {told_truth: true}", "flags: {told_truth: false}", "flag 'told_truth' is True at the end, not False"),
    ("Honest. That's", "Honest! That's", "line not shown (in this order): keeper: Honest! That's"),
    ("choose: [1, 1]", "choose: [1, 4]", "choice 4 does not exist at menu 2"),
    ("choose: [1, 1]", "choose: [1]", "play stopped at a menu after 1 choice, not at an ending"),
    ("route: harbour", "route: harbor", "unknown route 'harbor' (did you mean 'harbour'?)"),
    ("route: harbour", "rout: harbour", "unknown field 'rout' in a playthrough file"),
    ("choose: [1, 1]", "choose: [1, 1", "malformed YAML"),
]


@pytest.mark.parametrize("old, new, message", BREAKS, ids=[b[2][:30] for b in BREAKS])
def test_a_failure_names_the_file_and_the_line(pack: Path, old: str, new: str, message: str) -> None:
    path = pack / LIT
    assert failures(pack, "lit.yaml") == []
    rewrite(path, old, new)
    found = failures(pack, "lit.yaml")
    assert found and message in found[0], found
    assert len(found) == (2 if "rout'" in message else 1), found  # no route: also 'needs a route'

    assert found[0].startswith(f"{LIT}:{line_of(path, new.split(':')[0] if 'YAML' not in message else 'lines')}:") \
        or "YAML" in message


def test_the_lines_no_playthrough_reaches_are_listed(pack: Path) -> None:
    story = load_story(pack)
    (pack / "tests" / "playthroughs" / "climbed.yaml").unlink()
    seen = set().union(*(run_playthrough(story, p).seen for p in playthrough_files(pack)))
    missed = unreached_lines(story, seen)
    stairs = pack / "scenes" / "harbour" / "stairs.yaml"
    assert [(op.where.path, op.where.line) for op in missed] == \
        [("scenes/harbour/stairs.yaml", line_of(stairs, "Mind the seventh step"))]


def test_the_test_command_prints_each_file_then_what_is_unreached(pack: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "--story", "."]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out[:4] == [f"tests/playthroughs/{name}.yaml: ok (ending harbour.{end} after 2 choices)"
                       for name, end in (("asked", "dark"), ("climbed", "lit"), ("dark", "dark"), ("lit", "lit"))]
    assert out[4:6] == ["4 playthroughs: 4 passed, 0 failed.", "Every one of the 10 lines is reached by a playthrough."]
    (pack / "tests" / "playthroughs" / "climbed.yaml").unlink()
    rewrite(pack / LIT, "ending: harbour.lit", "ending: harbour.dark")
    assert main(["test", "--story", "."]) == 1
    out = capsys.readouterr().out.split("\n")
    line = line_of(pack / "scenes" / "harbour" / "stairs.yaml", "Mind the seventh step")
    assert out[2:4] == ["tests/playthroughs/lit.yaml: FAILED",
                        "  tests/playthroughs/lit.yaml:5:9: error: ended at 'harbour.lit', not 'harbour.dark' "
                        "(write 'ending: harbour.lit' if that is right)"]
    assert out[4:7] == ["3 playthroughs: 2 passed, 1 failed.", "1 of 10 lines no playthrough reaches:",
                        f"  scenes/harbour/stairs.yaml:{line}: keeper: Mind the seventh step. It remembers things."]


def test_the_test_command_without_playthroughs_says_where_they_go(pack: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for path in playthrough_files(pack):
        path.unlink()
    assert main(["test", "--story", "."]) == 1
    err = capsys.readouterr().err
    assert err.startswith("tests/playthroughs: no playthrough files (*.yaml) to run")


def test_the_games_own_playthroughs_pass_under_the_test_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "--json"]) == 0
    import json
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and len(data["files"]) == len(list((ROOT / "tests" / "playthroughs").glob("*.yaml")))
    assert 0 < len(data["unreached"]) < data["lines"]


def test_the_plugin_only_takes_a_storys_playthrough_files(pack: Path) -> None:
    assert story_root(pack / LIT) == pack
    assert story_root(pack / "scenes" / "harbour" / "quay.yaml") is None
    assert story_root(ROOT / "tests" / "saves" / "story" / "scenes" / "story.yaml") is None
    assert story_root(ROOT / "tests" / "playthroughs" / "paris_caught.yaml") == ROOT


def test_pytest_in_a_story_folder_runs_its_playthroughs_by_the_entry_point(pack: Path, tmp_path: Path) -> None:
    """The package's metadata is made afresh from pyproject.toml (egg_info), so pytest finds the plugin by the
    entry point it declares, as it will once the game is installed; nothing is installed."""
    meta = tmp_path / "meta"
    meta.mkdir()
    subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q", "egg_info",
                    "--egg-base", str(meta)], cwd=ROOT, check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(meta), str(ROOT)])}

    def pytest_here() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=pack, env=env,
                              capture_output=True, text=True)

    done = pytest_here()
    assert done.returncode == 0 and "4 passed" in done.stdout, done.stdout + done.stderr
    rewrite(pack / LIT, "meters: {trust: 4", "meters: {trust: 5")
    done = pytest_here()
    assert done.returncode == 1 and "1 failed, 3 passed" in done.stdout
    assert f"{LIT}:6:10: error: meter 'trust' is 4 at the end, not 5" in done.stdout
