"""Writing a language's PO files from the story and the interface, or bringing them up to date.

Updating works as gettext's msgmerge: a translation is kept while its source text stands; when the source text
changed it is kept but marked fuzzy, with the text it was made for as `#| msgid`; an entry whose text left the
story becomes obsolete (#~), and comes back if the text does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import polib

from ..story.model import Story
from ..story.units import Unit, story_units
from .catalog import INTERFACE, folder

PLURALS = {"fr": "nplurals=2; plural=(n > 1);", "de": "nplurals=2; plural=(n != 1);",
           "es": "nplurals=2; plural=(n != 1);", "it": "nplurals=2; plural=(n != 1);"}


@dataclass
class Written:
    """What extract did to one PO file."""
    path: Path
    entries: int = 0
    added: int = 0
    fuzzy: int = 0       # made fuzzy by this update
    obsolete: int = 0    # made obsolete by this update
    changed: bool = False


@dataclass
class Extraction:
    files: list[Written] = field(default_factory=list)

    def lines(self, root: Path) -> list[str]:
        out = []
        for w in self.files:
            what = f"{w.entries} entries" + (f", {w.added} new" if w.added else "") \
                + (f", {w.fuzzy} now fuzzy" if w.fuzzy else "") + (f", {w.obsolete} now obsolete" if w.obsolete else "")
            verb = "written" if w.changed else "unchanged"
            out.append(f"{_shown(w.path, root)}: {verb} ({what})")
        return out


def po_path(root: Path | str, lang: str, unit_file: str) -> Path:
    """scenes/ROUTE/NAME.yaml -> translations/LANG/ROUTE/NAME.po (unit_file is relative to scenes/)."""
    return folder(root, lang) / Path(unit_file).with_suffix(".po")


def units_by_file(story: Story) -> dict[str, list[Unit]]:
    files: dict[str, list[Unit]] = {}
    for unit in story_units(story):
        files.setdefault(unit.file, []).append(unit)
    return files


def interface_units(words: dict[str, str]) -> list[Unit]:
    """The interface's strings (game/ui/words.py: key -> English) as units of interface.po."""
    return [Unit(key, text, "game/ui/words.py", 0, "interface") for key, text in words.items()]


def extract(story: Story, lang: str, words: dict[str, str],
            progress: Optional[Callable[[int, int], None]] = None) -> Extraction:
    """Write or update every PO file of `lang` in the story's translations/ folder."""
    root = Path(story.root)
    plan = [(po_path(root, lang, file), units) for file, units in units_by_file(story).items()]
    plan.append((folder(root, lang) / INTERFACE, interface_units(words)))
    result = Extraction()
    for done, (path, units) in enumerate(plan, 1):
        result.files.append(update_file(path, units, lang, story.title))
        if progress is not None:
            progress(done, len(plan))
    return result


def update_file(path: Path, units: Iterable[Unit], lang: str, project: str) -> Written:
    """Write `units` into the PO file at `path`, merging with what it holds."""
    old = polib.pofile(str(path), encoding="utf-8") if path.is_file() else None
    before = old.__unicode__() if old is not None else None
    written = Written(path)
    po = merged(old, list(units), lang, project, written)
    written.entries = len([e for e in po if not e.obsolete])
    text = po.__unicode__()
    if text != before:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.changed = True
    return written


def merged(old: Optional[polib.POFile], units: list[Unit], lang: str, project: str,
           counts: Optional[Written] = None) -> polib.POFile:
    """A new catalogue of `units`, carrying over what `old` holds for each (see the module's docstring);
    counts, if given, tallies the entries added, made fuzzy and made obsolete."""
    counts = counts if counts is not None else Written(Path())
    po = polib.POFile(wrapwidth=78, encoding="utf-8")
    po.metadata = header(lang, project)
    po.header = f"Translation of {project} (language: {lang})."
    if old is not None:
        po.metadata.update({k: v for k, v in old.metadata.items() if k not in ("Language",)})
        po.header = old.header
    known = {e.msgctxt: e for e in old} if old is not None else {}
    wanted = set()
    for unit in units:
        wanted.add(unit.context)
        entry = polib.POEntry(msgctxt=unit.context, msgid=unit.source, msgstr="",
                              comment=_comment(unit), occurrences=[_occurrence(unit)])
        previous = known.get(unit.context)
        if previous is None:
            counts.added += 1
        else:
            entry.msgstr = previous.msgstr
            entry.flags = [f for f in previous.flags]
            entry.tcomment = previous.tcomment
            if previous.msgid == unit.source:
                entry.previous_msgid = previous.previous_msgid if previous.fuzzy else None
            elif previous.msgstr:
                entry.previous_msgid = previous.previous_msgid if previous.fuzzy and previous.previous_msgid \
                    else previous.msgid
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
                counts.fuzzy += 1
        po.append(entry)
    if old is not None:
        for previous in old:
            if previous.msgctxt in wanted:
                continue
            gone = polib.POEntry(msgctxt=previous.msgctxt, msgid=previous.msgid, msgstr=previous.msgstr,
                                 flags=list(previous.flags), tcomment=previous.tcomment, obsolete=True)
            counts.obsolete += 0 if previous.obsolete else 1
            po.append(gone)
    return po


def header(lang: str, project: str) -> dict[str, str]:
    data = {"Project-Id-Version": project, "Language": lang, "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
            "X-Generator": "python -m game translate extract"}
    if lang in PLURALS:
        data["Plural-Forms"] = PLURALS[lang]
    return data


def _comment(unit: Unit) -> str:
    if unit.kind == "interface":
        return f"interface: {unit.context}"
    parts = []
    if unit.kind in ("line",):
        parts.append(f"speaker: {unit.speaker}" if unit.speaker else "narration")
    else:
        parts.append(unit.kind)
    if unit.scene:
        parts.append(f"scene: {unit.scene}")
    parts.append(f"scenes/{unit.where}")
    if unit.before:
        parts.append(f"before: {unit.before}")
    return "\n".join(parts)


def _occurrence(unit: Unit) -> tuple[str, str]:
    if unit.kind == "interface":
        return (unit.file, "")
    return (f"scenes/{unit.file}", str(unit.line))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
