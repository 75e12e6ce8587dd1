"""Every key is listed: the Keys screen (reached from Settings) shows every key of controls.py, laid out inside
its panel; every key the play screen answers to is among them; docs/playing.md names every one."""
from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.ui.controls import CONTROLS, control_keys
from game.ui.screens.keys import KeysScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.settings import ROWS, SettingsScreen
from ui_helpers import click, feed, key, make_app, settle

DOCS = Path(__file__).resolve().parents[1] / "docs" / "playing.md"


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


def names(keys: str) -> list[str]:
    """'Page Up, wheel up; 1-9' -> ['page up', 'wheel up', '1-9'], '(held)' left out."""
    return [part.replace("(held)", "").strip().lower() for part in re.split(r"[,;]", keys) if part.strip()]


def listed() -> set[str]:
    return {name for _, entries in CONTROLS for keys, _ in entries for name in names(keys)}


def test_settings_leads_to_the_keys_screen_by_keys_and_by_mouse_and_back(app) -> None:
    screen = SettingsScreen(app)
    app.stack = [screen]
    screen.rows.focus = next(i for i, r in enumerate(ROWS) if r.key == "keys")
    feed(app, key(pygame.K_RETURN))
    assert isinstance(app.stack[-1], KeysScreen)
    feed(app, key(pygame.K_ESCAPE))
    assert app.stack == [screen]
    feed(app, click(screen.rows.buttons[screen.rows.focus].rect.move(-200, 0).center))
    assert isinstance(app.stack[-1], KeysScreen)
    feed(app, click(app.stack[-1].back.buttons[0].rect.center))
    assert app.stack == [screen]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_keys_screen_shows_every_key_inside_its_panel_without_overlaps(app, language) -> None:
    app.set_language(language)
    screen = KeysScreen(app)
    shown = [words for _, words, _, _ in screen.rows]
    for (section, entries), (section_key, keys) in zip(CONTROLS, control_keys()):
        assert app.words(section_key) in shown and (app.words(section_key) == section) == (language == "en")
        for _names_key, does_key in keys:
            assert " ".join(w for w in shown).count(app.words(does_key).split()[0]) >= 1
    rects = [font.size(words) and pygame.Rect(pos, font.size(words)) for font, words, _, pos in screen.rows]
    room = screen.room
    assert all(room.contains(r) for r in rects), [r for r in rects if not room.contains(r)]
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(not r.colliderect(screen.back.buttons[0].rect) for r in rects)
    app.stack = [screen]
    settle(app, 0.2)
    feed(app)   # drawn without error


def test_every_key_the_play_screen_answers_is_listed(app) -> None:
    play = PlayScreen(app, app.start_route("vineyard"))
    app.stack = [play]
    play.on_enter()
    settle(app)
    everything = listed()
    answered = []
    for name in dir(pygame):
        if not name.startswith("K_"):
            continue
        code = getattr(pygame, name)
        event = pygame.event.Event(pygame.KEYDOWN, {"key": code, "mod": 0, "unicode": "", "scancode": 0})
        handled, _ = play.key(event)
        app.stack = [play]
        play.hidden = False
        play.pace.stop()
        if handled:
            answered.append(pygame.key.name(code).lower())
    assert len(answered) >= 12
    for spoken in answered:
        spoken = spoken.replace("left ", "").replace("right ", "")
        assert spoken in everything or (spoken.strip("[]").isdigit() and "1-9" in everything), spoken


def test_docs_playing_names_every_key_of_the_keys_screen() -> None:
    docs = DOCS.read_text(encoding="utf-8").lower()
    missing = [name for name in listed() if name not in docs]
    assert not missing, missing
