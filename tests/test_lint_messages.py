"""Lint's messages beyond a single file: no follow-on errors after a file that cannot be read, repeated
messages capped, overlong lines and files warned of, endings whose condition can never hold; each message
exact, with its file:line."""
from __future__ import annotations

import pytest

from game.cli import main
from storyfixtures import ASSETS, MANIFEST

ENDING = "steps:\n  - ending: plain\n"


@pytest.fixture
def run(story_dir, monkeypatch, capsys):
    """run(command, scenes, manifest) -> (exit code, stdout lines, stderr lines), in the story folder."""
    def go(command: str, scenes: dict[str, str | bytes], manifest: str = MANIFEST):
        root = story_dir(manifest, {}, ASSETS)
        for name, text in scenes.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            (root / "scenes" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "scenes" / name).write_bytes(data)
        monkeypatch.chdir(root)
        code = main([*command.split(), "--story", "."])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err.splitlines()
    return go


def test_a_file_that_does_not_read_causes_no_follow_on_errors(run):
    """c.yaml would set the flag 'told' and is where b goes: neither the flag, nor visited(c), nor the goto
    is reported, only the file itself, with its line and column."""
    a = "steps:\n  - if: told and visited(c)\n    then:\n      - Yes.\n  - goto: c\n"
    c = b"steps:\n  - Caf\xe9 is not UTF-8 here.\n  - effects: {told: true}\n  - ending: plain\n"
    code, _, err = run("lint", {"a.yaml": a, "c.yaml": c})
    assert code == 1
    assert err == ["scenes/c.yaml:2:8: error: not UTF-8 text (invalid continuation byte at byte 14) "
                   "(save the file as UTF-8)", "1 problem in ."]


def test_a_manifest_part_that_does_not_read_stops_the_check_there(run):
    code, _, err = run("lint", {"a.yaml": "steps:\n  - jules: Hi.\n  - ending: plain\n",
                                "cafe/story.yaml": b"characters:\n  jules: {name: Jul\xe9s}\n"})
    assert (code, err) == (1, ["scenes/cafe/story.yaml:2:20: error: not UTF-8 text (invalid continuation byte at "
                               "byte 31) (save the file as UTF-8)", "1 problem in ."])


def test_after_bad_yaml_too(run):
    a = "steps:\n  - if: seen_photo\n    then:\n      - Yes.\n  - goto: c\n"
    code, _, err = run("lint", {"a.yaml": a, "c.yaml": "steps:\n  - effects: {seen_photo: true\n"})
    assert code == 1 and len(err) == 2 and err[0].startswith("scenes/c.yaml:3:1: error: malformed YAML"), err


def test_a_message_repeated_many_times_is_shown_fifty_times_then_counted(run):
    a = "steps:\n" + "  - nobody: Hi.\n" * 120 + "  - ending: plain\n"
    code, _, err = run("lint", {"a.yaml": a})
    assert code == 1
    same = ("error: unknown character or step 'nobody' (declare the character in story.yaml; if this is "
            "narration that contains ': ', put the whole line in quotes)")
    assert err[0] == f"scenes/a.yaml:2:5: {same}" and err[49] == f"scenes/a.yaml:51:5: {same}"
    assert err[50:] == ["... and 70 more like this", "120 problems in ."]


def test_a_line_far_longer_than_any_scene_is_a_warning(run):
    a = "steps:\n  - Hello.\n  - " + "word " * 500 + "\n  - ending: plain\n"
    code, out, err = run("lint", {"a.yaml": a})
    assert code == 0
    assert err == ["scenes/a.yaml:3:1: warning: a line of 2,504 characters, far longer than any line of a scene "
                   "(over 2,000) (break the text into several lines, or check it is what you meant)"]
    assert out[0].startswith("Test Story: clean but for 1 warning. ")


def test_a_file_far_longer_than_any_scene_is_a_warning(run):
    a = "steps:\n" + "  # a note\n" * 10_000 + "  - ending: plain\n"
    code, _, err = run("lint", {"a.yaml": a})
    assert (code, err) == (0, ["scenes/a.yaml:1:1: warning: the file has 10,003 lines, far more than any scene "
                               "(over 10,000) (split it into several scenes, or check it is the file you meant)"])


@pytest.mark.parametrize("when, shown, col", [("trust > 5", "trust > 5", 42), ("trust >= 6", "trust >= 6", 42),
                                              ("trust > 1 and danger < 0", "danger < 0", 56),
                                              ("trust + danger > 8 or trust < 0", "trust + danger > 8", 42)])
def test_an_ending_whose_condition_can_never_hold(run, when, shown, col):
    manifest = MANIFEST.replace("when: trust >= 3", f"when: {when}")
    code, _, err = run("lint", {"a.yaml": ENDING}, manifest)
    ranges = ", ".join(f"{m} goes from 0 to {top}" for m, top in (("danger", 3), ("trust", 5)) if m in shown)
    assert code == 1
    assert err == [f"scenes/story.yaml:11:{col}: error: ending 'good' can never be reached: '{shown}' never "
                   f"holds, as {ranges} (compare within the meter's range, or widen its min and max)",
                   "1 problem in ."]


@pytest.mark.parametrize("when", ["trust >= 5", "trust > 4 or trust < 0", "danger == 3", "visits(a) > 3",
                                  "trust + danger > 7"])
def test_an_ending_whose_condition_may_hold_lints_clean(run, when):
    manifest = MANIFEST.replace("when: trust >= 3", f"when: {when}")
    assert run("lint", {"a.yaml": ENDING}, manifest)[0] == 0


def test_explore_names_the_place_of_an_unreachable_ending(run):
    code, out, _ = run("explore", {"a.yaml": ENDING})
    assert code == 1
    assert out[0] == "ending good (main): UNREACHABLE (scenes/story.yaml:11:3)"
