"""A playthrough being played, written as a playthrough file (the format of tests/playthroughs/*.yaml: route,
ended, choose, ending or stopped, meters, flags, a few lines), so that what an author just played becomes a test.

The file is made by playing the route again from its start with the choices the state holds (menu id and
option as written), so what it says is what `play --choose` and the playthrough tests will see.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from .events import End, Line, Menu
from .model import Story
from .playthrough import MAX_LINES_WITHOUT_MENU
from .problems import StoryError
from .runner import Runner
from .state import State

LINES_KEPT = 10    # lines the file checks: the first, those either side of each choice, the last (at most this many)
FOLDER = Path("tests") / "playthroughs"   # in the story folder, as the game's own story keeps its files
BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def recorded(story: Story, state: State) -> dict[str, Any]:
    """The playthrough file's content for the path `state` took (a runner's state or checkpoint).

    Raises StoryError when the path cannot be played again in this story (a menu changed since its choice).
    """
    runner = Runner(story, State.start(story, state.route, state.past))
    choices = list(state.choices)
    numbers: list[int] = []
    shown: list[Line] = []
    kept: list[Line] = []
    plan: dict[str, Any] = {"route": state.route}
    if state.past:
        plan["ended"] = sorted(state.past)
    chose = False
    for _ in range(MAX_LINES_WITHOUT_MENU * (len(choices) + 1)):
        event = runner.advance()
        if isinstance(event, Line):
            shown.append(event)
            if len(shown) == 1 or chose:
                kept.append(event)   # the first line, and the first after a choice: what the choice led to
            chose = False
        elif isinstance(event, Menu):
            if shown and shown[-1] not in kept:
                kept.append(shown[-1])   # the line that asked
            if not choices:
                break
            menu_id, authored = choices.pop(0)
            index = runner.shown_index(authored) if menu_id == event.id else None
            if index is None or not event.options[index].available:
                raise StoryError(f"menu '{event.id}' no longer offers the choice this playthrough made there "
                                 f"(choice {len(numbers) + 1}): play it again from the start to record it")
            runner.choose(index)
            numbers.append(index + 1)
            chose = True
        elif isinstance(event, End):
            break
    else:
        raise StoryError("the story goes round in a circle without a menu or an ending")
    if shown and shown[-1] not in kept:
        kept.append(shown[-1])
    if len(kept) > LINES_KEPT:
        kept = kept[:2] + kept[-(LINES_KEPT - 2):]
    plan["choose"] = numbers
    if runner.state.ending is not None:
        plan["ending"] = runner.state.ending
    else:
        plan["stopped"] = "menu"
    plan["meters"] = dict(runner.state.meters)
    plan["flags"] = {name: True for name in sorted(runner.state.flags) if runner.state.flags[name]}
    plan["lines"] = [f"{line.speaker}: {line.text}" if line.speaker else line.text for line in kept]
    return plan


def as_yaml(plan: dict[str, Any], comment: str = "") -> str:
    """The plan as a playthrough file: short values on one line each, the lines one a row, as the files are kept."""
    out = [f"# {line}" for line in comment.splitlines()]
    for key, value in plan.items():
        if key == "lines":
            out.append("lines:")
            out += [f"  - {json.dumps(line, ensure_ascii=False)}" for line in value]
        elif isinstance(value, dict):
            out.append(f"{key}: {{" + ", ".join(f"{_scalar(k)}: {_scalar(v)}" for k, v in value.items()) + "}")
        elif isinstance(value, list):
            out.append(f"{key}: [" + ", ".join(_scalar(v) for v in value) + "]")
        else:
            out.append(f"{key}: {_scalar(value)}")
    return "\n".join(out) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return text if BARE.match(text) and text not in ("true", "false", "null", "yes", "no", "on", "off") \
        else json.dumps(text, ensure_ascii=False)


def file_stem(plan: dict[str, Any]) -> str:
    end = plan.get("ending") or f"{plan['route']}.at_menu_{len(plan['choose']) + 1}"
    return "recorded_" + re.sub(r"[^a-z0-9]+", "_", end.lower()).strip("_")


def write_playthrough(story: Story, state: State, folders: Sequence[Path], now: datetime | None = None,
                      at: str = "") -> Path:
    """Write the playthrough of `state` into the first of `folders` that can be written (made if missing),
    under a name no file has yet: nothing is written over. Returns the file; StoryError if the path cannot
    be played again, OSError if no folder takes it."""
    plan = recorded(story, state)
    when = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    comment = (f"Recorded in the window (Shift+P) on {when}" + (f", at {at}" if at else "") + ".\n"
               "The lines are a few of those shown on the way; edit them, or add what this playthrough is for.")
    text = as_yaml(plan, comment)
    error: OSError | None = None
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for n in range(1, 1000):
                path = folder / (file_stem(plan) + ("" if n == 1 else f"_{n}") + ".yaml")
                try:
                    with open(path, "x", encoding="utf-8") as out:
                        out.write(text)
                    return path
                except FileExistsError:
                    continue
        except OSError as exc:
            error = exc
    raise error or OSError("no folder to write the playthrough into")
