"""Save files: a state written as versioned JSON, atomically, and read back with one plain reason on failure."""
from __future__ import annotations

import glob
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Story
from .problems import StoryError

if TYPE_CHECKING:   # a state is made when a save is read; the title's first frame reads none
    from .state import State

SAVE_FORMAT = "under-the-same-stars/save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 16 * 1024 * 1024


# Why a save cannot be used, as the player is told it in the window (the interface's words "saves.why.KIND",
# translated with the rest); the reason itself, in English, names the detail for the command line and the log.
WHY = ("missing", "not_file", "too_large", "unreadable", "damaged", "not_save", "newer", "story")


class SaveError(StoryError):
    """A save file that cannot be used; str() is one line naming the file and the reason; kind, one of WHY."""

    def __init__(self, path: Path | str, reason: str, kind: str = "damaged"):
        reason = " ".join(reason.split())  # one line, whatever names the save held
        self.path, self.reason, self.kind = str(path), reason, kind
        Exception.__init__(self, f"{path}: {reason}")
        self.problems = ()

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that the file is either the old one or the whole new one, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _mode(path))  # mkstemp makes it 0600: keep the mode the file had, or the usual one
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    sweep_stale(path, keep=tmp)
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def save_data(state: State, meta: dict[str, Any] | None = None, story: Story | None = None,
              seen: bool = True, trail: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A save as JSON data; given the story, its place is held by line id as well (see position.py)."""
    data = {"format": SAVE_FORMAT, "version": SAVE_VERSION, "meta": meta or {},
            "state": state.to_json(story, seen=seen, trail=trail)}
    return data


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def sweep_stale(path: Path, keep: str = "") -> None:
    """Remove what writes of this file left behind when they were killed half-way (never the file itself)."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if str(stale) != keep:
            try:
                stale.unlink()
            except OSError:
                pass


def write_save(path: Path | str, state: State, meta: dict[str, Any] | None = None,
               story: Story | None = None) -> None:
    data = save_data(state, meta, story)
    data["checksum"] = checksum(data)
    write_json_atomic(Path(path), data)


def read_json(path: Path | str, limit: int = MAX_SAVE_BYTES) -> Any:
    """Read a small JSON file; SaveError with a plain reason if it is missing, not a regular file, huge or damaged.

    Only a regular file is opened (a pipe or a device in its place would hang or never end), and never more than
    `limit` bytes are read, whatever its size says.
    """
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(path, "not a regular file (a folder, a pipe or a device is in its place)", "not_file")
        if info.st_size > limit:
            raise SaveError(path, f"too large to be a save ({info.st_size} bytes)", "too_large")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
                raise SaveError(path, "not a regular file", "not_file")
            with os.fdopen(fd, "rb", closefd=False) as handle:
                raw = handle.read(limit + 1)
        finally:
            os.close(fd)
        if len(raw) > limit:
            raise SaveError(path, f"too large to be a save (over {limit} bytes)", "too_large")
    except FileNotFoundError:
        raise SaveError(path, "no such file", "missing") from None
    except OSError as exc:
        raise SaveError(path, f"cannot read it ({exc.strerror or exc})", "unreadable") from None
    if not raw.strip():
        raise SaveError(path, "the file is empty (damaged)")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise SaveError(path, "not a save file (not text)", "not_save") from None
    except json.JSONDecodeError as exc:
        raise SaveError(path, f"damaged or truncated (invalid JSON at line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:  # e.g. a number too long to convert, NaN or Infinity
        raise SaveError(path, f"damaged ({exc})") from None
    except RecursionError:
        raise SaveError(path, "damaged (nested too deeply)") from None
    bad = _unsound_text(data)
    if bad == "nesting":
        raise SaveError(path, "damaged (nested too deeply)")
    if bad is not None:
        raise SaveError(path, f"damaged (text that is not valid Unicode: {bad!a})")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number this game writes")


MAX_DEPTH = 64  # no file the game writes is nested more than a few levels


def _unsound_text(data: Any) -> str | None:
    """The first string (key or value) that holds a lone surrogate, which no valid UTF-8 file can mean;
    "nesting" when the data is nested deeper than any file the game writes."""
    stack = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return "nesting"
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return item[:40]
        elif isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item.keys())
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return None


def checksum(data: dict[str, Any]) -> str:
    """A digest of a save's content (everything but the checksum itself), so damage is told from an edit."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    import hashlib   # here: the title's first frame reads no save (game/digest.py)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_save(path: Path | str, story: Story) -> tuple[State, dict[str, Any]]:
    """(state, meta) from a save file; SaveError if it is damaged, truncated or not ours."""
    state, meta, _note = read_save_noted(path, story)
    return state, meta


def read_save_noted(path: Path | str, story: Story) -> tuple[State, dict[str, Any], str]:
    """(state, meta, note) from a save file; note says, in one line, if the place had to be found again."""
    return save_from_data(read_json(path), path, story)


def save_from_data(data: Any, path: Path | str, story: Story) -> tuple[State, dict[str, Any], str]:
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(path, "not a save file of this game", "not_save")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SaveError(path, f"not a save file of this game (its version {version!r} is not a number)", "not_save")
    if version > SAVE_VERSION:
        raise SaveError(path, f"made by a newer version of the game (save version {version!r})", "newer")
    try:
        matches = "checksum" not in data or data["checksum"] == checksum(data)
    except (RecursionError, ValueError):
        raise SaveError(path, "damaged (nested too deeply)") from None
    if not matches:
        raise SaveError(path, "damaged: its content does not match its checksum")
    meta = data.get("meta")
    from .state import State
    try:
        state, note = State.from_json_noted(data.get("state"), story)
    except StoryError as exc:
        reason = exc.problems[0].message if exc.problems else str(exc)
        raise SaveError(path, reason, getattr(exc, "kind", "damaged")) from None
    return state, meta if isinstance(meta, dict) else {}, note
