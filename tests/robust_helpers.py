"""What the property tests share: their settings, a guard against hangs, mutated texts, JSON-like values,
a reusable story folder, generated conditions with a reference evaluation and small playable stories."""
from __future__ import annotations

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
from hypothesis import HealthCheck, currently_in_test_context, event, settings
from hypothesis import strategies as st

from game.story import Story, StoryError, load_story
from game.story.compiler import OPTION_FIELDS, STEP_WORDS
from game.story.conditions import parse
from game.story.loader import MANIFEST_FIELDS, SCENE_FIELDS
from game.story.model import Meter
from game.story.problems import Where
from game.story.ranges import never_holds
from mapfixtures import plain, png

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


# --------------------------------------------------------------------------- mutated texts and the real story

YAML_TOKENS = (": ", ":", "- ", "-", "\n", "\n  ", "  ", "\t", "[", "]", "{", "}", ",", "? ", "|", ">", "|-",
               '"', "'", "#", "---", "...", "&a ", "*a", "&b ", "*b", "<<: ", "~", "null", "yes", "no", "1",
               "0x1F", "1e9", ".inf", "2001-02-03", "\\", "\\u00e9", "%YAML 1.1\n", "%TAG ! x\n", "!", "!x ",
               "\r\n", "\ufeff", "é", "x")


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
              for p in sorted(scenes_dir.rglob("*.yaml")) if p != scenes_dir / "story.yaml"}
    assets = {p.relative_to(ROOT / "assets").as_posix() for p in (ROOT / "assets").rglob("*") if p.is_file()}
    try:
        load_story(ROOT)
    except StoryError as exc:
        for problem in exc.problems:
            found = re.search(r"assets/(\S+\.\w+)", problem.hint)
            if found:
                assets.add(found.group(1))
    maps = {name: (ROOT / "assets" / name).read_bytes() for name in assets if name.endswith((".tmx", ".tsx"))}
    return RealStory((scenes_dir / "story.yaml").read_text(encoding="utf-8"), scenes, tuple(sorted(assets)), maps)


# --------------------------------------------------------------------------- stories and JSON-like values

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
ASSETS = ("backgrounds/bg.png", "music/m.ogg", "ambience/m.ogg", "sounds/m.ogg", "characters/a/happy.png")

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


ONE_PIXEL = png(1, 1, plain((0, 0, 0, 255)))


def dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True)


class StoryFolder:
    """A story folder made once by the story_dir fixture; each example rewrites only its scenes/ files
    (making the whole folder again, assets included, costs most of an example's time)."""

    def __init__(self, story_dir: Callable[..., Path], assets: tuple[str, ...], files: dict[str, bytes]):
        self.root = story_dir(MANIFEST, {}, assets)
        for name in assets:   # a map's pictures are read at lint: each must be a picture, if a tiny one
            if name.endswith(".png") and name not in files:
                (self.root / "assets" / name).write_bytes(ONE_PIXEL)
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


def assert_meters_in_range(story: Story, meters: dict[str, int]) -> None:
    assert set(meters) == set(story.meters)
    for name, meter in story.meters.items():
        assert meter.min <= meters[name] <= meter.max, (name, meters[name], meter)


# --------------------------------------------------------------------------- generated conditions

METERS = ("trust", "affection", "danger_2")
FLAGS = ("told", "met_anna")
SCENES = ("vineyard.terrace", "stars", "s")
ENDINGS = ("paris.friends", "e")
OR, AND, NOT, COMPARE, SUM, UNARY, ATOM = range(1, 8)  # the parser's precedence levels, loosest first


@dataclass(frozen=True)
class Env:
    meters: dict[str, int]
    flags: dict[str, bool]
    visits: dict[str, int]
    past: frozenset[str] = frozenset()   # what ended() reads


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
               scenes: tuple[str, ...] = SCENES, top: bool = True, endings: tuple[str, ...] = ENDINGS) -> Gen:
    atoms = (("flag",) if flags else ()) + ("true", "false", "visited") + (("ended",) if endings else ())
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
    if kind == "ended":
        ending = draw(st.sampled_from(endings))
        return Gen(("ended", "(", ending, ")"), ATOM, lambda env: ending in env.past)
    sub = truth_expr(depth - 1, meters, flags, scenes, top=False, endings=endings)
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


# --------------------------------------------------------------------------- small playable stories

RUN_METERS = {"trust": (0, 10, 2), "mood": (-3, 3, 0), "laps": (0, 3, 0)}
RUN_FLAGS = ("told", "kind")
RUN_SCENES = ("start", "a", "b", "c", "finale")
RUN_ENDINGS = ("good", "bad", "special", "plain")
RUN_RANGES = {name: Meter(name, name, low, high, start, True, Where(""))
              for name, (low, high, start) in RUN_METERS.items()}


def run_condition(depth: int = 2) -> st.SearchStrategy[str]:
    gens = truth_expr(depth, tuple(RUN_METERS), RUN_FLAGS, RUN_SCENES, endings=RUN_ENDINGS[:3])
    return gens.map(lambda gen: " ".join(gen.tokens))


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
def runner_stories(draw: st.DrawFn, conditions: st.SearchStrategy[str] | None = None) -> tuple[str, dict[str, str]]:
    """A fixed scene graph (start -> a | b | c, a -> start again, all -> finale or an ending) with
    random effects and conditions (run_condition(), unless given) everywhere a story can have them."""
    cond, eff = conditions if conditions is not None else run_condition(), run_effects
    meters = {name: {"min": low, "max": high, "start": start} for name, (low, high, start) in RUN_METERS.items()}
    # an ending whose condition compares a meter outside its range is a lint error: not a story to run
    may_hold = cond.filter(lambda text: never_holds(parse(text), RUN_RANGES) is None)
    endings = {name: without_none(route="r", when=draw(maybe(may_hold)), priority=draw(st.integers(-1, 2)))
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


_MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


@st.composite
def compared_with_numbers(draw: st.DrawFn) -> str:
    """A condition that reads the meters only by comparing them with numbers (the kind meter_bounds.py bounds),
    and the flags: 'trust >= 5 and not told', '3 < mood or kind'."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 4)):
            meter, op = draw(st.sampled_from(sorted(RUN_METERS))), draw(st.sampled_from(sorted(_MIRRORED)))
            number = draw(st.integers(-4, 12))
            parts.append(f"{number} {_MIRRORED[op]} {meter}" if draw(st.booleans()) else f"{meter} {op} {number}")
        else:
            parts.append(draw(st.sampled_from(RUN_FLAGS + tuple(f"not {f}" for f in RUN_FLAGS))))
    joins = [draw(st.sampled_from(("and", "or"))) for _ in parts[1:]]
    return " ".join(p for pair in zip(parts, [*joins, ""]) for p in pair if p)
