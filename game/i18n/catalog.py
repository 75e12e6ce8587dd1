"""Reading a language's PO files: which languages a story has, and each text a player may be shown in them.

A translation is used only when it is not fuzzy, not empty, and was made for the source text as it stands
(its msgid): a line edited since it was translated shows in the source language until the translator has
looked at it again.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping, Optional

if TYPE_CHECKING:
    import polib


log = logging.getLogger(__name__)

FOLDER = "translations"
INTERFACE = "interface.po"
SOURCE_LANGUAGE = "en"
# How each language names itself in the Settings screen; a language not listed shows its code.
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano",
         "pt": "Português", "nl": "Nederlands", "pl": "Polski", "ru": "Русский", "ja": "日本語",
         "zh": "中文", "ko": "한국어", "uk": "Українська"}

Texts = dict[str, tuple[str, str]]   # context -> (the source it translates, its translation)


def system_language(available: list[str], environ: Optional[Mapping[str, str]] = None) -> str:
    """The first of the system's languages the story has, found as Python's gettext finds them (the first of
    LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set, a list split by colons; on Windows, whose programs get
    none of these, the user's locale): fr_CA.UTF-8 is tried as fr_CA, then fr. The source language when none of
    them is there."""
    environ = os.environ if environ is None else environ
    setting = next((environ[name] for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)),
                   None)
    wanted = setting.split(":") if setting is not None else [_windows_locale()]
    for value in wanted:
        code = value.split(".")[0].split("@")[0].replace("-", "_")
        if code in ("C", "POSIX", ""):
            continue
        for candidate in (code, code.split("_")[0]):
            if candidate in available:
                return candidate
    return SOURCE_LANGUAGE


def _windows_locale() -> str:
    """The Windows user's locale name (fr-FR), or "" anywhere else or when it cannot be read."""
    try:
        import ctypes
        buffer = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
            return buffer.value
    except (AttributeError, OSError):
        pass
    return ""


def language_name(code: str) -> str:
    return NAMES.get(code, NAMES.get(code.split("_")[0], code))


def folder(root: Path | str, lang: str) -> Path:
    return Path(root) / FOLDER / lang


def languages(root: Path | str) -> list[str]:
    """The source language, then each language with a PO file under the story's translations/, by code."""
    found: list[str] = []
    base = Path(root) / FOLDER
    if base.is_dir():
        for child in sorted(base.iterdir()):
            if child.is_dir() and child.name != SOURCE_LANGUAGE and next(child.rglob("*.po"), None) is not None:
                found.append(child.name)
    return [SOURCE_LANGUAGE] + found


def story_files(root: Path | str, lang: str) -> Iterator[Path]:
    """The language's PO files for the story's own text (every one but interface.po), in a stable order."""
    base = folder(root, lang)
    if base.is_dir():
        for path in sorted(base.rglob("*.po")):
            if path.relative_to(base).as_posix() != INTERFACE:
                yield path


def read_po(path: Path) -> polib.POFile | None:
    """The file, or None (said in the log) if it cannot be read: a broken translation never stops the game.
    polib is imported here: a game played in the language it was written in never needs it (2 ms of start-up)."""
    import polib
    try:
        return polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("%s: cannot read this translation (%s)", path, exc)
        return None


def usable(po: polib.POFile) -> Texts:
    """Each entry a player may be shown: translated, not fuzzy, not obsolete."""
    return {entry.msgctxt: (entry.msgid, entry.msgstr) for entry in po
            if entry.msgctxt is not None and entry.msgstr and not entry.fuzzy and not entry.obsolete}


def story_texts(root: Path | str, lang: str) -> Texts:
    """Every usable translation of the story's text in `lang` (nothing for the source language)."""
    texts: Texts = {}
    if lang == SOURCE_LANGUAGE:
        return texts
    for path in story_files(root, lang):
        po = read_po(path)
        if po is not None:
            texts.update(usable(po))
    return texts


def interface_texts(lang: str, *roots: Path | str) -> Texts:
    """The interface's translations in `lang`: each of `roots` that has an interface.po for it, the first one's
    entries over the later ones' (a story pack's own words over the game's)."""
    texts: Texts = {}
    if lang == SOURCE_LANGUAGE:
        return texts
    for root in reversed(roots):
        path = folder(root, lang) / INTERFACE
        po = read_po(path) if path.is_file() else None
        if po is not None:
            texts.update(usable(po))
    return texts
