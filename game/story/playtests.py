"""Playthrough files: a route and choices in; the ending, meters, flags and lines expected out. Read, played and
checked against a story, with every failure placed in the file, and the lines that no playthrough reaches.

A story keeps them in tests/playthroughs/*.yaml inside its folder (the game's own are in tests/playthroughs/):

    route: harbour            # the route to play
    ended: [paris.friends]    # optional: each route's latest ending, as the player's records give it (ended())
    choose: [1, 2]            # menus answered in order, counting from 1 as shown
    stopped: ending           # optional: 'ending' (the default) or 'menu' (the choices run out at a menu)
    ending: harbour.lit       # the ending reached (left out with 'stopped: menu')
    meters: {trust: 4}        # optional: meters at the end
    flags: {told_truth: true} # optional: flags at the end (a flag never set is false)
    lines:                    # optional: lines shown, in this order; 'speaker: text', or the text of narration
      - "keeper: Honest. That's rarer than a calm night."
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import PROGRAM
from .events import Line
from .fields import Fields
from .model import SayOp, Story
from .playthrough import play
from .problems import Problem, StoryError, Where, did_you_mean, display_path
from .runner import Runner
from .state import check_past
from .yamlsource import read_yaml

PLAYTHROUGH_FOLDER = Path("tests") / "playthroughs"
PLAYTHROUGH_FIELDS = ("route", "ended", "choose", "stopped", "ending", "meters", "flags", "lines")


@dataclass
class PlaythroughResult:
    """One file's verdict: its failures (none: it passed), where play stopped, and the line ids it showed."""
    path: str
    failures: list[Problem] = field(default_factory=list)
    ending: str | None = None
    choices: int = 0
    seen: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "ending": self.ending, "choices": self.choices,
                "failures": [p.to_json() for p in self.failures]}


def playthrough_files(root: Path) -> list[Path]:
    folder = root / PLAYTHROUGH_FOLDER
    return sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def as_text(line: Line) -> str:
    """A shown line as a playthrough file quotes it."""
    return f"{line.speaker}: {line.text}" if line.speaker else line.text


def run_playthrough(story: Story, path: Path) -> PlaythroughResult:
    """Play one file's choices on the story and compare what happened with what the file expects."""
    shown = display_path(path)
    result = PlaythroughResult(shown)
    try:
        data = read_yaml(path.read_text(encoding="utf-8"), shown)
    except StoryError as exc:
        result.failures.extend(exc.problems)
        return result
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        result.failures.append(Problem(Where(shown), f"cannot read the playthrough file: {reason}"))
        return result
    plan = Fields(data, Where(shown, 1, 1), "a playthrough file", result.failures, PLAYTHROUGH_FIELDS)
    route = plan.text("route", required=True)
    choose = _numbers(plan, result.failures)
    ended = _texts(plan, "ended", result.failures)
    if route is not None and route not in story.routes:
        result.failures.append(Problem(plan.place("route"), f"unknown route '{route}'",
                                       did_you_mean(route, story.routes) or f"the routes are {', '.join(story.routes)}"))
    if result.failures or route is None:
        return result
    try:
        past = check_past(story, ended)
    except StoryError as exc:
        result.failures.append(Problem(plan.place("ended"), exc.problems[0].message))
        return result
    try:
        played = play(story, Runner.new(story, route, past), choose)
    except StoryError as exc:
        result.failures.append(Problem(plan.place("choose"), exc.problems[0].message,
                                       f"the menus are numbered from 1 as shown: see `{PROGRAM} play`"))
        return result
    result.ending, result.choices = played.ending, len(played.choices)
    result.seen = {line.id for line in played.lines()}
    _compare(plan, played, story, result.failures)
    return result


def _compare(plan: Fields, played: Any, story: Story, failures: list[Problem]) -> None:
    stopped = plan.text("stopped", "ending")
    if stopped not in ("ending", "menu"):
        failures.append(Problem(plan.place("stopped"), f"'stopped' is 'ending' or 'menu', not {stopped!r}"))
        return
    if played.stopped != stopped:  # what the file expects at the end means nothing when play ended elsewhere
        where = plan.place("stopped") if plan.has("stopped") else plan.place("choose")
        count = len(played.choices)
        if stopped == "ending":
            failures.append(Problem(where, f"play stopped at a menu after {count} choice{'' if count == 1 else 's'}, "
                                    "not at an ending", "give the next menus' answers in 'choose:'"))
        else:
            failures.append(Problem(where, f"play reached ending '{played.ending}', not a menu",
                                    "give fewer choices, or expect the ending"))
        return
    expected = plan.text("ending")
    if played.stopped == "ending" and expected != played.ending:
        failures.append(Problem(plan.place("ending") if plan.has("ending") else plan.where,
                                f"ended at '{played.ending}', not '{expected}'" if expected else
                                f"ended at '{played.ending}', which the file does not name",
                                f"write 'ending: {played.ending}' if that is right"))
    state = played.runner.state
    for key, kind, values in (("meters", int, state.meters), ("flags", bool, state.flags)):
        block = plan.mapping(key)
        for name, value in (block or {}).items():
            where = block.key_where[name]
            if key == "meters" and name not in story.meters:
                failures.append(Problem(where, f"unknown meter '{name}'", did_you_mean(name, story.meters)))
            elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                failures.append(Problem(where, f"'{name}' in '{key}' must be "
                                        + ("a whole number" if kind is int else "true or false")))
            elif values.get(name, False) != value:
                failures.append(Problem(where, f"{key.rstrip('s')} '{name}' is {values.get(name, False)!r} "
                                        f"at the end, not {value!r}"))
    shown = [as_text(line) for line in played.lines()]
    position = 0
    lines = plan.sequence("lines")
    for i, expected_line in enumerate(lines or []):
        text = lines.text(i)
        if expected_line in shown[position:]:
            position = shown.index(expected_line, position) + 1
        else:
            hint = ("it is shown, but earlier than the line before it" if expected_line in shown else
                    "lines are quoted 'speaker: text' (the character id, no expression), narration as it is")
            failures.append(Problem(lines.item_where[i], f"line not shown (in this order): {text}", hint))


def _numbers(plan: Fields, failures: list[Problem]) -> list[int]:
    items = plan.sequence("choose")
    if items is None:
        if not plan.has("choose") and plan.ok:
            failures.append(Problem(plan.where, "a playthrough file needs 'choose:', the menus' answers "
                                    "in order", "write 'choose: []' for a route with no menu"))
        return []
    numbers = []
    for i, value in enumerate(items):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            failures.append(Problem(items.item_where[i], f"choice {value!r} is not a number from 1"))
        else:
            numbers.append(value)
    return numbers


def _texts(plan: Fields, key: str, failures: list[Problem]) -> list[str]:
    items = plan.sequence(key)
    return [str(items.text(i)) for i in range(len(items))] if items is not None else []


def unreached_lines(story: Story, seen: set[str]) -> list[SayOp]:
    """Every line of the story that no playthrough showed, in file order."""
    ops = [op for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp)]
    return sorted((op for op in ops if op.line_id not in seen), key=lambda op: (op.where.path, op.where.line))
