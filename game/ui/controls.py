"""Every key the game answers to, by where it works: what the Keys screen (reached from Settings) lists.

docs/playing.md has the same keys; a test holds the two together."""
from __future__ import annotations

import re

# (where, [(keys, what they do)]); a key's name is written as docs/playing.md writes it.
CONTROLS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Reading", [
        ("Return, Space, left click", "show the whole line, then the next line or page"),
        ("Up, Down, Return; 1-9", "pick a choice"),
        ("Page Up, wheel up", "roll back one line"),
        ("Page Down, wheel down", "roll forward, or go on"),
        ("Tab", "skip on and off"),
        ("Ctrl (held)", "skip while held"),
        ("A", "auto-forward on and off"),
        ("L", "the history"),
        ("F5", "quick save"),
        ("F9", "quick load"),
        ("H, middle click", "hide the interface"),
        ("M", "show or hide the meters"),
        ("S", "save a screenshot"),
        ("Escape, right click", "the game menu"),
    ]),
    ("Everywhere", [
        ("Up, Down, Return", "move to a button, press it"),
        ("Escape, right click", "close a menu or screen"),
        ("F11, Alt+Return", "full screen on and off"),
    ]),
    ("Settings", [
        ("Left, Right", "change the chosen setting"),
    ]),
    ("History", [
        ("Up, Down, Page Up, Page Down, Home, End", "move through the lines"),
        ("Return", "go back to the chosen line"),
        ("L", "close the history"),
    ]),
    ("Save and Load", [
        ("arrows", "choose a slot"),
        ("Page Up, Page Down, Q, E", "change the page"),
        ("Return, Space", "save or load the chosen slot"),
        ("Delete, Backspace", "delete the chosen save"),
    ]),
    ("For authors", [
        ("Shift+D", "the developer overlay"),
        ("Shift+R", "read the story again"),
        ("Shift+P", "record the playthrough"),
    ]),
]


def slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


def control_keys() -> list[tuple[str, list[tuple[str, str]]]]:
    """CONTROLS with, in place of the words, the interface's word keys they are translated under: a section's
    "keys.SECTION", an entry's "keys.SECTION.WHAT.keys" and "keys.SECTION.WHAT.does" (WHAT: its English, slugged)."""
    return [(f"keys.{slug(section)}",
             [(f"keys.{slug(section)}.{slug(does)}.keys", f"keys.{slug(section)}.{slug(does)}.does")
              for _names, does in entries])
            for section, entries in CONTROLS]


def control_words() -> dict[str, str]:
    """The English of every key control_keys() names, for the interface's words (game/ui/words.py)."""
    out: dict[str, str] = {}
    for (section, entries), (section_key, entry_keys) in zip(CONTROLS, control_keys()):
        out[section_key] = section
        for (names, does), (names_key, does_key) in zip(entries, entry_keys):
            out[names_key], out[does_key] = names, does
    return out
