"""The checked story kept between starts of the window, so that the title shows without reading every scene again.

Read and checking the game's story takes about 55 ms of a start-up of about 230; reading it back from the cache
folder takes a few. It is kept as JSON, each object tagged with its type: only the story model's own dataclasses,
its places (Where) and its conditions (kept as their text and compiled again) can be named, so nothing but a
story can come out of the cache folder, whoever wrote there, and nothing in it is ever run. The key is built the way Python keys its own bytecode: the size and modification time of every
file under the story's scenes/ and assets/ and of the story runtime's own source, with the interpreter's version
and the working folder (messages name files relative to it). Anything that does not match, or a kept file that
cannot be read, and the story is read and checked as usual and kept again. Only a story with no problems is kept;
the commands (lint, play, explore...) always read the story afresh.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from dataclasses import fields, is_dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import conditions, model
from .model import Condition, Story
from .problems import Where

log = logging.getLogger(__name__)
RUNTIME = Path(__file__).resolve().parent
FORMAT = 2   # kept as tagged JSON since 2
TAG = "$"


def load_kept(root: Path, folder: Path, load) -> Story:
    """The story at root: from folder/story-KEY.json when it still matches, else load(root), then kept there."""
    root = Path(root)
    key = story_key(root)
    path = folder / f"story-{key}.json"
    story = _read(path)
    if story is not None:
        return story
    story = load(root)
    _write(path, story)
    return story


def story_key(root: Path) -> str:
    """A digest of everything a loaded story depends on (see the module's docstring)."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{root.resolve()}\0{Path.cwd()}".encode())
    for base in (root / "scenes", root / "assets", RUNTIME):
        for relative, size, mtime in sorted(_files(base)):
            digest.update(f"{base.name}/{relative}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


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
    if kind is Where:
        return {TAG: "Where", "v": list(obj)}
    if kind in (tuple, list, frozenset):
        items = sorted(obj, key=repr) if kind is frozenset else obj
        return {TAG: kind.__name__, "v": [_encode(x) for x in items]}
    if kind in (dict, MappingProxyType):
        return {TAG: "dict" if kind is dict else "proxy", "v": [[_encode(k), _encode(v)] for k, v in obj.items()]}
    if is_dataclass(obj) and getattr(model, kind.__name__, None) is kind:
        return {TAG: kind.__name__, "f": [_encode(getattr(obj, f.name)) for f in fields(obj)]}   # in field order
    raise TypeError(f"{kind.__name__} is not part of a story")


def _decode(obj: dict) -> Any:
    """Each tagged object back as what it was; a tag that names anything but the story model is refused."""
    tag = obj.get(TAG)
    if tag is None:
        raise ValueError("an object without its type")
    if tag == "Condition":
        return Condition(obj["text"], conditions.compile_expr(conditions.parse(obj["text"])))
    if tag == "Where":
        return Where(*obj["v"])
    if tag in ("tuple", "list", "frozenset"):
        return {"tuple": tuple, "list": list, "frozenset": frozenset}[tag](obj["v"])
    if tag in ("dict", "proxy"):
        items = {k: v for k, v in obj["v"]}
        return items if tag == "dict" else MappingProxyType(items)
    found = getattr(model, tag, None) if isinstance(tag, str) else None
    if isinstance(found, type) and is_dataclass(found) and found.__module__ == model.__name__:
        return found(*obj["f"])
    raise ValueError(f"{tag!r} is not part of a story")
