"""Checking a language's translation: what is missing, fuzzy or obsolete, translations made for a source text
that has changed since, values in braces and paragraphs that differ from the source, and (with a measure
from game/ui/fit.py) lines that no longer fit the text box as the source does."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import polib

from .. import PROGRAM
from ..story.model import Story, paragraphs
from ..story.units import Unit
from .catalog import INTERFACE, folder
from .extract import interface_units, po_path, units_by_file

BRACES = re.compile(r"\{[^{}]*\}")   # values a screen fills in (game/ui/words.py); the scene format has none


@dataclass
class Finding:
    """One problem: where (a PO file and line, or a scene file), what, and what to do."""
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Report:
    lang: str
    units: int = 0
    translated: int = 0
    missing: int = 0
    fuzzy: int = 0
    obsolete: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.fuzzy or self.obsolete or self.findings)

    def summary(self) -> str:
        return (f"{self.lang}: {self.translated} of {self.units} translated, {self.missing} missing, "
                f"{self.fuzzy} fuzzy, {self.obsolete} obsolete, {len(self.findings)} other "
                f"problem{'' if len(self.findings) == 1 else 's'}")

    def to_json(self) -> dict:
        return {"language": self.lang, "units": self.units, "translated": self.translated, "missing": self.missing,
                "fuzzy": self.fuzzy, "obsolete": self.obsolete, "ok": self.ok,
                "problems": [{"where": f.where, "message": f.message} for f in self.findings]}


# (text, narration) -> pages the text box needs, and (text, narration) -> why it cannot be laid out or None
Measure = tuple[Callable[[str, bool], int], Callable[[str, bool], Optional[str]]]


def check(story: Story, lang: str, words: dict[str, str], measure: Optional[Measure] = None) -> Report:
    """Check every PO file of `lang` against the story and the interface as they stand."""
    root = Path(story.root)
    report = Report(lang)
    plan = [(po_path(root, lang, file), units) for file, units in units_by_file(story).items()]
    plan.append((folder(root, lang) / INTERFACE, interface_units(words)))
    for path, units in plan:
        _check_file(root, path, units, report, measure)
    return report


def _check_file(root: Path, path: Path, units: list[Unit], report: Report, measure: Optional[Measure]) -> None:
    shown = _shown(path, root)
    report.units += len(units)
    if not path.is_file():
        report.missing += len(units)
        return
    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        report.missing += len(units)
        report.findings.append(Finding(shown, f"cannot be read ({exc}): fix the file in a PO editor, or delete it "
                                              f"and run `{PROGRAM} translate extract --lang {report.lang}`"))
        return
    entries = {e.msgctxt: e for e in po if not e.obsolete}
    report.obsolete += sum(1 for e in po if e.obsolete)
    for unit in units:
        entry = entries.get(unit.context)
        if entry is None or (not entry.msgstr and not entry.fuzzy):
            report.missing += 1
            continue
        where = f"{shown}:{entry.linenum}"
        if entry.fuzzy:
            report.fuzzy += 1
            continue
        if entry.msgid != unit.source:
            report.findings.append(Finding(where, f"{unit.context}: translated for a source text that has changed "
                                                  f"since (run `{PROGRAM} translate extract --lang "
                                                  f"{report.lang}`, then review the entries marked fuzzy)"))
            continue
        report.translated += 1
        report.findings.extend(Finding(where, f"{unit.context}: {m}") for m in _differences(unit.source, entry.msgstr))
        if measure is not None and unit.kind == "line":
            report.findings.extend(Finding(where, f"{unit.context}: {m}")
                                   for m in _fit(unit, entry.msgstr, measure))
    known = {u.context for u in units}
    for entry in po:
        if not entry.obsolete and entry.msgctxt not in known:
            report.findings.append(Finding(f"{shown}:{entry.linenum}", f"{entry.msgctxt}: no such text in the "
                                           f"story (run `{PROGRAM} translate extract --lang {report.lang}` "
                                           f"to mark it obsolete)"))


def _differences(source: str, text: str) -> Iterable[str]:
    """Values in braces and line breaks that differ between the source and its translation."""
    ours, theirs = sorted(BRACES.findall(source)), sorted(BRACES.findall(text))
    if ours != theirs:
        yield (f"the translation has {_listed(theirs)} where the source has {_listed(ours)}: keep each value in "
               f"braces exactly as the source writes it")
    ours, theirs = len(paragraphs(source)), len(paragraphs(text))
    if ours != theirs:   # a single line break is a space, as the window and the transcript show it (model.py)
        yield (f"the translation has {theirs} paragraphs where the source has {ours}: a blank line starts a "
               f"paragraph")
    if text != text.strip() and source == source.strip():
        yield "the translation starts or ends with spaces the source does not have: remove them"


def _fit(unit: Unit, text: str, measure: Measure) -> Iterable[str]:
    pages, problem = measure
    narration = unit.speaker is None
    why = problem(text, narration)
    if why is not None and problem(unit.source, narration) is None:
        yield f"cannot be laid out in the text box: {why}"
        return
    mine, theirs = pages(unit.source, narration), pages(text, narration)
    if theirs > mine:
        yield (f"takes {theirs} pages of the text box where the source takes {mine} (at 100% text size): "
               f"shorten it, or ask the author to split the line at scenes/{unit.where}")


def _listed(values: list[str]) -> str:
    return ", ".join(values) if values else "none"


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
