"""Settings: language, text speed, auto-forward delay, volumes, full screen, meters, and reading (text size, font,
box opacity, high contrast, reduced motion, voicing); kept between sessions. The Keys screen is reached from here."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import pygame

from ...i18n.catalog import SOURCE_LANGUAGE, language_name
from .. import theme
from ..prefs import CHOICES, RANGES
from ..reading import face_name, usable
from ..screen import Pop, Push, Screen, Transition
from ..widgets import Button, ButtonList, panel, text
from ..words import WORDS, Words
from .backdrop import Backdrop
from .menus import is_back


@dataclass
class Row:
    key: str
    label: str
    shown: Callable[[object], str]
    step: Callable[[object, int], None]
    told: Optional[Callable[[object, Words], str]] = None   # shown, in the player's language (words.py)

    def value(self, settings, words: Words) -> str:
        return self.told(settings, words) if self.told is not None else self.shown(settings)

    def title(self, words: Words) -> str:
        key = f"settings.{self.key}"
        return words(key) if key in WORDS else self.label


def _clamp(value: float, name: str) -> float:
    low, high = RANGES[name]  # the same ranges a settings file is held to when it is read
    return max(low, min(high, value))


def _volume(name: str) -> Row:
    def shown(s) -> str:
        return f"{round(getattr(s, name) * 100)}%"

    def step(s, d: int) -> None:
        setattr(s, name, round(_clamp(getattr(s, name) + 0.1 * d, name), 2))
    return Row(name, name.split("_")[0].capitalize() + " volume", shown, step)


def _percent(name: str, step: int) -> Callable[[object, int], None]:
    def change(s, d: int) -> None:   # to the next multiple of the step, whatever the file held
        value = getattr(s, name)
        value = (value // step + (1 if d > 0 else 0)) * step if value % step else value + step * d
        setattr(s, name, int(_clamp(value, name)))
    return change


def _next_face(s, d: int) -> None:
    faces = [face for face in CHOICES["text_face"] if usable(face)] or [theme.TEXT_FACE]
    here = faces.index(s.text_face) if s.text_face in faces else 0
    s.text_face = faces[(here + d) % len(faces)]


def _on(value: bool) -> str:
    return "On" if value else "Off"


def _told_on(name: str) -> Callable[[object, Words], str]:
    return lambda s, w: w("settings.on" if getattr(s, name) else "settings.off")


def _speed(s, w: Words) -> str:
    return w("settings.instant") if s.text_speed == 0 else w("settings.letters", count=s.text_speed)


ROWS = [
    # the language is changed by the screen (SettingsScreen.change): the app's languages, shown by their names
    Row("language", "Language", lambda s: language_name(s.language or SOURCE_LANGUAGE), lambda s, d: None),
    Row("text_speed", "Text speed",
        lambda s: "Instant" if s.text_speed == 0 else f"{s.text_speed} letters a second",
        lambda s, d: setattr(s, "text_speed", int(_clamp(s.text_speed + 15 * d, "text_speed"))), _speed),
    Row("auto_delay", "Auto-forward wait", lambda s: f"{s.auto_delay:.1f} s",
        lambda s, d: setattr(s, "auto_delay", round(_clamp(s.auto_delay + 0.5 * d, "auto_delay"), 1)),
        lambda s, w: w("settings.seconds", seconds=f"{s.auto_delay:.1f}")),
    _volume("music_volume"), _volume("ambience_volume"), _volume("sound_volume"),
    Row("skip_unseen", "Skip", lambda s: "All text" if s.skip_unseen else "Seen text only",
        lambda s, d: setattr(s, "skip_unseen", not s.skip_unseen),
        lambda s, w: w("settings.skip_all" if s.skip_unseen else "settings.skip_seen")),
    Row("show_meters", "Meters during play", lambda s: "Shown" if s.show_meters else "Hidden",
        lambda s, d: setattr(s, "show_meters", not s.show_meters),
        lambda s, w: w("settings.shown" if s.show_meters else "settings.hidden")),
    Row("fullscreen", "Full screen (F11)", lambda s: _on(s.fullscreen), lambda s, d: None, _told_on("fullscreen")),
    # the second column: reading
    Row("text_size", "Text size", lambda s: f"{s.text_size}%", _percent("text_size", 25)),
    Row("text_face", "Font", lambda s: face_name(s.text_face).split(" (")[0], _next_face),
    Row("box_opacity", "Text box opacity", lambda s: f"{s.box_opacity}%", _percent("box_opacity", 10)),
    Row("high_contrast", "High contrast", lambda s: _on(s.high_contrast),
        lambda s, d: setattr(s, "high_contrast", not s.high_contrast), _told_on("high_contrast")),
    Row("reduced_motion", "Reduced motion", lambda s: _on(s.reduced_motion),
        lambda s, d: setattr(s, "reduced_motion", not s.reduced_motion), _told_on("reduced_motion")),
    Row("self_voicing", "Self-voicing (V)", lambda s: _on(s.self_voicing), lambda s, d: None,
        _told_on("self_voicing")),
    Row("clipboard_voicing", "Copy lines (Shift+C)", lambda s: _on(s.clipboard_voicing), lambda s, d: None,
        _told_on("clipboard_voicing")),
    Row("keys", "Keys", lambda s: "Show all", lambda s, d: None, lambda s, w: w("settings.show_all")),
]
PER_COLUMN = 9
COLUMN_WIDTH = 560


class SettingsScreen(Screen):
    """Rows of settings: Up/Down to pick one, Left/Right (or the arrows on screen) to change it."""

    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app, veil=190)
        self.box = pygame.Rect(40, 16, 1200, 688)
        self.rows = ButtonList([])
        self.back = ButtonList([])
        self.make_rows(0)

    def make_rows(self, focus: int) -> None:
        """The rows and Back in the app's language (again after the language changed)."""
        words = self.app.words
        self.rows = ButtonList([Button(row.title(words), self.row_rect(i), key=row.key) for i, row in enumerate(ROWS)],
                               align="left")
        self.rows.focus = focus
        back = pygame.Rect(self.box.centerx - 90, self.box.bottom - 66, 180, 50)
        self.back = ButtonList([Button(words("settings.back"), back, key="back")])

    def row_rect(self, index: int) -> pygame.Rect:
        """Up/Down go down the first column, then the second (sound and pace; reading)."""
        column, place = divmod(index, PER_COLUMN)
        x = self.box.x + 30 + column * (self.box.width - 60 - COLUMN_WIDTH)
        return pygame.Rect(x, self.box.y + 80 + place * 56, COLUMN_WIDTH, 48)

    def change(self, index: int, direction: int) -> Optional[Transition]:
        row = ROWS[index]
        settings = self.app.settings
        if row.key == "keys":
            return Push(self.app.make("keys"))
        if row.key == "fullscreen":
            self.app.toggle_fullscreen()
        elif row.key == "self_voicing":   # as V does: with no espeak-ng, a note says so once
            note = self.app.voice.toggle()
            self.app.note(note, must=note is not None and not self.app.voice.speech.available)
        elif row.key == "clipboard_voicing":   # as Shift+C does
            note = self.app.clipboard.toggle()
            self.app.note(note, must=self.app.clipboard.broken)
        elif row.key == "language":
            choices = self.app.languages()
            now = choices.index(self.app.language) if self.app.language in choices else 0
            settings.language = choices[(now + direction) % len(choices)]
            self.app.set_language(settings.language)
            self.make_rows(index)
        else:
            row.step(settings, direction)
        self.app.volumes_changed()
        settings.save()
        words = self.app.words   # self-voicing says the new value
        self.app.voice.focused(f"{row.title(words)}: {row.value(settings, words)}")
        return None

    def arrows(self, index: int) -> tuple[pygame.Rect, pygame.Rect]:
        rect = self.rows.buttons[index].rect
        return pygame.Rect(rect.right - 290, rect.y + 6, 36, 36), pygame.Rect(rect.right - 46, rect.y + 6, 36, 36)

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.back.handle(event) is not None:
            return Pop()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.rows.focus is not None:
            return self.change(self.rows.focus, 1 if event.key == pygame.K_RIGHT else -1)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i in range(len(ROWS)):
                if ROWS[i].key == "keys":
                    continue
                less, more = self.arrows(i)
                if less.collidepoint(event.pos) or more.collidepoint(event.pos):
                    self.rows.focus = i
                    return self.change(i, 1 if more.collidepoint(event.pos) else -1)
        chosen = self.rows.handle(event)
        if chosen is not None:
            return self.change(self.rows.buttons.index(chosen), 1)
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        panel(canvas, self.box)
        text(canvas, theme.display_font(40), self.app.words("settings.title"), theme.GOLD,
             (self.box.centerx, self.box.y + 44), "center")
        self.rows.draw(canvas)
        font = theme.ui_font()
        for i, row in enumerate(ROWS):
            less, more = self.arrows(i)
            if row.key == "keys":   # a way to a screen, not a value: no arrows
                text(canvas, font, row.value(self.app.settings, self.app.words) + "  ›", theme.PAPER,
                     ((less.right + more.left) // 2, less.centery), "center")
                continue
            for rect, up in ((less, False), (more, True)):
                pygame.draw.rect(canvas, (70, 60, 56), rect, border_radius=8)
                x, y = rect.center
                points = [(x - 6, y - 9), (x - 6, y + 9), (x + 8, y)] if up else [(x + 6, y - 9), (x + 6, y + 9), (x - 8, y)]
                pygame.draw.polygon(canvas, theme.PAPER, points)
            text(canvas, font, row.value(self.app.settings, self.app.words), theme.PAPER,
                 ((less.right + more.left) // 2, less.centery), "center")
        self.back.draw(canvas)
