"""The author's keys on the play screen: Shift+D the developer overlay, Shift+R reload the story folder,
Shift+P record the playthrough as a playthrough file. None of them is saved in the settings."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import pygame

from ...story import StoryError
from ...story.problems import display_path
from ..screen import Push, Transition

if TYPE_CHECKING:
    from .play import PlayScreen

AUTHOR_KEYS = (pygame.K_d, pygame.K_r, pygame.K_p)


def is_author_key(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in AUTHOR_KEYS and bool(event.mod & pygame.KMOD_SHIFT)


def author_key(screen: PlayScreen, event: pygame.event.Event) -> Optional[Transition]:
    if event.key == pygame.K_d:
        screen.dev.toggle()
        return None
    if event.key == pygame.K_r:
        return reload_story(screen)
    record_playthrough(screen)
    return None


def reload_story(screen: PlayScreen) -> Optional[Transition]:
    """Read the story folder again and play on at the same line with the same state; if the folder has problems,
    show them over the screen and play on with the story as it was."""
    app = screen.app
    screen.pace.stop()
    try:
        from ...story.reload import reload   # the loader, only when an author asks: not at every start
        reloaded = reload(app.story.root, app.source_story, screen.runner.checkpoint, screen.timeline.trail())
    except StoryError as exc:
        return Push(app.make("story_problems", exc.problems))
    app.swap_story(reloaded.story)
    return screen.restart_at(reloaded.state, reloaded.note)


def record_playthrough(screen: PlayScreen) -> Path | None:
    """Write the playthrough so far into the story folder's tests/playthroughs/ (or, if that cannot be written,
    the player's data folder for this story) and say where; the file, or None if it could not be written."""
    app = screen.app
    root = Path(app.story.root)
    at = screen.line.id if screen.line is not None else ""
    try:
        from ...story.recording import FOLDER, write_playthrough
        path = write_playthrough(app.story, screen.runner.checkpoint, [root / FOLDER, app.folder / "playthroughs"],
                                 at=at)
    except StoryError as exc:
        screen.toasts.note(f"Not recorded: {exc}", seconds=8.0)
        return None
    except OSError as exc:
        screen.toasts.note(f"Not recorded: {getattr(exc, 'strerror', None) or exc}", seconds=8.0)
        return None
    shown = display_path(path, root.resolve()) if path.resolve().is_relative_to(root.resolve()) else str(path)
    screen.toasts.note(f"Playthrough recorded: {shown}", seconds=8.0)
    app.trace(recorded=str(path))
    return path
