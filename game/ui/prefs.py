"""The player's settings and lasting records, kept as small JSON files that survive a bad write."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..paths import config_dir, data_dir
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

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        return _load(cls, path or config_dir() / "settings.json")

    def save(self, path: Path | None = None) -> None:
        _save(asdict(self), path or config_dir() / "settings.json")


@dataclass
class Records:
    """What lasts between playthroughs: endings reached and routes finished."""
    endings: list[str] = field(default_factory=list)
    routes_finished: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> Records:
        return _load(cls, path or data_dir() / "records.json")

    def save(self, path: Path | None = None) -> None:
        _save(asdict(self), path or data_dir() / "records.json")

    def reached(self, ending: str, route: str) -> bool:
        """Record an ending; True if it is new."""
        new = ending not in self.endings
        if new:
            self.endings.append(ending)
        if route not in self.routes_finished:
            self.routes_finished.append(route)
        return new


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
