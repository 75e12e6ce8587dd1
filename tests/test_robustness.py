"""Property tests: bad YAML, stories, conditions and saves give a StoryError and never a crash or a hang."""
from __future__ import annotations

import json
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, example, given, settings
from hypothesis import strategies as st

from game.story import Changed, Runner, SaveError, Story, StoryError, load_story, read_save, write_save
from game.story import conditions
from game.story.conditions import ConditionError
from game.story.loader import MANIFEST_FIELDS, SCENE_FIELDS
from game.story.compiler import OPTION_FIELDS, STEP_WORDS
from game.story.playthrough import MAX_RANDOM_CHOICES, play
from game.story.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parents[1]

# Derandomized and without an example database, so a CI run tries the same inputs as a local run.
ROBUST = settings(derandomize=True, database=None, max_examples=200,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                         HealthCheck.filter_too_much, HealthCheck.data_too_large])
# Tests that write story folders or play whole stories: time goes to the file system, not to a hang,
# and no_hang() below is the guard against hangs.
ROBUST_IO = settings(ROBUST, deadline=None, max_examples=80)


class Hang(Exception):
    """A call that ran past its time limit."""


@contextmanager
def no_hang(seconds: float = 5.0) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the body runs longer than `seconds`."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield  # no timer there: such a run relies on the suite's own timeout
        return

    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def tally(what: str) -> None:
    """Count an outcome for --hypothesis-show-statistics, so one can see that both outcomes happen."""
    if currently_in_test_context():
        event(what)


def assert_placed(exc: StoryError) -> None:
    """A StoryError from loading names at least one problem, each with a file and a line >= 0."""
    assert exc.problems, str(exc)
    for problem in exc.problems:
        assert isinstance(problem.where.path, str) and problem.where.path, problem
        assert isinstance(problem.where.line, int) and problem.where.line >= 0, problem
        assert isinstance(problem.message, str) and problem.message, problem


def read_yaml_safely(text: str) -> None:
    with no_hang():
        try:
            read_yaml(text, "scenes/fuzz.yaml")
        except StoryError as exc:
            assert_placed(exc)


def load_safely(root: Path) -> Story | None:
    with no_hang():
        try:
            story = load_story(root)
        except StoryError as exc:
            tally("load_story: StoryError")
            assert_placed(exc)
            return None
    tally("load_story: a Story")
    return story


# --------------------------------------------------------------------------- text mutations

YAML_TOKENS = (": ", ":", "- ", "-", "\n", "\n  ", "  ", "\t", "[", "]", "{", "}", ",", "? ", "|", ">", "|-",
               '"', "'", "#", "---", "...", "&a ", "*a", "&b ", "*b", "<<: ", "~", "null", "yes", "no", "1",
               "0x1F", "1e9", ".inf", "2001-02-03", "\\", "\\u00e9", "%YAML 1.1\n", "%TAG ! x\n", "!", "!x ",
               "\r\n", "\ufeff", "é", "x")
# Explicit standard tags: they reach PyYAML's own constructors, which reject odd scalars in many ways.
YAML_TAGS = ("!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!timestamp ", "!!binary ", "!!set ",
             "!!omap ", "!!pairs ", "!!seq ", "!!map ", "!!merge ", "!!value ", '""', "''")


def token_soup(tokens: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens) | st.text(max_size=3), max_size=40).map("".join)


@st.composite
def mutated(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """A text with a few random insertions, deletions and character replacements."""
    text = draw(texts)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        if action == "insert":
            text = text[:pos] + draw(st.sampled_from(YAML_TOKENS) | st.text(min_size=1, max_size=4)) + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 30)):]
        else:
            text = text[:pos] + draw(st.sampled_from(YAML_TOKENS) | st.characters()) + text[pos + 1:]
    return text


@dataclass(frozen=True)
class RealStory:
    manifest: str
    scenes: dict[str, str]          # name under scenes/ -> text
    assets: tuple[str, ...]         # files under assets/ that the story needs
    maps: dict[str, bytes]          # its Tiled maps, copied whole: they name the stage positions


@lru_cache(maxsize=1)
def real_story() -> RealStory:
    """The project's own story, with every asset it names (art still missing in the tree included)."""
    scenes_dir = ROOT / "scenes"
    scenes = {p.relative_to(scenes_dir).as_posix(): p.read_text(encoding="utf-8")
              for p in sorted(scenes_dir.rglob("*.yaml")) if p.name != "story.yaml"}
    assets = {p.relative_to(ROOT / "assets").as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file()}
    try:
        load_story(ROOT)
    except StoryError as exc:
        for problem in exc.problems:
            found = re.search(r"assets/(\S+\.\w+)", problem.hint)
            if found:
                assets.add(found.group(1))
    maps = {name: (ROOT / "assets" / name).read_bytes() for name in assets if name.endswith(".tmx")}
    return RealStory((scenes_dir / "story.yaml").read_text(encoding="utf-8"), scenes, tuple(sorted(assets)), maps)


def real_scene_texts() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(real_story().scenes.values()))


# --------------------------------------------------------------------------- 1. read_yaml

