"""The soak's driver: a seeded playthrough played once straight through, then again with saves, loads,
rollbacks and roll-forwards at random points, each event checked against the first.

The second playing does what the play screen does: it records every line and menu in a Timeline, saves
`runner.checkpoint` with `timeline.trail()`, starts a fresh Runner (and a fresh Timeline) from a load, and
rebuilds a Runner from a step's state to roll back or forward. Any difference is a Mismatch naming the seed,
the route and the step.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Optional

from game.slots import ALL_NAMES, SaveSlots
from game.story import ENDED, MENU, End, Event, Line, Menu, Runner, State, Story
from game.story.saves import save_data, save_from_data
from game.story.timeline import Step, Timeline, earlier_entries

MAX_EVENTS = 100_000      # far more than any route: a playthrough past this is going round in a circle
MAX_BACK = 40             # the most steps one rollback goes back (a history click goes any way back)


class Mismatch(AssertionError):
    """The interrupted playthrough parted from the straight one (or the game raised): where and how."""


@dataclass
class Straight:
    """A playthrough without interruptions: what the soak compares against."""
    route: str
    events: list[Event]
    shown: list[int]                 # index in events of each line or menu shown, in order (the steps)
    states: list[State]              # the runner's checkpoint at each step: the state just before it
    choices: dict[int, int]          # step number -> option taken, as shown
    final: State


@dataclass
class Tally:
    playthroughs: int = 0
    events: int = 0
    saves: int = 0
    loads: int = 0
    slot_saves: int = 0
    rollbacks: int = 0
    steps_back: int = 0
    forwards: int = 0
    endings: dict[str, int] = field(default_factory=dict)
    routes: dict[str, int] = field(default_factory=dict)


def play_straight(story: Story, route: str, rng: random.Random) -> Straight:
    """Play `route` to an ending, answering each menu with a random available option."""
    runner = Runner.new(story, route)
    events: list[Event] = []
    shown: list[int] = []
    states: list[State] = []
    choices: dict[int, int] = {}
    while runner.status != ENDED:
        event = runner.advance()
        events.append(event)
        kind = type(event)
        if kind is Line or kind is Menu:
            shown.append(len(events) - 1)
            states.append(runner.checkpoint)   # a fresh copy per line or menu, never changed afterwards
            if kind is Menu:
                index = rng.choice([i for i, option in enumerate(event.options) if option.available])
                choices[len(shown) - 1] = index
                runner.choose(index)
        if len(events) > MAX_EVENTS:
            raise Mismatch(f"route {route}: no ending after {MAX_EVENTS} events")
    return Straight(route, events, shown, states, choices, runner.state.copy())


PLACE = ("route", "scene", "pc", "meters", "flags", "visits", "choices", "stage", "ending")


def place(state: State) -> tuple:
    """All of a state that decides what comes next (seen lines only change the seen_before marks)."""
    return (state.route, state.scene, state.pc, state.meters, state.flags, state.visits, state.choices,
            state.stage, state.ending)


def differences(state: State, expected: State) -> str:
    """The fields of `state` that are not as in `expected`, each with both values."""
    return "; ".join(f"{name} {getattr(state, name)!r}, not {getattr(expected, name)!r}"
                     for name in PLACE if getattr(state, name) != getattr(expected, name))


def same_event(a: Event, b: Event) -> bool:
    """Equal, except a line's seen_before mark: a rollback or a load may have seen it already."""
    if a == b:
        return True
    return (type(a) is Line and type(b) is Line and a.id == b.id and a.speaker == b.speaker
            and a.text == b.text and a.expression == b.expression)


