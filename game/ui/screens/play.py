"""The play screen: the stage, the text box, choice menus, the quick menu, meters and their changes."""
from __future__ import annotations

from typing import Optional

import pygame

from ...story import Changed, End, Line, Menu, Runner, SceneStart, Stage, StoryError
from .. import theme
from ..screen import Push, Replace, Screen, Transition
from ..stage import StageView
from ..textbox import BOX, TextBox
from ..widgets import Button, ButtonList, label_lines
from .hud import MeterPanel, Toasts
from .menus import GameMenu

ADVANCE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
RESERVED_KEYS = (pygame.K_TAB, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_a, pygame.K_PAGEUP, pygame.K_PAGEDOWN)
QUICK = [("back", "Back"), ("history", "History"), ("skip", "Skip"), ("auto", "Auto"), ("save", "Save"),
         ("qsave", "Q.Save"), ("qload", "Q.Load"), ("prefs", "Prefs")]
QUICK_WORKING = {"prefs"}  # the rest arrive with the player comforts; until then they look disabled


TEXT_AREA = pygame.Rect(BOX.x, BOX.y - 26, BOX.width, BOX.height + 26)  # the box and its name plate
MENU_WIDTH, MENU_GAP = 800, 12  # choice buttons, centred on the canvas above the text box


def quick_band() -> pygame.Surface:
    """A soft dark band under the quick menu, so its words read over any picture."""
    band = pygame.Surface((theme.CANVAS[0], theme.CANVAS[1] - BOX.bottom), pygame.SRCALPHA)
    for y in range(band.get_height()):
        alpha = int(190 * min(1.0, (y + 4) / 10))
        pygame.draw.line(band, (10, 9, 16, alpha), (0, y), (band.get_width(), y))
    return band


def quick_menu() -> ButtonList:
    font = theme.ui_font(theme.SMALL_SIZE)
    widths = [font.size(label)[0] + 28 for _, label in QUICK]
    x = 640 - sum(widths) // 2
    buttons = []
    for (key, label), width in zip(QUICK, widths):
        buttons.append(Button(label, pygame.Rect(x, BOX.bottom + 6, width, 28), key in QUICK_WORKING, key=key))
        x += width
    return ButtonList(buttons, font, horizontal=True, flat=True)


