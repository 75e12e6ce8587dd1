"""The player's settings and lasting records, kept as small JSON files that nothing can take from the player.

Reading and writing go through playerfiles.PlayerFile: a damaged file is set aside and the last good copy used,
a file that cannot be written over is left alone, and two copies of the game running at once merge their records
instead of overwriting each other's.
"""
from __future__ import annotations

import logging
import math
import re
import shutil
import threading
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping, Optional

from ..paths import config_dir
from ..playerfiles import PlayerFile, Say, english

log = logging.getLogger(__name__)

# What each number may be: the Settings screen's own ranges. A value outside is clamped; one that is not a
# finite number is ignored (the default is kept).
RANGES: dict[str, tuple[float, float]] = {
    "text_speed": (0, 150), "auto_delay": (0.5, 6.0),
    "music_volume": (0.0, 1.0), "ambience_volume": (0.0, 1.0), "sound_volume": (0.0, 1.0),
    "text_size": (100, 200), "box_opacity": (0, 100),
}
# What each word may be: a setting's name that is not one of these is ignored (the default is kept).
CHOICES: dict[str, tuple[str, ...]] = {"text_face": ("lora", "atkinson-hyperlegible")}
# What each text may be: anything else is ignored (the default is kept).
TEXTS: dict[str, re.Pattern] = {"language": re.compile(r"(?:[a-z]{2,3}(?:_[A-Z]{2})?)?")}


@dataclass
class Settings:
    """The player's settings, kept in the config folder."""
    text_speed: int = 45          # characters per second; 0 shows each line at once
    auto_delay: float = 1.5       # seconds to wait after a line when auto-forward is on
    music_volume: float = 0.7
    ambience_volume: float = 0.6
    sound_volume: float = 0.8
    fullscreen: bool = False
    show_meters: bool = False
    skip_unseen: bool = False     # skip goes through lines never shown before, too
    self_voicing: bool = False    # V: lines and focused buttons spoken by espeak-ng (voice.py)
    clipboard_voicing: bool = False   # Shift+C: each line copied to the clipboard, for a screen reader
    text_size: int = 100          # percent of the story's type sizes: 100 to 200
    text_face: str = "lora"       # the story's words: CHOICES["text_face"]
    box_opacity: int = 90         # percent: the text box over the picture
    high_contrast: bool = False   # opaque box and buttons, white words
    reduced_motion: bool = False  # no typewriter, no moving tiles, cuts for fades, a still title
    language: str = ""            # a language code of the story's translations/ (or its own); "" not chosen yet:
                                  # the system's language where the story has it (catalog.system_language)
    file: Optional[PlayerFile] = field(default=None, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        where = PlayerFile(path or config_dir() / "settings.json", "files.settings")
        settings = _fill(cls(), where.read())
        settings.file = where
        return settings

    def save(self, path: Path | None = None) -> None:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "file"}
        if path is not None:
            PlayerFile(path, "files.settings").write(data)
        elif self.file is not None:
            self.file.write(data)
        else:
            PlayerFile(config_dir() / "settings.json", "files.settings").write(data)


@dataclass
class Records:
    """What lasts between playthroughs of one story: endings reached and routes finished.

    Kept in the story's own folder (paths.story_data_dir); one made in memory (path None) is never written.
    Saving merges with what is on disk, so an ending reached in another copy of the game is never lost.
    """
    endings: list[str] = field(default_factory=list)
    routes_finished: list[str] = field(default_factory=list)
    path: Optional[Path] = field(default=None, compare=False, repr=False)
    file: Optional[PlayerFile] = field(default=None, compare=False, repr=False)
    last: dict[str, str] = field(default_factory=dict)   # route -> the ending its latest playthrough reached
    _ended_here: set[str] = field(default_factory=set, compare=False, repr=False)  # routes finished this run

    @classmethod
    def load(cls, path: Path, legacy: Path | None = None) -> Records:
        """Read the records at `path`; the first time, carry over `legacy` (the one file all stories shared)."""
        if legacy is not None and not path.exists() and legacy.is_file():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(legacy, path)
            except OSError as exc:
                log.warning("could not carry over %s: %s", legacy, exc.strerror)
        where = PlayerFile(path, "files.records")
        records = _fill(cls(), where.read())
        # Records only grow: what the last good copy holds is always kept, even if the file read in its place
        # parses but was damaged (a flipped byte in an ending's id, a field of the wrong type).
        backup = _fill(cls(), where.read_backup())
        records.endings = _union(records.endings, backup.endings)
        records.routes_finished = _union(records.routes_finished, backup.routes_finished)
        records.last = {**backup.last, **records.last}
        records.path, records.file = path, where
        return records

    def __post_init__(self) -> None:
        if self.path is not None and self.file is None:
            self.file = PlayerFile(self.path, "files.records")

    def save(self) -> None:
        if self.file is None:
            return
        disk = _fill(Records(), self.file.read_current())
        self.endings = _union(self.endings, disk.endings)
        self.routes_finished = _union(self.routes_finished, disk.routes_finished)
        # another copy of the game may have finished a route since: its latest ending stands unless this one's is
        self.last = {**self.last, **disk.last, **{r: self.last[r] for r in self._ended_here if r in self.last}}
        self.file.write({"endings": self.endings, "routes_finished": self.routes_finished, "last": self.last})

    def reached(self, ending: str, route: str) -> bool:
        """Record an ending; True if it is new."""
        new = ending not in self.endings
        if new:
            self.endings.append(ending)
        if route not in self.routes_finished:
            self.routes_finished.append(route)
        self.last[route] = ending
        self._ended_here.add(route)
        return new

    def ended(self, route_of: Mapping[str, str]) -> frozenset[str]:
        """Each route's latest ending, as the story's ended() condition reads it; route_of maps the story's
        ending ids to their routes. Records from before 'last' was kept give the route's latest first reached."""
        latest: dict[str, str] = {}
        for ending in self.endings:
            if ending in route_of:
                latest[route_of[ending]] = ending
        for route, ending in self.last.items():
            if route_of.get(ending) == route:
                latest[route] = ending
        return frozenset(latest.values())