@ROBUST
@given(st.text())
def test_read_yaml_on_any_text_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@given(token_soup(YAML_TOKENS))
def test_read_yaml_on_yaml_token_soup_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@given(mutated(st.deferred(real_scene_texts)))
def test_read_yaml_on_mutated_real_scenes_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@ROBUST
@example('!!int ""')  # once let IndexError out of PyYAML's constructor
@given(token_soup(YAML_TOKENS + YAML_TAGS))
def test_read_yaml_on_tagged_token_soup_returns_or_raises_story_error(text: str) -> None:
    read_yaml_safely(text)


@pytest.mark.parametrize("text", [
    # PyYAML's constructors raise IndexError, KeyError and AttributeError for these, not only ValueError.
    '!!int ""', "a: !!float ''", '!!int "-"', "!!bool maybe", '!!timestamp ""',
    "!!int 0x", "!!timestamp 2001-02-30", "!!binary ab", "a: !!python/name:os.system x", "a: &x [*x]",
])
def test_read_yaml_tagged_scalar_pyyaml_cannot_construct_is_a_story_error(text: str) -> None:
    with pytest.raises(StoryError) as info:
        read_yaml(text, "scenes/x.yaml")
    assert_placed(info.value)


def test_read_yaml_on_text_with_a_lone_surrogate_is_a_story_error() -> None:
    """The C loader encodes the text as it is made, so this once raised UnicodeEncodeError."""
    with pytest.raises(StoryError) as info:
        read_yaml("a: \ud800", "scenes/x.yaml")
    assert_placed(info.value)


# --------------------------------------------------------------------------- 2. load_story

MANIFEST = """\
title: Fuzz
characters:
  a: {name: Anna}
meters:
  trust: {min: 0, max: 10, start: 2}
routes:
  r: {start: s}
endings:
  e: {route: r}
"""
SCENE = "steps:\n  - a: Hello.\n  - ending: e\n"

NAMES = tuple(sorted({*MANIFEST_FIELDS, *SCENE_FIELDS, *STEP_WORDS, *OPTION_FIELDS, "then", "text", "narrator",
                      "name", "color", "sprites", "label", "min", "max", "start", "visible", "title", "blurb",
                      "picture", "route", "when", "priority", "epilogue", "a", "a happy", "trust", "r", "e", "s"}))
ODD_TEXT = ("", " ", "a", "s", "e", "r", "best", "stop", "trust", "trust >= 1", "visited(s)", "a happy at left",
            "a at", "at", "bg with fade", "bg with", "+1", "-2", "=3", "= 4", "=-1", "+-5", "=+-5", "²", "=²",
            "#c98a6b", "#zzzzzz", "a.b", "..", "../x", "x/../../y", "\n", "a: b", "- x", "true", "null", "1e3")
scalars = (st.none() | st.booleans() | st.integers() | st.integers(-3, 12) | st.floats()
           | st.text(max_size=12) | st.sampled_from(ODD_TEXT))
keys = st.sampled_from(NAMES) | st.text(max_size=8) | st.integers(-2, 2) | st.booleans() | st.none()
json_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(keys, inner, max_size=4), max_leaves=12)


def dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True)


