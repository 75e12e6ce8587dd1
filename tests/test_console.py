"""game/console.py: a built program on Windows lets go of a console made for it alone (double-clicked in
Explorer), keeps one it shares (typed into a command prompt), and does nothing anywhere else. Windows' calls
are stood in for."""
from __future__ import annotations

import ctypes
import io
import sys

import pytest

from game import console


class Kernel32:
    def __init__(self, sharing: int, frees: bool = True):
        self.sharing, self.frees, self.freed = sharing, frees, False

    def GetConsoleProcessList(self, processes, size):  # noqa: N802 (Windows' name)
        assert size == len(processes) == 2
        return self.sharing

    def FreeConsole(self):  # noqa: N802
        self.freed = self.frees
        return int(self.frees)


@pytest.fixture
def windows(monkeypatch):
    """A built program on Windows; the kernel32 it sees is returned by calling the fixture with its answers."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())

    def kernel(sharing: int, frees: bool = True) -> Kernel32:
        k = Kernel32(sharing, frees)
        monkeypatch.setattr(ctypes, "windll", type("windll", (), {"kernel32": k}), raising=False)
        return k
    return kernel


def test_a_console_made_for_the_game_alone_is_let_go(windows):
    kernel = windows(sharing=1)
    out = sys.stdout
    assert console.release_own_console() and kernel.freed
    assert sys.stdout is not out and sys.stdout is sys.stderr
    print("goes nowhere, and raises nothing")


def test_a_console_shared_with_a_command_prompt_is_kept(windows):
    kernel = windows(sharing=2)
    out = sys.stdout
    assert not console.release_own_console() and not kernel.freed and sys.stdout is out


def test_a_refused_free_keeps_the_streams(windows):
    kernel = windows(sharing=1, frees=False)
    out = sys.stdout
    assert not console.release_own_console() and sys.stdout is out and not kernel.freed


def test_under_python_or_on_other_systems_nothing_happens(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert not console.release_own_console()        # python main.py on Windows: its console is the user's
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert not console.release_own_console()


def test_without_windows_calls_it_keeps_quiet(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(ctypes, "windll", raising=False)
    assert not console.release_own_console()