class PlayScreen(Screen):
    def __init__(self, app, runner: Runner, resume: bool = False):
        super().__init__(app)
        self.runner = runner
        self.stage = StageView(app.assets)
        self.box = TextBox(app.settings.text_speed)
        self.menu: Optional[ButtonList] = None
        self.quick = quick_menu()
        self.band = quick_band()
        self.meters = MeterPanel(app.story)
        self.toasts = Toasts()
        self.hidden = False
        self.started = False
        self.resume = resume
        self.pending: Optional[Transition] = None
        self._ambient: list[pygame.Rect] = []
        self._only_text = False

    # --- the story ---
    def on_enter(self) -> None:
        self.box.speed = self.app.settings.text_speed
        if self.started:
            return
        self.started = True
        if self.resume:
            stage = self.runner.state.stage
            self.stage.restore(stage)
            self.app.audio.music(stage.get("music"))
            self.app.audio.ambience(stage.get("ambience"))
        self.pending = self.pump()

    def pump(self, instant: bool = False) -> Optional[Transition]:
        """Play on to the next line, menu or ending, setting the stage on the way."""
        try:
            while True:
                event = self.runner.advance()
                if isinstance(event, Stage):
                    self.stage_command(event, instant)
                elif isinstance(event, Changed):
                    self.toasts.add(self.app.story, event)
                elif isinstance(event, Line):
                    self.show_line(event, instant)
                    return None
                elif isinstance(event, Menu):
                    self.show_menu(event)
                    return None
                elif isinstance(event, End):
                    from .ending import EndingScreen
                    return Replace(EndingScreen(self.app, event, self.runner.state.route, self.stage.background))
                elif not isinstance(event, SceneStart):
                    raise StoryError(f"unexpected event {event!r}")
        except StoryError as exc:
            from .ending import StoryStopped
            return Replace(StoryStopped(self.app, str(exc)))

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

    def show_menu(self, menu: Menu) -> None:
        """Options as buttons, each as tall as its words need, centred in the space above the text box."""
        font, small = theme.text_font(26), theme.ui_font(theme.SMALL_SIZE)
        width, gap = MENU_WIDTH, MENU_GAP
        heights = []
        for option in menu.options:
            words = len(label_lines(option.text, font, width)) * font.get_linesize()
            hint = small.get_linesize() if option.hint and not option.available else 0
            heights.append(max(60, words + hint + 22))
        top = max(16, (BOX.y - 24 - sum(heights) - gap * (len(heights) - 1)) // 2)
        buttons = []
        for i, (option, height) in enumerate(zip(menu.options, heights)):
            buttons.append(Button(option.text, pygame.Rect(640 - width // 2, top, width, height), option.available,
                                  option.hint if not option.available else "", key=str(i)))
            top += height + gap
        self.menu = ButtonList(buttons, font)

    def choose(self, index: int, instant: bool = False) -> Optional[Transition]:
        self.runner.choose(index)
        self.menu = None
        return self.pump(instant)

    # --- input ---
    def advance(self) -> Optional[Transition]:
        if self.stage.busy:
            self.stage.finish()
            return None
        if self.menu is not None:
            return None
        if self.box.advance():
            return None
        return self.pump()

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            return pending
        if self.hidden:
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
                self.hidden = False
            return None
        kind = event.type
        if kind == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                return Push(GameMenu(self.app))
            if key == pygame.K_h:
                self.hidden = True
                return None
            if key == pygame.K_m:
                self.app.settings.show_meters = not self.app.settings.show_meters
                return None
            if key == pygame.K_s:
                self.toasts.note(f"Screenshot saved: {self.app.screenshot().name}")
                return None
            if key in RESERVED_KEYS:
                return None
        if kind == pygame.MOUSEBUTTONUP and event.button == 3:
            return Push(GameMenu(self.app))
        if kind == pygame.MOUSEBUTTONUP and event.button == 2:
            self.hidden = True
            return None
        if kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            chosen = self.quick.handle(event)
            if chosen is not None:
                return self.quick_action(chosen.key)
            if kind == pygame.MOUSEBUTTONUP and self.quick.at(event.pos) is not None:
                return None  # a click on a disabled quick-menu button does nothing, not advance
            if kind == pygame.MOUSEBUTTONUP and self.meters.toggle_rect.collidepoint(event.pos):
                self.app.settings.show_meters = not self.app.settings.show_meters
                return None
        if self.menu is not None and not self.stage.busy:
            chosen = self.menu.handle(event)
            if chosen is not None:
                return self.choose(int(chosen.key))
            return None
        if (kind == pygame.KEYDOWN and event.key in ADVANCE_KEYS) or \
                (kind == pygame.MOUSEBUTTONUP and event.button == 1) or \
                (kind == pygame.MOUSEWHEEL and event.y < 0):
            return self.advance()
        return None

    def quick_action(self, key: str) -> Optional[Transition]:
        if key == "prefs":
            from .settings import SettingsScreen
            return Push(SettingsScreen(self.app))
        return None

    # --- time and drawing ---
    @property
    def busy(self) -> bool:
        return self.stage.busy or (self.box.busy and not self.stage.transition) or self.pending is not None

    def update(self, dt: float) -> bool:
        staged = self.stage.update(dt)
        revealed = False if self.stage.transition else self.box.update(dt)
        noted = self.toasts.update(dt)
        self._ambient = self.stage.ambient_rects
        # While only the words are appearing, only the text box (and its name plate) needs drawing again.
        self._only_text = revealed and not staged and not noted and not self.hidden
        if self.pending is not None:
            pygame.event.post(pygame.event.Event(pygame.USEREVENT, {"wake": True}))
        return staged or revealed or noted or bool(self._ambient)

    def dirty_rects(self) -> list[pygame.Rect] | None:
        if self._only_text:
            return [TEXT_AREA] + self._ambient
        if self._ambient and not self.busy and not self.toasts.changed:
            return self._ambient
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        self.stage.draw(canvas)
        if self.hidden:
            return
        if not self.stage.transition:
            self.box.draw(canvas)
            if self.menu is not None:
                self.menu.draw(canvas)
        canvas.blit(self.band, (0, BOX.bottom))
        self.quick.draw(canvas)
        self.meters.draw(canvas, self.runner.state.meters, self.app.settings.show_meters)
        self.toasts.draw(canvas)
