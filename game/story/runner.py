"""Plays a story one event at a time: advance() for the next event, choose(i) to answer a menu."""
from __future__ import annotations

from typing import Iterable

from .events import Changed, End, Event, Line, Menu, MeterChange, Option, SceneStart, Stage
from . import rules
from .model import (Change, EffectsOp, EndingOp, EnterOp, FallOffOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp,
                    OptionSpec, SayOp, StageOp, Story)
from .problems import StoryError
from .state import State

READY, MENU, ENDED = "ready", "menu", "ended"
MAX_SILENT_OPS = 100_000  # ops without anything to show: the story is looping on itself


class Runner:
    """Pull-style player over a Story and a State (in the manner of ink's runtime).

    status is 'ready' (call advance), 'menu' (call choose) or 'ended'. Calling the
    wrong one raises StoryError. checkpoint is a copy of the state just before the
    last line or menu shown: saving it and loading it later shows that line again.
    """

    def __init__(self, story: Story, state: State):
        state.check_fits(story)
        self.story = story
        self.state = state
        self.checkpoint = state.copy()
        self.status = ENDED if state.ending else READY
        self._shown: list[OptionSpec] = []
        self._pending: Changed | None = None
        self._silent = 0  # ops run since the last line or menu, across calls

    @classmethod
    def new(cls, story: Story, route_id: str, past: Iterable[str] = ()) -> Runner:
        """A runner at the start of a route; past names the endings the player's records give as each route's
        last (what ended() reads), those this story does not have being let go."""
        return cls(story, State.start(story, route_id, past))

    @property
    def scene_id(self) -> str:
        return self.state.scene

    def advance(self) -> Event:
        """The next event; stage commands and meter changes come one per call, like lines."""
        if self.status == MENU:
            raise StoryError("advance() called while a menu waits for choose()")
        if self.status == ENDED:
            raise StoryError("advance() called after the story ended")
        if self._pending is not None:
            pending, self._pending = self._pending, None
            return pending
        state = self.state
        scenes = self.story.scenes
        while self._silent < MAX_SILENT_OPS:
            self._silent += 1
            op = scenes[state.scene].ops[state.pc]
            kind = type(op)
            if kind is SayOp:
                self._silent = 0
                self.checkpoint = state.copy()
                state.pc += 1
                seen = op.line_id in state.seen
                state.seen.add(op.line_id)
                sprites = state.stage["sprites"]
                if op.expression and op.speaker in sprites:
                    # a new pair, never changed in place: checkpoint copies share these pairs
                    sprites[op.speaker] = [op.expression, sprites[op.speaker][1]]
                return Line(op.line_id, op.speaker, op.text, op.expression, seen)
            state.pc += 1
            if kind is StageOp:
                return self._stage(op)
            if kind is EnterOp:
                state.visits[state.scene] = state.visits.get(state.scene, 0) + 1
                return SceneStart(state.scene)
            if kind is EffectsOp:
                changed = self._apply(op.changes)
                if changed is not None:
                    return changed
            elif kind is JumpOp:
                state.pc = op.target
            elif kind is JumpUnlessOp:
                if not op.condition.test(state.meters, state.flags, state.visits, state.past):
                    state.pc = op.target
            elif kind is GotoOp:
                state.scene, state.pc = op.scene, 0
            elif kind is MenuOp:
                state.pc -= 1  # stay on the menu until it is answered
                self._silent = 0
                return self._menu(op)
            elif kind is EndingOp:
                return self._end(op)
            elif kind is FallOffOp:
                state.pc -= 1
                raise StoryError([rules.fell_off(op, state.scene)])
        raise StoryError([rules.silent_loop(state.scene)])

    def choose(self, index: int) -> None:
        """Answer the waiting menu with the index of an option as shown (from 0)."""
        if self.status != MENU:
            raise StoryError("choose() called with no menu waiting")
        if not isinstance(index, int) or not 0 <= index < len(self._shown):
            raise StoryError(f"choice {index} is out of range: the menu shows {len(self._shown)} options")
        option = self._shown[index]
        if not self._available(option):
            raise StoryError(f"option '{option.text}' is not available")
        state = self.state
        menu = self.story.scenes[state.scene].ops[state.pc]
        state.choices += ((menu.menu_id, menu.options.index(option)),)
        self._pending = self._apply(option.effects)
        state.pc = option.target
        self.status = READY

    def current_menu(self) -> Menu:
        """The menu waiting for choose(), as the player sees it."""
        if self.status != MENU:
            raise StoryError("no menu is waiting")
        menu = self.story.scenes[self.state.scene].ops[self.state.pc]
        return self._as_menu(menu)

    def shown_index(self, authored: int) -> int | None:
        """Where the waiting menu shows the option the author wrote `authored`th (from 0); None when hidden."""
        menu = self.story.scenes[self.state.scene].ops[self.state.pc] if self.status == MENU else None
        if not isinstance(menu, MenuOp) or not 0 <= authored < len(menu.options):
            return None
        option = menu.options[authored]
        return next((i for i, shown in enumerate(self._shown) if shown is option), None)

    # --- the ops that need more than a line ---
    def _stage(self, op: StageOp) -> Stage:
        stage = self.state.stage
        kind, name = op.kind, op.name
        if kind == "scene":
            stage["background"] = name
            stage["sprites"] = {}
        elif kind == "background":
            stage["background"] = name
        elif kind == "show":
            before = stage["sprites"].get(name, [None, "center"])
            stage["sprites"][name] = [op.expression or before[0], op.position or before[1]]
            return Stage(kind, name, stage["sprites"][name][0], stage["sprites"][name][1], op.transition)
        elif kind == "hide":
            stage["sprites"].pop(name, None)
        elif kind in ("music", "ambience"):
            stage[kind] = name
        return Stage(kind, name, op.expression, op.position, op.transition)

    def _apply(self, changes: tuple[Change, ...]) -> Changed | None:
        moved: list[MeterChange] = []
        rules.apply_changes(self.story.meters, self.state.meters, self.state.flags, changes, moved)
        return Changed(tuple(moved)) if moved else None

    def _available(self, option: OptionSpec) -> bool:
        state = self.state
        return rules.available(option, state.meters, state.flags, state.visits, state.past)

    def _menu(self, op: MenuOp) -> Menu:
        menu = self._as_menu(op)
        if not any(option.available for option in menu.options):
            raise StoryError([rules.stuck_menu(op)])
        self.checkpoint = self.state.copy()
        self.status = MENU
        return menu

    def _as_menu(self, op: MenuOp) -> Menu:
        state = self.state
        self._shown = [o for o in op.options if rules.shown(o, state.meters, state.flags, state.visits, state.past)]
        return Menu(op.menu_id, tuple(Option(o.text, self._available(o), o.hint, o.tags) for o in self._shown))

    def _end(self, op: EndingOp) -> End:
        state = self.state
        if op.ending is not None:
            ending = self.story.endings[op.ending]
        else:
            ending = self.best_ending()
            if ending is None:
                state.pc -= 1
                raise StoryError([rules.no_ending(op, state.route)])
        state.ending = ending.id
        self.checkpoint = state.copy()
        self.status = ENDED
        return End(ending.id, ending.title, ending.epilogue)

    def best_ending(self):
        """The route's ending whose condition holds, highest priority first, then as written."""
        state = self.state
        return rules.best_ending(self.story, state.route, state.meters, state.flags, state.visits, state.past)
