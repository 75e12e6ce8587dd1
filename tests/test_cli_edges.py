"""The command line at the edges of its world: a pipe closed early, an ASCII terminal, a missing font package,
no display, an unexpected error. Each ends in one line (or none) and its exit code, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import (EXIT_BAD_INPUT, EXIT_CANNOT_START, EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE_CLOSED,
                      EXIT_UNEXPECTED)
from game.ui import theme

ROOT = Path(__file__).resolve().parents[1]

ACCENTED_MANIFEST = """\
title: Café des Étoiles
characters:
  sophie: {name: Sophie}
  stephane: {name: Stéphane}
meters:
  trust: {label: Confiance, min: 0, max: 5, start: 1}
routes:
  main: {title: Première nuit, blurb: "Stéphane’s café, à minuit.", start: a}
endings:
  warm: {title: Éclat, route: main, when: trust >= 2, priority: 5}
  plain: {title: Fin, route: main}
"""
ACCENTED_A = """\
steps:
  - stephane: Ça va, Sophie? Un café crème?
  - choice:
      - text: Oui, merci — avec plaisir.
        effects: {trust: +1}
        goto: b
      - text: Non.
        goto: b
"""
ACCENTED_B = """\
steps:
  - sophie: À demain, Stéphane.
  - ending: best
"""


@pytest.fixture
def story(story_dir) -> str:
    """A two-scene story whose every output has accents and a curly apostrophe in it."""
    return str(story_dir(ACCENTED_MANIFEST, {"a.yaml": ACCENTED_A, "b.yaml": ACCENTED_B}))


def commands(story: str, out: Path) -> dict[str, list[str]]:
    """Every command's output path, text and --json, on the small accented story (shot on the game's own)."""
    s = ["--story", story]
    cases = {
        "lint": ["lint", *s], "routes": ["routes", *s], "stats": ["stats", *s], "explore": ["explore", *s],
        "play": ["play", *s, "--route", "main", "--choose", "1"],
    }
    cases.update({f"{name} --json": [*args, "--json"] for name, args in list(cases.items())})
    cases["shot"] = ["shot", "--screen", "title", "--out", str(out / "title.png")]
    cases["shot --json"] = ["shot", "--screen", "title", "--out", str(out / "title2.png"), "--json"]
    return cases


def env(**changes: str | None) -> dict[str, str]:
    """This environment (dummy display and audio, player folders from conftest) with some names set or removed."""
    result = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", UTSS_EXIT_AFTER_FIRST_FRAME="1")
    for name, value in changes.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    return result


def game(*args: str, environ: dict[str, str] | None = None, **popen) -> subprocess.Popen:
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, env=environ or env(), **popen)


def patched(code: str, argv: list[str], environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh interpreter after `code` has patched something (a font lookup, a failing call)."""
    program = f"import sys\n{code}\nfrom game.cli import main\nsys.exit(main({argv!r}))\n"
    return subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=environ or env(), capture_output=True,
                          text=True, timeout=60)


def finish(procs: dict[str, subprocess.Popen], encoding: str = "utf-8") -> dict[str, tuple[int, str, str]]:
    """Wait for processes started together (they run side by side: the tests stay quick)."""
    done = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        done[name] = (proc.returncode, (out or b"").decode(encoding, "replace"), err.decode(encoding, "replace"))
    return done