@st.composite
def fields(draw: st.DrawFn, spec: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A mapping with some of the given fields, each holding a sensible value or any JSON-like value."""
    out: dict[str, Any] = {}
    for name, sensible in spec.items():
        if draw(st.integers(0, 4)):  # most fields are present
            out[name] = draw(st.one_of(sensible, json_like))
    if not draw(st.integers(0, 6)):
        out[draw(keys)] = draw(json_like)  # and now and then a field nobody asked for
    return out


def entry(spec: dict[str, st.SearchStrategy[Any]], ids: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from(ids) | keys, fields(spec) | json_like, min_size=1, max_size=3)


manifests = fields({
    "title": st.just("Fuzz"),
    "characters": entry({"name": st.just("Anna"), "color": st.just("#c98a6b"), "sprites": st.just("a")},
                        ("a", "b", "if", "x.y")),
    "meters": entry({"label": st.just("Trust"), "min": st.integers(-3, 3), "max": st.integers(-3, 12),
                     "start": st.integers(-3, 12), "visible": st.booleans()}, ("trust", "t.x")),
    "routes": entry({"title": st.just("R"), "blurb": st.just("B"), "start": st.sampled_from(("s", "t", "x")),
                     "picture": st.just("bg")}, ("r",)),
    "endings": entry({"title": st.just("E"), "route": st.just("r"), "when": st.sampled_from(ODD_TEXT),
                      "priority": st.integers(-2, 2), "epilogue": st.just("The end.")}, ("e", "best", "f")),
})
effects = st.dictionaries(st.sampled_from(("trust", "told", "x y", "1")) | keys,
                          st.booleans() | st.integers(-20, 20) | st.sampled_from(ODD_TEXT) | json_like, max_size=3)
flow = st.sampled_from(("s", "t", "e", "best", "nowhere"))
steps = st.deferred(lambda: st.lists(step, max_size=5))
option = fields({"text": st.just("Go"), "if": st.sampled_from(ODD_TEXT), "requires": st.sampled_from(ODD_TEXT),
                 "hint": st.just("Later."), "effects": effects, "then": steps, "goto": flow})
step = st.one_of(
    st.text(max_size=10), scalars,
    st.builds(lambda key, value: {key: value}, st.sampled_from(("a", "a happy", "b", "a x y", "narrate")),
              scalars | json_like),
    st.builds(lambda key, value: {key: value}, st.sampled_from(STEP_WORDS), json_like | st.sampled_from(ODD_TEXT)),
    st.builds(lambda value: {"effects": value}, effects),
    st.builds(lambda value: {"hide": value}, json_like),
    st.builds(lambda value: {"goto": value}, flow), st.builds(lambda value: {"ending": value}, flow),
    st.builds(lambda options: {"choice": options}, st.lists(option, max_size=3) | json_like),
    fields({"if": st.sampled_from(ODD_TEXT), "then": steps}),
    fields({"elif": st.sampled_from(ODD_TEXT), "then": steps}),
    st.builds(lambda body: {"else": body}, steps | json_like),
)
scene_files = fields({"id": st.sampled_from(("s", "t", "x.y", "1x")), "background": st.just("bg"),
                      "music": st.sampled_from(("m", "stop")), "ambience": st.just("m"), "steps": steps})
ASSETS = ("backgrounds/bg.png", "music/m.ogg", "ambience/m.ogg", "sounds/m.ogg", "characters/a/happy.png")


class StoryFolder:
    """A story folder made once by the story_dir fixture; each example rewrites only its scenes/ files
    (making the whole folder again, assets included, costs most of an example's time)."""

    def __init__(self, story_dir: Callable[..., Path], assets: tuple[str, ...], files: dict[str, bytes]):
        self.root = story_dir(MANIFEST, {}, assets)
        for name, data in files.items():
            (self.root / "assets" / name).write_bytes(data)

    def write(self, manifest: str, scenes: dict[str, str]) -> Path:
        folder = self.root / "scenes"
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (folder / "story.yaml").write_text(manifest, encoding="utf-8")
        for name, text in scenes.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        return self.root


@pytest.fixture
def story_folder(story_dir) -> Callable[..., StoryFolder]:
    """story_folder(assets, {asset: bytes}) -> the test's one StoryFolder: made, with empty asset files
    unless given their bytes, on the first call and reused by every example."""
    made: list[StoryFolder] = []

    def get(assets: tuple[str, ...] = ASSETS, files: dict[str, bytes] | None = None) -> StoryFolder:
        if not made:
            made.append(StoryFolder(story_dir, assets, files or {}))
        return made[0]
    return get


@ROBUST_IO
@given(scene=st.text(), other=json_like.map(dump))
def test_load_story_with_random_scene_files_raises_story_error(story_folder, scene: str, other: str) -> None:
    load_safely(story_folder().write(MANIFEST, {"s.yaml": SCENE, "t.yaml": scene, "sub/u.yml": other}))


@ROBUST_IO
@example(manifest=yaml.safe_load(MANIFEST), scenes=[{"steps": [{"hide": ["a"]}, {"ending": "e"}]}])
@example(manifest=yaml.safe_load(MANIFEST), scenes=[{"steps": [{"effects": {"trust": "+-5"}}, {"ending": "e"}]}])
@given(manifest=manifests, scenes=st.lists(scene_files | json_like, min_size=1, max_size=3))
def test_load_story_with_wrong_types_in_every_field_raises_story_error(story_folder, manifest: Any,
                                                                       scenes: list[Any]) -> None:
    files = {f"{name}.yaml": dump(data) for name, data in zip(("s", "t", "x/y"), scenes)}
    load_safely(story_folder().write(dump(manifest), files))


@ROBUST_IO
@given(manifest=manifests | json_like | scene_files)
def test_load_story_with_a_wrong_manifest_raises_story_error(story_folder, manifest: Any) -> None:
    load_safely(story_folder().write(dump(manifest), {"s.yaml": SCENE}))


@ROBUST_IO
@given(data=st.data())
def test_load_story_with_mutated_real_files_raises_story_error(story_folder, data: st.DataObject) -> None:
    real = real_story()
    folder = story_folder(real.assets, real.maps)
    manifest = real.manifest
    scenes = dict(real.scenes)
    if data.draw(st.booleans(), label="mutate the manifest"):
        manifest = data.draw(mutated(st.just(manifest)), label="manifest")
    for name in data.draw(st.lists(st.sampled_from(sorted(scenes)), min_size=1, max_size=2), label="scenes"):
        scenes[name] = data.draw(mutated(st.just(scenes[name])), label=name)
    load_safely(folder.write(manifest, scenes))


def test_the_real_story_loads_when_its_assets_exist(story_folder) -> None:
    """The mutation test above starts from a story that loads, so its mutations are near misses."""
    real = real_story()
    assert isinstance(load_safely(story_folder(real.assets, real.maps).write(real.manifest, real.scenes)), Story)


@pytest.mark.parametrize("step", [
    "hide: [a]", "hide: {a: 1}",  # once a TypeError: a YList/YMap looked up in the characters dict
    "effects: {trust: '+-5'}", "effects: {trust: '=+-5'}", "effects: {trust: '²'}", "effects: {trust: '=²'}",
    # once a RecursionError: a flat chain parsed fine, then check() and compile_expr() recursed per term
    pytest.param("if: " + " + ".join(["trust"] * 1200) + " > 0\n    then: [Hi.]", id="if: a 1200-term sum"),
    "hide: nobody", "effects: {trust: 'x'}", "effects: {trust: '=x'}", "effects: {trust: 1.5}",
])
def test_load_story_step_with_a_bad_value_is_a_story_error(story_dir, step: str) -> None:
    root = story_dir(MANIFEST, {"s.yaml": f"steps:\n  - {step}\n  - ending: e\n"}, ASSETS)
    with pytest.raises(StoryError) as info:
        load_story(root)
    assert_placed(info.value)


# --------------------------------------------------------------------------- 3. conditions

METERS = ("trust", "affection", "danger_2")
FLAGS = ("told", "met_anna")
SCENES = ("vineyard.terrace", "stars", "s")
OR, AND, NOT, COMPARE, SUM, UNARY, ATOM = range(1, 8)  # the parser's precedence levels, loosest first


@dataclass(frozen=True)
class Env:
    meters: dict[str, int]
    flags: dict[str, bool]
    visits: dict[str, int]


@dataclass(frozen=True)
class Gen:
    """A generated expression: its tokens, its precedence level, and an independent way to evaluate it."""
    tokens: tuple[str, ...]
    level: int
    value: Callable[[Env], int | bool]
    names: frozenset[str] = frozenset()
    scenes: frozenset[str] = frozenset()


def joined(*parts: Gen) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset().union(*(p.names for p in parts)), frozenset().union(*(p.scenes for p in parts))


@st.composite
def operand(draw: st.DrawFn, gen: Gen, level: int) -> tuple[str, ...]:
    """gen's tokens, in parentheses when its level binds looser than the place needs (or just now and then)."""
    if gen.level < level or not draw(st.integers(0, 7)):
        return ("(", *gen.tokens, ")")
    return gen.tokens


@st.composite
def number_expr(draw: st.DrawFn, depth: int, meters: tuple[str, ...] = METERS,
                scenes: tuple[str, ...] = SCENES) -> Gen:
    # Compound kinds first and twice: Hypothesis leans to the first choices, and flat trees test little.
    kind = draw(st.sampled_from((("+", "-", "neg") * 2 if depth else ()) + ("meter", "num", "visits")))
    if kind == "num":
        n = draw(st.integers(0, 4) | st.integers(0, 10**12))
        return Gen((str(n),), ATOM, lambda env: n)
    if kind == "meter":
        name = draw(st.sampled_from(meters))
        return Gen((name,), ATOM, lambda env: env.meters[name], frozenset({name}))
    if kind == "visits":
        scene = draw(st.sampled_from(scenes))
        return Gen(("visits", "(", scene, ")"), ATOM, lambda env: env.visits.get(scene, 0),
                   scenes=frozenset({scene}))
    if kind == "neg":
        inner = draw(number_expr(depth - 1, meters, scenes))
        return Gen(("-", *draw(operand(inner, UNARY))), UNARY, lambda env: -inner.value(env), *joined(inner))
    left, right = draw(number_expr(depth - 1, meters, scenes)), draw(number_expr(depth - 1, meters, scenes))
    tokens = (*draw(operand(left, SUM)), kind, *draw(operand(right, UNARY)))
    if kind == "+":
        return Gen(tokens, SUM, lambda env: left.value(env) + right.value(env), *joined(left, right))
    return Gen(tokens, SUM, lambda env: left.value(env) - right.value(env), *joined(left, right))


COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


@st.composite
def truth_expr(draw: st.DrawFn, depth: int, meters: tuple[str, ...] = METERS, flags: tuple[str, ...] = FLAGS,
               scenes: tuple[str, ...] = SCENES, top: bool = True) -> Gen:
    atoms = (("flag",) if flags else ()) + ("true", "false", "visited")
    compounds = ("compare", "and", "or", "compare", "and", "or", "not", "same")
    kind = draw(st.sampled_from(compounds if depth and top else compounds + atoms if depth else atoms))
    if kind in ("true", "false"):
        return Gen((kind,), ATOM, lambda env: kind == "true")
    if kind == "flag":
        name = draw(st.sampled_from(flags))
        return Gen((name,), ATOM, lambda env: env.flags.get(name, False), frozenset({name}))
    if kind == "visited":
        scene = draw(st.sampled_from(scenes))
        return Gen(("visited", "(", scene, ")"), ATOM, lambda env: env.visits.get(scene, 0) > 0,
                   scenes=frozenset({scene}))
    sub = truth_expr(depth - 1, meters, flags, scenes, top=False)
    if kind == "not":
        inner = draw(sub)
        return Gen(("not", *draw(operand(inner, NOT))), NOT, lambda env: not inner.value(env), *joined(inner))
    if kind in ("and", "or"):
        left, right = draw(sub), draw(sub)
        if kind == "and":
            tokens = (*draw(operand(left, AND)), "and", *draw(operand(right, NOT)))
            return Gen(tokens, AND, lambda env: left.value(env) and right.value(env), *joined(left, right))
        tokens = (*draw(operand(left, OR)), "or", *draw(operand(right, AND)))
        return Gen(tokens, OR, lambda env: left.value(env) or right.value(env), *joined(left, right))
    if kind == "compare":
        op = draw(st.sampled_from(sorted(COMPARISONS)))
        left = draw(number_expr(depth - 1, meters, scenes))
        # Now and then the same number on both sides, where < and <=, > and >= differ.
        right = left if not draw(st.integers(0, 2)) else draw(number_expr(depth - 1, meters, scenes))
    else:  # true/false compared with true/false
        op = draw(st.sampled_from(("==", "!=")))
        left, right = draw(sub), draw(sub)
    compare = COMPARISONS[op]
    tokens = (*draw(operand(left, SUM)), op, *draw(operand(right, SUM)))
    return Gen(tokens, COMPARE, lambda env: compare(left.value(env), right.value(env)), *joined(left, right))


WORDY = re.compile(r"[A-Za-z0-9_.]")


@st.composite
def spelled(draw: st.DrawFn, gen: Gen) -> str:
    """The tokens as an author might type them: any spacing, but words kept apart."""
    text = gen.tokens[0]
    for token in gen.tokens[1:]:
        gap = draw(st.sampled_from(("", " ", " ", "  ", "\t", "\n")))
        if not gap and WORDY.match(text[-1]) and WORDY.match(token[0]):
            gap = " "
        text += gap + token
    return draw(st.sampled_from(("", " ", "\n"))) + text + draw(st.sampled_from(("", " ", "\n")))


# Small values first, so that comparisons often meet equal sides (where < and <= differ).
envs = st.builds(Env, st.fixed_dictionaries({m: st.integers(-3, 4) | st.integers(-10**6, 10**6) for m in METERS}),
                 st.dictionaries(st.sampled_from(FLAGS), st.booleans()),
                 st.dictionaries(st.sampled_from(SCENES), st.integers(0, 3)))


def parse_check_and_run(text: Any, env: Env) -> None:
    """Only ConditionError may come out; a condition that checks gives true/false."""
    with no_hang():
        try:
            expr = conditions.parse(text)
            conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES))
        except ConditionError as exc:
            assert isinstance(exc.message, str) and exc.message
            assert 0 <= exc.offset <= (len(text) if isinstance(text, str) else 0), (exc.offset, text)
            return
        result = conditions.compile_expr(expr)(env.meters, env.flags, env.visits)
    assert isinstance(result, bool), (text, result)


