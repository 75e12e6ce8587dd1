"""Clipboard voicing (Shift+C, as in Ren'Py): each line, with its speaker, copied to the system clipboard as it
is shown, for a screen reader that reads the clipboard aloud."""
from __future__ import annotations

import logging
from typing import Callable, Optional

import pygame

from .words import WORDS, Words

log = logging.getLogger(__name__)

UNAVAILABLE = WORDS["clipboard.missing"]     # in English; told in the player's words (ClipboardVoicing.words)


def _put(words: str) -> None:
    pygame.scrap.put_text(words)


class ClipboardVoicing:
    """The clipboard_voicing setting and the copying; `put` writes the clipboard (pygame.scrap by default)."""

    def __init__(self, settings, put: Callable[[str], None] = _put):
        self.settings = settings
        self._put = put
        self.broken = False   # the clipboard refused once: off for this run, and said once
        self.words = Words()  # the interface's words in the player's language (App.set_language)

    def toggle(self) -> Optional[str]:
        """Shift+C: on or off; the note to show (the clipboard's absence is told once)."""
        if self.broken:
            return None
        self.settings.clipboard_voicing = not self.settings.clipboard_voicing
        note = self.words("clipboard.on" if self.settings.clipboard_voicing else "clipboard.off")
        if self.settings.clipboard_voicing and not self._copy(note):
            note = self.words("clipboard.missing")
        self.settings.save()
        return note

    def line(self, speaker: Optional[str], words: str) -> Optional[str]:
        """Copy a line shown; the note to show if the clipboard has just failed."""
        if not self.settings.clipboard_voicing or self.broken:
            return None
        return None if self._copy(f"{speaker}: {words}" if speaker else words) else self.words("clipboard.missing")

    def _copy(self, words: str) -> bool:
        try:
            self._put(words)
            return True
        except (pygame.error, NotImplementedError, AttributeError) as exc:
            log.warning("cannot write the clipboard: %s", exc)
            self.broken = True
            self.settings.clipboard_voicing = False
            return False