class SeenLines:
    """The ids of every line shown in any playthrough of one story: skip goes through these by default."""

    def __init__(self, ids: set[str] | None = None, path: Optional[Path] = None):
        self.ids: set[str] = ids if ids is not None else set()
        self.path = path
        self.file = PlayerFile(path, "files.seen") if path is not None else None
        self._written = len(self.ids)
        self._lock = threading.Lock()   # an autosave's writer thread saves them too

    @classmethod
    def load(cls, path: Path) -> SeenLines:
        seen = cls(set(), path)
        seen.ids = _seen_ids(seen.file.read()) | _seen_ids(seen.file.read_backup())  # seen lines only grow
        seen._written = len(seen.ids)
        return seen

    def save(self) -> None:
        """Write the ids if any were added since the last write, with any another copy of the game added. Safe
        from any thread: one write at a time, of a copy of the ids (the game may add more meanwhile)."""
        if self.file is None:
            return
        with self._lock:
            if len(self.ids) == self._written:
                return
            ids = set(self.ids) | _seen_ids(self.file.read_current())
            self.ids |= ids
            self.file.write({"format": "under-the-same-stars/seen", "version": 1, "seen": sorted(ids)})
            self._written = len(ids)


def _seen_ids(data: Any) -> set[str]:
    ids = data.get("seen") if isinstance(data, dict) else None
    return {i for i in ids if isinstance(i, str) and len(i) < 200} if isinstance(ids, list) else set()


def _union(mine: list[str], theirs: list[str]) -> list[str]:
    return mine + [x for x in theirs if x not in mine]


def _fill(value: Any, data: Any) -> Any:
    """Take from `data` every field that is valid, value by value; keep the default for the rest."""
    if not isinstance(data, dict):
        return value
    for f in fields(value):
        if f.name in ("path", "file") or f.name.startswith("_") or f.name not in data:
            continue
        item, default = data[f.name], getattr(value, f.name)
        if isinstance(default, bool):
            if isinstance(item, bool):
                setattr(value, f.name, item)
        elif isinstance(default, (int, float)):
            if isinstance(item, int) and not isinstance(item, bool):
                item = max(-1e9, min(1e9, item))  # a whole number too large for a float is clamped, not trusted
            if isinstance(item, (int, float)) and not isinstance(item, bool) and math.isfinite(item):
                low, high = RANGES.get(f.name, (-math.inf, math.inf))
                setattr(value, f.name, type(default)(min(high, max(low, item))))
        elif isinstance(default, str):
            if isinstance(item, str) and (item in CHOICES.get(f.name, ())
                                          or (f.name in TEXTS and TEXTS[f.name].fullmatch(item))):
                setattr(value, f.name, item)
        elif isinstance(default, dict):
            if isinstance(item, dict):  # keep the entries that are short text to short text
                setattr(value, f.name, {k: v for k, v in item.items()
                                        if isinstance(k, str) and isinstance(v, str) and len(k) < 200 > len(v)})
        elif isinstance(item, list):  # salvage the good entries of a list with a bad one
            setattr(value, f.name, [x for x in item if isinstance(x, str) and len(x) < 200])
    return value


def player_notes(*held: Any, say: Say = english) -> list[str]:
    """What the player should be told about their files, gathered from settings, records and seen lines, in the
    words `say` gives (the interface's, in the player's language; English by default)."""
    notes: list[str] = []
    for thing in held:
        where = getattr(thing, "file", None)
        if where is not None:
            notes.extend(note.text(say) for note in where.notes)
            where.notes.clear()
    return notes