CONDITION_TOKENS = ("trust", "told", "nobody", "visits", "visited", "(", ")", "and", "or", "not", "&&", "||", "!",
                    "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "0", "7", "12", "true", "false", " ",
                    "vineyard.terrace", "stars", "x.", ".y", "١", "²", "#", ",", "'", "\n")


@ROBUST
@given(text=st.text() | st.lists(st.sampled_from(CONDITION_TOKENS), max_size=25).map(" ".join)
       | st.lists(st.sampled_from(CONDITION_TOKENS), max_size=25).map("".join) | json_like, env=envs)
def test_conditions_on_any_text_raise_only_condition_error(text: Any, env: Env) -> None:
    parse_check_and_run(text, env)


@settings(ROBUST, max_examples=200)
@given(data=st.data(), several=st.lists(envs, min_size=6, max_size=6))
def test_conditions_on_generated_truth_expressions_match_a_reference_evaluation(data: st.DataObject,
                                                                                several: list[Env]) -> None:
    gen = data.draw(st.integers(1, 4).flatmap(truth_expr))
    text = data.draw(spelled(gen), label="condition")
    expr = conditions.parse(text)
    conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES))
    assert conditions.names(expr) == gen.names
    assert conditions.visited_scenes(expr) == gen.scenes
    test = conditions.compile_expr(expr)
    for env in several:  # one expression, several states: most slips show only for some values
        result = test(env.meters, env.flags, env.visits)
        assert isinstance(result, bool)
        assert result == gen.value(env), (text, env)


