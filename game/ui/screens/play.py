"""The play screen: the stage, the text box, choice menus, the quick menu, meters and their changes,
and the player's comforts: rollback, history, skip, auto-forward, quick save and autosave."""
from __future__ import annotations

from typing import Any, Optional

import pygame

from ...story import Changed, End, Line, Menu, Runner, SceneStart, Stage, State, StoryError
from ...story.inspection import inspect
from ...story.lookahead import upcoming
from ...story.timeline import Step, Timeline
from .. import theme
from ..pace import SKIP_STEP, Pace, auto_wait
from ..choice_menu import choice_buttons, place as place_menu
from ..reading import Reading
from ..screen import Push, Replace, Screen, StackPainter, Transition, apart
from ..session import Snapshot, autosave, load_slot, picture, write_slot
from ..stage import StageView
from ..textbox import BOX, TextBox
from ..widgets import Button, ButtonList, panel, text
from ..words import Words
from .authoring import author_key, is_author_key
from .devpanel import DevOverlay
from .hud import MeterPanel, Toasts

ADVANCE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CTRL_KEYS = (pygame.K_LCTRL, pygame.K_RCTRL)
NUMBER_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | \
    {getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)}
QUICK = ["back", "history", "skip", "auto", "save", "qsave", "qload", "prefs"]   # words.py: play.KEY
TEXT_AREA = pygame.Rect(BOX.x, BOX.y - 26, BOX.width, BOX.height + 26)  # the box and its name plate
MODE_RECT = pygame.Rect(1060, 18, 196, 36)  # "Skipping" / "Auto" at the top right
QUICK_BAND = pygame.Rect(0, BOX.bottom, theme.CANVAS[0], theme.CANVAS[1] - BOX.bottom)   # the quick menu on it
MENU_GUARD = 0.35  # seconds a new menu ignores keys: a quick double Return at the line before picks nothing


def quick_band() -> pygame.Surface:
    """A soft dark band under the quick menu, so its words read over any picture."""
    band = pygame.Surface((theme.CANVAS[0], theme.CANVAS[1] - BOX.bottom), pygame.SRCALPHA)
    for y in range(band.get_height()):
        alpha = int(190 * min(1.0, (y + 4) / 10))
        pygame.draw.line(band, (10, 9, 16, alpha), (0, y), (band.get_width(), y))
    return band


def quick_menu(words: Optional[Words] = None) -> ButtonList:
    font = theme.ui_font(theme.SMALL_SIZE, bold=True)   # the light face's thin strokes alone read too dim
    words = words or Words()
    labels = [(key, words(f"play.{key}")) for key in QUICK]
    widths = [font.size(label)[0] + 28 for _, label in labels]
    x = 640 - sum(widths) // 2
    buttons = []
    for (key, label), width in zip(labels, widths):
        buttons.append(Button(label, pygame.Rect(x, BOX.bottom + 6, width, 28), key=key))
        x += width
    return ButtonList(buttons, font, horizontal=True, flat=True)


