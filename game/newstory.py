"""`python -m game new DIR`: a small story pack to start from, which lints clean, plays and passes its tests.

The pack's words are the files under game/starter/; its pictures are drawn by code (starter_pictures.py).
Every YAML file it writes starts with the line the YAML language server reads, pointing at the schema shipped in
game/story/schema/, so an editor with that extension checks and completes the fields as the author types.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from .starter_pictures import draw_pictures
from .story.playtests import PLAYTHROUGH_FOLDER

STARTER = Path(__file__).resolve().parent / "starter"
SCHEMAS = Path(__file__).resolve().parent / "story" / "schema"
SCHEMA_HEADER = "# yaml-language-server: $schema="


class FolderNotEmpty(Exception):
    """The folder `new` was asked to fill already holds something."""


def schema_for(relative: Path) -> Path | None:
    """The schema a file of a story folder is written against, or None."""
    parts = relative.parts
    if relative.suffix not in (".yaml", ".yml"):
        return None
    if relative.parent == PLAYTHROUGH_FOLDER:
        return SCHEMAS / "playthrough.schema.json"
    if not parts or parts[0] != "scenes":
        return None
    if relative.name == "story.yaml":
        return SCHEMAS / ("story.schema.json" if len(parts) == 2 else "story-part.schema.json")
    return SCHEMAS / "scene.schema.json"


def schema_header(relative: Path) -> str:
    """The first line of a story file: the schema it follows, for the YAML language server; '' for none."""
    schema = schema_for(relative)
    return f"{SCHEMA_HEADER}{schema.as_uri()}\n" if schema is not None else ""


def new_story(folder: Path) -> list[Path]:
    """Fill folder (missing or empty) with the starter pack; the files written, in order.

    Raises FolderNotEmpty, or OSError when the folder cannot be written.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = source.relative_to(STARTER)
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".yaml":
            target.write_text(schema_header(relative) + source.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        made.append(target)
    return made + draw_pictures(folder)
