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
from typing import Any, Optional

from .story.saves import SaveError, read_json, sweep_stale, write_json_atomic

log = logging.getLogger(__name__)
LIMIT = 4 * 1024 * 1024   # no settings, records or seen-lines file is ever near this


@dataclass
class PlayerFile:
    """One of the player's files: where it is, whether it may be written, and what the player should be told."""
    path: Path
    what: str                          # "your settings", "your record of endings", ...
    writable: bool = True
    notes: list[str] = field(default_factory=list)

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
            self.notes.append(f"The last good copy of {self.what} was used in its place.")
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
                self.notes.append(f"{self.what.capitalize()} was damaged; it is kept as {aside.name}.")
                return
            except OSError:
                pass
        self.writable = False  # never write over what could not be read
        self.notes.append(f"{self.what.capitalize()} could not be read ({reason}); it is left as it is and "
                          f"nothing will be written over it.")

    def write(self, data: Any) -> bool:
        """Keep the current good file as NAME.bak, then write; False (and a note) if it must not or could not be."""
        if not self.writable:
            return False
        if self.path.exists() and not os.access(self.path, os.W_OK):
            self.writable = False
            self.notes.append(f"{self.what.capitalize()} is read-only, so it was not changed.")
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
            self.notes.append(f"{self.what.capitalize()} could not be saved ({exc.strerror or exc}).")
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
