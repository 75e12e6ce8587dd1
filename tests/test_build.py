"""The build players run without Python (tools/build.py): the version it is named by, the files players get
beside the program, and smoke tests of the built program (its commands, and its window under Xvfb), which run
whenever PyInstaller is installed (~15-60 s; .ci/run installs it) unless UTSS_BUILD_TEST=0 says not to."""
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
from toolfiles import load_tool

ROOT = Path(__file__).resolve().parents[1]


build_tool = load_tool("build")


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
    if os.environ.get("UTSS_BUILT"):
        return None   # a build made already (the release workflow tests the one it uploads)
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (python -m pip install -e .[build]): the built program is not tested"
    if os.environ.get("UTSS_BUILD_TEST") == "0":
        return "UTSS_BUILD_TEST=0 asks not to build (15-60 s)"
    return None


needs_build = pytest.mark.skipif(_why_not_build() is not None, reason=_why_not_build() or "")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tools/build.py run once into a temporary folder; the folder it builds into. UTSS_BUILT=DIR tests the
    build already in DIR instead (tools/build.py --out DIR)."""
    if os.environ.get("UTSS_BUILT"):
        made = Path(os.environ["UTSS_BUILT"]).resolve()
        assert (made / build_tool.NAME).is_dir(), f"UTSS_BUILT={made}: no {build_tool.NAME}/ folder in it"
        return made
    out = tmp_path_factory.mktemp("build")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def _run_built(built: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The built program with no Python of ours to lean on: PATH without the venv, no PYTHON* variables (both
    programs print in the same encoding, the system's, and are read back in it)."""
    env = {**_bare_environment(tmp_path), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([str(_executable(built)), *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)


def _executable(built: Path) -> Path:
    return built / build_tool.NAME / (build_tool.NAME + (".exe" if sys.platform == "win32" else ""))


def _bare_environment(tmp_path: Path) -> dict[str, str]:
    """The system's own folders on PATH and nothing of Python's; the player's folders in tmp_path."""
    env = {"HOME": str(tmp_path), "LANG": "C.UTF-8",
           "UTSS_DATA_DIR": str(tmp_path / "data"), "UTSS_CONFIG_DIR": str(tmp_path / "config")}
    if sys.platform == "win32":
        system_root = os.environ.get("SystemRoot", r"C:\Windows")
        env.update(SystemRoot=system_root, PATH=f"{system_root}\\System32;{system_root}",
                   USERPROFILE=str(tmp_path), LOCALAPPDATA=str(tmp_path / "local"), APPDATA=str(tmp_path / "roaming"),
                   TEMP=str(tmp_path), TMP=str(tmp_path))
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


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
@pytest.mark.parametrize("command", [("routes",), ("stats",), ("explore", "--json"), ("analyze", "--json", "--plays", "20"),
                                     ("graph", "--out", "graph.svg"),
                                     ("shot", "--route", "paris", "--choose", "1", "--out", "shot.png")],
                         ids=lambda c: c[0])
def test_every_command_runs_in_the_built_program(built: Path, tmp_path: Path, command: tuple[str, ...]):
    done = _run_built(built, tmp_path, *command)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    if command[0] == "shot":   # the fonts, the map and the sprites, drawn from the bundle
        picture = pygame.image.load(str(tmp_path / "shot.png"))
        colours = {picture.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
        assert picture.get_size() == (1280, 720) and len(colours) > 50
    elif command[0] == "graph":
        assert (tmp_path / "graph.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    elif "--json" in command:
        json.loads(done.stdout)


@needs_build
def test_an_authors_story_pack_is_made_checked_and_tested_by_the_built_program(built: Path, tmp_path: Path):
    made = _run_built(built, tmp_path, "new", "pack")
    assert made.returncode == 0 and "under-the-same-stars lint --story pack" in made.stdout, made.stdout + made.stderr
    for command in (("lint",), ("test",), ("play", "--route", "harbour", "--choose", "1,1")):
        done = _run_built(built, tmp_path, "--story", "pack", *command)
        assert done.returncode == 0, f"{command}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    usage = _run_built(built, tmp_path, "--help")
    assert usage.stdout.startswith("usage: under-the-same-stars ")


@needs_build
def test_archive_fits_and_its_checksum_matches(built: Path):
    archive = built / build_tool.archive_name()
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
        env = {**_bare_environment(tmp_path), "DISPLAY": f":{number}", "SDL_VIDEODRIVER": "x11",
               "SDL_AUDIODRIVER": "dummy"}
        stderr = tmp_path / "stderr.txt"
        with open(stderr, "w") as err:
            game_process = subprocess.Popen([str(_executable(built))], cwd=tmp_path, env=env,
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


@needs_build
def test_players_find_a_readme_and_on_linux_a_desktop_entry(built: Path):
    folder = built / build_tool.NAME
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith(f"Under the Same Stars {game.__version__}\n") and "@" not in readme
    if sys.platform.startswith("linux"):
        assert os.access(folder / "install-desktop-entry.sh", os.X_OK)
        assert pygame.image.load(folder / f"{build_tool.NAME}.png").get_size() == (256, 256)
        assert (folder / f"{build_tool.NAME}.desktop").read_text(encoding="utf-8") == \
            (build_tool.PACKAGE / f"{build_tool.NAME}.desktop").read_text(encoding="utf-8")
