"""Hostile story folders: each is refused with an author error at its file and line, quickly and in little
memory (never a traceback, a hang or a crash), and mutated real scenes load or give placed problems."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import Story, StoryError, load_story
from game.story.explore import explore
from robust_helpers import ASSETS, MANIFEST, ROBUST_IO, assert_placed, no_hang, real_story, tally
from robust_helpers import story_folder  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[1]
SECONDS = 5.0      # generous, so that a slow CI machine cannot fail it; the figures measured are printed
MEGABYTES = 200
PLACED = re.compile(r"^(?P<path>\S+?):(?P<line>[0-9]+):(?P<col>[0-9]+): (?:error|warning|note): (?P<message>.+)$")
SCENE = "steps:\n  - a: Hello.\n  - ending: e\n"


def bomb(levels: int) -> str:
    """A chain of aliases through then:, each link twice the one before ("billion laughs")."""
    text = "steps:\n  - if: true\n    then: &l0 [a: Hi., a: Ho.]\n"
    for i in range(1, levels + 1):
        text += f"  - if: true\n    then: &l{i} [{{if: true, then: *l{i - 1}}}, {{if: true, then: *l{i - 1}}}]\n"
    return text + "  - ending: e\n"


def tiled_map(tileset: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<map version="1.10" orientation="orthogonal" '
            f'width="2" height="2" tilewidth="8" tileheight="8" infinite="0">\n <tileset firstgid="1" '
            f'source="{tileset}"/>\n <layer id="1" name="l" width="2" height="2"><data encoding="csv">1,0,0,1'
            f'</data></layer>\n</map>\n').encode()


@dataclass(frozen=True)
class Hostile:
    where: tuple[str, int, int]     # file (under the story folder), line, column (0: any column)
    says: str                       # a part of the message
    scene: str | bytes = SCENE      # scenes/s.yaml
    manifest: tuple[str, str] = ("", "")   # a replacement in MANIFEST
    files: dict[str, bytes] = field(default_factory=dict)  # more files, as bytes


ROUTE = "r: {start: s}"
CASES = {
    # after: takes a route id or a list of them; other shapes once raised TypeError
    "after: a list in the list": Hostile(("scenes/story.yaml", 7, 25), "each entry of 'after' in route 'r' must be "
                                         "a route id", manifest=(ROUTE, "r: {start: s, after: [[x]]}")),
    "after: a mapping": Hostile(("scenes/story.yaml", 7, 24), "'after' in route 'r' must be a route id or a list",
                                manifest=(ROUTE, "r: {start: s, after: {x: 1}}")),
    "after: itself": Hostile(("scenes/story.yaml", 7, 24), "route 'r' cannot come after itself",
                             manifest=(ROUTE, "r: {start: s, after: r}")),
    "after: a circle": Hostile(("scenes/story.yaml", 7, 25), "neither ever opens",
                               manifest=(ROUTE, "r: {start: s, after: [q]}\n  q: {start: s, after: [r]}")),
    # numbers: 5,000 digits once passed Python's limit for int(); over 9 digits is a slip
    "a 5000-digit change": Hostile(("scenes/s.yaml", 2, 22), "the change to 'trust' is too large",
                                   scene="steps:\n  - effects: {trust: " + "9" * 5000 + "}\n  - ending: e\n"),
    "a quoted 5000-digit change": Hostile(("scenes/s.yaml", 2, 23), "the change to 'trust' is too large",
                                          scene="steps:\n  - effects: {trust: '+" + "9" * 5000 + "'}\n  - ending: e\n"),
    "a 10-digit setting": Hostile(("scenes/s.yaml", 2, 23), "the change to 'trust' is too large",
                                  scene="steps:\n  - effects: {trust: '=1000000000'}\n  - ending: e\n"),
    "a 5000-digit meter": Hostile(("scenes/story.yaml", 5, 24), "'max' in meter 'trust' is too large",
                                  manifest=("max: 10", "max: " + "9" * 5000)),
    # control characters: a NUL once passed the checker and crashed the window at its line
    "a NUL in a line": Hostile(("scenes/s.yaml", 2, 13), "U+0000 (NUL)",
                               scene="steps:\n  - a: Hello\x00.\n  - ending: e\n"),
    "a NUL from an escape": Hostile(("scenes/s.yaml", 2, 9), "U+0000 (NUL)",
                                    scene='steps:\n  - a: "Hello\\0."\n  - ending: e\n'),
    "an ESC from an escape in the title": Hostile(("scenes/story.yaml", 1, 9), "U+001B (ESC)",
                                                  manifest=("title: Fuzz", 'title: "Fu\\ezz"')),
    # once PyYAML's "position 19", a count of bytes; now the column, counted in characters
    "a BEL after accents": Hostile(("scenes/s.yaml", 2, 10), "U+0007 (BEL)",
                                   scene="steps:\n  - a: Éé\x07 là.\n  - ending: e\n"),
    "half a character": Hostile(("scenes/s.yaml", 2, 10), "not UTF-8 text",
                                scene=b"steps:\n  - a: Hi\xed\xa0\x80.\n  - ending: e\n"),
    # once 85 s and 3.9 GB, then MemoryError: the compiler walked every copy of a shared alias
    "an alias bomb through then:": Hostile(("scenes/s.yaml", 23, 28), "aliases repeat over 20,000 values",
                                           scene=bomb(20)),
    # once a segmentation fault: libyaml's composer recursed in C
    "100,000 nested brackets": Hostile(("scenes/s.yaml", 2, 105), "nested too deeply",
                                       scene="steps:\n  - a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "100,000 nested lists": Hostile(("scenes/s.yaml", 2, 201), "nested too deeply",
                                    scene="steps:\n  " + "- " * 100_000 + "x\n"),
    "a scene of 50,001 lines": Hostile(("scenes/s.yaml", 50_002, 5), "scene 's' has over 50,000 steps by here",
                                       scene="steps:\n" + "  - a: Hi.\n" * 50_001 + "  - ending: e\n"),
    # a tileset that names its own map, or a circle of tileset files, once recursed until RecursionError
    "a map that is its own tileset": Hostile(("assets/backgrounds/room.tmx", 3, 2),
                                             "tileset room.tmx is a <map>, not a tileset (.tsx) file",
                                             scene="background: room\n" + SCENE,
                                             files={"assets/backgrounds/room.tmx": tiled_map("room.tmx")}),
    "a circle of tileset files": Hostile(("assets/backgrounds/room.tmx", 3, 2),
                                         "tileset a.tsx names another file (b.tsx) instead of holding the tileset",
                                         scene="background: room\n" + SCENE,
                                         files={"assets/backgrounds/room.tmx": tiled_map("a.tsx"),
                                                "assets/backgrounds/a.tsx": b'<tileset name="a" source="b.tsx"/>',
                                                "assets/backgrounds/b.tsx": b'<tileset name="b" source="a.tsx"/>'}),
    # a field of the wrong type
    "a hint that is a list": Hostile(("scenes/s.yaml", 3, 35), "'hint' in an option must be text",
                                     scene="steps:\n  - choice:\n      - {text: Go, goto: s, hint: [a]}\n"
                                           "      - {text: Stop, then: [ending: e]}\n"),
}


def make(story_dir, case: Hostile) -> Path:
    old, new = case.manifest
    assert old in MANIFEST
    text = case.scene if isinstance(case.scene, str) else ""
    root = story_dir(MANIFEST.replace(old, new, 1), {"s.yaml": text}, ASSETS)
    if isinstance(case.scene, bytes):
        (root / "scenes" / "s.yaml").write_bytes(case.scene)
    for name, data in case.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def assert_refused_at(problems: list[tuple[str, int, int, str]], root: Path, case: Hostile) -> None:
    for path, line, col, _ in problems:
        assert path and line >= 1 and col >= 1, problems
    file, line, col = case.where
    assert any(Path(path).resolve() == (root / file).resolve() and (line, col or c) == (got, c)
               and case.says in message for path, got, c, message in problems), problems


# `python -m game lint`, then its peak memory on a line of its own: Linux's VmHWM, as ru_maxrss there keeps
# the high-water mark of the process it was forked from (here, pytest)
LINT = ("import resource, runpy, sys\n"
        "try:\n"
        "    runpy.run_module('game', run_name='__main__')\n"
        "finally:\n"
        "    try:\n"
        "        with open('/proc/self/status') as status:\n"
        "            peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith('VmHWM:'))\n"
        "    except (OSError, StopIteration):\n"
        "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "        peak *= 1 if sys.platform == 'darwin' else 1024\n"
        "    print('peak', peak / 2 ** 20, file=sys.stderr)\n")


@pytest.mark.parametrize("name", CASES)
def test_lint_refuses_a_hostile_story_at_its_place_quickly_and_in_little_memory(story_dir, name: str) -> None:
    case = CASES[name]
    root = make(story_dir, case)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", LINT, "lint", "--story", str(root)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - start
    *lines, summary, peak = done.stderr.rstrip("\n").split("\n")
    megabytes = float(peak.removeprefix("peak "))
    print(f"{name}: python -m game lint took {seconds:.2f} s, at most {megabytes:.0f} MB")
    assert done.returncode == 1, done.stderr[-2000:]
    assert re.fullmatch(r"[0-9]+ problems? in .*", summary), done.stderr[-2000:]
    placed = [PLACED.match(line) for line in lines]
    assert all(placed), done.stderr[-2000:]
    assert_refused_at([(m["path"], int(m["line"]), int(m["col"]), m["message"]) for m in placed], root, case)
    assert seconds < SECONDS and megabytes < MEGABYTES


def test_load_story_refuses_a_scene_past_its_step_limit_at_the_step(story_dir, monkeypatch) -> None:
    """The limit itself, small: the case above makes 50,001 lines to reach the real one."""
    monkeypatch.setattr("game.story.compiler.MAX_OPS", 10)
    root = story_dir(MANIFEST, {"s.yaml": "steps:\n" + "  - a: Hi.\n" * 8 + "  - if: true\n    then:\n"
                                + "      - a: Ho.\n" * 8 + "  - ending: e\n"}, ASSETS)
    with pytest.raises(StoryError) as info:
        load_story(root)
    assert [(p.where.line, p.message) for p in info.value.problems] == [(13, "scene 's' has over 10 steps by here")]


@pytest.mark.parametrize("name", ["a map that is its own tileset", "a circle of tileset files"])
def test_the_game_refuses_a_map_whose_tilesets_go_round_in_a_circle(story_dir, name: str) -> None:
    from game.ui.backgrounds import BackgroundError, load_background
    root = make(story_dir, CASES[name])
    start = time.perf_counter()
    with no_hang(), pytest.raises(BackgroundError) as info:
        load_background(root / "assets" / "backgrounds" / "room.tmx")
    assert "room.tmx:3: tileset" in str(info.value) and "\n" not in str(info.value)
    assert time.perf_counter() - start < SECONDS


# --------------------------------------------------------------------------- explore stays bounded

LOOP = """\
steps:
  - a: Round we go.
  - choice:
      - text: Again.
        if: visits(s) < 1000000000
        goto: s
      - text: Stop.
        {stop}
        goto: t
