"""The player's own small files (settings, records of endings, seen lines): whatever happens to them, nothing
the player earned is lost.

- A file that cannot be read is moved aside as NAME.bad-TIMESTAMP (never overwritten), the last good copy
  (NAME.bak, kept at every write) is used in its place, and the player is told in one plain sentence.
- A file that cannot be moved or written (read-only, a folder, a pipe) is left exactly as it is, and said so.
- Writes go through write_json_atomic: the old file or the new one, never a torn one.
"""
from __future__ import annotations

import logging
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from .story.saves import SaveError, read_json, sweep_stale, write_json_atomic

log = logging.getLogger(__name__)
LIMIT = 4 * 1024 * 1024   # no settings, records or seen-lines file is ever near this

# What the player is told, in English; the interface's words (game/ui/words.py) hold them too, so that they are
# translated with the rest. {what} is one of the files' names; a note begins with a capital however it is worded.
NOTES = {
    "files.settings": "the settings file",
    "files.records": "the record of endings reached",
    "files.seen": "the record of lines read",
    "files.used_backup": "The last good copy of {what} was used in its place.",
    "files.set_aside": "{what} was damaged; it is kept as {name}.",
    "files.unreadable": "{what} could not be read ({reason}); it is left as it is and nothing will be written over it.",
    "files.read_only": "{what} is read-only, so it was not changed.",
    "files.not_saved": "{what} could not be saved ({reason}).",
}
Say = Callable[..., str]   # words(key, **values) -> text: game.ui.words.Words, or english below


def english(key: str, **values: object) -> str:
    return NOTES[key].format(**values)


@dataclass(frozen=True)
class Note:
    """One thing to tell the player about one of their files: the words' key, the file's and the values."""
    key: str
    what: str                                   # the file's key in NOTES: files.settings, ...
    values: tuple[tuple[str, str], ...] = ()

    def text(self, say: Say = english) -> str:
        sentence = say(self.key, what=say(self.what), **dict(self.values))
        return sentence[:1].upper() + sentence[1:]

    def __str__(self) -> str:
        return self.text()


@dataclass
class PlayerFile:
    """One of the player's files: where it is, whether it may be written, and what the player should be told."""
    path: Path
    what: str                          # its name's key in NOTES: "files.settings", "files.records", ...
    writable: bool = True
    notes: list[Note] = field(default_factory=list)

    def note(self, key: str, **values: str) -> None:
        self.notes.append(Note(key, self.what, tuple(values.items())))

    @property
    def backup(self) -> Path:
        return self.path.with_name(self.path.name + ".bak")

    def read(self) -> Optional[Any]:
        """The file's data; when it is damaged, the last good copy's (the damaged file kept aside); else None."""
        try:
            return read_json(self.path, LIMIT)
        except SaveError as exc:
            missing = exc.reason == "no such file"
            if not missing:
                self._set_aside(exc.reason)
        try:
            data = read_json(self.backup, LIMIT)
        except SaveError:
            return None
        if not missing:
            self.note("files.used_backup")
        return data

    def _set_aside(self, reason: str) -> None:
        log.warning("%s: %s", self.path, reason)
        try:
            mode = self.path.lstat().st_mode
        except OSError:
            mode = 0
        if stat.S_ISREG(mode) and os.access(self.path.parent, os.W_OK):
            aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
            number = 1
            while aside.exists() or aside.is_symlink():  # a second one in the same second: never over the first
                number += 1
                aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}-{number}")
            try:
                os.replace(self.path, aside)
                self.note("files.set_aside", name=aside.name)
                return
            except OSError:
                pass
        self.writable = False  # never write over what could not be read
        self.note("files.unreadable", reason=reason)

    def write(self, data: Any) -> bool:
        """Keep the current good file as NAME.bak, then write; False (and a note) if it must not or could not be."""
        if not self.writable:
            return False
        if self.path.exists() and not os.access(self.path, os.W_OK):
            self.writable = False
            self.note("files.read_only")
            return False
        try:
            current = read_json(self.path, LIMIT)
        except SaveError:
            current = None
        if current is not None and current == data:
            sweep_stale(self.path)  # what killed writes left is still cleared, as a write would
            return True   # already on disk as it is: no write, no sync (closing the game is quicker)
        try:
            if current is not None:
                write_json_atomic(self.backup, current)
            write_json_atomic(self.path, data)
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc.strerror or exc)
            self.note("files.not_saved", reason=str(exc.strerror or exc))
            return False
        return True

    def read_backup(self) -> Optional[Any]:
        """The last good copy (NAME.bak), or None."""
        try:
            return read_json(self.backup, LIMIT)
        except SaveError:
            return None

    def read_current(self) -> Optional[Any]:
        """What is on disk now (another copy of the game may have written it), or None; nothing moved aside."""
        try:
            return read_json(self.path, LIMIT)
        except SaveError:
            return None


def sweep_temporary(*folders: Path) -> int:
    """Remove the temporary files that killed writes left in these folders (at start); how many went."""
    gone = 0
    for folder in folders:
        try:
            candidates = list(folder.glob(".*.tmp"))
        except OSError:
            continue
        for stale in candidates:
            try:
                if stale.is_file():
                    stale.unlink()
                    gone += 1
            except OSError:
                pass
    return gone
