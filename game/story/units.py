"""The translatable text of a story: one Unit per string, with its translation context, its source text, the
file that declares it and what a translator needs to know about it (speaker, scene, the line before it).

The contexts are the contract with translators (docs/translating.md): a line's id, MENU_ID/option-N and
MENU_ID/option-N/hint, ending:ID/title and ending:ID/text, route:ID/title and route:ID/blurb, character:ID/name,
meter:ID/label and story/title.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .model import MenuOp, SayOp, Story
from .problems import Where

SCENES = "scenes/"


@dataclass(frozen=True, slots=True)
class Unit:
    context: str            # msgctxt
    source: str             # msgid: the text exactly as the model holds it
    file: str               # the YAML file that declares it, relative to scenes/ (e.g. vineyard/night.yaml)
    line: int
    kind: str               # 'line', 'choice', 'choice hint', 'ending title', ... as the comments name it
    speaker: Optional[str] = None
    scene: Optional[str] = None
    before: Optional[str] = None   # the text shown before it, for context

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def option_context(menu_id: str, number: int) -> str:
    """The context of a menu's option, number counting from 1 as written (hidden options count too)."""
    return f"{menu_id}/option-{number}"


def _scene_file(path: str, scenes: Path) -> str:
    """A file's place under the story's scenes/ folder, as a / path (Where paths are relative to the folder the
    story was loaded from, or absolute)."""
    try:
        return Path(path).resolve().relative_to(scenes).as_posix()
    except ValueError:
        posix = Path(path).as_posix()
        cut = posix.rfind(SCENES)
        return posix[cut + len(SCENES):] if cut >= 0 and (cut == 0 or posix[cut - 1] == "/") else posix


def story_units(story: Story) -> Iterator[Unit]:
    """Every unit, scene files first in the story's order, then the manifests' routes, endings, characters,
    meters and the story's title."""
    scenes = (Path(story.root) / SCENES).resolve()

    def _unit(context: str, text: str, where: Where, kind: str) -> Unit:
        return Unit(context, text, _scene_file(where.path, scenes), where.line, kind)

    for scene in story.scenes.values():
        yield from _scene_units(scene.id, scene.ops, scenes)
    for route in story.routes.values():
        yield _unit(f"route:{route.id}/title", route.title, route.where, "route title")
        if route.blurb:
            yield _unit(f"route:{route.id}/blurb", route.blurb, route.where, "route blurb")
    for ending in story.endings.values():
        yield _unit(f"ending:{ending.id}/title", ending.title, ending.where, "ending title")
        if ending.epilogue:
            yield _unit(f"ending:{ending.id}/text", ending.epilogue, ending.where, "ending text")
    for character in story.characters.values():
        yield _unit(f"character:{character.id}/name", character.name, character.where, "character name")
    for meter in story.meters.values():
        yield _unit(f"meter:{meter.id}/label", meter.label, meter.where, "meter label")
    if story.title:
        yield Unit("story/title", story.title, "story.yaml", _manifest_line(story, "title"), "story title")
    if story.tagline:
        yield Unit("story/tagline", story.tagline, "story.yaml", _manifest_line(story, "tagline"), "story tagline")


def _scene_units(scene: str, ops, scenes: Path) -> Iterator[Unit]:
    before: Optional[str] = None
    for op in ops:
        if isinstance(op, SayOp):
            yield Unit(op.line_id, op.text, _scene_file(op.where.path, scenes), op.where.line, "line", op.speaker,
                       scene, before)
            before = op.text
        elif isinstance(op, MenuOp):
            for number, option in enumerate(op.options, 1):
                context = option_context(op.menu_id, number)
                file, line = _scene_file(option.where.path, scenes), option.where.line
                yield Unit(context, option.text, file, line, "choice", None, scene, before)
                if option.hint:
                    yield Unit(f"{context}/hint", option.hint, file, line, "choice hint", None, scene, option.text)


def _manifest_line(story: Story, key: str) -> int:
    """The line of `KEY:` in scenes/story.yaml (the model keeps no place for the title or the tagline)."""
    try:
        text = (Path(story.root) / SCENES / "story.yaml").read_text(encoding="utf-8")
    except OSError:
        return 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 0
