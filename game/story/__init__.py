"""The story runtime: loads YAML scenes into a checked model and plays them. Imports nothing from pygame."""
from __future__ import annotations

from .events import Changed, End, Event, Line, Menu, MeterChange, Option, SceneStart, Stage
from .loader import default_root, load_story
from .model import Story
from .problems import Problem, StoryError, Where
from .runner import ENDED, MENU, READY, Runner
from .saves import SaveError, read_save, write_save
from .state import State

__all__ = ["Changed", "End", "Event", "Line", "Menu", "MeterChange", "Option", "SceneStart", "Stage",
           "default_root", "load_story", "Story", "Problem", "StoryError", "Where", "ENDED", "MENU", "READY",
           "Runner", "SaveError", "read_save", "write_save", "State"]
