"""The checked story kept between starts of the window, so that the title shows without reading every scene again.

Read and checking the game's story takes about 55 ms of a start-up of about 230; reading it back from the cache
folder takes about 7 ms. It is kept as JSON, each object tagged with its type: only the story model's own
dataclasses and its conditions (kept as their text, compiled when first asked) can be named, so nothing but a story
can come out of the cache folder, whoever wrote there, and nothing in it is ever run. A place in an author's file
(Where: one per op, 2,700 in the game's story) is a plain [path, line, column] in the fields the model types as
Where, and its paths are one string each. The key is built the way Python keys its own bytecode: the size and
modification time of every file under the story's scenes/ and assets/ and of the story runtime's own source, with
the interpreter's version and the working folder (messages name files relative to it). Anything that does not match,
or a kept file that cannot be read, and the story is read and checked as usual and kept again. Only a story with no
problems is kept; the commands (lint, play, explore...) always read the story afresh.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable

from ..digest import blake2b
from . import model
from .model import Condition, Story
from .problems import Where

log = logging.getLogger(__name__)
RUNTIME = Path(__file__).resolve().parent
FORMAT = 3   # kept as tagged JSON since 2; places as plain arrays since 3
TAG = "$"


def load_kept(root: Path, folder: Path, load) -> Story:
    """The story at root: from folder/story-KEY.json when it still matches, else load(root), then kept there."""
    root = Path(root)
    key = story_key(root)
    path = folder / f"story-{key}.json"
    story = _read(path)
    if story is None:
        story = load(root)
        _write(path, story)
    return replace(story, kept_as=key)


def story_key(root: Path) -> str:
    """A digest of everything a loaded story depends on (see the module's docstring)."""
    digest = blake2b(f"{FORMAT}\0{sys.version}\0{root.resolve()}\0{Path.cwd()}".encode(), digest_size=16)
    for base in (root / "scenes", root / "assets", RUNTIME):
        for relative, size, mtime in sorted(_files(base)):
            digest.update(f"{base.name}/{relative}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _files(base: Path, prefix: str = ""):
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _files(Path(entry.path), prefix + entry.name + "/")
            else:
                stat = entry.stat()
                yield prefix + entry.name, stat.st_size, stat.st_mtime_ns
        except OSError:
            yield prefix + entry.name, -1, -1


def _read(path: Path) -> Story | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.info("kept story %s not read: %s", path, exc)
        return None
    try:
        story = json.loads(raw.decode("utf-8"), object_hook=_decode)
    except Exception as exc:  # a damaged or foreign file: the story is read again and this one replaced
        log.info("kept story %s not used: %s", path, exc)
        return None
    return story if isinstance(story, Story) else None


def _write(path: Path, story: Story) -> None:
    try:
        text = json.dumps(_encode(story), ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("story-*"):
            if old != path:   # one story kept per cache folder (the game's own), in any earlier format too
                old.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError) as exc:
        log.info("story not kept in %s: %s", path.parent, exc)


def _encode(obj: Any) -> Any:
    """JSON for a story: plain values as they are, everything else an object tagged with what it is."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    kind = type(obj)
    if kind is Condition:
        return {TAG: "Condition", "text": obj.text}
    if kind in (tuple, list, frozenset):
        items = sorted(obj, key=repr) if kind is frozenset else obj
        return {TAG: kind.__name__, "v": [_encode(x) for x in items]}
    if kind in (dict, MappingProxyType):
        return {TAG: "dict" if kind is dict else "proxy", "v": [[_encode(k), _encode(v)] for k, v in obj.items()]}
    if _classes().get(kind.__name__, (None,))[0] is kind:
        return {TAG: kind.__name__, "f": [list(value) if type(value) is Where else _encode(value)
                                          for value in (getattr(obj, f.name) for f in fields(obj))]}  # in order
    raise TypeError(f"{kind.__name__} is not part of a story")


def _decode(obj: dict) -> Any:
    """Each tagged object back as what it was; a tag that names anything but the story model is refused."""
    tag = obj.get(TAG)
    decode = _decoders().get(tag) if type(tag) is str else None
    if decode is None:
        raise ValueError(f"{tag!r} is not part of a story" if tag is not None else "an object without its type")
    return decode(obj)


_DECODERS: dict[str, Callable[[dict], Any]] = {}


def _decoders() -> dict[str, Callable[[dict], Any]]:
    """A decoder for each tag (about 3,700 objects in the game's story: one lookup each, not a chain of tests)."""
    if not _DECODERS:
        _DECODERS.update({
            "Condition": lambda obj: Condition(obj["text"], _Compiled(obj["text"])),
            "tuple": lambda obj: tuple(obj["v"]),
            "list": lambda obj: list(obj["v"]),
            "frozenset": lambda obj: frozenset(obj["v"]),
            "dict": lambda obj: {k: v for k, v in obj["v"]},
            "proxy": lambda obj: MappingProxyType({k: v for k, v in obj["v"]}),
        })
        for name, (cls, places) in _classes().items():
            if name not in _DECODERS:
                _DECODERS[name] = _dataclass_decoder(cls, places)
    return _DECODERS


def _dataclass_decoder(cls: type, places: tuple[int, ...]) -> Callable[[dict], Any]:
    if not places:
        return lambda obj: cls(*obj["f"])

    def decode(obj: dict) -> Any:
        values = obj["f"]
        for i in places:
            place = values[i] if i < len(values) else None
            if type(place) is list:
                if place:
                    place[0] = _PATHS.setdefault(place[0], place[0])
                values[i] = Where._make(place)
        return cls(*values)
    return decode


class _Compiled:
    """A kept condition's test, compiled from its text the first time it is asked (the title asks none: 192
    conditions and their parser, 4 ms before the first frame). The text was checked when the story was kept."""

    __slots__ = ("text", "_test")

    def __init__(self, text: str):
        self.text = text
        self._test = None

    def __call__(self, meters, flags, visits, past):
        if self._test is None:
            from . import conditions
            self._test = conditions.compile_expr(conditions.parse(self.text))
        return self._test(meters, flags, visits, past)


_PATHS: dict[str, str] = {}   # one string per author's file, for every place in it
_CLASSES: dict[str, tuple[type, tuple[int, ...]]] = {}


def _classes() -> dict[str, tuple[type, tuple[int, ...]]]:
    """The story model's dataclasses by name, each with the positions of its fields typed Where."""
    if not _CLASSES:
        for name, cls in vars(model).items():
            if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == model.__name__:
                _CLASSES[name] = (cls, tuple(i for i, f in enumerate(fields(cls)) if f.type in ("Where", Where)))
    return _CLASSES
