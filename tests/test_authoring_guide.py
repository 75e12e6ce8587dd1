"""docs/authoring.md, run: its transcripts of lint and test on the pack `new` makes are what the commands print,
before and after the edits the guide describes."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from game.cli import main

GUIDE = (Path(__file__).resolve().parents[1] / "docs" / "authoring.md").read_text(encoding="utf-8")
CONSOLE = re.findall(r"^```console\n(.*?)^```$", GUIDE, re.M | re.S)


def transcripts(command: str) -> list[list[str]]:
    """Each console block's output after `$ python -m game COMMAND ...`, up to the next command or '...'."""
    found = []
    for block in CONSOLE:
        lines = block.rstrip("\n").split("\n")
        for i, line in enumerate(lines):
            if line.startswith(f"$ python -m game {command} "):
                out = []
                for after in lines[i + 1:]:
                    if after.startswith("$ ") or after.strip() == "...":
                        break
                    out.append(after)
                found.append([line] + out)
    return found


def run(line: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(shlex.split(line)[4:])
    captured = capsys.readouterr()
    return (captured.out + captured.err).rstrip("\n").split("\n")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    new = transcripts("new")[0]
    assert run(new[0], capsys)[:13] == new[1:14]  # the files, in the order written
    return tmp_path / "lighthouse"


def test_the_guide_shows_what_new_lint_and_test_print(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused = transcripts("new")[1]
    assert run(refused[0], capsys) == refused[1:]
    lint = transcripts("lint")
    assert run(lint[0][0], capsys) == lint[0][1:]
    passed, failed = transcripts("test")
    assert run(passed[0], capsys) == passed[1:]
    # the edits the guide describes: a playthrough removed, another one's ending changed
    (here / "tests" / "playthroughs" / "climbed.yaml").unlink()
    lit = here / "tests" / "playthroughs" / "lit.yaml"
    lit.write_text(lit.read_text(encoding="utf-8").replace("ending: harbour.lit", "ending: harbour.dark"),
                   encoding="utf-8")
    assert run(failed[0], capsys) == failed[1:]


def test_the_guide_shows_what_lint_says_of_its_typo(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = re.search(r"add `(- keper: [^`]+)`\nafter `(- show: keeper at right)`", GUIDE)
    assert typo
    quay = here / "scenes" / "harbour" / "quay.yaml"
    text = quay.read_text(encoding="utf-8")
    quay.write_text(text.replace(f"  {typo[2]}\n", f"  {typo[2]}\n  {typo[1]}\n"), encoding="utf-8")
    assert run(transcripts("lint")[1][0], capsys) == transcripts("lint")[1][1:]