class Interrupted:
    """Plays a Straight's choices again, with saves, loads and rollbacks at the planned ticks.

    A tick is one line or menu put on screen (again, after a rollback); plan maps ticks to actions:
    'save' (JSON in memory), 'slot' (a SaveSlots file), 'back' (roll back, maybe forward again).
    """

    def __init__(self, story: Story, straight: Straight, rng: random.Random, seed: int, tally: Tally,
                 slots: Optional[SaveSlots] = None):
        self.story, self.straight, self.rng, self.seed, self.tally = story, straight, rng, seed, tally
        self.slots = slots
        self.runner = Runner.new(story, straight.route)
        self.timeline = Timeline()
        self.pos = 0          # index in straight.events of the next event expected
        self.step = -1        # step number of the line or menu on screen
        self.tick = 0
        self.action = "play"
        self.base = 0         # step number of the first step in the timeline (the one a load showed)

    def fail(self, what: str) -> Mismatch:
        return Mismatch(f"seed {self.seed}, route {self.straight.route}, step {self.step} (tick {self.tick}, "
                        f"after {self.action}): {what}")

    def expect(self, event: Event) -> None:
        events = self.straight.events
        if self.pos >= len(events):
            raise self.fail(f"{event!r} comes after the straight playthrough ended")
        if not same_event(event, events[self.pos]):
            raise self.fail(f"event {self.pos} is {event!r}, the straight playthrough had {events[self.pos]!r}")
        self.pos += 1

    def reshown(self, event: Event, step: int, what: str) -> None:
        """A fresh runner's first event must be the line or menu of step `step`, from its checkpoint."""
        straight = self.straight
        if not same_event(event, straight.events[straight.shown[step]]):
            raise self.fail(f"{what} shows {event!r}, not {straight.events[straight.shown[step]]!r}")
        if place(self.runner.checkpoint) != place(straight.states[step]):
            raise self.fail(f"{what} shows the right {event.id} in another state than the straight "
                            f"playthrough: {differences(self.runner.checkpoint, straight.states[step])}")
        self.step, self.pos = step, straight.shown[step] + 1

    def run(self, plan: dict[int, str], save_at_end: bool = False) -> None:
        straight = self.straight
        try:
            while True:
                event = self.runner.advance()
                self.tally.events += 1
                self.expect(event)
                kind = type(event)
                if kind is End:
                    break
                if kind is not Line and kind is not Menu:
                    continue
                self.step += 1
                if straight.shown[self.step] != self.pos - 1:
                    raise self.fail(f"step {self.step} is event {self.pos - 1}, "
                                    f"the straight playthrough's was {straight.shown[self.step]}")
                self.timeline.record(self.runner.checkpoint, event)
                self.act(plan.get(self.tick))
                self.tick += 1
                self.answer()
            self.finish(save_at_end)
        except Mismatch:
            raise
        except Exception as exc:  # the game raised: say where, keep the traceback
            raise self.fail(f"the game raised {type(exc).__name__}: {exc}") from exc

    def answer(self) -> None:
        """Answer the menu on screen (if any) as the straight playthrough did, as the play screen does."""
        if self.runner.status != MENU:
            return
        index = self.straight.choices[self.step]
        menu = self.runner.current_menu()
        self.runner.choose(index)
        self.timeline.chose(index, menu.options[index].text, self.runner.state.choices[-1][1])

    def act(self, action: Optional[str]) -> None:
        if action is None:
            return
        self.action = action
        if action == "save":
            self.save_and_load()
        elif action == "slot":
            self.save_and_load_slot()
        elif action == "back":
            self.roll_back()

    # --- saving and loading ---
    def save_and_load(self) -> None:
        data = save_data(self.runner.checkpoint, {"seed": self.seed}, self.story, trail=self.timeline.trail())
        data = json.loads(json.dumps(data))
        state, meta, note = save_from_data(data, "<memory>", self.story)
        self.tally.saves += 1
        self.tally.loads += 1
        if note or meta != {"seed": self.seed}:
            raise self.fail(f"the story is unchanged, yet the load says {note!r} (meta {meta!r})")
        if state.seen != self.runner.checkpoint.seen:
            raise self.fail("the seen lines differ after a load")
        self.resume(state)

    def save_and_load_slot(self) -> None:
        slots = self.slots
        assert slots is not None
        name = self.rng.choice(ALL_NAMES)
        if name.startswith("auto-"):
            name = slots.autosave(self.runner.checkpoint, self.timeline.current.id, log=self.timeline.log(),
                                  trail=self.timeline.trail())
        else:
            slots.write(name, self.runner.checkpoint, self.timeline.current.id, log=self.timeline.log(),
                        trail=self.timeline.trail())
        loaded = slots.load(name)
        self.tally.saves += 1
        self.tally.slot_saves += 1
        self.tally.loads += 1
        if loaded.note:
            raise self.fail(f"the story is unchanged, yet slot {name} says {loaded.note!r}")
        history = [("choice" if entry.choice else "line", entry.text)
                   for entry in earlier_entries(self.story, loaded.log)]
        expected = self.history()
        if history != expected:
            raise self.fail(f"slot {name}'s history reads {history[-3:]!r} ({len(history)} entries), "
                            f"the steps since the last load were {expected[-3:]!r} ({len(expected)})")
        self.resume(loaded.state, loaded.log)

    def history(self) -> list[tuple[str, str]]:
        """What Timeline.log() should hold: every line and answered menu before the step on screen, since the
        playthrough began (a slot carries the history through loads) or since a load that kept none."""
        straight, out = self.straight, []
        for number in range(self.base, self.step):
            event = straight.events[straight.shown[number]]
            if type(event) is Line:
                out.append(("line", event.text))
            else:
                out.append(("choice", event.options[straight.choices[number]].text))
        return out

    def resume(self, state: State, log: object = None) -> None:
        """As the play screen does after a load: a fresh runner and a timeline that carries the save's history."""
        self.runner = Runner(self.story, state)
        self.timeline = Timeline()
        if log is None:
            self.base = self.step
        else:
            self.timeline.carry(self.story, log)
        event = self.runner.advance()
        self.reshown(event, self.step, "the load")
        self.timeline.record(self.runner.checkpoint, event)

    # --- rollback ---
    def roll_back(self) -> None:
        timeline, rng = self.timeline, self.rng
        if not timeline.can_back():
            return
        if rng.random() < 0.25:   # a click in the history screen: any earlier step since the load
            index = rng.randrange(len(timeline.steps) - 1)
            count = len(timeline.steps) - 1 - index
            step = timeline.back_to(index)
        else:
            count = rng.randint(1, min(MAX_BACK, len(timeline.steps) - 1))
            step = timeline.back(count)
        self.tally.rollbacks += 1
        self.tally.steps_back += count
        self.show(step, self.step - count, f"rolling back {count}")
        for _ in range(rng.randint(0, count)):
            step = timeline.forward()
            if step is None:
                raise self.fail("rolling forward found nothing, though it had not gone as far as it went back")
            self.tally.forwards += 1
            self.show(step, self.step + 1, "rolling forward")

    def show(self, step: Optional[Step], number: int, what: str) -> None:
        """As the play screen's show_step: a runner from the step's state shows its line or menu again."""
        if step is None:
            raise self.fail(f"{what}: the timeline gave no step")
        self.runner = Runner(self.story, step.state.copy())
        event = self.runner.advance()
        if getattr(event, "id", None) != step.id:
            raise self.fail(f"{what}: the step was {step.id}, a runner from its state shows {event!r}")
        self.reshown(event, number, what)

    # --- the end ---
    def finish(self, save_at_end: bool) -> None:
        straight, state = self.straight, self.runner.state
        if self.pos != len(straight.events):
            raise self.fail(f"ended after {self.pos} events, the straight playthrough had {len(straight.events)}")
        if place(state) != place(straight.final):
            raise self.fail(f"ended otherwise than straight: {differences(state, straight.final)}")
        if self.timeline.future:
            raise self.fail(f"{len(self.timeline.future)} steps rolled back over were never walked again")
        if save_at_end:
            self.action = "save at the ending"
            data = json.loads(json.dumps(save_data(self.runner.checkpoint, None, self.story)))
            loaded, _meta, note = save_from_data(data, "<memory>", self.story)
            self.tally.saves += 1
            self.tally.loads += 1
            runner = Runner(self.story, loaded)
            if note or runner.status != ENDED or place(loaded) != place(straight.final):
                raise self.fail(f"a save at the ending loads as {runner.status!r} ({note!r}): "
                                f"{differences(loaded, straight.final)}")


def soak_one(story: Story, seed: int, routes: tuple[str, ...], tally: Tally,
             slots: Optional[SaveSlots] = None) -> None:
    """One seeded playthrough: straight, then interrupted; Mismatch if they differ or the game raises."""
    rng = random.Random(seed)
    route = routes[seed % len(routes)]
    try:
        straight = play_straight(story, route, rng)
    except Mismatch:
        raise
    except Exception as exc:
        raise Mismatch(f"seed {seed}, route {route}, played straight: the game raised "
                       f"{type(exc).__name__}: {exc}") from exc
    steps = len(straight.shown)
    plan: dict[int, str] = {}
    for tick in rng.sample(range(steps), min(steps, 2)):
        plan[tick] = "slot" if slots is not None and not plan else "save"
    for tick in rng.sample(range(steps), min(steps, 2)):
        plan.setdefault(tick, "back")
    Interrupted(story, straight, rng, seed, tally, slots).run(plan, save_at_end=seed % 10 == 0)
    tally.playthroughs += 1
    tally.routes[route] = tally.routes.get(route, 0) + 1
    tally.endings[straight.final.ending] = tally.endings.get(straight.final.ending, 0) + 1