@ROBUST
@given(data=st.data(), several=st.lists(envs, min_size=3, max_size=3))
def test_conditions_on_generated_number_expressions_compute_the_number_but_do_not_check(
        data: st.DataObject, several: list[Env]) -> None:
    gen = data.draw(st.integers(1, 4).flatmap(number_expr))
    text = data.draw(spelled(gen), label="expression")
    expr = conditions.parse(text)
    for env in several:
        result = conditions.compile_expr(expr)(env.meters, env.flags, env.visits)
        assert not isinstance(result, bool) and result == gen.value(env), (text, env)
    with pytest.raises(ConditionError, match="gives a number"):
        conditions.check(expr, dict.fromkeys(METERS, None), set(FLAGS), set(SCENES))


def _both(a: bool, b: bool) -> bool:
    return a and b


def _either(a: bool, b: bool) -> bool:
    return a or b


@pytest.mark.parametrize("first", ["and", "or"])
@pytest.mark.parametrize("second", ["and", "or"])
@pytest.mark.parametrize("negate", ["", "not "])
def test_conditions_and_binds_tighter_than_or_and_not_tighter_than_both(first: str, second: str,
                                                                        negate: str) -> None:
    """Every mix of three flags, two of and/or and a leading 'not', against the rules written out by hand."""
    ops = {"and": _both, "or": _either}
    test = conditions.compile_expr(conditions.parse(f"{negate}a {first} b {second} c"))
    for a in (False, True):
        for b in (False, True):
            for c in (False, True):
                x = (not a) if negate else a
                if first == "or" and second == "and":
                    expected = x or (b and c)
                else:  # and before or; the same word twice groups from the left
                    expected = ops[second](ops[first](x, b), c)
                assert test({}, {"a": a, "b": b, "c": c}, {}) == expected, (negate, first, second, a, b, c)