class PlayScreen(Screen):
    def __init__(self, app, runner: Runner, resume: bool = False, note: str = "", log: Any = None):
        super().__init__(app)
        self.runner = runner
        self._share_seen(runner)
        self.stage = StageView(app.assets)
        self.box = TextBox(app.settings.text_speed, Reading.of(app.settings))
        self.menu: Optional[ButtonList] = None
        self.quick = quick_menu(app.words)
        self.menu_dims = False                           # see show_menu
        self._dim: Optional[pygame.Surface] = None
        self.band = quick_band()
        self.meters = MeterPanel(app.story, app.words)
        self.toasts = Toasts()
        self.dev = DevOverlay()  # Shift+D; off for every new play screen, and never a setting
        self.timeline = Timeline()
        self.timeline.carry(app.story, log)
        self.pace = Pace()
        self.hidden = False
        self.started = False
        self.resume = resume
        self.note = note
        self.line: Optional[Line] = None
        self.pending: Optional[Transition] = None
        self._ambient: list[pygame.Rect] = []
        self._only_text = False
        self._mode_shown = ""
        self.menu_age = 0.0
        # A menu came: its autosave is made once the frame showing it is on screen (after app.frames passes this)
        self.autosave_due: Optional[int] = None

    def _share_seen(self, runner: Runner) -> None:
        """Lines seen in any playthrough count as seen (skip reads them): one set, kept by the app."""
        seen = self.app.seen.ids
        seen |= runner.state.seen
        runner.state.seen = seen
        runner.checkpoint.seen = seen

    # --- the story ---
    def on_enter(self) -> None:
        self.box.speed = self.app.settings.text_speed
        self.restyle()
        if self.started:
            if self.runner.story is not self.app.story:   # the language changed (Settings) while this was beneath
                self.retell()
            return
        self.started = True
        if self.resume:
            self.set_stage(self.runner.state.stage)
        if self.note:
            self.toasts.note(self.note, seconds=6.0)
        self.pending = self.pump()

    def set_stage(self, stage: dict) -> None:
        self.stage.restore(stage)
        self.app.audio.music(stage.get("music"))
        self.app.audio.ambience(stage.get("ambience"))

    def pump(self, instant: bool = False) -> Optional[Transition]:
        """Play on to the next line, menu or ending, setting the stage on the way."""
        try:
            while True:
                event = self.runner.advance()
                if isinstance(event, Stage):
                    self.stage_command(event, instant)
                elif isinstance(event, Changed):
                    self.toasts.add(self.app.story, event, self.app.words)
                elif isinstance(event, Line):
                    self.timeline.record(self.runner.checkpoint, event)
                    self.show_line(event, instant)
                    self.look_ahead()
                    return None
                elif isinstance(event, Menu):
                    self.timeline.record(self.runner.checkpoint, event)
                    self.show_menu(event)
                    if self.line is None:  # a save loaded at a menu: the line that asked stays in the box
                        self.show_line_before_menu()
                    # The autosave's picture draws the stage again (5-10 ms): made at the next step or event, so
                    # the frame that shows the menu is not held up by it.
                    self.autosave_due = self.app.frames if self.app.autosaves else None
                    self.look_ahead()
                    return None
                elif isinstance(event, End):
                    self.pace.stop()
                    return Replace(self.app.make("ending", event, self.runner.state.route, self.stage.background))
                elif not isinstance(event, SceneStart):
                    raise StoryError(f"unexpected event {event!r}")
        except StoryError as exc:
            return Replace(self.app.make("stopped", str(exc)))

    def look_ahead(self) -> None:
        """While this line is read, prepare the backgrounds, sprites and sounds the next ops may ask for."""
        self.app.prepare(upcoming(self.app.story, self.runner.state))

    def stage_command(self, event: Stage, instant: bool) -> None:
        audio = self.app.audio
        if event.kind == "music":
            audio.music(event.name)
        elif event.kind == "ambience":
            audio.ambience(event.name)
        elif event.kind == "sound":
            if not instant:
                audio.sound(event.name)
        else:
            self.stage.apply(event, instant)

    def show_line(self, line: Line, instant: bool) -> None:
        character = self.app.story.characters.get(line.speaker) if line.speaker else None
        if character and line.expression:
            self.stage.express(character.id, line.expression)
        colour = theme.hex_colour(character.color) if character else theme.PAPER
        self.box.show(line.text, character.name if character else None, colour, instant)
        self.menu = None
        self.line = line
        self.pace.shown()
        self.app.trace(line=line.id, speaker=line.speaker, text=line.text)
        self.app.said(character.name if character else None, line.text)

    def show_menu(self, menu: Menu) -> None:
        """Options as buttons, each as tall as its words need, stacked up from the text box and clear of the
        characters' faces where they can be (choice_layout.py); the first option that can be chosen has the
        focus, so Return picks it. Their words are as large as the player's text size (choice_menu.py)."""
        rects, clear, sized = place_menu(menu.options, self.box.reading, self.stage.faces())
        self.menu_dims = not clear   # a face the menu cannot keep clear of: the stage steps back, deliberately
        self.menu = choice_buttons(menu.options, rects, sized)
        self.menu_age = 0.0
        self.app.trace(menu=menu.id, options=[o.text for o in menu.options])
        self.menu.focus = next((i for i, o in enumerate(menu.options) if o.available), None)
        if self.pace.skipping:
            self.pace.skip_on = self.pace.skip_held = False  # skip always stops at a choice

    def restyle(self) -> None:
        """The player's reading settings may have changed (Settings is reached from play): the words, the
        menu and the stage take them at once."""
        reading = Reading.of(self.app.settings)
        self.stage.still = reading.reduced_motion
        if reading == self.box.reading:
            return
        self.box.restyle(reading)
        if self.menu is not None:
            focus = self.menu.focus
            options = self.runner.current_menu().options
            rects, clear, sized = place_menu(options, reading, self.stage.faces())
            self.menu, self.menu_dims = choice_buttons(options, rects, sized), not clear
            self.menu.focus = focus

    def show_line_before_menu(self) -> None:
        """Under a menu, the box keeps the line that led to it, as it was before a rollback or a load."""
        steps = self.timeline.steps[:-1]
        if steps and steps[-1].line is not None:
            line = steps[-1].line
            speaker, words = line.speaker, line.text
        else:
            said = [e for e in self.timeline.earlier if not e.choice]
            if not said or (steps and steps[-1].line is None):
                self.box.clear()
                self.line = None
                return
            speaker, words = said[-1].speaker, said[-1].text
        character = self.app.story.characters.get(speaker) if speaker else None
        colour = theme.hex_colour(character.color) if character else theme.PAPER
        self.box.show(words, character.name if character else None, colour, instant=True)
        self.line = None

    def choose(self, index: int, instant: bool = False) -> Optional[Transition]:
        menu = self.runner.current_menu()
        self.runner.choose(index)
        self.timeline.chose(index, menu.options[index].text, self.runner.state.choices[-1][1])
        self.menu = None
        return self.pump(instant)

    def restart_at(self, state: State, note: str = "") -> Optional[Transition]:
        """Play on from `state`, a checkpoint in the app's story as it now stands (read again: Shift+R). The
        history before stays, as text; rollback starts afresh, as the old steps belong to the old story."""
        log = self.timeline.log()
        self.timeline = Timeline()
        self.timeline.carry(self.app.story, log)
        self.runner = Runner(self.app.story, state)
        self._share_seen(self.runner)
        self.stage = StageView(self.app.assets)
        self.stage.still = self.box.reading.reduced_motion
        self.meters = MeterPanel(self.app.story, self.app.words)
        self.pace.stop()
        self.toasts.items.clear()
        self.menu, self.line = None, None
        self.set_stage(state.stage)
        if note:
            self.toasts.note(note, seconds=6.0)
        return self.pump(instant=True)

    def retell(self) -> None:
        """Show the moment on screen, its history and the quick menu again in the app's language."""
        self.timeline.retell(self.app.story)
        self.quick = quick_menu(self.app.words)
        self.meters = MeterPanel(self.app.story, self.app.words)
        if self.timeline.current is not None:
            self.show_step(self.timeline.current)
        else:
            self.runner = Runner(self.app.story, self.runner.state)

    # --- rollback ---
    def show_step(self, step: Step) -> None:
        """Put the game back exactly as it was when this step was shown: state, stage, music, the words."""
        self.runner = Runner(self.app.story, step.state.copy())
        self._share_seen(self.runner)
        self.set_stage(self.runner.state.stage)
        self.toasts.items.clear()
        event = self.runner.advance()
        if isinstance(event, Line):
            self.show_line(event, instant=True)
        elif isinstance(event, Menu):
            self.show_menu(event)
            self.show_line_before_menu()
        self.look_ahead()

    def roll_back(self, count: int = 1) -> None:
        self.pace.stop()
        step = self.timeline.back(count)
        if step is None:
            self.toasts.note(self.app.words("play.as_far_back"))
            return
        self.show_step(step)

    def roll_back_to(self, index: int) -> None:
        """Return to the history's step `index` (an entry clicked in the history screen)."""
        self.pace.stop()
        step = self.timeline.back_to(index)
        if step is not None:
            self.show_step(step)

    def roll_forward(self) -> bool:
        step = self.timeline.forward()
        if step is None:
            return False
        self.show_step(step)
        return True

    def tell(self, words: str) -> bool:
        self.toasts.note(words)
        return True

    # --- saving ---
    def snapshot(self) -> Snapshot:
        """The moment to save: the state before what is on screen, the last line shown, the stage's picture."""
        last = next((s.line for s in reversed(self.timeline.steps) if s.line is not None), None)
        words = last.text if last is not None else ""
        return Snapshot(self.runner.checkpoint.copy(), words, picture(self.stage.draw), self.timeline.log(),
                        self.timeline.trail())

    def quick_save(self) -> None:
        note = write_slot(self.app, "quick", self.snapshot())
        self.toasts.note(self.app.words("play.quick_saved") if note == self.app.words("saves.saved") else note)

    def quick_load(self) -> Optional[Transition]:
        if not self.app.slots.exists("quick"):
            self.toasts.note(self.app.words("play.no_quick_save"))
            return None
        if self.app.autosaves:
            autosave(self.app, self.snapshot())  # loading never loses the place the player is leaving
        transition = load_slot(self.app, "quick")
        if isinstance(transition, Replace):
            screen = transition.screen
            if isinstance(screen, PlayScreen) and not screen.note:
                screen.note = self.app.words("play.quick_loaded")
        return transition

    def suspend(self) -> None:
        """The player leaves the story (title, quit, window closed, logout): keep the place in an autosave."""
        self.autosave_due = None   # this one keeps the same moment
        if self.app.autosaves and self.runner.status != "ended" and self.timeline.current is not None:
            autosave(self.app, self.snapshot())

    def autosave_if_due(self, drawn: bool = False) -> None:
        """The autosave of the menu shown: before anything can move the story on, or (drawn) once the frame that
        shows the menu is on screen."""
        if self.autosave_due is not None and (not drawn or self.app.frames > self.autosave_due):
            self.autosave_due = None
            autosave(self.app, self.snapshot())

    # --- input ---
    def advance(self) -> Optional[Transition]:
        if self.stage.busy:
            self.stage.finish()
            return None
        if self.menu is not None:
            return None
        if self.box.advance():
            return None
        if self.timeline.can_forward():  # rolled back: walk on along the same path, restoring each step
            self.roll_forward()
            return None
        return self.pump()

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        self.autosave_if_due()
        if self.pending is not None:
            pending, self.pending = self.pending, None
            return pending
        if self.hidden:
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
                self.hidden = False
            return None
        kind = event.type
        if kind == pygame.KEYUP and event.key in CTRL_KEYS:
            self.pace.skip_held = False
            return None
        if kind == pygame.KEYDOWN:
            handled, transition = self.key(event)
            if handled:
                return transition
        if kind == pygame.MOUSEBUTTONUP and event.button == 3:
            self.pace.stop()
            return Push(self.app.make("game_menu", self))
        if kind == pygame.MOUSEBUTTONUP and event.button == 2:
            self.hidden = True
            return None
        if kind == pygame.MOUSEWHEEL:
            if event.y > 0:
                self.roll_back()
                return None
            if event.y < 0 and self.menu is None:
                return self.advance()
        if kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            chosen = self.quick.handle(event)
            if chosen is not None:
                return self.quick_action(chosen.key)
            if kind == pygame.MOUSEBUTTONUP and self.quick.at(event.pos) is not None:
                return None
            if kind == pygame.MOUSEBUTTONUP and self.meters.toggle_rect.collidepoint(event.pos):
                self.app.settings.show_meters = not self.app.settings.show_meters
                return None
        if self.menu is not None and not self.stage.busy:
            if self.menu_age < MENU_GUARD and kind == pygame.KEYDOWN:
                return None  # a key held or pressed twice at the line before; a click on an option is deliberate
            chosen = self.menu.handle(event)
            if chosen is not None:
                self.pace.skip_on = False
                return self.choose(int(chosen.key))
            return None
        if (kind == pygame.KEYDOWN and event.key in ADVANCE_KEYS) or \
                (kind == pygame.MOUSEBUTTONUP and event.button == 1):
            self.pace.skip_on = False  # a click takes over from skipping
            return self.advance()
        return None

    def key(self, event: pygame.event.Event) -> tuple[bool, Optional[Transition]]:
        """The play screen's own keys: (handled, transition)."""
        key = event.key
        if is_author_key(event):
            return True, author_key(self, event)
        if key == pygame.K_ESCAPE:
            self.pace.stop()
            return True, Push(self.app.make("game_menu", self))
        if key == pygame.K_h:
            self.hidden = True
        elif key == pygame.K_m:
            self.app.settings.show_meters = not self.app.settings.show_meters
        elif key == pygame.K_s:
            self.toasts.note(self.app.words("play.screenshot", name=self.app.screenshot().name))
        elif key in (pygame.K_PAGEUP,):
            self.roll_back()
        elif key in (pygame.K_PAGEDOWN,):
            if not self.roll_forward() and self.menu is None:
                return True, self.advance()
        elif key == pygame.K_TAB:
            return True, self.quick_action("skip")
        elif key in CTRL_KEYS:
            if self.menu is None:
                self.pace.skip_held = True
        elif key == pygame.K_a:
            return True, self.quick_action("auto")
        elif key == pygame.K_l:
            return True, self.quick_action("history")
        elif key == pygame.K_F5:
            self.quick_save()
        elif key == pygame.K_F9:
            return True, self.quick_load()
        elif key in NUMBER_KEYS and self.menu is not None and not self.stage.busy and self.menu_age >= MENU_GUARD:
            index = NUMBER_KEYS[key] - 1
            buttons = self.menu.buttons
            if index < len(buttons) and buttons[index].enabled:
                return True, self.choose(index)
        else:
            return False, None
        return True, None

    def quick_action(self, key: str) -> Optional[Transition]:
        app = self.app
        if key == "prefs":
            self.pace.stop()
            return Push(app.make("settings"))
        if key == "back":
            self.roll_back()
        elif key == "history":
            self.pace.stop()
            return Push(app.make("history", self))
        elif key == "skip":
            if self.menu is not None:
                self.toasts.note(self.app.words("play.skip_waits"))
            elif self.pace.toggle_skip() and not self.can_skip(self.line):
                self.pace.skip_on = False
                self.toasts.note(self.app.words("play.nothing_to_skip"))
        elif key == "auto":
            self.pace.toggle_auto()
        elif key == "save":
            self.pace.stop()
            return Push(app.make("saves", "save", self))
        elif key == "qsave":
            self.quick_save()
        elif key == "qload":
            return self.quick_load()
        return None

    # --- skip and auto ---
    def can_skip(self, line: Optional[Line]) -> bool:
        if line is None:
            return False
        return line.seen_before or self.app.settings.skip_unseen or self.timeline.can_forward()

    def paced(self, dt: float) -> bool:
        """Move on by itself while skipping or on auto; True if anything changed."""
        pace = self.pace
        if self.menu is not None or self.pending is not None or self.line is None:
            return False
        if pace.skipping:
            if not self.can_skip(self.line):
                pace.skip_on = pace.skip_held = False
                self.toasts.note(self.app.words("play.skip_stopped"))
                return True
            if not pace.due(dt, SKIP_STEP):
                return False
            self.stage.finish()
            self.box.complete()
            if self.timeline.can_forward():
                self.roll_forward()
            else:
                self.pending = self.pump(instant=True)
            return True
        if pace.auto and not self.stage.busy and self.box.done:
            if pace.due(dt, auto_wait(self.line.text, self.app.settings.auto_delay)):
                self.pending = self.advance()
                return True
        return False

    # --- time and drawing ---
    @property
    def busy(self) -> bool:
        return self.stage.busy or (self.box.busy and not self.stage.transition) or self.pending is not None \
            or self.pace.skipping

    def mode(self) -> str:
        return "Skipping" if self.pace.skipping else ("Auto" if self.pace.auto else "")

    def update(self, dt: float) -> bool:
        self.autosave_if_due(drawn=True)
        if self.menu is not None:
            self.menu_age += dt
        paced = self.paced(dt)
        staged = self.stage.update(dt)
        revealed = False if self.stage.transition else self.box.update(dt)
        noted = self.toasts.update(dt)
        moded = self.mode() != self._mode_shown
        self._ambient = self.stage.ambient_rects
        # While only the words are appearing, only the text box (and its name plate) needs drawing again.
        self._only_text = revealed and not staged and not noted and not self.hidden and not paced and not moded
        if self.pending is not None:
            pygame.event.post(pygame.event.Event(pygame.USEREVENT, {"wake": True}))
        return paced or staged or revealed or noted or moded or bool(self._ambient)

    def still_for(self) -> float:
        """Nothing moves, nothing is due: the stage's next twinkle, or a note's going, is the first change."""
        if self.busy or self.pace.auto or self.toasts.changed or self.mode() != self._mode_shown or \
                (self.menu is not None and self.menu_age < MENU_GUARD):   # the guard counts time in update()
            return 0.0
        return min([self.stage.still_for()] + [toast.left for toast in self.toasts.items])

    def dirty_rects(self) -> list[pygame.Rect] | None:
        if self._only_text:
            return [TEXT_AREA] + self._ambient
        if self._ambient and not self.busy and not self.toasts.changed and self.mode() == self._mode_shown:
            return self._ambient
        return None

    def redraw(self, canvas: pygame.Surface, rects: list[pygame.Rect]) -> None:
        """The stage's moving tiles: where no box, menu, note or panel is over one, the stage alone in its rect
        (the background's rect and the characters' parts over it), all such rects at once; the others drawn
        whole, clipped to the box that holds them (one pass of the screen's drawing, not one for each)."""
        if self.hidden or self.stage.transition or self.dev.on or (self.menu is not None and self.menu_dims) \
                or not apart(rects):
            super().redraw(canvas, rects)
            return
        covered = [self.box.area, QUICK_BAND] + \
            self.meters.area(self.app.settings.show_meters) + [rect for _, _, rect in self.toasts.layout()] + \
            ([button.rect for button in self.menu.buttons] if self.menu is not None else []) + \
            ([MODE_RECT] if self._mode_shown else [])
        under: list[pygame.Rect] = []
        stage: list[pygame.Rect] = []
        for rect in rects:
            (under if rect.collidelist(covered) >= 0 else stage).append(rect)
        if stage:
            self.stage.draw_rects(canvas, stage)
        if under:
            super().redraw(canvas, StackPainter.merged(canvas, under, over=1))

    def draw(self, canvas: pygame.Surface) -> None:
        # Drawn whole, or clipped to a dirty rect (a twinkling star): a part the clip misses is not drawn.
        clip = canvas.get_clip()
        self.stage.draw(canvas)
        self._mode_shown = self.mode()
        if self.hidden:
            return
        if not self.stage.transition:
            if self.menu is not None and self.menu_dims:   # under the box: its name plate stays bright
                canvas.blit(self._stage_dim(), (0, 0))
            if clip.colliderect(self.box.area):
                self.box.draw(canvas)
            if self.menu is not None:
                self.menu.draw(canvas)
        if clip.colliderect(QUICK_BAND):   # the quick menu, on its band under the box
            canvas.blit(self.band, (0, BOX.bottom))
            self.quick.draw(canvas)
            self._draw_quick_states(canvas)
        self.meters.draw(canvas, self.runner.state.meters, self.app.settings.show_meters)
        if self.dev.on:
            self.dev.draw(canvas, inspect(self.app.story, self.runner.checkpoint))
        self.toasts.draw(canvas)
        if self._mode_shown:
            self._draw_mode(canvas, self._mode_shown)

    def _stage_dim(self) -> pygame.Surface:
        if self._dim is None:
            self._dim = pygame.Surface((theme.CANVAS[0], BOX.y), pygame.SRCALPHA)
            self._dim.fill((8, 6, 14, 120))
        return self._dim

    def _draw_quick_states(self, canvas: pygame.Surface) -> None:
        """Skip and Auto stay underlined in gold while they are on."""
        for button in self.quick.buttons:
            on = (button.key == "skip" and self.pace.skipping) or (button.key == "auto" and self.pace.auto)
            if on:
                y = button.rect.centery + 11
                pygame.draw.line(canvas, theme.GOLD, (button.rect.x + 10, y), (button.rect.right - 10, y), 2)

    def _draw_mode(self, canvas: pygame.Surface, mode: str) -> None:
        panel(canvas, MODE_RECT, alpha=215)
        font = theme.ui_font(theme.SMALL_SIZE)
        shown = self.app.words("play.skipping" if mode == "Skipping" else "play.auto")
        text(canvas, font, shown + ("  »" if mode == "Skipping" else "  ›"), theme.GOLD, MODE_RECT.center, "center")
