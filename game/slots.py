"""The player's save slots for one story: numbered slots, a quick slot and rotating autosaves.

One JSON file per slot (never pickle), written atomically: the state with its place held by line id, what
the slot shows (date, route, first words), the history as ids, and the thumbnail as PNG bytes inside the same
file, so a slot is always whole. Pure Python: the window hands the thumbnail in as bytes.

The title asks which save is the newest that can be played (Continue). That is known from each slot's file
and the story alone, so for a story the window kept (Story.kept_as) the answer for each file is kept in the
cache folder between starts, by the file's modification time, size and inode: a returning player's title
reads no save it read before (twelve saves of 100 KB took 15 ms before the first frame). A slot whose file
changed, or a cache that cannot be read, and the slot is read again.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from .digest import blake2s
from .paths import cache_dir
from .story import SaveError, Story
from .story.saves import checksum, read_json, save_from_data, save_data, write_json_atomic

if TYPE_CHECKING:
    from .story import State

PAGES, PER_PAGE = 9, 6           # 54 numbered slots
AUTOSAVES = 3
QUICK = "quick"
WORDS = 60                       # characters of the line shown on a slot

log = logging.getLogger(__name__)
Picture = Union[bytes, Callable[[], Optional[bytes]], None]   # PNG bytes, or what makes them (in the writer)
Stamp = tuple[tuple[int, int, int], bool, Optional[datetime]]   # (file's mtime_ns, size, inode), usable, saved at
STAMPS_FORMAT = 1


def slot_name(page: int, index: int) -> str:
    """The file name of numbered slot `index` (0-5) on `page` (0-8)."""
    return f"slot-{page * PER_PAGE + index + 1:02d}"


AUTO_NAMES = tuple(f"auto-{n}" for n in range(1, AUTOSAVES + 1))
ALL_NAMES = tuple(slot_name(p, i) for p in range(PAGES) for i in range(PER_PAGE)) + (QUICK,) + AUTO_NAMES


@dataclass
class SlotInfo:
    """What a slot shows. error is set (and the rest may be empty) when its file cannot be used."""
    name: str
    saved_at: Optional[datetime] = None
    route_title: str = ""
    words: str = ""
    thumbnail: Optional[bytes] = None
    error: str = ""                    # why it cannot be used, in English (the log, tests)
    why: str = ""                      # the same as one of saves.WHY, told in the player's words
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return not self.error


@dataclass
class Loaded:
    """A save read back: the state to play on from, a note if the story changed, the history."""
    state: State
    note: str               # one line when the story changed under the save, else ""
    log: Any                # the history as ids (timeline.earlier_entries reads it)


def first_words(text: str, limit: int = WORDS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.—-") + "…"


class SaveSlots:
    """The slots of one story's saves folder. An autosave may be written by a thread of its own (autosave_later),
    so that the frame that asked for it is not held up; every other call first waits for that write to end,
    so what is read is always what was last written, and two writes never cross."""

    def __init__(self, folder: Path, story: Story):
        self.folder = Path(folder)
        self._writer: Optional[threading.Thread] = None
        self._lock = threading.Lock()
        # What newest() and the autosaves' rotation need of each slot, by the file's stat: a slot is read
        # again only when its file changed (the title asks at every return; three autosaves are 0.4 MB of JSON).
        self._stamps: dict[str, Stamp] = {}
        self._stamps_read = False    # those kept between starts (the module's docstring), read when first asked
        self._stamps_changed = False
        self._stamps_path: Optional[Path] = None
        self.story = story

    @property
    def story(self) -> Story:
        return self._story

    @story.setter
    def story(self, story: Story) -> None:
        """Another story (Shift+R read it again): which saves it can play is worked out afresh."""
        self.settle()
        self._story = story
        self._stamps.clear()
        self._stamps_read = False
        self._stamps_path = None
        if story.kept_as:   # where this folder's stamps are kept for this version of the story
            folder = blake2s(str(self.folder.resolve()).encode("utf-8", "surrogateescape"), digest_size=8)
            self._stamps_path = cache_dir() / "slots" / f"{folder.hexdigest()}-{story.kept_as}.json"

    def path(self, name: str) -> Path:
        if name not in ALL_NAMES:
            raise ValueError(f"no save slot named {name!r}")
        return self.folder / f"{name}.json"

    def settle(self) -> None:
        """Wait until an autosave being written in the background is on disk (or has failed, said in the log)."""
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is not None and writer is not threading.current_thread():
            writer.join()

    # --- writing ---
    def write(self, name: str, state: State, words: str = "", thumbnail: Picture = None,
              log: Any = None, now: Optional[datetime] = None, trail: Optional[list] = None) -> None:
        """Save `state` (a runner's checkpoint) into slot `name`; OSError if the disk refuses.
        trail: the lines shown before it in this visit of its scene, with their states (Timeline.trail)."""
        self.settle()
        self._write(name, self._data(name, state, words, log, now, trail), thumbnail)

    def _data(self, name: str, state: State, words: str, log: Any, now: Optional[datetime],
              trail: Optional[list]) -> dict[str, Any]:
        """The save as JSON-ready data, without its picture and checksum: made from the state at once, so that a
        writer thread holds data of its own, never the runner's."""
        route = self.story.routes.get(state.route)
        meta = {"saved_at": (now or datetime.now()).isoformat(timespec="seconds"), "slot": name,
                "route": state.route, "route_title": route.title if route else state.route,
                "scene": state.scene, "words": first_words(words)}
        data = save_data(state, meta, self.story, seen=False, trail=trail)
        data["log"] = list(log or [])
        return data

    def _write(self, name: str, data: dict[str, Any], thumbnail: Picture) -> None:
        picture = _picture(thumbnail)
        if picture:
            data["thumbnail"] = base64.b64encode(picture).decode("ascii")
        data["checksum"] = checksum(data)
        path = self.path(name)
        write_json_atomic(path, data)
        key = _file_key(path)   # what was just written needs no reading back to be told apart (newest, rotation)
        if key is not None:
            self._known()[name] = (key, True, _when(data["meta"].get("saved_at")))
            self._stamps_changed = True
            self._keep_stamps()

    def autosave(self, state: State, words: str = "", thumbnail: Picture = None, log: Any = None,
                 now: Optional[datetime] = None, trail: Optional[list] = None) -> str:
        """Write the oldest (or an empty) autosave slot; the slot's name."""
        self.settle()
        name = self._oldest_auto()
        self._write(name, self._data(name, state, words, log, now, trail), thumbnail)
        return name

    def autosave_later(self, state: State, words: str = "", thumbnail: Picture = None, log: Any = None,
                       now: Optional[datetime] = None, trail: Optional[list] = None,
                       failed: Optional[Callable[[OSError], None]] = None,
                       after: Optional[Callable[[], None]] = None) -> None:
        """The same as autosave, but the slot is chosen, the picture made (thumbnail may be a function that
        returns PNG bytes) and the file written by a thread of its own; then after() runs there too (the seen
        lines written with the save). The state is read now. If the disk refuses, failed(error) is called from
        that thread (else the log says so); nothing is raised."""
        self.settle()
        now = now or datetime.now()
        data = self._data("", state, words, log, now, trail)

        def run() -> None:
            try:
                name = self._oldest_auto()
                data["meta"]["slot"] = name
                self._write(name, data, thumbnail)
                if after is not None:
                    after()
            except OSError as exc:
                (failed or _log_failure)(exc)
        writer = threading.Thread(target=run, name="autosave")   # not a daemon: the interpreter waits for it
        with self._lock:
            self._writer = writer
        writer.start()

    def _oldest_auto(self) -> str:
        def age(name: str) -> tuple[int, str]:
            stamp = self._stamp(name)
            if stamp is None or not stamp[1] or stamp[2] is None:
                return (0, "")
            return (1, stamp[2].isoformat() + f"{stamp[0][0]:020d}")
        return min(AUTO_NAMES, key=age)

    def _stamp(self, name: str) -> Optional[Stamp]:
        """(the file's mtime_ns, size and inode; usable; saved at) for slot `name`, None when it is empty;
        read from the file only when it changed since it was last read (here, or by an earlier start)."""
        key = _file_key(self.path(name))
        if key is None:
            return None
        known = self._known().get(name)
        if known is not None and known[0] == key:
            return known
        info = self._info(name)
        if info is None:
            return None
        stamp = (key, info.usable, info.saved_at)
        self._stamps[name] = stamp
        self._stamps_changed = True
        return stamp

    # --- what is known of each slot, kept between starts (the module's docstring) ---
    def _known(self) -> dict[str, Stamp]:
        if not self._stamps_read:
            self._stamps_read = True
            where = self._stamps_path
            if where is not None:
                for name, stamp in _read_stamps(where).items():
                    self._stamps.setdefault(name, stamp)
        return self._stamps

    def _keep_stamps(self) -> None:
        """Write what is known of each slot to the cache folder, if something changed (written aside, then
        renamed; not synced: a cache lost to a crash is read again from the saves)."""
        where = self._stamps_path
        if where is None or not self._stamps_changed:
            return
        self._stamps_changed = False
        stamps = {name: [*key, usable, when.isoformat() if when else None]
                  for name, (key, usable, when) in self._stamps.items()}
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            if not where.exists():   # the first for this version of the story: those of earlier ones go
                for old in where.parent.glob(where.name.split("-", 1)[0] + "-*.json"):
                    old.unlink(missing_ok=True)
            aside = where.with_name(f".{where.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            aside.write_text(json.dumps({"format": STAMPS_FORMAT, "stamps": stamps}), encoding="utf-8")
            os.replace(aside, where)
        except OSError as exc:
            log.info("cannot keep what is known of the saves in %s: %s", where.parent, exc.strerror or exc)

    def delete(self, name: str) -> bool:
        """Remove slot `name`, whatever is in its place; False (nothing raised) if the system refuses."""
        self.settle()
        path = self.path(name)
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError:
            return False
        return True

    # --- reading ---
    def exists(self, name: str) -> bool:
        self.settle()
        return self.path(name).exists()

    def info(self, name: str) -> Optional[SlotInfo]:
        """What slot `name` shows; None when it is empty. A damaged slot says why, and can still be deleted."""
        self.settle()
        return self._info(name)

    def _info(self, name: str) -> Optional[SlotInfo]:
        path = self.path(name)
        if not path.exists():
            return None
        try:
            data = read_json(path)
            save_from_data(data, path, self.story)
        except SaveError as exc:
            return SlotInfo(name, error=exc.reason, why=exc.kind, saved_at=_mtime(path))
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        info = SlotInfo(name, meta=meta, saved_at=_when(meta.get("saved_at")) or _mtime(path),
                        route_title=_str(meta.get("route_title")), words=_str(meta.get("words")))
        thumb = data.get("thumbnail")
        if isinstance(thumb, str):
            try:
                info.thumbnail = base64.b64decode(thumb, validate=True)
            except (binascii.Error, ValueError):
                info.thumbnail = None
        return info

    def load(self, name: str) -> Loaded:
        """The state in slot `name`; SaveError (one line: file and reason) if it cannot be played."""
        self.settle()
        path = self.path(name)
        data = read_json(path)
        state, _meta, note = save_from_data(data, path, self.story)
        return Loaded(state, note, data.get("log") if isinstance(data, dict) else None)

    def filled(self) -> list[SlotInfo]:
        self.settle()
        return [info for info in (self._info(n) for n in ALL_NAMES if self.path(n).exists()) if info is not None]

    def newest(self) -> Optional[str]:
        """The most recent usable save of any kind (slot, quick or auto), for Continue: by the time it was
        saved, then by the file's time."""
        self.settle()
        best: Optional[tuple[tuple[str, int], str]] = None
        for name in ALL_NAMES:
            stamp = self._stamp(name)
            if stamp is None or not stamp[1]:
                continue
            key = ((stamp[2] or datetime.min).isoformat(), stamp[0][0])
            if best is None or key > best[0]:
                best = (key, name)
        self._keep_stamps()
        return best[1] if best else None


def _picture(thumbnail: Picture) -> Optional[bytes]:
    """The thumbnail's bytes; if making them fails, the save is kept without its picture (said in the log)."""
    if not callable(thumbnail):
        return thumbnail
    try:
        return thumbnail()
    except Exception as exc:  # noqa: BLE001 - whatever the picture's encoder raises, the place is still saved
        log.warning("a save without its picture: %s", exc)
        return None


def _log_failure(exc: OSError) -> None:
    log.warning("autosave failed: %s", exc.strerror or exc)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _when(value: Any) -> Optional[datetime]:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _read_stamps(path: Path) -> dict[str, Stamp]:
    """The stamps kept in path; {} when there are none or the file is not as written (it is only a cache)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != STAMPS_FORMAT or not isinstance(data["stamps"], dict):
            return {}
        stamps = {}
        for name, (mtime, size, inode, usable, when) in data["stamps"].items():
            if name in ALL_NAMES and all(type(n) is int for n in (mtime, size, inode)) and type(usable) is bool \
                    and (when is None or isinstance(when, str)):
                saved_at = _when(when)
                if when is None or saved_at is not None:
                    stamps[name] = ((mtime, size, inode), usable, saved_at)
        return stamps
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _file_key(path: Path) -> Optional[tuple[int, int, int]]:
    """What tells one version of a file from the next: modification time, size and inode (a save is replaced by
    a new file at each write); None when there is no file."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)


def _mtime(path: Path) -> Optional[datetime]:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None
