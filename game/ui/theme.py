"""The look of the interface: canvas size, colours, and the OFL faces from the fontpkg packages."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pygame

CANVAS = (1280, 720)
ROUTE_THUMB = (336, 189)   # a route card's picture (screens/routes.py); the title prepares them ahead

INK = (24, 22, 30)                # the text box and panels
INK_ALPHA = 236
PAPER = (244, 236, 222)           # text on ink: contrast well over 4.5:1
PAPER_DIM = (178, 168, 156)       # secondary text (hints, disabled), still over 4.5:1 on INK
GOLD = (224, 178, 92)             # accents, focus
GOLD_SOFT = (224, 178, 92, 90)
DISABLED = (120, 112, 106)
SHADOW = (0, 0, 0)
DIM_OVERLAY = (10, 8, 16, 170)    # drawn over the screen beneath an overlay
DIALOG_ALPHA = 255                # a dialog's panel over the dimmed screen: none of its words show through

TEXT_FACE = "lora"                # serif for the story's words
DISPLAY_FACE = "cinzel"           # titles and name plates
UI_FACE = "josefin-sans"          # buttons and small labels
FACES = (TEXT_FACE, DISPLAY_FACE, UI_FACE)

DIALOGUE_SIZE = 28                # Lora 28: 36 px from descender to ascender
NAME_SIZE = 26
UI_SIZE = 24
SMALL_SIZE = 20


class FontMissing(Exception):
    """A face the interface needs cannot be loaded; the message names its package and the command that mends it."""

    def __init__(self, message: str, package: str, installed: bool):
        super().__init__(message)
        self.package = package
        self.installed = installed  # the package is there but its file is gone or unreadable


def font_package(face: str) -> str:
    return f"fontpkg-{face}"


def font_path(face: str, italic: bool = False) -> tuple[Path, bool]:
    """The file of a face from its fontpkg package, and whether its italic must be drawn slanted (no italic file).

    Raises FontMissing when the package is not installed or its file is gone.
    """
    quick = _packaged_file(face, italic)
    if quick is not None:
        return quick, False
    import fontpkg  # its registry reads every installed package's entry points: 25 ms, so only when needed
    package = font_package(face)
    reinstall = f"(reinstall it: python -m pip install --force-reinstall {package})"
    try:
        try:
            path, synthetic_italic = fontpkg.path(face, style="italic" if italic else "normal"), False
        except (fontpkg.StyleNotAvailable, fontpkg.WeightNotAvailable):
            path, synthetic_italic = fontpkg.path(face), italic
    except fontpkg.FamilyNotInstalled:
        raise FontMissing(f"the font package {package} is not installed (install it: python -m pip install "
                          f"{package})", package, installed=False) from None
    except fontpkg.FontpkgError as exc:
        raise FontMissing(f"the font package {package} cannot be used: {exc} {reinstall}", package,
                          installed=True) from None
    if not Path(path).is_file():
        raise FontMissing(f"the font file {path} of {package} is missing {reinstall}", package, installed=True)
    return Path(path), synthetic_italic


def _packaged_file(face: str, italic: bool) -> Path | None:
    """The face's file read straight from its package's metadata.json (fontpkg's own format), without loading
    fontpkg's registry; None when anything is not as expected, and font_path asks fontpkg (and says what is wrong)."""
    path = _listed_file(face, italic)
    return path if path is not None and path.is_file() else None


@lru_cache(maxsize=None)
def _listed_file(face: str, italic: bool) -> Path | None:
    """The file the face's package lists for this style (where the package is and what it lists are read once:
    every font asked for before the title's first frame asked again, 2 ms)."""
    try:
        spec = importlib.util.find_spec("fontpkg_" + face.replace("-", "_"))
        if spec is None or not spec.submodule_search_locations:
            return None
        root = Path(next(iter(spec.submodule_search_locations)))
        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
        wanted = "italic" if italic else "normal"
        for entry in meta["files"]:
            if entry.get("style") == wanted and entry.get("weight") in (None, 400):
                return root / entry["path"]
    except (ImportError, ValueError, OSError, KeyError, TypeError, AttributeError):
        pass
    return None


def missing_fonts() -> str | None:
    """One line naming the font packages the interface cannot load and the one command that mends them,
    or None when every face is there. The window and `shot` ask before drawing anything."""
    problems: dict[str, FontMissing] = {}
    for face, italic in [(face, False) for face in FACES] + [(TEXT_FACE, True)]:
        try:
            font_path(face, italic)
        except FontMissing as exc:
            problems.setdefault(exc.package, exc)
    if len(problems) <= 1:
        return next((str(exc) for exc in problems.values()), None)
    broken = any(exc.installed for exc in problems.values())
    return (f"the font packages {', '.join(problems)} are {'missing or broken' if broken else 'not installed'} "
            f"(install them: python -m pip install {'--force-reinstall ' if broken else ''}{' '.join(problems)})")


@lru_cache(maxsize=None)
def font(face: str, size: int, italic: bool = False, bold: bool = False) -> pygame.font.Font:
    """A font from a fontpkg family, cached; the italic file when the family has one; bold is drawn heavier by
    the renderer (the packages hold the regular weight: small light words over a picture need it).

    Raises FontMissing (one line, with the fix) when the package or its file is missing or unreadable.
    """
    path, synthetic_italic = font_path(face, italic)
    try:
        result = pygame.font.Font(str(path), size)
    except (OSError, pygame.error) as exc:
        package = font_package(face)
        raise FontMissing(f"the font file {path} of {package} cannot be read: {exc} "
                          f"(reinstall it: python -m pip install --force-reinstall {package})", package,
                          installed=True) from None
    result.italic = synthetic_italic
    result.bold = bold
    return result


def text_font(size: int = DIALOGUE_SIZE, italic: bool = False) -> pygame.font.Font:
    return font(TEXT_FACE, size, italic)


def display_font(size: int) -> pygame.font.Font:
    return font(DISPLAY_FACE, size)


def ui_font(size: int = UI_SIZE, bold: bool = False) -> pygame.font.Font:
    return font(UI_FACE, size, bold=bold)


def hex_colour(text: str) -> tuple[int, int, int]:
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two colours."""
    def luminance(c: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b_ = (channel(x) for x in c[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