@pytest.mark.parametrize("text", [
    # once ValueError: int() of a number past Python's 4300-digit limit
    pytest.param("trust > " + "9" * 5000, id="a 5000-digit number"),
    # once RecursionError: flat chains parsed, then check() and compile_expr() recursed once per term
    pytest.param(" + ".join(["trust"] * 1200) + " > 0", id="1200 terms joined by +"),
    pytest.param(" and ".join(["told"] * 1200), id="1200 terms joined by and"),
    "not " * 2000 + "told", "(" * 600 + "told" + ")" * 600, "- " * 2000 + "1 > 0",
])
def test_conditions_that_are_too_big_raise_condition_error(text: str) -> None:
    env = Env(dict.fromkeys(METERS, 1), {}, {})
    parse_check_and_run(text, env)


# --------------------------------------------------------------------------- 4. read_save

SAVE_MANIFEST = """\
title: Saves
characters:
  a: {name: Anna, sprites: a}
meters:
  trust: {min: 0, max: 10, start: 2}
  mood: {min: -3, max: 3, start: 0}
routes:
  r: {start: s}
endings:
  e: {route: r}
  sad: {route: r, when: mood < 0, priority: 1}
"""
SAVE_SCENES = {
    "s.yaml": """\
background: bg
music: m
steps:
  - show: a happy at left
  - a: Hello.
  - choice:
      - text: Yes.
        effects: {trust: +3, told: true}
        then: [a happy: Good.]
      - text: No.
        effects: {mood: -1}
  - Later.
  - choice:
      - text: On.
        goto: t
      - text: Stop here.
        requires: told
        then: [ending: best]
""",
    "t.yaml": "steps:\n  - a: Goodbye.\n  - ending: best\n",
}


@dataclass
class Saves:
    story: Story
    path: Path                # where each example writes the file it reads back
    texts: dict[str, str]     # 'menu' (a save at a menu) and 'ended' -> the JSON text write_save made


@pytest.fixture
def saves(story_dir, tmp_path: Path) -> Saves:
    story = load_story(story_dir(SAVE_MANIFEST, SAVE_SCENES, ASSETS))
    texts = {}
    for name, choices in (("menu", [1]), ("ended", [2, 1])):
        runner = Runner.new(story, "r")
        play(story, runner, choices)
        write_save(tmp_path / f"{name}.json", runner.checkpoint, {"route": "r", "scene": runner.state.scene})
        texts[name] = (tmp_path / f"{name}.json").read_text(encoding="utf-8")
    return Saves(story, tmp_path / "fuzzed.json", texts)


def assert_one_line(exc: SaveError, path: Path) -> None:
    message = str(exc)
    assert "\n" not in message and "\r" not in message, repr(message)
    assert message.startswith(str(path)), message


def assert_fits(state: Any, story: Story) -> None:
    assert state.route in story.routes and state.scene in story.scenes
    assert 0 <= state.pc < len(story.scenes[state.scene].ops)
    assert state.ending is None or state.ending in story.endings
    assert set(state.meters) == set(story.meters)
    for name, meter in story.meters.items():
        assert meter.min <= state.meters[name] <= meter.max, (name, state.meters[name])


