"""The command line as a tester or author uses it: exit codes, JSON shapes, saves, other story folders."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyfixtures import ASSETS, MANIFEST

ROOT = Path(__file__).resolve().parents[1]
CLOSED_DOOR = "3,2,2,1,1,1,2,1,3,3,3,1"  # tests/playthroughs/vineyard_closed_door.yaml


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def as_json(proc: subprocess.CompletedProcess) -> dict:
    return json.loads(proc.stdout)  # the whole of standard output is one JSON object


def test_lint_clean_summary() -> None:
    proc = run("lint")
    assert proc.returncode == 0, proc.stderr
    assert "clean" in proc.stdout and "scenes" in proc.stdout
    data = as_json(run("lint", "--json"))
    assert data["ok"] is True and data["scenes"] >= 3 and data["endings"] >= 2 and data["menus"] >= 2


def test_lint_reports_every_error_and_exits_1(story_dir) -> None:
    root = story_dir(MANIFEST, {"a.yaml": "steps:\n  - sophi: Hi.\n  - goto: nowhere\n"}, ASSETS)
    proc = run("lint", "--story", str(root))
    assert proc.returncode == 1
    errors = [l for l in proc.stderr.splitlines() if ": error: " in l]
    assert len(errors) == 2 and "a.yaml:2:5: error: unknown character or step 'sophi'" in errors[0]
    assert "Traceback" not in proc.stderr
    data = as_json(run("lint", "--story", str(root), "--json"))
    assert data["ok"] is False and data["errors"][1]["line"] == 3


def test_routes_json_shape() -> None:
    data = as_json(run("routes", "--json"))
    assert {"id": "vineyard", "title": "The Vineyard", "start": "vineyard.doorstep"}.items() <= \
        data["routes"][0].items()
    assert [r["id"] for r in data["routes"]] == ["vineyard", "provence", "paris", "epilogue"]
    assert {e["route"] for e in data["endings"]} == {"vineyard", "provence", "paris", "epilogue"}
    assert set(data["endings"][0]) >= {"id", "title", "route"}


def test_play_json_to_an_ending() -> None:
    data = as_json(run("play", "--route", "vineyard", "--choose", CLOSED_DOOR, "--json"))
    assert set(data) == {"route", "ending", "meters", "flags", "choices", "lines", "stopped"}
    assert data["stopped"] == "ending" and data["ending"] == "vineyard.closed_door"
    assert data["choices"] == [3, 2, 2, 1, 1, 1, 2, 1, 3, 3, 3, 1] and data["meters"]["danger"] == 4


def test_play_stops_at_an_unanswered_menu_and_resumes_from_a_save(tmp_path) -> None:
    save = tmp_path / "save.json"
    first = as_json(run("play", "--route", "vineyard", "--choose", "3,2,2", "--save", str(save), "--json"))
    assert first["stopped"] == "menu" and first["ending"] is None
    second = as_json(run("play", "--load", str(save), "--choose", "1,1,1,2,1,3,3,3,1", "--json"))
    straight = as_json(run("play", "--route", "vineyard", "--choose", CLOSED_DOOR, "--json"))
    assert second["ending"] == straight["ending"] == "vineyard.closed_door"
    assert [l["id"] for l in first["lines"] + second["lines"]] == [l["id"] for l in straight["lines"]]


def test_play_transcript_is_readable() -> None:
    out = run("play", "--route", "vineyard", "--choose", CLOSED_DOOR).stdout
    assert "SOPHIA: Monsieur Petersen? Vitaliy Petersen?" in out
    assert "3. Ask her what she really wants. (unavailable: She has given you no reason yet to ask her" in out
    assert "> 3. \"I only grow grapes, mademoiselle.\"" in out
    assert "*** ENDING: The Door Stays Closed ***" in out


def test_play_random_is_repeatable() -> None:
    a = as_json(run("play", "--route", "vineyard", "--random", "7", "--json"))
    b = as_json(run("play", "--route", "vineyard", "--random", "7", "--json"))
    assert a == b and a["stopped"] == "ending"


@pytest.mark.parametrize("content", [b"", b"{\"format\": \"under-the-same-stars/save\", \"ver", b"\x00\x01binary",
                                     b"{\"format\": \"someone-else\"}"])
def test_play_refuses_a_bad_save_with_exit_2(tmp_path, content) -> None:
    save = tmp_path / "bad.json"
    save.write_bytes(content)
    out = tmp_path / "out.json"
    proc = run("play", "--load", str(save), "--save", str(out))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and str(save) in proc.stderr
    assert proc.stdout == "" and not out.exists() and save.read_bytes() == content


def test_play_rejects_unavailable_and_out_of_range_choices() -> None:
    proc = run("play", "--route", "vineyard", "--choose", "1,9")
    assert proc.returncode == 2 and "choice 9 does not exist" in proc.stderr
    proc = run("play", "--route", "vineyard", "--choose", "3,2,3")  # she has given him no reason to ask yet
    assert proc.returncode == 2 and "not available" in proc.stderr


def test_explore_json_reaches_every_ending() -> None:
    proc = run("explore", "--json")
    assert proc.returncode == 0
    data = as_json(proc)
    assert data["dead_ends"] == [] and data["unreached_scenes"] == [] and data["states"] > 0
    for ending_id, entry in data["endings"].items():
        assert entry["reachable"], ending_id
        replay = as_json(run("play", "--route", entry["route"], "--choose",
                             ",".join(map(str, entry["path"])) or "", "--json"))
        assert replay["ending"] == ending_id


def test_explore_finds_dead_ends_and_exits_1(story_dir) -> None:
    a = ("steps:\n  - choice:\n      - text: Fine.\n        goto: b\n      - text: Stuck.\n"
         "        then:\n          - ending: good\n")
    b = "steps:\n  - effects: {trust: -1}\n  - ending: best\n"
    manifest = MANIFEST.replace("  plain: {title: Plain, route: main}\n", "")
    root = story_dir(manifest, {"a.yaml": a, "b.yaml": b}, ASSETS)
    proc = run("explore", "--story", str(root), "--json")
    assert proc.returncode == 1
    data = as_json(proc)
    assert data["endings"]["good"] == {"route": "main", "title": "Good", "reachable": True, "path": [2],
                                       "where": f"{root / 'scenes' / 'story.yaml'}:11:3"}
    assert len(data["dead_ends"]) == 1 and data["dead_ends"][0]["path"] == [1]
    assert "no ending of route 'main' holds here" in data["dead_ends"][0]["reason"]


def test_stats_json_shape() -> None:
    data = as_json(run("stats", "--json"))
    assert set(data) >= {"words", "lines", "menus", "routes", "characters"}
    assert sum(route["words"] for route in data["routes"].values()) == data["words"]
    assert all(data["routes"][r]["words"] >= 4000 for r in ("vineyard", "provence", "paris"))
    assert data["characters"]["sophia"]["lines"] > 0
    narration_words = data["words"] - sum(c["words"] for c in data["characters"].values())
    assert narration_words > 0


def test_story_folder_elsewhere_and_missing(tmp_path) -> None:
    proc = run("lint", "--story", str(tmp_path / "nowhere"))
    assert proc.returncode == 1 and "the story manifest is missing" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_main_py_refuses_bad_arguments_before_opening_a_window(tmp_path) -> None:
    proc = subprocess.run([sys.executable, "main.py", "--route", "nope"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2 and "unknown route 'nope' (the routes are: vineyard, provence, paris, epilogue)" in proc.stderr
    proc = subprocess.run([sys.executable, "main.py", "--story", str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1 and "the story manifest is missing" in proc.stderr
    assert "Traceback" not in proc.stderr
