"""The rules of play that the Runner and the explorer's walk share: effects, options, endings and dead ends.

Each takes the parts of a state it reads (meters, flags, visits, past) rather than a State, so a walk can keep
its own lighter state and still play by the same rules."""
from __future__ import annotations

from typing import Collection, Mapping, MutableMapping, Optional

from .events import MeterChange
from .model import Change, Ending, EndingOp, FallOffOp, MenuOp, Meter, OptionSpec, Story
from .problems import Problem, Where

SILENT_LOOP = "the story loops without showing anything"
Choices = list[tuple[int, int, OptionSpec]]  # (number as shown from 1, place in the menu as written from 0, option)


def apply_changes(meters_of: Mapping[str, Meter], meters: MutableMapping[str, int],
                  flags: MutableMapping[str, bool], changes: tuple[Change, ...],
                  moved: Optional[list[MeterChange]] = None) -> None:
    """Apply effects in order, meters clamped to their ranges; each meter that moved is added to `moved`."""
    for change in changes:
        kind, name = change.kind, change.name
        if kind == "flag":
            flags[name] = bool(change.value)
            continue
        before = meters[name]
        meter = meters_of[name]
        after = change.value if kind == "set" else before + change.value
        after = meter.min if after < meter.min else meter.max if after > meter.max else after  # Meter.clamp
        meters[name] = after
        if moved is not None and after != before:
            moved.append(MeterChange(name, before, after))


def shown(option: OptionSpec, meters: Mapping[str, int], flags: Mapping[str, bool], visits: Mapping[str, int],
          past: Collection[str]) -> bool:
    test = option.shown_if
    return test is None or bool(test.test(meters, flags, visits, past))


def available(option: OptionSpec, meters: Mapping[str, int], flags: Mapping[str, bool],
              visits: Mapping[str, int], past: Collection[str]) -> bool:
    test = option.enabled_if
    return test is None or bool(test.test(meters, flags, visits, past))


def choosable(options: tuple[OptionSpec, ...], meters: Mapping[str, int], flags: Mapping[str, bool],
              visits: Mapping[str, int], past: Collection[str]) -> Choices:
    """The options a player can choose, as shown() and available() tell, numbered: what the explorer
    (menus.py) and the analysis's walk (reach.py) follow from a state at a menu."""
    out, number = [], 0
    for index, option in enumerate(options):
        test = option.shown_if
        if test is not None and not test.test(meters, flags, visits, past):
            continue
        number += 1
        test = option.enabled_if
        if test is None or test.test(meters, flags, visits, past):
            out.append((number, index, option))
    return out


def best_ending(story: Story, route: str, meters: Mapping[str, int], flags: Mapping[str, bool],
                visits: Mapping[str, int], past: Collection[str]) -> Optional[Ending]:
    """The route's ending whose condition holds, highest priority first, then as written."""
    candidates = [e for e in story.endings_of(route)
                  if e.when is None or e.when.test(meters, flags, visits, past)]
    return max(candidates, key=lambda e: e.priority, default=None)


def stuck_menu(op: MenuOp) -> Problem:
    return Problem(op.where, "no option of this menu can be chosen here", "give one option no 'if:' or 'requires:'")


def no_ending(op: EndingOp, route: str) -> Problem:
    return Problem(op.where, f"no ending of route '{route}' holds here",
                   "give the route an ending without 'when:' as a fallback")


def fell_off(op: FallOffOp, scene: str) -> Problem:
    return Problem(op.where, f"scene '{scene}' ended without a goto or an ending")


def silent_loop(scene: str) -> Problem:
    return Problem(Where(scene), SILENT_LOOP)