def read_back(saves: Saves, data: bytes | str, loaded_ok: bool = True) -> None:
    """read_save gives a state that fits the story (and plays on) or raises a one-line SaveError."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    saves.path.write_bytes(data)
    with no_hang():
        try:
            state, meta = read_save(saves.path, saves.story)
        except SaveError as exc:
            tally("read_save: SaveError")
            assert_one_line(exc, saves.path)
            return
        tally("read_save: accepted")
        assert loaded_ok, "read_save accepted a damaged save"
        assert isinstance(meta, dict)
        assert_fits(state, saves.story)
        runner = Runner(saves.story, state)
        try:
            play(saves.story, runner, seed=0)
        except StoryError:
            pass
        assert_fits(runner.state, saves.story)


@ROBUST_IO
@given(data=st.binary() | st.text().map(str.encode) | json_like.map(json.dumps).map(str.encode))
def test_read_save_on_arbitrary_bytes_raises_save_error(saves: Saves, data: bytes) -> None:
    read_back(saves, data, loaded_ok=False)


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_on_a_truncated_save_raises_save_error(saves: Saves, which: str, data: st.DataObject) -> None:
    text = saves.texts[which]
    read_back(saves, text[:data.draw(st.integers(0, len(text) - 1), label="length")], loaded_ok=False)


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_on_a_mutated_save_raises_save_error_or_gives_a_state_that_fits(saves: Saves, which: str,
                                                                                  data: st.DataObject) -> None:
    read_back(saves, data.draw(mutated(st.just(saves.texts[which])), label="save"))


def json_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document: dict keys and list indexes, outermost first."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_paths(item, (*path, index))


def replaced(document: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return document


@ROBUST_IO
@given(which=st.sampled_from(("menu", "ended")), data=st.data())
def test_read_save_with_a_wrong_type_in_any_field_raises_save_error_or_gives_a_state_that_fits(
        saves: Saves, which: str, data: st.DataObject) -> None:
    document = json.loads(saves.texts[which])
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        path = data.draw(st.sampled_from(list(json_paths(document))), label="path")
        delete = bool(path) and data.draw(st.integers(0, 4), label="delete") == 0
        new = data.draw(json_like, label="new value")
        document = replaced(document, path, new, delete)
    read_back(saves, json.dumps(document))


@ROBUST_IO
@example(which="menu", field="route", text="a\nb")  # once quoted raw into a two-line reason
@given(which=st.sampled_from(("menu", "ended")), field=st.sampled_from(("route", "scene", "ending")),
       text=st.text())
def test_read_save_reason_is_one_line_whatever_text_the_save_holds(saves: Saves, which: str, field: str,
                                                                   text: str) -> None:
    document = json.loads(saves.texts[which])
    document["state"][field] = text
    read_back(saves, json.dumps(document))


@pytest.mark.parametrize("change", [
    # These three were once read as a set of letters, a [letter, letter] sprite and the mapping's keys.
    pytest.param({"seen": "ab"}, id="seen is a string"),
    pytest.param({"stage": {"background": None, "music": None, "ambience": None, "sprites": {"a": "xy"}}},
                 id="a sprite is a two-letter string"),
    pytest.param({"seen": {"s/1": 1}}, id="seen is a mapping"),
    {"pc": "3"}, {"meters": [1, 2]}, {"choices": [["x", "1"]]}, {"visits": {"s": True}},
])
def test_read_save_rejects_a_field_of_the_wrong_type(saves: Saves, change: dict[str, Any]) -> None:
    document = json.loads(saves.texts["menu"])
    document["state"].update(change)
    saves.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as info:
        read_save(saves.path, saves.story)
    assert_one_line(info.value, saves.path)


@pytest.mark.parametrize("text", [
    # once a ValueError: json.loads raises it (not JSONDecodeError) past Python's 4300-digit limit
    pytest.param('{"format": "under-the-same-stars/save", "version": ' + "1" * 5000 + "}", id="5000-digit number"),
    pytest.param("[" * 100_000, id="deep nesting"), pytest.param("\ufeff{}", id="byte order mark"),
    pytest.param('{"format": "under-the-same-stars/save", "version": NaN}', id="NaN version"),
])
def test_read_save_on_hostile_json_raises_save_error(saves: Saves, text: str) -> None:
    saves.path.write_text(text, encoding="utf-8")
    with no_hang(), pytest.raises(SaveError) as info:
        read_save(saves.path, saves.story)
    assert_one_line(info.value, saves.path)


# --------------------------------------------------------------------------- 5. the runner

RUN_METERS = {"trust": (0, 10, 2), "mood": (-3, 3, 0), "laps": (0, 3, 0)}
RUN_FLAGS = ("told", "kind")
RUN_SCENES = ("start", "a", "b", "c", "finale")
RUN_ENDINGS = ("good", "bad", "special", "plain")


def run_condition(depth: int = 2) -> st.SearchStrategy[str]:
    return truth_expr(depth, tuple(RUN_METERS), RUN_FLAGS, RUN_SCENES).map(lambda gen: " ".join(gen.tokens))


amounts = st.integers(-20, 20) | st.builds("={}".format, st.integers(-15, 15)) | st.builds("{:+d}".format,
                                                                                          st.integers(-15, 15))
# 'laps' is left out: it counts trips round the start -> a -> start loop, and bounds it.
run_effects = st.fixed_dictionaries({}, optional={"trust": amounts, "mood": amounts,
                                                  "told": st.booleans(), "kind": st.booleans()})


@st.composite
def maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy) if draw(st.booleans()) else None


def without_none(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, {})}


@st.composite
def runner_stories(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A fixed scene graph (start -> a | b | c, a -> start again, all -> finale or an ending) with
    random effects and conditions everywhere a story can have them."""
    cond, eff = run_condition(), run_effects
    meters = {name: {"min": low, "max": high, "start": start} for name, (low, high, start) in RUN_METERS.items()}
    endings = {name: without_none(route="r", when=draw(maybe(cond)), priority=draw(st.integers(-1, 2)))
               for name in RUN_ENDINGS if name != "plain" or draw(st.booleans())}
    manifest = {"title": "Runs", "characters": {"a": {"name": "Anna"}}, "meters": meters,
                "routes": {"r": {"start": "start"}}, "endings": endings}
    ending = st.sampled_from(["best", *endings])

    def effects_or(line: str) -> Any:
        changes = draw(eff)
        return {"effects": changes} if changes else line

    start = [{"effects": {"told": False, "kind": False}},  # the flags exist even when no option sets them
             effects_or("Morning."), {"if": draw(cond), "then": [{"a": "It holds."}, effects_or("Yes.")]},
             {"choice": [without_none(text="To a.", effects=draw(eff), goto="a"),
                         without_none(text="To b.", effects=draw(eff), goto="b", **{"if": draw(maybe(cond))}),
                         without_none(text="To c.", effects=draw(eff), goto="c", requires=draw(maybe(cond)))]}]
    a = [{"a": "Again?"}, effects_or("Hm."),
         {"if": draw(cond), "then": [{"goto": "finale"}]},
         {"choice": [without_none(text="Round again.", effects={"laps": 1, **draw(eff)}, goto="start",
                                  requires="laps < 3"),
                     without_none(text="On to b.", effects=draw(eff), goto="b", requires=draw(maybe(cond)))]}]
    b = [effects_or("B."),
         {"if": draw(cond), "then": [{"ending": draw(ending)}]},
         {"elif": draw(cond), "then": [{"a": "Not yet."}, {"goto": "finale"}]},
         {"else": [{"goto": "finale"}]}]
    c = [{"choice": [without_none(text=f"C{i}.", effects=draw(eff), requires=draw(maybe(cond)),
                                  then=[{"ending": draw(ending)}])
                     for i in range(draw(st.integers(1, 3)))] + [{"text": "Finale.", "goto": "finale"}]}]
    finale = [{"if": draw(cond), "then": [{"ending": "special"}]}, {"ending": "best"}]
    scenes = {f"{name}.yaml": dump({"steps": steps})
              for name, steps in zip(RUN_SCENES, (start, a, b, c, finale))}
    return dump(manifest), scenes


