"""Loading and checking: every kind of author mistake is reported with its file, line and a remedy."""
from __future__ import annotations

import pytest

from game.story import StoryError, load_story
from game.story.model import SayOp
from mapfixtures import plain, write_png
from storyfixtures import ASSETS, MANIFEST

GOOD_A = """\
background: bg
music: theme
steps:
  - Narration first.
  - show: sophie happy at left
  - sophie: Hello.
  - sophie neutral: Again.
  - marco: Hi.
  - goto: b
"""
GOOD_B = """\
steps:
  - ending: best
"""


def problems_of(story_dir, scenes: dict[str, str], manifest: str = MANIFEST) -> list[str]:
    root = story_dir(manifest, scenes, ASSETS)
    with pytest.raises(StoryError) as info:
        load_story(root)
    return [str(p) for p in info.value.problems]


def one_problem(story_dir, a: str, b: str = GOOD_B, manifest: str = MANIFEST) -> str:
    found = problems_of(story_dir, {"a.yaml": a, "b.yaml": b}, manifest)
    assert len(found) == 1, found
    return found[0]


def test_a_clean_story_loads_with_ids_and_places(story_dir) -> None:
    story = load_story(story_dir(MANIFEST, {"a.yaml": GOOD_A, "b.yaml": GOOD_B}, ASSETS))
    assert set(story.scenes) == {"a", "b"}
    says = [op for op in story.scenes["a"].ops if isinstance(op, SayOp)]
    assert [op.speaker for op in says] == [None, "sophie", "sophie", "marco"]
    assert says[2].expression == "neutral"
    assert says[1].where.line == 6 and says[1].where.path.endswith("a.yaml")
    assert len({op.line_id for op in says}) == 4
    assert story.meters["danger"].label == "Danger" and story.meters["danger"].visible is False
    assert story.characters["sophie"].expressions == ("happy", "neutral")


def test_line_ids_are_stable_when_other_lines_change(story_dir) -> None:
    first = load_story(story_dir(MANIFEST, {"a.yaml": GOOD_A, "b.yaml": GOOD_B}, ASSETS))
    edited = GOOD_A.replace("  - Narration first.\n", "  - A new line before.\n  - Narration first.\n")
    second = load_story(story_dir(MANIFEST, {"a.yaml": edited, "b.yaml": GOOD_B}, ASSETS))
    ids = lambda s: {op.text: op.line_id for op in s.scenes["a"].ops if isinstance(op, SayOp)}  # noqa: E731
    assert ids(first)["Hello."] == ids(second)["Hello."]
    assert ids(first)["Narration first."] == ids(second)["Narration first."]


def test_scene_id_comes_from_the_path(story_dir) -> None:
    manifest = MANIFEST.replace("start: a", "start: paris.cafe")
    story = load_story(story_dir(manifest, {"paris/cafe.yaml": "steps:\n  - ending: plain\n"}, ASSETS))
    assert "paris.cafe" in story.scenes


def test_unknown_speaker_with_suggestion(story_dir) -> None:
    msg = one_problem(story_dir, GOOD_A.replace("  - marco: Hi.", "  - sophi: Hi."))
    assert msg.endswith("a.yaml:8:5: error: unknown character or step 'sophi' (did you mean 'sophie'?)")


def test_narration_with_colon_gets_a_quoting_hint(story_dir) -> None:
    msg = one_problem(story_dir, GOOD_A.replace("  - Narration first.", "  - It was late: the last train had gone."))
    assert "unknown character or step 'It was late'" in msg and "put the whole line in quotes" in msg


def test_yes_and_numbers_stay_text(story_dir) -> None:
    a = GOOD_A.replace("  - marco: Hi.", "  - marco: No\n  - 1998")
    story = load_story(story_dir(MANIFEST, {"a.yaml": a, "b.yaml": GOOD_B}, ASSETS))
    texts = [op.text for op in story.scenes["a"].ops if isinstance(op, SayOp)]
    assert "No" in texts and "1998" in texts


@pytest.mark.parametrize("old, new, expected", [
    ("  - goto: b", "  - goto: c", "a.yaml:9:11: error: unknown scene 'c'"),
    ("  - show: sophie happy at left", "  - show: sophie hapy at left",
     "a.yaml:5:11: error: unknown expression 'hapy' for 'sophie' (did you mean 'happy'?)"),
    ("  - show: sophie happy at left", "  - show: sophie happy at lefft",
     "a.yaml:5:11: error: unknown position 'lefft' (did you mean 'left'?)"),
    ("  - show: sophie happy at left", "  - show: marco at left",
     "a.yaml:5:11: error: character 'marco' has no sprites to show (give it 'sprites:' in story.yaml)"),
    ("background: bg", "background: bgg",
     "a.yaml:1:13: error: background 'bgg' not found in assets/backgrounds/ (did you mean 'bg'?)"),
    ("background: bg", "background: ../../etc/passwd",
     "a.yaml:1:13: error: background name '../../etc/passwd' is not a plain name inside assets/backgrounds/"),
    ("background: bg", "background: bg with wipe",
     "a.yaml:1:13: error: unknown transition 'wipe' (use one of cut, fade, dissolve)"),
    ("music: theme", "music: them",
     "a.yaml:2:8: error: music 'them' not found in assets/music/ (did you mean 'theme'?)"),
])
def test_reference_errors(story_dir, old, new, expected) -> None:
    found = problems_of(story_dir, {"a.yaml": GOOD_A.replace(old, new), "b.yaml": GOOD_B})
    assert expected in found[0], found


