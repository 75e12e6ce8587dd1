"""The player's settings and lasting records, kept as small JSON files that survive a bad write."""
from __future__ import annotations

import logging
import shutil
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from ..paths import config_dir
from ..story.saves import SaveError, read_json, write_json_atomic

log = logging.getLogger(__name__)


@dataclass
class Settings:
    text_speed: int = 45          # characters per second; 0 shows each line at once
    auto_delay: float = 1.5       # seconds to wait after a line when auto-forward is on
    music_volume: float = 0.7
    ambience_volume: float = 0.6
    sound_volume: float = 0.8
    fullscreen: bool = False
    show_meters: bool = False
    skip_unseen: bool = False     # skip goes through lines never shown before, too

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        return _load(cls, path or config_dir() / "settings.json")

    def save(self, path: Path | None = None) -> None:
        _save(asdict(self), path or config_dir() / "settings.json")


@dataclass
class Records:
    """What lasts between playthroughs of one story: endings reached and routes finished.

    Kept in the story's own folder (paths.story_data_dir); one made in memory (path None) is never written.
    """
    endings: list[str] = field(default_factory=list)
    routes_finished: list[str] = field(default_factory=list)
    path: Optional[Path] = field(default=None, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path, legacy: Path | None = None) -> Records:
        """Read the records at `path`; the first time, carry over `legacy` (the one file all stories shared)."""
        if legacy is not None and not path.exists() and legacy.is_file():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(legacy, path)
            except OSError as exc:
                log.warning("could not carry over %s: %s", legacy, exc.strerror)
        records = _load(cls, path)
        records.path = path
        return records

    def save(self) -> None:
        if self.path is not None:
            _save({"endings": self.endings, "routes_finished": self.routes_finished}, self.path)

    def reached(self, ending: str, route: str) -> bool:
        """Record an ending; True if it is new."""
        new = ending not in self.endings
        if new:
            self.endings.append(ending)
        if route not in self.routes_finished:
            self.routes_finished.append(route)
        return new


class SeenLines:
    """The ids of every line shown in any playthrough of one story: skip goes through these by default."""

    def __init__(self, ids: set[str] | None = None, path: Optional[Path] = None):
        self.ids: set[str] = ids if ids is not None else set()
        self.path = path
        self._written = len(self.ids)

    @classmethod
    def load(cls, path: Path) -> SeenLines:
        try:
            data = read_json(path)
        except SaveError as exc:
            if path.exists():
                log.warning("ignoring %s", exc)
            return cls(set(), path)
        ids = data.get("seen") if isinstance(data, dict) else None
        return cls({i for i in ids if isinstance(i, str)} if isinstance(ids, list) else set(), path)

    def save(self) -> None:
        """Write the ids if any were added since the last write (seeing is never undone)."""
        if self.path is None or len(self.ids) == self._written:
            return
        _save({"format": "under-the-same-stars/seen", "version": 1, "seen": sorted(self.ids)}, self.path)
        self._written = len(self.ids)


def _load(cls: type, path: Path) -> Any:
    """Read what is valid, keep defaults for the rest; a damaged file is noted, never fatal."""
    try:
        data = read_json(path)
    except SaveError as exc:
        if path.exists():
            log.warning("ignoring %s", exc)
        return cls()
    if not isinstance(data, dict):
        log.warning("ignoring %s: not a mapping", path)
        return cls()
    value = cls()
    for f in fields(cls):
        if f.name == "path":
            continue
        item = data.get(f.name)
        default = getattr(value, f.name)
        if isinstance(default, bool):
            ok = isinstance(item, bool)
        elif isinstance(default, (int, float)):
            ok = isinstance(item, (int, float)) and not isinstance(item, bool)
            item = type(default)(item) if ok else item
        else:
            ok = isinstance(item, list) and all(isinstance(x, str) for x in item)
        if ok:
            setattr(value, f.name, item)
    return value


def _save(data: dict, path: Path) -> None:
    try:
        write_json_atomic(path, data)
    except OSError as exc:
        log.warning("could not write %s: %s", path, exc.strerror)
