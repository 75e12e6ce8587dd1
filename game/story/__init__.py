"""The story runtime: loads YAML scenes into a checked model and plays them. Imports nothing from pygame.

The names below are read from their modules when first asked for (PEP 562), so that the window, which plays a
story kept from its last start (kept.py), never imports the YAML reader and the checker it does not need.
"""
from __future__ import annotations

import importlib

_HOMES = {
    "events": ("Changed", "End", "Event", "Line", "Menu", "MeterChange", "Option", "SceneStart", "Stage"),
    "home": ("default_root",),
    "loader": ("load_story",),
    "model": ("Story",),
    "problems": ("Problem", "StoryError", "Where"),
    "runner": ("ENDED", "MENU", "READY", "Runner"),
    "saves": ("SaveError", "read_save", "write_save"),
    "state": ("State",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
