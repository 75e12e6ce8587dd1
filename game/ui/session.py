"""Saving and loading a playthrough from the window: thumbnails, slots, and resuming a save."""
from __future__ import annotations

import logging
import struct
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import pygame

from ..story import SaveError, StoryError
from .screen import Push, Replace, Transition
from .theme import CANVAS

if TYPE_CHECKING:
    from ..story import State
    from .app import App

log = logging.getLogger(__name__)
THUMB = (320, 180)


@dataclass
class Snapshot:
    """What a save keeps of the moment: the state before the line on screen, its words, a picture, the history.
    The picture is kept small and unencoded (a surface of THUMB's size): PNG bytes are made when it is written."""
    state: State
    words: str
    picture: Optional[pygame.Surface]
    log: Any
    trail: Optional[list] = None

    def thumbnail(self) -> Optional[bytes]:
        """The picture as PNG bytes (about 5 ms: an autosave makes them in its writer thread)."""
        return png(self.picture) if self.picture is not None else None


def picture(draw) -> Optional[pygame.Surface]:
    """A small picture of the scene as the player sees it, without the interface: draw(surface) paints the stage."""
    try:
        scene = pygame.Surface(CANVAS)
        draw(scene)
        return pygame.transform.smoothscale(scene, THUMB)
    except (pygame.error, ValueError) as exc:
        log.warning("no thumbnail for this save: %s", exc)
        return None


def png(surface: pygame.Surface) -> bytes:
    """The surface as an RGB PNG, rows unfiltered: 4 ms for a thumbnail where pygame's encoder (filtered, a
    quarter smaller) takes 13 ms. Safe in another thread: the surface is read once, as bytes."""
    width, height = surface.get_size()
    pixels = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))


def write_slot(app: App, name: str, snap: Snapshot) -> str:
    """Save into slot `name`; the note to show the player (saved, or why not)."""
    try:
        app.slots.write(name, snap.state, snap.words, snap.thumbnail, snap.log, trail=snap.trail)
    except (OSError, ValueError) as exc:
        return app.words("saves.not_saved", reason=getattr(exc, 'strerror', None) or exc)
    app.seen.save()
    return app.words("saves.saved")


def autosave(app: App, snap: Snapshot) -> None:
    """Keep the moment in the oldest autosave slot, and the seen lines with it, written by a thread of their own
    (the frame is not held up by the picture's encoding and the disk's syncs, 10-30 ms); a refusal is said in the
    log only. Reading any slot waits for the write to end."""
    app.slots.autosave_later(snap.state, snap.words, snap.thumbnail, snap.log, trail=snap.trail,
                             after=app.seen.save)


def load_slot(app: App, name: str) -> Transition:
    """Play on from slot `name`; a save that cannot be used says why, over the screen it was chosen from."""
    from ..story.runner import Runner   # here: the title imports this module before its first frame
    try:
        loaded = app.slots.load(name)
        runner = Runner(app.story, loaded.state)
    except (SaveError, StoryError) as exc:
        log.warning("cannot load slot %s: %s", name, exc)
        reason = app.words(f"saves.why.{getattr(exc, 'kind', 'damaged')}")
        return Push(app.make("notice", app.words("saves.cannot_load"), reason))
    return Replace(app.make("play", runner, resume=True, note=loaded.note, log=loaded.log), clear=True)
