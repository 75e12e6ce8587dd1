"""The build players run without Python (tools/build.py): the version it is named by, and smoke tests of the
built program (its commands, and its window under Xvfb), which run only when PyInstaller is installed and
UTSS_BUILD_TEST=1 asks for it (~15-60 s)."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

import game
from game.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _build_tool():
    spec = importlib.util.spec_from_file_location("utss_build_tool", ROOT / "tools" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_tool = _build_tool()


def test_the_version_constant_is_pyprojects():
    assert game.__version__ == build_tool.version()


def test_version_flag_prints_the_game_and_its_version(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out == f"Under the Same Stars {game.__version__}\n"


@pytest.mark.parametrize("system, machine, tag", [("linux", "x86_64", "linux-x86_64"),
                                                   ("darwin", "arm64", "macos-arm64"),
                                                   ("win32", "AMD64", "windows-amd64")])
def test_the_archive_is_named_by_the_platform_it_runs_on(monkeypatch, system, machine, tag):
    monkeypatch.setattr(build_tool.sys, "platform", system)
    monkeypatch.setattr(build_tool.platform, "machine", lambda: machine)
    assert build_tool.platform_tag() == tag


def _why_not_build() -> str | None:
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (python -m pip install -e .[build])"
    if os.environ.get("UTSS_BUILD_TEST") != "1":
        return "the build takes 15-60 s: set UTSS_BUILD_TEST=1 to build and run it"
    return None


needs_build = pytest.mark.skipif(_why_not_build() is not None, reason=_why_not_build() or "")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tools/build.py run once into a temporary folder; the folder it builds into."""
    out = tmp_path_factory.mktemp("build")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def _run_built(built: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The built program with no Python of ours to lean on: PATH without the venv, no PYTHON* variables."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "UTSS_DATA_DIR": str(tmp_path / "data"), "UTSS_CONFIG_DIR": str(tmp_path / "config"),
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    executable = built / build_tool.NAME / build_tool.NAME
    return subprocess.run([str(executable), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)


@needs_build
def test_built_program_prints_its_version(built: Path, tmp_path: Path):
    done = _run_built(built, tmp_path, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"Under the Same Stars {game.__version__}\n", "")


@needs_build
def test_built_program_plays_as_python_does(built: Path, tmp_path: Path):
    command = ("play", "--route", "vineyard", "--random", "1", "--json")
    frozen = _run_built(built, tmp_path, *command)
    assert frozen.returncode == 0, frozen.stderr
    python = subprocess.run([sys.executable, "-m", "game", *command], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert python.returncode == 0, python.stderr
    assert json.loads(frozen.stdout) == json.loads(python.stdout)
    assert frozen.stdout == python.stdout


@needs_build
def test_built_program_holds_a_clean_story_and_its_translations(built: Path, tmp_path: Path):
    lint = _run_built(built, tmp_path, "lint")
    assert lint.returncode == 0 and "clean" in lint.stdout, lint.stdout + lint.stderr
    check = _run_built(built, tmp_path, "translate", "check", "--lang", "fr")
    assert check.returncode == 0, check.stdout + check.stderr


@needs_build
def test_archive_fits_and_its_checksum_matches(built: Path):
    archive = built / f"{build_tool.NAME}-{build_tool.version()}-{build_tool.platform_tag()}.tar.gz"
    digest, name = (built / (archive.name + ".sha256")).read_text(encoding="utf-8").split()
    assert (digest, name) == (hashlib.sha256(archive.read_bytes()).hexdigest(), archive.name)
    assert archive.stat().st_size <= build_tool.ARCHIVE_LIMIT
    assert build_tool.folder_size(built / build_tool.NAME) <= build_tool.FOLDER_LIMIT


@needs_build
def test_built_program_opens_its_window_on_the_title(built: Path, tmp_path: Path):
    """The window under Xvfb: it opens at 1:1 and draws the title with its gold rule (the fonts and the map
    are found in the bundle); then the test closes it."""
    from xvfb_helpers import XDisplay, missing_tools, share_of, start_xvfb, stop, wait_for
    missing = missing_tools()
    if missing:
        pytest.skip(f"the window test needs {', '.join(missing)}: not installed")
    server, number = start_xvfb("1280x720x24")
    game_process = None
    try:
        display = XDisplay(number)
        display.wait_until_answering()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "DISPLAY": f":{number}",
               "SDL_VIDEODRIVER": "x11", "SDL_AUDIODRIVER": "dummy",
               "UTSS_DATA_DIR": str(tmp_path / "data"), "UTSS_CONFIG_DIR": str(tmp_path / "config")}
        stderr = tmp_path / "stderr.txt"
        with open(stderr, "w") as err:
            game_process = subprocess.Popen([str(built / build_tool.NAME / build_tool.NAME)], cwd=tmp_path, env=env,
                                            stdout=subprocess.DEVNULL, stderr=err)

        def dead() -> str | None:
            code = game_process.poll()
            return None if code is None else f"the game exited with {code}: {stderr.read_text()[-2000:]}"

        window = display.find_window("under-the-same-stars", dead)
        assert window.rect.size == (1280, 720)
        title_rule = pygame.Rect(480, 222, 320, 2)   # title.py: the gold rule under the game's name
        wait_for(lambda: display.screenshot().subsurface(window.rect).copy(),
                 lambda p: share_of(p.subsurface(title_rule), (224, 178, 92)) > 0.9,
                 "the title screen with its gold rule", timeout=20, dead=dead, keep=tmp_path / "last.png")
        assert dead() is None
    finally:
        stop(game_process)
        stop(server)
    assert "Traceback" not in stderr.read_text()
