"""Plays a story without a window, answering menus from a list of choices or a seeded die."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Iterator

from .events import Changed, End, Event, Line, Menu, SceneStart, Stage
from .model import Story, paragraphs
from .problems import StoryError
from .runner import ENDED, Runner

MAX_RANDOM_CHOICES = 10_000
MAX_LINES_WITHOUT_MENU = 100_000  # more than any story has between two menus: it is going round in a circle


@dataclass
class Playthrough:
    """What happened: the events in order, the choices made (from 1, as shown) and where it stopped."""
    runner: Runner
    events: list[Event] = field(default_factory=list)
    choices: list[int] = field(default_factory=list)
    stopped: str = "menu"  # 'ending' or 'menu'
    ending: str | None = None

    def lines(self) -> list[Line]:
        return [e for e in self.events if isinstance(e, Line)]

    def to_json(self) -> dict[str, Any]:
        state = self.runner.state
        return {"route": state.route, "ending": self.ending, "meters": dict(state.meters),
                "flags": dict(state.flags), "choices": list(self.choices),
                "lines": [{"id": l.id, "speaker": l.speaker, "text": l.text} for l in self.lines()],
                "stopped": self.stopped}


def play(story: Story, runner: Runner, choices: list[int] | None = None, seed: int | None = None) -> Playthrough:
    """Advance until an ending, or a menu the given choices (from 1) do not answer.

    With a seed, every menu is answered by a random available option instead.
    Raises StoryError for a choice that is out of range or not available.
    """
    result = Playthrough(runner)
    die = random.Random(seed) if seed is not None else None
    queue = list(choices or [])
    since_menu = 0
    while runner.status != ENDED:
        event = runner.advance()
        result.events.append(event)
        since_menu += 1
        if since_menu > MAX_LINES_WITHOUT_MENU:
            raise StoryError(f"the story goes round in a circle at scene '{runner.scene_id}' "
                             f"with no menu or ending in {MAX_LINES_WITHOUT_MENU} events")
        if isinstance(event, End):
            result.stopped, result.ending = "ending", event.ending
            return result
        if isinstance(event, Menu):
            since_menu = 0
            if die is not None:
                if len(result.choices) >= MAX_RANDOM_CHOICES:
                    return result
                number = die.choice([i for i, o in enumerate(event.options, 1) if o.available])
            elif queue:
                number = queue.pop(0)
            else:
                return result
            if not 1 <= number <= len(event.options):
                raise StoryError(f"choice {number} does not exist at menu {len(result.choices) + 1} "
                                 f"({event.id}): it shows {len(event.options)} options")
            if not event.options[number - 1].available:
                raise StoryError(f"choice {number} at menu {len(result.choices) + 1} ({event.id}) "
                                 f"is shown but not available: '{event.options[number - 1].text}'")
            runner.choose(number - 1)
            result.choices.append(number)
    result.stopped = "ending"
    result.ending = runner.state.ending
    return result


def transcript(story: Story, events: list[Event], choices: list[int]) -> Iterator[str]:
    """The events as a readable script, each menu followed by the choice made."""
    made = iter(choices)
    for event in events:
        if isinstance(event, SceneStart):
            yield f"\n== {event.scene} =="
        elif isinstance(event, Line):
            if event.speaker:
                name = story.characters[event.speaker].name
                mood = f" ({event.expression})" if event.expression else ""
                yield f"{name.upper()}{mood}: {event.text}"
            else:
                yield event.text
        elif isinstance(event, Stage):
            parts = [event.kind, event.name or "stop"]
            if event.expression:
                parts.append(event.expression)
            if event.position:
                parts.append(f"at {event.position}")
            if event.transition:
                parts.append(f"with {event.transition}")
            yield f"[{' '.join(parts)}]"
        elif isinstance(event, Changed):
            yield "[" + ", ".join(f"{story.meters[m.meter].label} {m.after - m.before:+d}"
                                  for m in event.meters) + "]"
        elif isinstance(event, Menu):
            for i, option in enumerate(event.options, 1):
                mark = "" if option.available else " (unavailable" + (f": {option.hint}" if option.hint else "") + ")"
                yield f"  {i}. {option.text}{mark}"
            number = next(made, None)
            if number is not None:
                yield f"> {number}. {event.options[number - 1].text}"
        elif isinstance(event, End):
            yield f"\n*** ENDING: {event.title} ***"
            if event.epilogue:   # as the ending screen shows it (model.paragraphs)
                yield "\n\n".join(paragraphs(event.epilogue))
