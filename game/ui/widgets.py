"""Buttons and panels, in the interface's one style, usable by mouse and keyboard alike."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import pygame

from . import theme
from .skin import PANEL_RULE, skin
from .text import TextCache, wrap

_cache = TextCache(8 << 20)  # labels, options, notes and their shadows: a screen's worth and more

# A button that activates asks for the interface's click by posting this event; the main loop plays it, so
# widgets need no audio of their own.
UI_SOUND = pygame.event.custom_type()
CLICK = "ui_click"
# A button that takes the focus says so with this event (its words), for self-voicing (voice.py) to speak.
UI_FOCUS = pygame.event.custom_type()


def _clicked(button: "Button") -> "Button":
    pygame.event.post(pygame.event.Event(UI_SOUND, {"name": CLICK}))
    return button


def panel(canvas: pygame.Surface, rect: pygame.Rect, alpha: int = theme.INK_ALPHA,
          border: tuple[int, int, int] | None = PANEL_RULE) -> None:
    """A dark translucent panel with soft corners and a thin warm rule (assets/ui/panel_*.png)."""
    canvas.blit(skin().panel(rect.size, alpha, border), rect.topleft)


def text(canvas: pygame.Surface, font: pygame.font.Font, words: str, colour: tuple[int, int, int],
         pos: tuple[int, int], anchor: str = "topleft", shadow: bool = False) -> pygame.Rect:
    pieces = lettering(font, words, colour, pos, anchor, shadow)
    canvas.blits(pieces, doreturn=False)
    return pieces[-1][1]


def lettering(font: pygame.font.Font, words: str, colour: tuple[int, int, int], pos: tuple[int, int],
              anchor: str = "topleft", shadow: bool = False) -> list[tuple[pygame.Surface, pygame.Rect]]:
    """What text() draws, as (picture, place) pairs for Surface.blits: the shadow first, the words last."""
    surface = _cache.render(font, words, colour)
    rect = surface.get_rect(**{anchor: pos})
    if shadow:
        return [(_cache.render(font, words, theme.SHADOW), rect.move(2, 2)), (surface, rect)]
    return [(surface, rect)]


@dataclass
class Button:
    """A button: its label, where it is, and what it is for."""
    label: str
    rect: pygame.Rect
    enabled: bool = True
    hint: str = ""
    key: str = ""            # what the button is for, returned on activation

    def draw(self, canvas: pygame.Surface, focused: bool, font: pygame.font.Font | None = None,
             align: str = "center", small: pygame.font.Font | None = None, opaque: bool = False) -> None:
        font = font or theme.ui_font()
        if not self.enabled:
            state, ink = "disabled", theme.DISABLED
        elif focused:
            state, ink = "hover", (255, 246, 230)
        else:
            state, ink = "idle", theme.PAPER
        with_hint = bool(self.hint) and not self.enabled
        if with_hint or opaque:  # the reason must read over any picture (4.5:1): an opaque plate under the faded button
            canvas.blit(skin().panel(self.rect.size, 255 if opaque else 240, None), self.rect.topleft)
        canvas.blit(skin().button(self.rect.size, state), self.rect.topleft)
        small = small or theme.ui_font(theme.SMALL_SIZE, bold=True)
        lines = label_lines(self.label, font, self.rect.width)
        hints = label_lines(self.hint, small, self.rect.width) if with_hint else ()
        block = len(lines) * font.get_linesize() + len(hints) * small.get_linesize()
        y = self.rect.centery - block // 2
        anchor, x = ("midleft", self.rect.x + 28) if align == "left" else ("center", self.rect.centerx)
        for line in lines:
            text(canvas, font, line, ink, (x, y + font.get_linesize() // 2), anchor)
            y += font.get_linesize()
        if focused and self.enabled:  # a mark as well as a colour, so focus never rests on colour alone
            skin().mark(canvas, "cursor_focus", (self.rect.x + 16, self.rect.centery))
        for hint in hints:
            text(canvas, small, hint, theme.PAPER_DIM, (x, y + small.get_linesize() // 2), anchor)
            y += small.get_linesize()


@lru_cache(maxsize=512)
def label_lines(label: str, font: pygame.font.Font, width: int) -> tuple[str, ...]:
    """A button's words, wrapped to fit inside it (room left for the focus star at each side); wrapped once,
    not at every redraw of the button."""
    return tuple(wrap(label, font, width - 64))


class ButtonList:
    """A column or row of buttons: hover and click with the mouse, arrows and Return with the keys."""

    def __init__(self, buttons: list[Button], font: pygame.font.Font | None = None, align: str = "center",
                 horizontal: bool = False, flat: bool = False, hint_font: pygame.font.Font | None = None,
                 opaque: bool = False, intro: str = ""):
        self.buttons = buttons
        self.intro = intro  # a dialog's question, said before the button first focused (self-voicing)
        self.font = font
        self.hint_font = hint_font   # a greyed button's reason (None: the small bold UI face)
        self.opaque = opaque         # each button on an opaque plate (high contrast)
        self.align = align
        self.horizontal = horizontal
        self.flat = flat  # words only, as in a quick menu
        self._focus: Optional[int] = None
        # Where the pointer rested when the list appeared: SDL reports it as a motion when a window opens or
        # a screen changes, and a pointer that has not moved must not take the focus the keys start from.
        self.rest: Optional[tuple[int, int]] = _pointer()

    @property
    def focus(self) -> Optional[int]:
        return self._focus

    @focus.setter
    def focus(self, index: Optional[int]) -> None:
        if index is not None and index != self._focus and 0 <= index < len(self.buttons) \
                and pygame.display.get_init():
            button = self.buttons[index]
            words = button.label if button.enabled else f"{button.label}, unavailable. {button.hint}".strip()
            if self.intro:
                words, self.intro = f"{self.intro} {words}", ""
            pygame.event.post(pygame.event.Event(UI_FOCUS, {"words": words}))
        self._focus = index

    def _first_enabled(self, start: int, step: int) -> Optional[int]:
        n = len(self.buttons)
        for k in range(n):
            i = (start + step * k) % n
            if self.buttons[i].enabled:
                return i
        return None

    def handle(self, event: pygame.event.Event) -> Optional[Button]:
        """The button activated by this event, if any (a disabled one never is)."""
        if event.type == pygame.MOUSEMOTION:
            if self.rest is not None and tuple(event.pos) == self.rest:
                return None
            self.rest = None
            hovered = self.at(event.pos)
            if hovered is not None:
                self.focus = hovered
            elif self.flat:  # words only: their highlight is the pointer's, and goes with it
                self.focus = None
            # leaving a column of buttons keeps the focus where the keys can use it
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            index = self.at(event.pos)
            if index is not None and self.buttons[index].enabled:
                self.focus = index
                return _clicked(self.buttons[index])
        elif event.type == pygame.KEYDOWN:
            back, forward = ((pygame.K_LEFT, pygame.K_RIGHT) if self.horizontal else (pygame.K_UP, pygame.K_DOWN))
            if event.key in (back, forward):
                step = 1 if event.key == forward else -1
                start = (self.focus + step) if self.focus is not None else (0 if step == 1 else -1)
                self.focus = self._first_enabled(start, step)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and self.focus is not None:
                button = self.buttons[self.focus]
                return _clicked(button) if button.enabled else None
        return None

    def at(self, pos: tuple[int, int]) -> Optional[int]:
        for i, button in enumerate(self.buttons):
            if button.rect.collidepoint(pos):
                return i
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        clip = canvas.get_clip()
        for i, button in enumerate(self.buttons):
            if not clip.colliderect(button.rect):
                continue   # a redraw of a small dirty rect elsewhere: nothing of this button changes
            if not self.flat:
                button.draw(canvas, i == self.focus, self.font, self.align, self.hint_font, self.opaque)
                continue
            focused = i == self.focus and button.enabled
            ink = theme.GOLD if focused else (theme.PAPER if button.enabled else theme.DISABLED)
            rect = text(canvas, self.font or theme.ui_font(), button.label, ink, button.rect.center, "center",
                        shadow=True)
            if focused:  # underlined as well as coloured
                pygame.draw.line(canvas, theme.GOLD, (rect.left, rect.bottom), (rect.right, rect.bottom), 2)


def _pointer() -> Optional[tuple[int, int]]:
    try:
        return tuple(pygame.mouse.get_pos()) if pygame.display.get_init() else None
    except pygame.error:
        return None


def column(labels: list[tuple[str, str, bool]], centre_x: int, top: int, width: int = 360, height: int = 52,
           gap: int = 14) -> list[Button]:
    """Buttons stacked in a column: (key, label, enabled) each."""
    return [Button(label, pygame.Rect(centre_x - width // 2, top + i * (height + gap), width, height), enabled,
                   key=key) for i, (key, label, enabled) in enumerate(labels)]
