"""Generated damages of the player's files (saves, settings, records of endings, seen lines), put in place on
disk, and the tally of what became of each: seeded, so every run makes the same damages in the same order.

A Damage is bytes to write in place of the file, or a special thing to put there (a device, a pipe, a folder,
a dangling symlink, a file that cannot be written or read). damages() makes them all from one good file,
placed() puts one in place, and check_kept() says whether what was damaged was set aside whole or left alone.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pytest

KINDS = ("truncated", "byte flip", "wrong type", "missing field", "huge number", "not finite", "deep nesting",
         "not UTF-8", "lone surrogate", "special file")
DEEP = 100_000                                   # nested lists (or objects) in one value
WRONG = ("null", "number", "string", "list", "dict", "bool")
HUGE = ("1e308", "-1e308", "1" + "0" * 400, "-1" + "0" * 400, "9" * 5000)   # the last is past int('...')'s limit
NOT_FINITE = ("NaN", "Infinity", "-Infinity", "1e999", "-1e999")
# Special things in place of the file. Those whose name ends in '!' need the test's help (monkeypatch, chattr).
SPECIALS = ("/dev/zero", "/dev/urandom", "fifo", "folder", "dangling symlink", "symlink loop", "sparse 5 GB",
            "read-only!", "unreadable!", "immutable!", "immutable folder!")
LEFT_ALONE = {"/dev/zero", "/dev/urandom", "fifo", "folder", "symlink loop", "read-only!", "immutable!",
              "immutable folder!"}     # what cannot (or must not) be moved aside: left exactly as it is
PLACEHOLDER = "@@damage@@"      # a string put in as a value, then replaced by raw JSON text
NEAR_LIMIT = "(near the recursion limit)"
HANG = 10.0            # seconds a pipe or a device in place of a file may take before it counts as a hang


@dataclass(frozen=True)
class Damage:
    kind: str                      # one of KINDS
    label: str                     # what was done, e.g. "cut at 35%" or "state.pc <- null"
    raw: Optional[bytes] = None    # the damaged content (also what a read-only or unreadable file holds)
    special: str = ""              # one of SPECIALS, or "" for plain bytes

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"

    @property
    def near_limit(self) -> bool:
        return self.label.endswith(NEAR_LIMIT)


# --------------------------------------------------------------------------- rendering JSON with odd tokens

def render(data: Any, tokens: dict[str, str], finish: Callable[[str], str] = lambda text: text) -> bytes:
    """JSON as the game writes it (indent 1, sorted keys, not ASCII-escaped), with each placeholder string
    replaced by its raw token (NaN, 10**5000 as digits, a lone surrogate escape, 100,000 nested lists...).
    finish(text) may rewrite the text once the tokens are in (a save's checksum)."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    for name, token in tokens.items():
        text = text.replace(json.dumps(name), token)
    return finish(text).encode("utf-8", "surrogatepass")


def field_paths(data: Any, depth: int = 4) -> list[tuple]:
    """The path of every value down to `depth`: each key of each object, the first and last item of each list."""
    out: list[tuple] = []

    def walk(value: Any, path: tuple) -> None:
        if len(path) >= depth:
            return
        if isinstance(value, dict):
            children = list(value.items())
        elif isinstance(value, list):
            children = [(i, value[i]) for i in sorted({0, len(value) - 1})] if value else []
        else:
            return
        for key, child in children:
            out.append(path + (key,))
            walk(child, path + (key,))
    walk(data, ())
    return out


def leaf_paths(data: Any, paths: list[tuple], kind: type | tuple) -> list[tuple]:
    return [p for p in paths if isinstance(get(data, p), kind) and not isinstance(get(data, p), bool)]


def get(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def replaced(data: Any, path: tuple, value: Any, remove: bool = False) -> Any:
    """A deep copy of `data` with the value at `path` replaced (or removed)."""
    copy = json.loads(json.dumps(data))
    parent = get(copy, path[:-1])
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "(the whole file)"


def wrong_value(kind: str, n: int) -> Any:
    return {"null": None, "number": (-1, 0, 2.5, 1_000_000)[n % 4], "string": ("x", "", "-1", "true")[n % 4],
            "list": ([1, "a"], [], [None], ["x", ["y"]])[n % 4],
            "dict": ({"a": 1}, {}, {"": None}, {"1": [2]})[n % 4],
            "bool": (True, False)[n % 2]}[kind]


# --------------------------------------------------------------------------- the damages of one good file

def damages(data: Any, seed: int, flips: int, finish: Callable[[str], str] = lambda text: text,
            paths: Optional[list[tuple]] = None, deep_paths: Optional[list[tuple]] = None,
            string_paths: Optional[list[tuple]] = None, stale: bool = False,
            near_limit: Optional[tuple] = None) -> list[Damage]:
    """Every damage of the good file holding `data`, in a fixed order for a given seed.

    finish(text): what the game's own writer would add to a rewritten file (a save's checksum), so that a
    wrong type reaches the code that reads the fields instead of stopping at the checksum. paths: the
    fields to give wrong types (default: all, see field_paths); deep_paths: the fields to nest deeply
    (default: the top-level ones); string_paths: the strings to give lone surrogates (default: all).
    stale: also each wrong type and missing field without finish (a save whose checksum no longer matches).
    near_limit: the field nested 150 to 0 levels short of the recursion limit, one damage a level, where
    reading the file may just succeed and what is done with it next may not (default: the first field).
    """
    rng = random.Random(seed)
    good = render(data, {}, finish)
    paths = field_paths(data) if paths is None else paths
    out: list[Damage] = []
    for percent in range(0, 100, 5):                                   # truncated at every 5%
        out.append(Damage("truncated", f"cut at {percent}%", good[: len(good) * percent // 100]))
    for n in range(flips):                                              # byte flips at seeded positions
        at, mask = rng.randrange(len(good)), rng.choice([1 << rng.randrange(8), rng.randrange(1, 256)])
        raw = bytearray(good)
        raw[at] ^= mask
        out.append(Damage("byte flip", f"byte {at} ^ {mask:#04x}", bytes(raw)))
    endings = [("", finish)] + ([(" (old checksum)", lambda text: text)] if stale else [])
    for n, path in enumerate(paths):                                    # each field of the wrong type, or gone
        for note, end in endings:
            for kind in WRONG:
                out.append(Damage("wrong type", f"{dotted(path)} <- {kind}{note}",
                                  render(replaced(data, path, wrong_value(kind, n)), {}, end)))
            if isinstance(get(data, path[:-1]), dict):
                out.append(Damage("missing field", f"{dotted(path)} removed{note}",
                                  render(replaced(data, path, None, remove=True), {}, end)))
    number_paths = leaf_paths(data, paths, (int, float)) or [p for p in paths if len(p) == 1]
    for path in number_paths:                                          # huge numbers, NaN and Infinity
        for token in HUGE:
            out.append(Damage("huge number", f"{dotted(path)} <- {token[:12]}{'...' if len(token) > 12 else ''}",
                              _with_token(data, path, token, finish)))
        for token in NOT_FINITE:
            out.append(Damage("not finite", f"{dotted(path)} <- {token}", _with_token(data, path, token, finish)))
    deep = ("[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP)
    out.append(Damage("deep nesting", f"the whole file: {DEEP:,} nested lists", deep[0].encode("ascii")))
    out.append(Damage("deep nesting", f"the whole file: {DEEP:,} nested objects", deep[1].encode("ascii")))
    for path in (deep_paths if deep_paths is not None else [p for p in paths if len(p) == 1]):
        out.append(Damage("deep nesting", f"{dotted(path)} <- {DEEP:,} nested lists",
                          _with_token(data, path, deep[0], finish)))
    limit, path = sys.getrecursionlimit(), near_limit or paths[0]
    for depth in range(limit - 150, limit + 1):
        out.append(Damage("deep nesting", f"{dotted(path)} <- {depth} nested lists {NEAR_LIMIT}",
                          _with_token(data, path, "[" * depth + "]" * depth, finish)))
    out.extend(_not_utf8(good, rng))
    strings = string_paths if string_paths is not None else leaf_paths(data, paths, str)
    for n, path in enumerate(strings):                                  # lone surrogates in values and keys
        escape = ("\\ud800", "\\udfff", "\\ud800\\ud800", "\\udc00x")[n % 4]
        out.append(Damage("lone surrogate", f"{dotted(path)} holds {escape}",
                          _with_token(data, path, f'"a{escape}b"', finish)))
    if isinstance(data, dict):
        key = sorted(data)[0]
        text = render(data, {}, finish).decode("utf-8").replace(f'"{key}"', f'"{key}\\ud800"', 1)
        out.append(Damage("lone surrogate", f"the key {key!r} holds \\ud800", text.encode("utf-8")))
    half = good[: len(good) // 2]
    for special in SPECIALS:
        out.append(Damage("special file", special, half if special.endswith("!") else None, special))
    return out


def _with_token(data: Any, path: tuple, token: str, finish: Callable[[str], str]) -> bytes:
    return render(replaced(data, path, PLACEHOLDER), {PLACEHOLDER: token}, finish)


def _not_utf8(good: bytes, rng: random.Random) -> list[Damage]:
    out = []
    for n in range(8):
        at = rng.randrange(len(good))
        bad = (b"\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xfe\xff", b"\xe9", b"\xf4\x90\x80\x80")[n]
        out.append(Damage("not UTF-8", f"{bad!r} put in at byte {at}", good[:at] + bad + good[at:]))
    text = good.decode("utf-8")
    out.append(Damage("not UTF-8", "written as UTF-16", text.encode("utf-16")))
    latin = ("\u00e9" + text).encode("latin-1", "replace")
    out.append(Damage("not UTF-8", "written as Latin-1, an accent first", latin))
    out.append(Damage("not UTF-8", "a UTF-8 byte-order mark first", b"\xef\xbb\xbf" + good))
    half = len(good) // 2
    out.append(Damage("not UTF-8", "NUL bytes in place of the first half", b"\0" * half + good[half:]))
    return out


# --------------------------------------------------------------------------- putting a damage in place

def chattr_works(folder: Path) -> bool:
    """Whether files here can be made immutable (root with CAP_LINUX_IMMUTABLE, a file system that has it)."""
    if shutil.which("chattr") is None:
        return False
    probe = folder / ".chattr-probe"
    probe.write_bytes(b"")
    try:
        done = subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode == 0
        if done:
            subprocess.run(["chattr", "-i", str(probe)], capture_output=True, check=True)
        return done
    finally:
        probe.unlink()


@contextmanager
def placed(damage: Damage, path: Path, monkeypatch: pytest.MonkeyPatch, immutable: bool) -> Iterator[None]:
    """Put `damage` in place of `path` for the body; read-only and unreadable are what the game is told
    (the tests run as root), immutable is real (chattr) when `immutable`, else read-only stands in for it."""
    special = damage.special
    if special in ("immutable!", "immutable folder!") and not immutable:
        special = "read-only!"
    if damage.raw is not None:
        path.write_bytes(damage.raw)
    if special in ("/dev/zero", "/dev/urandom"):
        path.symlink_to(special)
    elif special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("kept", "utf-8")
    elif special == "dangling symlink":
        path.symlink_to(path.with_name("nowhere.json"))
    elif special == "symlink loop":
        path.symlink_to(path.name)
    elif special == "sparse 5 GB":
        with open(path, "wb") as handle:
            handle.truncate(5 * 1024 ** 3)
    undo: Optional[Path] = None
    with monkeypatch.context() as patch:
        if special == "read-only!":
            real_access = os.access
            patch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK and
                          Path(p) in (path, path.parent) else real_access(p, mode, **kw))
        elif special == "unreadable!":
            real_open = os.open

            def refuse(p, flags, *args, **kwargs):
                if Path(os.fsdecode(p)).parent == path.parent and kwargs.get("dir_fd") is None:
                    raise PermissionError(13, "Permission denied", os.fsdecode(p))
                return real_open(p, flags, *args, **kwargs)
            patch.setattr(os, "open", refuse)
        elif special in ("immutable!", "immutable folder!"):
            undo = path if special == "immutable!" else path.parent
            subprocess.run(["chattr", "+i", str(undo)], capture_output=True, check=True)
        try:
            yield
        finally:
            if undo is not None:
                subprocess.run(["chattr", "-i", str(undo)], capture_output=True, check=True)


def thing_at(path: Path) -> str:
    """What is at `path` now (its bytes' digest for a file), to check that what was left alone is unchanged."""
    if path.is_symlink():
        return f"symlink to {os.readlink(path)}"
    if path.is_dir():
        return "folder holding " + ", ".join(sorted(p.name for p in path.iterdir()))
    if path.is_fifo():
        return "fifo"
    if path.is_file():
        size = path.stat().st_size
        return f"file of {size} bytes" if size > 2 ** 24 else "file " + hashlib.sha256(path.read_bytes()).hexdigest()
    return "something else" if os.path.lexists(path) else "nothing"


def finishes_in(seconds: float, work: Callable[[], Any]) -> Any:
    """work()'s result, run in a thread that must end within `seconds` (a pipe or a device must not hang
    the game); its exception, if it raised, is raised here."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller
            result["error"] = exc
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in result:
        raise result["error"]
    return result.get("value")


# --------------------------------------------------------------------------- what became of them

class Results:
    """Damages per kind, what became of them, broken promises, and the damages each known game bug struck."""

    def __init__(self, what: str):
        self.what = what
        self.kinds: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.failures: list[str] = []              # broken promises no known bug explains
        self.known: dict[str, list[str]] = {}      # a known bug's name -> the damages it struck
        self.seconds = 0.0

    def count(self, damage: Damage, outcome: str) -> None:
        self.kinds[damage.kind] += 1
        self.outcomes[outcome] += 1

    def fail(self, damage: Damage, why: str) -> None:
        self.failures.append(f"{damage}: {why}")

    def bug(self, name: str, damage: Damage, why: str) -> None:
        self.known.setdefault(name, []).append(f"{damage}: {why}")

    @property
    def total(self) -> int:
        return sum(self.kinds.values())

    def report(self) -> str:
        kinds = ", ".join(f"{k} {self.kinds[k]}" for k in KINDS if self.kinds[k])
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items()))
        known = ", ".join(f"{name} {len(hit)}" for name, hit in self.known.items())
        return (f"{self.what}: {self.total} damages ({kinds}) -> {outcomes}; {self.seconds:.1f} s"
                + (f"; known game bugs: {known}" if known else ""))

    def shown(self) -> str:
        more = len(self.failures) - 25
        return "\n".join(self.failures[:25]) + (f"\n... and {more} more" if more > 0 else "")


def raised(exc: BaseException) -> str:
    return "raised " + "".join(traceback.format_exception_only(exc)).strip()[:300]


def strict_json(raw: Optional[bytes]) -> tuple[bool, Any]:
    """(True, data) if `raw` is JSON as this game writes it: UTF-8, no NaN or Infinity, no lone surrogate."""
    def refuse(name: str) -> Any:
        raise ValueError(name)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=refuse)
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return True, data
    except (AttributeError, ValueError, RecursionError, UnicodeError):
        return False, None


def same_json(raw: bytes) -> str:
    """JSON text, NaN and Infinity allowed, in one spelling: to tell whether two files hold the same data."""
    return json.dumps(json.loads(raw.decode("utf-8")), sort_keys=True)


def outcome_of(path: Path, notes: list[str], damage: Damage) -> str:
    if list(path.parent.glob(f"{path.name}.bad-*")):
        return "set aside"
    if any("left as it is" in n for n in notes):
        return "left alone"
    return "missing" if damage.special == "dangling symlink" else "salvaged"


def check_kept(path: Path, damage: Damage, outcome: str, before: str, notes: list[str]) -> list[str]:
    """What was damaged is still there: moved aside whole, or left exactly as it was; the notes say which."""
    problems = [f"a note of more than one line: {n!r}" for n in notes if "\n" in n or not n.strip()]
    aside = list(path.parent.glob(f"{path.name}.bad-*"))
    if outcome == "set aside":
        if len(aside) != 1:
            problems.append(f"{len(aside)} files set aside")
        elif damage.raw is not None and aside[0].read_bytes() != damage.raw:
            problems.append(f"{aside[0].name} is not the damaged file")
        if not any(f"kept as {path.name}.bad-" in n for n in notes):
            problems.append(f"set aside without saying so: {notes}")
    elif outcome == "left alone" and thing_at(path) != before:
        problems.append(f"left alone, yet {before} became {thing_at(path)}")
    expected = ("left alone" if damage.special in LEFT_ALONE else "missing" if damage.special == "dangling symlink"
                else "set aside" if damage.special else None)
    if expected and outcome != expected:
        problems.append(f"{outcome}, where {expected} was due")
    elif not damage.special and not damage.near_limit:
        parses = strict_json(damage.raw)[0]
        if parses != (outcome == "salvaged"):
            problems.append(f"{outcome}, yet the file {'is' if parses else 'is not'} valid JSON")
    return problems


def in_time(damage: Damage, work: Callable[[], Any]) -> Any:
    """work(), in a thread that must end in time when a special thing is in place of the file."""
    return finishes_in(HANG, work) if damage.special else work()


def case_folder(root: Path, n: int) -> Path:
    folder = root / f"{n:05d}"
    folder.mkdir(parents=True)
    return folder