def assert_quiet(name: str, err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, f"{name}: {err}"


# ------------------------------------------------------------------------------------------- closed pipes

def test_every_command_ends_quietly_with_141_when_its_reader_has_gone(story, tmp_path) -> None:
    cases = commands(story, tmp_path)
    cases["--help"] = ["--help"]
    cases["lint (problems) --json"] = ["lint", "--story", str(tmp_path / "nowhere"), "--json"]  # on stdout
    procs = {name: game(*args) for name, args in cases.items()}
    for proc in procs.values():
        proc.stdout.close()  # long before the child has started to write
    for name, (code, _out, err) in finish(procs).items():
        assert_quiet(name, err)
        # argparse drops help it cannot write and exits 0 itself; every command of ours says 141
        assert code == EXIT_PIPE_CLOSED or name == "--help" and code == EXIT_OK, f"{name}: exit {code}: {err}"
        assert err == "" or "shot" in name, f"{name}: {err}"  # (SDL may say something of its own)


def test_head_1_reads_one_line_and_the_rest_is_dropped(story_dir, tmp_path) -> None:
    # A transcript far longer than a pipe holds: the writer is still writing when the reader stops.
    lines = "".join(f"  - Ligne {i}, un café crème, s’il vous plaît.\n" for i in range(4000))
    root = story_dir(ACCENTED_MANIFEST, {"a.yaml": "steps:\n" + lines + "  - goto: b\n", "b.yaml": ACCENTED_B})
    with open(tmp_path / "stderr", "w+b") as err:  # a file, not a pipe: nothing can block on it
        proc = game("play", "--story", str(root), "--route", "main", stderr=err)
        first = proc.stdout.readline()
        proc.stdout.close()
        proc.wait(timeout=60)
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    assert_quiet("play | head -1", said)
    assert first.decode("utf-8").startswith("== a =="), said
    assert proc.returncode == EXIT_PIPE_CLOSED and said == ""


def test_problems_on_a_closed_standard_error_end_quietly(tmp_path) -> None:
    proc = game("lint", "--story", str(tmp_path / "nowhere"))
    proc.stderr.close()
    out, _err = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_PIPE_CLOSED and out == b""


def test_a_closed_standard_output_is_not_an_error(story) -> None:
    # `python -m game lint >&-`: there is nowhere to print, and nothing goes wrong.
    proc = subprocess.run([sys.executable, "-m", "game", "lint", "--story", story], cwd=ROOT, env=env(),
                          stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), timeout=60)
    assert proc.returncode == EXIT_OK and proc.stderr == b""


