"""Helpers for driving the front end headless: an App on the dummy drivers, and posted input."""
from __future__ import annotations

from pathlib import Path

import pygame
import yaml

from game.story import load_story
from game.ui.app import App
from game.ui.prefs import Records, Settings


def make_app(story=None, **settings) -> App:
    story = story or load_story()
    return App(story, Settings(**settings), Records(), headless=True, audio=False)


def key(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, {"key": k, "mod": mod, "unicode": "", "scancode": 0})


def click(pos: tuple[int, int], button: int = 1) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.MOUSEMOTION, {"pos": pos, "rel": (0, 0), "buttons": (0, 0, 0)}),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": pos, "button": button}),
            pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": pos, "button": button})]


def wheel(y: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEWHEEL, {"x": 0, "y": y, "flipped": False})


def feed(app: App, *events, dt: float = 0.0) -> None:
    """Post events through the app's own event queue and let one pass of the loop handle them."""
    for event in events:
        for e in event if isinstance(event, list) else [event]:
            pygame.event.post(e)
    for event in pygame.event.get():
        app.handle(event)
    app.step(dt, force=True)


def settle(app: App, seconds: float = 3.0, dt: float = 0.05) -> None:
    """Let time pass in fixed steps (no real waiting): transitions and text reveal finish."""
    for _ in range(int(seconds / dt)):
        app.step(dt)


def plan(name: str) -> dict:
    """A playthrough file of tests/playthroughs/ (route, choices, ending), to drive the window the same way."""
    path = Path(__file__).parent / "playthroughs" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))
