"""The game's screens, by name: the one place a new screen is added.

A screen never imports another screen's class; it asks the app for one by name (``app.make("title")``),
so the screens form no import circle and each new one is registered here alone.
"""
from __future__ import annotations

import importlib
from typing import Any

SCREENS = {
    "title": "title:TitleScreen",
    "routes": "routes:RouteSelect",
    "play": "play:PlayScreen",
    "settings": "settings:SettingsScreen",
    "keys": "keys:KeysScreen",
    "endings": "endings:EndingsScreen",
    "ending": "ending:EndingScreen",
    "ending_text": "endings:EndingText",
    "stopped": "ending:StoryStopped",
    "game_menu": "menus:GameMenu",
    "confirm": "menus:Confirm",
    "notice": "menus:Notice",
    "saves": "saves:SaveLoad",
    "history": "history:HistoryScreen",
    "story_problems": "problems:StoryProblems",
}


def screen_class(name: str) -> type:
    try:
        module, cls = SCREENS[name].split(":")
    except KeyError:
        raise KeyError(f"no screen named {name!r} (the screens are: {', '.join(SCREENS)})") from None
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)


def make(app: Any, name: str, *args: Any, **kwargs: Any):
    """A new screen of that name, for this app."""
    return screen_class(name)(app, *args, **kwargs)
