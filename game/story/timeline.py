"""Rollback and history: every line and menu the player was shown, with the state just before it.

Stepping back restores a step's state exactly (meters, flags, visits, stage, music); stepping forward
replays the steps rolled back over, until the player takes another path. Pure data: the window, the
tests and the benchmark use it alike.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

from .events import Line, Menu
from .model import Story
from .position import line_index, menu_index
from .state import State

LIMIT = 1000          # steps kept for rollback and history; older ones are let go
LOG_LIMIT = 1000      # entries of the history kept in a save (as ids, without states)


@dataclass
class Step:
    """One line or menu as shown. state: just before it (a runner made from it shows it again)."""
    state: State
    line: Optional[Line] = None
    menu: Optional[Menu] = None
    choice: Optional[int] = None        # the option taken, as shown (menus only)
    choice_text: str = ""
    authored: Optional[int] = None      # the option taken, as the author wrote the menu (for saves)

    @property
    def id(self) -> str:
        return self.line.id if self.line is not None else self.menu.id  # type: ignore[union-attr]


@dataclass(frozen=True)
class Entry:
    """A line of the history from before a load: text only, no state to return to."""
    speaker: Optional[str]
    text: str
    choice: bool = False


class Timeline:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self.steps: list[Step] = []     # the last is what is on screen now
        self.future: list[Step] = []    # steps rolled back over, the next one last
        self.earlier: list[Entry] = []  # history carried over from a save, as text
        self.earlier_log: list[list[Any]] = []  # ... and as the ids it was saved as, to be saved again

    @property
    def current(self) -> Optional[Step]:
        return self.steps[-1] if self.steps else None

    def record(self, state: State, event: Line | Menu) -> Step:
        """A line or menu newly shown; state is the runner's checkpoint just before it."""
        step = Step(state.copy(), event, None) if isinstance(event, Line) else Step(state.copy(), None, event)
        if self.future and self.future[-1].id == step.id:
            self.future.pop()           # the player walked on along the same path
        else:
            self.future.clear()
        self.steps.append(step)
        if len(self.steps) > self.limit:
            del self.steps[: len(self.steps) - self.limit]
        return step

    def chose(self, index: int, text: str, authored: Optional[int] = None) -> None:
        """The menu on screen was answered; another answer than before forgets the steps rolled back over."""
        step = self.current
        if step is None or step.menu is None:
            return
        if step.choice is not None and step.choice != index:
            self.future.clear()
        step.choice, step.choice_text, step.authored = index, text, authored

    def can_back(self) -> bool:
        return len(self.steps) > 1

    def back(self, count: int = 1) -> Optional[Step]:
        """Step back `count` steps; the step now current (to show again), or None at the start."""
        if not self.can_back():
            return None
        count = min(count, len(self.steps) - 1)
        for _ in range(count):
            self.future.append(self.steps.pop())
        return self.steps[-1]

    def back_to(self, index: int) -> Optional[Step]:
        """Return to steps[index] (from the history screen)."""
        if not 0 <= index < len(self.steps) - 1:
            return None
        return self.back(len(self.steps) - 1 - index)

    def can_forward(self) -> bool:
        return bool(self.future)

    def forward(self) -> Optional[Step]:
        """Replay the next step rolled back over; the step now current, or None."""
        if not self.future:
            return None
        step = self.future.pop()
        self.steps.append(step)
        return step

    def trail(self) -> list[dict[str, Any]]:
        """The lines shown before the current step in this visit of its scene, oldest first, each with the
        state just before it: a save keeps them so that an edited story resumes on a line the player saw."""
        if not self.steps:
            return []
        now = self.steps[-1].state
        visit = now.visits.get(now.scene, 0)
        out: list[dict[str, Any]] = []
        for step in reversed(self.steps[:-1]):
            state = step.state
            if state.route != now.route or state.scene != now.scene or state.visits.get(now.scene, 0) != visit:
                break
            if step.line is not None:
                out.append({"id": step.line.id, "state": state.trail_entry()})
        return out[::-1]

    # --- the history as a save keeps it: ids, so it survives edits and reads in any language ---
    def carry(self, story: Story, log: Any) -> None:
        """Take over the history a save kept (the lines read before it, as ids), for the screen and the next save."""
        kept: list[list[Any]] = []
        self.earlier = earlier_entries(story, log, kept)
        self.earlier_log = kept

    def retell(self, story: Story) -> None:
        """The same history in the words of `story`, the same story in another language: the ids and states stay,
        each line and choice takes that story's text."""
        self.earlier = earlier_entries(story, self.earlier_log)
        lines, menus = line_index(story), menu_index(story)
        for step in self.steps + self.future:
            if step.line is not None and step.line.id in lines:
                step.line = replace(step.line, text=lines[step.line.id][1].text)
            if step.menu is not None and step.authored is not None and step.menu.id in menus:
                options = menus[step.menu.id].options
                if 0 <= step.authored < len(options):
                    step.choice_text = options[step.authored].text

    def log(self) -> list[list[Any]]:
        """The history as a save keeps it: what came before the last load, then the steps before the one on screen
        (that one is shown, and recorded, again when the save is loaded)."""
        out: list[list[Any]] = list(self.earlier_log)
        for step in self.steps[:-1]:
            if step.line is not None:
                out.append(["line", step.line.id])
            elif step.authored is not None:
                out.append(["menu", step.menu.id, step.authored])  # type: ignore[union-attr]
        return out[-LOG_LIMIT:]

    def entries(self, story: Story) -> list[Entry]:
        """The whole history as text: what came before a load, then the steps of this session."""
        out = list(self.earlier)
        for step in self.steps:
            if step.line is not None:
                out.append(Entry(step.line.speaker, step.line.text))
            elif step.choice is not None:
                out.append(Entry(None, step.choice_text, choice=True))
        return out


def earlier_entries(story: Story, log: Any, kept: Optional[list] = None) -> list[Entry]:
    """The history a save kept, as text from this story; entries whose line is gone are left out (and the ones
    kept are added to `kept`, as ids)."""
    if not isinstance(log, list):
        return []
    lines, menus = line_index(story), menu_index(story)
    out = []
    for item in log[-LOG_LIMIT:]:
        if not isinstance(item, list) or not item:
            continue
        if item[0] == "line" and len(item) == 2 and isinstance(item[1], str) and item[1] in lines:
            op = lines[item[1]][1]
            out.append(Entry(op.speaker, op.text))
        elif item[0] == "menu" and len(item) == 3 and isinstance(item[1], str) and item[1] in menus:
            options, which = menus[item[1]].options, item[2]
            if isinstance(which, int) and not isinstance(which, bool) and 0 <= which < len(options):
                out.append(Entry(None, options[which].text, choice=True))
            else:
                continue
        else:
            continue
        if kept is not None:
            kept.append(list(item))
    return out