def test_every_problem_is_reported_at_once(story_dir) -> None:
    a = GOOD_A.replace("  - marco: Hi.", "  - sophi: Hi.\n  - effects: {trusst: +1}\n  - if: trust >\n    then: [x]")
    found = problems_of(story_dir, {"a.yaml": a, "b.yaml": GOOD_B})
    assert len(found) == 3
    assert "unknown meter 'trusst' (did you mean 'trust'?)" in found[1]
    assert "condition 'trust >': the condition ends too soon" in found[2]


def test_steps_that_can_never_run(story_dir) -> None:
    msg = one_problem(story_dir, GOOD_A + "  - marco: Never said.\n")
    assert msg.endswith("a.yaml:10:5: error: this step can never run: the steps before it always leave the scene "
                        "(move it before the goto, ending or choice, or remove it)")


def test_after_a_menu_where_every_option_leaves(story_dir) -> None:
    a = "steps:\n  - choice:\n      - text: One\n        goto: b\n      - text: Two\n        goto: b\n  - Lost.\n"
    assert "a.yaml:7:5: error: this step can never run" in one_problem(story_dir, a)


def test_scene_that_can_fall_off_its_end(story_dir) -> None:
    a = "steps:\n  - if: trust > 2\n    then:\n      - goto: b\n"
    msg = one_problem(story_dir, a)
    assert "scene 'a' can reach its end without a goto or an ending" in msg and "ending: best" in msg


def test_scene_no_route_reaches(story_dir) -> None:
    found = problems_of(story_dir, {"a.yaml": GOOD_A, "b.yaml": GOOD_B, "lost.yaml": GOOD_B})
    assert found == [next(f for f in found if "lost.yaml:1:1: error: no route reaches scene 'lost'" in f)]


def test_duplicate_ids_and_keys(story_dir) -> None:
    found = problems_of(story_dir, {"a.yaml": GOOD_A, "b.yaml": GOOD_B, "c.yaml": "id: b\n" + GOOD_B})
    assert any("duplicate scene id 'b'" in f for f in found)
    dup = one_problem(story_dir, GOOD_A.replace("music: theme", "music: theme\nmusic: theme"))
    assert "a.yaml:3:1: error: duplicate key 'music' (it is already given at line 2)" in dup


def test_malformed_yaml_points_at_the_place(story_dir) -> None:
    msg = one_problem(story_dir, "steps:\n  - sophie: [unclosed\n")
    assert "a.yaml:3:1: error: malformed YAML" in msg and "quote text" in msg


@pytest.mark.parametrize("condition, message", [
    ("trust = 3", "write '==' to compare, not '='"),
    ("trust >= 3 && danger < 2", "write 'and' instead of '&&'"),
    ("trst > 1", "unknown meter or flag 'trst' (did you mean 'trust'?)"),
    ("trust", "this condition gives a number, not true/false"),
    ("trust == true", "'==' compares a number with true/false"),
    ("visited(nowhere)", "unknown scene 'nowhere'"),
    ("met_her", "unknown meter or flag 'met_her'"),
])
def test_condition_errors(story_dir, condition, message) -> None:
    a = f"steps:\n  - if: {condition}\n    then:\n      - Yes.\n  - goto: b\n"
    assert message in one_problem(story_dir, a)


def test_flags_are_known_once_set_somewhere(story_dir) -> None:
    a = "steps:\n  - effects: {met_her: true}\n  - if: met_her and not visited(b)\n    then: [Yes.]\n  - goto: b\n"
    assert "met_her" in load_story(story_dir(MANIFEST, {"a.yaml": a, "b.yaml": GOOD_B}, ASSETS)).flags