"""
END = "steps:\n  - a: Done.\n  - ending: e\n"


def test_explore_of_an_endless_loop_stops_at_its_budget_and_says_incomplete(story_dir) -> None:
    """Each round is a new state (visits(s) is read), so only the budget ends the walk."""
    root = story_dir(MANIFEST, {"s.yaml": LOOP.format(stop=""), "t.yaml": END}, ASSETS)
    start = time.perf_counter()
    with no_hang(60):
        report = explore(load_story(root), max_states=5000)
    seconds = time.perf_counter() - start
    print(f"explore of 5,000 states of a loop: {seconds:.2f} s")
    assert report.incomplete_routes == ["r"] and report.truncated and report.status == "incomplete"
    assert report.endings["e"]["reachable"] is True and report.endings["e"]["path"] == [2]
    assert report.states == 5000 and not report.dead_ends and not report.unreached_scenes
    assert report.lines()[-2:] == ["stopped early on route r: over 5,000 distinct states at menus",
                                   "5000 distinct states at menus; incomplete."]
    assert report.to_json()["status"] == "incomplete"
    assert seconds < SECONDS


def test_explore_calls_what_it_could_not_reach_in_its_budget_incomplete_not_unreachable(story_dir) -> None:
    root = story_dir(MANIFEST, {"s.yaml": LOOP.format(stop="requires: visits(s) >= 100000"), "t.yaml": END},
                     ASSETS)
    with no_hang(60):
        report = explore(load_story(root), max_states=2000)
    assert report.endings["e"]["reachable"] is None and report.undecided_scenes == ["t"]
    assert report.status == "incomplete" and not report.unreached_scenes
    text = "\n".join(report.lines())
    assert "UNREACHABLE" not in text and "never reached" not in text
    assert "ending e (r): incomplete" in text and "scene t: incomplete" in text


def test_explore_within_its_budget_decides_everything(story_dir) -> None:
    root = story_dir(MANIFEST, {"s.yaml": LOOP.format(stop="").replace("1000000000", "3"), "t.yaml": END}, ASSETS)
    report = explore(load_story(root), max_states=2000)
    assert report.status == "ok" and report.ok and not report.incomplete_routes and report.states == 3
    assert report.lines()[-1] == "3 distinct states at menus; no problems."


# --------------------------------------------------------------------------- mutated real scenes

CONTROL = tuple(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9f, 0xFFFE, 0xD800))
ESCAPES = ('"\\0"', '"\\a"', '"\\e"', '"\\r"', '"\\x07"', '"\\u0000"', '"\\N"', '"\\t"', '"\\n"')
NUMBERS = ("9" * 10, "9" * 5000, "'+" + "9" * 12 + "'", "'=" + "9" * 9 + "'", "0x" + "f" * 40, "1_000_000_000")


@st.composite
def hostile_edit(draw: st.DrawFn, text: str) -> bytes:
    """A real scene after a few edits of the kinds hostile or careless input makes."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(("control", "escape", "number", "nest", "alias", "bomb", "swap", "duplicate",
                                     "delete", "indent", "dedent", "cut")))
        if kind == "control":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(CONTROL)) + lines[i][at:]
        elif kind == "escape":
            lines.insert(i, f"  - {draw(st.sampled_from(ESCAPES))}")
        elif kind == "number":
            lines.insert(i, f"  - effects: {{trust: {draw(st.sampled_from(NUMBERS))}}}")
        elif kind == "nest":
            depth = draw(st.sampled_from((3, 99, 101, 20_000)))
            lines[i] = lines[i].replace(": ", ": " + "[" * depth, 1) + "]" * depth
        elif kind == "alias":
            # an anchor on one line's value and an alias of it on another: same or different kinds of step
            lines[i] = lines[i].replace(": ", ": &x ", 1)
            lines.insert(j, f"{' ' * draw(st.integers(0, 8))}- *x")
        elif kind == "bomb":
            lines[i:i] = bomb(draw(st.integers(1, 22))).split("\n")[1:-2]
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "duplicate":
            lines.insert(j, lines[i])
        elif kind == "delete":
            del lines[i:i + draw(st.integers(1, 5))]
            lines = lines or [""]
        elif kind in ("indent", "dedent"):
            spaces = draw(st.integers(1, 4))
            lines[i] = " " * spaces + lines[i] if kind == "indent" else lines[i][spaces:]
        else:  # cut a line short, as a truncated write would
            lines[i] = lines[i][:draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines).encode("utf-8", "surrogatepass")  # a lone surrogate makes bytes that are not UTF-8


@settings(ROBUST_IO, max_examples=200)
@given(data=st.data())
def test_load_story_with_hostile_edits_of_real_scenes_gives_a_story_or_placed_problems(story_folder,
                                                                                        data: st.DataObject) -> None:
    real = real_story()
    folder = story_folder(real.assets, real.maps)
    names = data.draw(st.lists(st.sampled_from(sorted(real.scenes)), min_size=1, max_size=2, unique=True),
                      label="scenes")
    edited = {name: data.draw(hostile_edit(real.scenes[name]), label=name) for name in names}
    root = folder.write(real.manifest, real.scenes)
    for name, content in edited.items():
        (root / "scenes" / name).write_bytes(content)
    start = time.perf_counter()
    with no_hang(SECONDS):
        try:
            story = load_story(root)
        except StoryError as exc:
            tally("load_story: StoryError")
            assert_placed(exc)
            for problem in exc.problems:
                assert problem.where.line >= 1 and problem.where.col >= 1, problem
            story = None
    assert time.perf_counter() - start < SECONDS
    if story is not None:
        tally("load_story: a Story")
        assert isinstance(story, Story)