# ---------------------------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("setting", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
                                     {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": None}])
def test_an_output_encoding_without_the_accents_escapes_them(story, tmp_path, setting) -> None:
    environ = env(**setting)
    procs = {name: game(*args, environ=environ) for name, args in commands(story, tmp_path).items()}
    procs["lint (problems)"] = game("lint", "--story", str(Path(story) / "é"), environ=environ)
    for name, (code, out, err) in finish(procs, setting.get("PYTHONIOENCODING") or "utf-8").items():
        assert_quiet(name, err)
        if name == "lint (problems)":
            assert code == 1 and "the story manifest is missing" in err
            continue
        assert code == EXIT_OK, f"{name}: exit {code}: {err}"
        if name.endswith("--json"):
            data = json.loads(out)  # still one valid JSON object, whatever the encoding
            if name.startswith("routes"):
                assert data["routes"][0]["blurb"] == "Stéphane’s café, à minuit."
        elif name == "routes" and setting.get("PYTHONIOENCODING") == "ascii":
            assert "St\\xe9phane\\u2019s caf\\xe9, \\xe0 minuit." in out
        elif name == "routes" and setting.get("PYTHONIOENCODING") == "latin-1":
            assert "Stéphane\\u2019s café, à minuit." in out
        elif name == "routes":
            assert "Stéphane’s café" in out  # C locale: Python's UTF-8 mode


def test_an_ascii_terminal_gets_the_json_of_problems_whole(story_dir) -> None:
    root = story_dir(ACCENTED_MANIFEST, {"a.yaml": ACCENTED_A, "b.yaml": "steps:\n  - sophie: Café?\n"})
    proc = subprocess.run([sys.executable, "-m", "game", "lint", "--story", str(root), "--json"], cwd=ROOT,
                          env=env(PYTHONIOENCODING="ascii"), capture_output=True, timeout=60)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["ok"] is False


# ----------------------------------------------------------------------------------------------- fonts

HIDE_FAMILIES = """\
import fontpkg
for name in {hidden!r}:
    sys.modules["fontpkg_" + name.replace("-", "_")] = None   # the game's quick lookup (theme._packaged_file)
real_family = fontpkg.family
def family(name):
    if name in {hidden!r}:
        raise fontpkg.FamilyNotInstalled(name)
    return real_family(name)
fontpkg.family = family
"""
LOSE_LORA_FILE = """\
import fontpkg
from pathlib import Path
sys.modules["fontpkg_lora"] = None   # past the game's quick lookup, to fontpkg's

real_path = fontpkg.path
fontpkg.path = lambda name, *a, **k: Path("/nowhere/Lora-Regular.ttf") if name == "lora" else real_path(name, *a, **k)
"""


@pytest.mark.parametrize("argv", [[], ["--route", "vineyard"], ["shot", "--screen", "title", "--out", "x.png"]],
                         ids=["window", "window-route", "shot"])
def test_a_missing_font_package_is_one_line_with_the_fix(argv, tmp_path) -> None:
    if argv and argv[0] == "shot":
        argv = [*argv[:-1], str(tmp_path / "x.png")]
    proc = patched(HIDE_FAMILIES.format(hidden=("lora",)), argv)
    assert proc.returncode == EXIT_CANNOT_START and proc.stdout == ""
    assert proc.stderr.count("\n") == 1, proc.stderr
    fix = "the font package fontpkg-lora is not installed (install it: python -m pip install fontpkg-lora)"
    assert fix in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_every_missing_font_package_is_named_in_the_one_line() -> None:
    proc = patched(HIDE_FAMILIES.format(hidden=("lora", "cinzel")), [])
    assert proc.returncode == EXIT_CANNOT_START and proc.stderr.count("\n") == 1, proc.stderr
    assert "python -m pip install fontpkg-lora fontpkg-cinzel" in proc.stderr


def test_a_missing_font_file_asks_for_a_reinstall() -> None:
    proc = patched(LOSE_LORA_FILE, [])
    assert proc.returncode == EXIT_CANNOT_START and proc.stderr.count("\n") == 1, proc.stderr
    assert "/nowhere/Lora-Regular.ttf of fontpkg-lora is missing" in proc.stderr
    assert "python -m pip install --force-reinstall fontpkg-lora" in proc.stderr


def test_the_commands_without_a_window_need_no_fonts(story) -> None:
    proc = patched(HIDE_FAMILIES.format(hidden=("lora", "cinzel", "josefin-sans")), ["lint", "--story", story])
    assert proc.returncode == EXIT_OK, proc.stderr


# ----------------------------------------------------------------------------------------- the window

def test_no_video_driver_is_one_line() -> None:
    proc = game(environ=env(SDL_VIDEODRIVER="nonexistent"))
    code, _out, err = finish({"window": proc})["window"]
    assert_quiet("window", err)
    assert code == EXIT_CANNOT_START and "cannot start the game: no window can open" in err and "nonexistent" in err


def test_no_display_is_one_line_not_an_invisible_game() -> None:
    # SDL falls back to an invisible 'offscreen' display: the game would run unseen, forever.
    proc = game(environ=env(SDL_VIDEODRIVER=None, DISPLAY=None, WAYLAND_DISPLAY=None))
    code, _out, err = finish({"window": proc})["window"]
    assert_quiet("window", err)
    if code == EXIT_OK:
        pytest.skip("SDL found a display after all (a console framebuffer?)")
    assert code == EXIT_CANNOT_START and "no display found" in err


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_a_file(tmp_path) -> None:
    data = tmp_path / "data"
    boom = ("import game.ui.launch as l\ndef boom(*a):\n    raise RuntimeError('the stage fell\\ndown')\n"
            "l.play_in_window = boom")
    proc = patched(boom, [], env(UTSS_DATA_DIR=str(data)))
    assert proc.returncode == EXIT_UNEXPECTED and proc.stderr.count("\n") == 1, proc.stderr
    assert "unexpected error: RuntimeError: the stage fell down" in proc.stderr
    details = (data / "last-error.txt").read_text(encoding="utf-8")
    assert str(data / "last-error.txt") in proc.stderr
    assert "Traceback" in details and "the stage fell" in details


def test_an_unexpected_error_in_a_command_is_one_line_too(story, tmp_path) -> None:
    boom = "import game.story.stats as s\ndef boom(*a):\n    raise KeyError('words')\ns.story_stats = boom"
    proc = patched(boom, ["stats", "--story", story], env(UTSS_DATA_DIR=str(tmp_path / "data")))
    assert proc.returncode == EXIT_UNEXPECTED and "unexpected error: KeyError: 'words'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_ctrl_c_in_a_command_ends_quietly_with_130(story) -> None:
    stop = "import game.story.explore as e\ndef stop(*a, **k):\n    raise KeyboardInterrupt\ne.explore = stop"
    proc = patched(stop, ["explore", "--story", story])
    assert proc.returncode == EXIT_INTERRUPTED and proc.stderr == ""


def test_bad_input_still_exits_2_before_any_window() -> None:
    proc = game("--route", "nope", environ=env(SDL_VIDEODRIVER="nonexistent"))
    code, _out, err = finish({"window": proc})["window"]
    assert code == EXIT_BAD_INPUT and "unknown route 'nope'" in err


@pytest.mark.parametrize("face, italic", [(face, False) for face in theme.FACES] + [(theme.TEXT_FACE, True)])
def test_the_quick_font_lookup_finds_the_file_fontpkg_would(face, italic) -> None:
    """The window finds its faces without fontpkg's registry (25 ms of start-up); it must be the same file."""
    import fontpkg
    assert theme._packaged_file(face, italic) == Path(fontpkg.path(face, style="italic" if italic else "normal"))
