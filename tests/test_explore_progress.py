"""explore shows how far it got on stderr when stderr is a terminal, and nothing extra with --json or when piped."""
from __future__ import annotations

import io
import sys

import pytest

from game.cli import main
from game.progress import terminal_progress
from robust_helpers import MANIFEST

LOOP = ("steps:\n  - a: Round we go.\n  - choice:\n      - text: Again.\n        if: visits(s) < 25000\n"
        "        goto: s\n      - text: Stop.\n        then:\n          - ending: e\n")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def loop(story_dir) -> str:
    """25,000 distinct states (visits(s) is read), so the count is shown twice along the way, then at the end."""
    return str(story_dir(MANIFEST, {"s.yaml": LOOP}))


def run(argv: list[str], stderr: io.StringIO, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(argv)
    return code, capsys.readouterr().out, stderr.getvalue()


def test_a_terminal_sees_the_count_grow_then_wiped_before_the_report(loop, monkeypatch, capsys) -> None:
    code, out, err = run(["explore", "--story", loop], Terminal(), monkeypatch, capsys)
    assert code == 0 and out.endswith("25000 distinct states at menus; no problems.\n")
    counts = [part.split(":")[1].strip() for part in err.split("\r\x1b[K") if part]
    assert counts == ["10,000 states at menus, 0 still to follow", "20,000 states at menus, 0 still to follow",
                      "25,000 states at menus, 0 still to follow"]
    assert err.endswith("\r\x1b[K")  # the line is wiped, so the report starts on a clean line


@pytest.mark.parametrize("argv, stderr", [(["--json"], Terminal()), ([], io.StringIO())], ids=["json", "piped"])
def test_json_or_a_pipe_gets_nothing_extra(loop, monkeypatch, capsys, argv, stderr) -> None:
    code, out, err = run(["explore", "--story", loop, *argv], stderr, monkeypatch, capsys)
    assert code == 0 and out and err == ""


def test_no_progress_without_a_terminal_or_when_quiet() -> None:
    assert terminal_progress(Terminal(), quiet=False) is not None
    assert terminal_progress(Terminal(), quiet=True) is None
    assert terminal_progress(io.StringIO(), quiet=False) is None
    assert terminal_progress(None, quiet=False) is None