def assert_meters_in_range(story: Story, meters: dict[str, int]) -> None:
    assert set(meters) == set(story.meters)
    for name, meter in story.meters.items():
        assert meter.min <= meters[name] <= meter.max, (name, meters[name], meter)


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories(), seeds=st.lists(st.integers(0, 2**32), min_size=1, max_size=4))
def test_random_playthroughs_end_or_raise_story_error_and_meters_stay_in_range(story_folder, files, seeds) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))  # the generated stories are all valid
    for seed in seeds:
        runner = Runner.new(story, "r")
        try:
            with no_hang():
                result = play(story, runner, seed=seed)
        except StoryError as exc:
            tally(f"play: StoryError: {exc.problems[0].message.split(' (')[0]}")
            assert exc.problems
            assert_meters_in_range(story, runner.state.meters)
            continue
        tally(f"play: ending after {min(len(result.choices), 5)}{'+' if len(result.choices) > 5 else ''} choices")
        assert result.stopped == "ending", result.choices[-5:]
        assert result.ending in story.endings and story.endings[result.ending].route == "r"
        assert len(result.choices) < MAX_RANDOM_CHOICES
        # Replay the reported changes from the start: each must begin where the last left off, in range.
        meters = {m.id: m.start for m in story.meters.values()}
        for event in result.events:
            if isinstance(event, Changed):
                for change in event.meters:
                    assert change.before == meters[change.meter] and change.before != change.after
                    meters[change.meter] = change.after
                    assert_meters_in_range(story, meters)
        assert meters == runner.state.meters
        assert_meters_in_range(story, runner.state.meters)
        again = play(story, Runner.new(story, "r"), seed=seed)  # a seed makes a playthrough repeatable
        assert (again.choices, again.ending) == (result.choices, result.ending)


def test_play_on_a_loop_of_lines_without_menus_raises_story_error(story_dir) -> None:
    """This once hung: the loop shows lines, so neither the runner's silent-op limit nor the cap on choices fired."""
    story = load_story(story_dir(MANIFEST, {"s.yaml": "steps:\n  - Tick.\n  - goto: t\n",
                                            "t.yaml": "steps:\n  - Tock.\n  - goto: s\n"}))
    with no_hang(), pytest.raises(StoryError):
        play(story, Runner.new(story, "r"), seed=1)


@settings(ROBUST_IO, max_examples=40)
@given(files=runner_stories(), seed=st.integers(0, 2**32), data=st.data())
def test_saving_at_any_menu_and_loading_plays_on_to_the_same_end(story_folder, tmp_path: Path, files, seed: int,
                                                                 data: st.DataObject) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    whole = Runner.new(story, "r")
    try:
        straight = play(story, whole, seed=seed)
    except StoryError:
        return  # a dead end: nothing to compare
    stop = data.draw(st.integers(0, len(straight.choices)), label="menus answered before saving")
    first = Runner.new(story, "r")
    play(story, first, straight.choices[:stop])
    write_save(tmp_path / "round.json", first.checkpoint)
    state, _meta = read_save(tmp_path / "round.json", story)
    rest = play(story, Runner(story, state), straight.choices[stop:])
    assert (rest.stopped, rest.ending) == ("ending", straight.ending)
    for part in ("meters", "flags", "visits", "choices", "ending"):
        assert getattr(whole.state, part) == getattr(rest.runner.state, part), part
