"""The checked story kept between starts of the window, so that the title shows without reading every scene again.

Read and checking the game's story takes about 55 ms of a start-up of about 230; reading it back from the cache
folder takes a few. The key is built the way Python keys its own bytecode: the size and modification time of every
file under the story's scenes/ and assets/ and of the story runtime's own source, with the interpreter's version
and the working folder (messages name files relative to it). Anything that does not match, or a kept file that
cannot be read, and the story is read and checked as usual and kept again. Only a story with no problems is kept;
the commands (lint, play, explore...) always read the story afresh.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import sys
from dataclasses import is_dataclass
from pathlib import Path
from types import MappingProxyType

from . import conditions, model
from .model import Condition, Story

log = logging.getLogger(__name__)
RUNTIME = Path(__file__).resolve().parent
FORMAT = 1


def load_kept(root: Path, folder: Path, load) -> Story:
    """The story at root: from folder/story-KEY.pickle when it still matches, else load(root), then kept there."""
    root = Path(root)
    key = story_key(root)
    path = folder / f"story-{key}.pickle"
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
        with open(path, "rb") as handle:
            story = _Unpickler(handle).load()
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: the story is read again and this one replaced
        log.info("kept story %s not used: %s", path, exc)
        return None
    return story if isinstance(story, Story) else None


def _write(path: Path, story: Story) -> None:
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(story)
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("story-*.pickle"):  # one story kept per cache folder (the game's own)
            if old != path:
                old.unlink(missing_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(buffer.getvalue())
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        log.info("story not kept in %s: %s", path.parent, exc)


class _Unpickler(pickle.Unpickler):
    """Reads back only the story model's own classes (and the two helpers below): a kept file that names anything
    else is refused, so nothing but a story can come out of the cache folder, whoever wrote there."""

    ALLOWED = {("game.story.kept", "_condition"), ("game.story.kept", "_proxy"), ("game.story.problems", "Where")}

    def find_class(self, module: str, name: str):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        if module == model.__name__:  # the model's own dataclasses, and nothing else it imports
            found = getattr(model, name, None)
            if isinstance(found, type) and is_dataclass(found) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a story")


class _Pickler(pickle.Pickler):
    """Conditions are kept as their text and compiled again; read-only mappings as plain ones, wrapped again."""

    def reducer_override(self, obj):
        if type(obj) is MappingProxyType:
            return _proxy, (dict(obj),)
        if type(obj) is Condition:
            return _condition, (obj.text,)
        return NotImplemented


def _proxy(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


def _condition(text: str) -> Condition:
    return Condition(text, conditions.compile_expr(conditions.parse(text)))