@pytest.mark.parametrize("manifest_change, message", [
    (("sprites: sophie}", "sprites: sofie}"), "sprite folder 'assets/characters/sofie/' not found (did you mean 'sophie'?)"),
    (("start: a", "start: aa"), "unknown scene 'aa' (did you mean 'a'?)"),
    (("route: main, when", "route: mian, when"), "unknown route 'mian' (did you mean 'main'?)"),
    (("priority: 5", "priority: high"), "'priority' in ending 'good' must be a whole number"),
    (("start: 1}", "start: 9}"), "meter 'trust' starts at 9, outside 0..5"),
    (("#aabbcc", "blue"), "colour 'blue' is not like '#c98a6b'"),
    (("title: Test Story", "titel: Test Story"), "unknown field 'titel' in story.yaml (did you mean 'title'?)"),
    (("marco: {name: Marco}", "goto: {name: Marco}"), "'goto' cannot be a character id"),
])
def test_manifest_errors(story_dir, manifest_change, message) -> None:
    old, new = manifest_change
    found = problems_of(story_dir, {"a.yaml": GOOD_A.replace("  - marco: Hi.\n", ""), "b.yaml": GOOD_B},
                        MANIFEST.replace(old, new))
    assert any(message in f for f in found), found
    assert all(f.split(":")[0].endswith(".yaml") for f in found)


def test_missing_manifest(tmp_path) -> None:
    with pytest.raises(StoryError) as info:
        load_story(tmp_path)
    assert "the story manifest is missing" in str(info.value)


def test_options_and_branches_are_checked(story_dir) -> None:
    a = ("steps:\n  - choice:\n      - text: One\n        gotoo: b\n      - txt: Two\n  - else:\n      - x\n"
         "  - goto: b\n")
    found = problems_of(story_dir, {"a.yaml": a, "b.yaml": GOOD_B})
    assert any("unknown field 'gotoo' in an option (did you mean 'goto'?)" in f for f in found)
    assert any("an option needs 'text:'" in f for f in found)
    assert any("'else' without an 'if' step just before it" in f for f in found)


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" orientation="orthogonal" renderorder="right-down" width="2" height="2" tilewidth="32"
     tileheight="32" infinite="0" nextlayerid="3" nextobjectid="4">
 <imagelayer id="1" name="sky"><image source="layers/sky.png" width="64" height="64"/></imagelayer>
 <objectgroup id="2" name="stage">
  <object id="1" name="bench" x="10" y="60"><point/></object>
  <object id="2" name="doorway" x="30" y="10" width="10" height="40"/>
  <object id="3" name="path" x="0" y="0"><polyline points="0,0 10,10"/></object>
 </objectgroup>
</map>
"""


def test_tiled_maps_name_positions_and_own_their_pictures(story_dir) -> None:
    a = GOOD_A.replace("background: bg", "background: garden").replace("at left", "at bench")
    root = story_dir(MANIFEST, {"a.yaml": a, "b.yaml": GOOD_B}, ASSETS)
    write_png(root / "assets" / "backgrounds" / "layers" / "sky.png", 64, 64, plain((0, 0, 80, 255)))
    (root / "assets" / "backgrounds" / "garden.tmx").write_text(TMX, encoding="utf-8")
    load_story(root)  # 'bench' is a point of the map
    bad = GOOD_A.replace("at left", "at path")  # a polyline is not a place to stand
    (root / "scenes" / "a.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(StoryError, match="unknown position 'path'"):
        load_story(root)
    (root / "scenes" / "a.yaml").write_text(GOOD_A.replace("background: bg", "background: layers/sky"),
                                            encoding="utf-8")
    with pytest.raises(StoryError) as raised:
        load_story(root)  # the map's own layer picture is not a background
    assert str(raised.value.problems[0]).endswith(
        "scenes/a.yaml:1:13: error: background 'layers/sky' is part of map assets/backgrounds/garden.tmx, "
        "not a background (name the map instead: 'background: garden')")


def test_a_story_yaml_in_a_subfolder_adds_to_the_manifest(story_dir) -> None:
    part = ("characters:\n  jules: {name: Old Jules}\n"
            "endings:\n  late: {title: Late, route: main, when: danger > 2, priority: 9}\n")
    a = GOOD_A.replace("  - marco: Hi.", "  - jules: Bonsoir.")
    story = load_story(story_dir(MANIFEST, {"a.yaml": a, "b.yaml": GOOD_B, "cafe/story.yaml": part}, ASSETS))
    assert "jules" in story.characters and story.endings["late"].route == "main"
    assert "cafe.story" not in story.scenes  # a manifest part is not a scene
    twice = part.replace("jules: {name: Old Jules}", "marco: {name: Marc}")
    found = problems_of(story_dir, {"a.yaml": GOOD_A, "b.yaml": GOOD_B, "cafe/story.yaml": twice})
    assert any("cafe/story.yaml:2:3: error: character 'marco' is declared twice (it is already declared at" in f
               for f in found), found
    wrong = "title: Another\n"
    found = problems_of(story_dir, {"a.yaml": GOOD_A, "b.yaml": GOOD_B, "cafe/story.yaml": wrong})
    assert any("unknown field 'title'" in f for f in found), found
