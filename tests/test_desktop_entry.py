"""What a built game's folder gives players beside the program (tools/package/): the desktop entry, the script
that installs it with the icon for one user, and the Windows icon file, all tested without building."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tools" / "package"
NAME = "under-the-same-stars"
needs_sh = pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX sh to run install-desktop-entry.sh")


def _unpacked(where: Path) -> Path:
    """A folder laid out as the build lays it out on Linux, with a stand-in executable."""
    where.mkdir(parents=True)
    for name in (f"{NAME}.desktop", "install-desktop-entry.sh"):
        shutil.copy2(PACKAGE / name, where / name)
    shutil.copy2(ROOT / "assets" / "ui" / "icon-256.png", where / f"{NAME}.png")
    executable = where / NAME
    executable.write_text("#!/bin/sh\n", encoding="utf-8")
    executable.chmod(0o755)
    return where


def _install(folder: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data.parent), "XDG_DATA_HOME": str(data)}
    return subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), *args], env=env, capture_output=True,
                          text=True, timeout=30)


def _entry(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _exec_arguments(value: str) -> list[str]:
    """Exec= read as the desktop entry specification says: the string escapes first, then the quoting."""
    unescaped, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(value[i + 1], "\\" + value[i + 1]))
            i += 2
        else:
            unescaped.append(value[i])
            i += 1
    text, arguments, current, quoted, i = "".join(unescaped).replace("%%", "\0"), [], "", False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and text[i + 1] in '"`$\\':
            current, i = current + text[i + 1], i + 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            arguments.append(current)
            current = ""
        else:
            current += c
        i += 1
    assert not quoted, f"an unclosed quote in {value!r}"
    return [a.replace("\0", "%") for a in arguments + [current] if a]


def test_the_desktop_entry_names_the_game_and_its_icon():
    entry = _entry((PACKAGE / f"{NAME}.desktop").read_text(encoding="utf-8"))
    assert entry["Type"] == "Application" and entry["Name"] == "Under the Same Stars"
    assert entry["Icon"] == NAME and entry["Exec"] == "@EXEC@" and entry["Terminal"] == "false"
    assert "Game" in entry["Categories"].split(";") and entry["Categories"].endswith(";")
    assert entry["StartupWMClass"] == NAME   # the class the window is given (game/ui/__init__.py's SDL hint)


@needs_sh
@pytest.mark.parametrize("folder_name", ["plain", "a folder with spaces", 'odd "$HOME" `x` 100% \\ back'])
def test_install_points_the_entry_at_this_folder_and_remove_takes_it_away(tmp_path: Path, folder_name: str):
    folder = _unpacked(tmp_path / "games" / folder_name / NAME)
    data = tmp_path / "home" / ".local" / "share"
    done = _install(folder, data)
    assert done.returncode == 0, done.stderr
    desktop = data / "applications" / f"{NAME}.desktop"
    icon = data / "icons" / "hicolor" / "256x256" / "apps" / f"{NAME}.png"
    entry = _entry(desktop.read_text(encoding="utf-8"))
    assert _exec_arguments(entry["Exec"]) == [str(folder / NAME)]
    assert icon.read_bytes() == (folder / f"{NAME}.png").read_bytes()
    assert f"Installed {desktop}" in done.stdout
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
        assert checked.returncode == 0 and "error" not in checked.stdout.lower(), checked.stdout
    again = _install(folder, data)   # run twice (after moving the folder, say): one entry, rewritten
    assert again.returncode == 0 and len(list((data / "applications").iterdir())) == 1
    removed = _install(folder, data, "--remove")
    assert removed.returncode == 0 and not desktop.exists() and not icon.exists()


@needs_sh
def test_install_outside_the_games_folder_says_where_to_run_it(tmp_path: Path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    shutil.copy2(PACKAGE / "install-desktop-entry.sh", folder / "install-desktop-entry.sh")
    done = _install(folder, tmp_path / "share")
    assert done.returncode == 1 and not (tmp_path / "share").exists()
    assert "no executable under-the-same-stars beside this script" in done.stderr
    assert "unpacked under-the-same-stars folder" in done.stderr


def test_the_windows_icon_holds_each_size_as_a_png(tmp_path: Path):
    data = (ROOT / "assets" / "ui" / "icon.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        png = data[offset:offset + length]
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and (planes, bits) == (1, 32)
        path = tmp_path / f"{i}.png"
        path.write_bytes(png)
        picture = pygame.image.load(str(path))
        assert picture.get_size() == (width or 256, height or 256)
        sizes.append(picture.get_width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
