"""The author's keys on the play screen: Shift+D the developer overlay, Shift+R reload the story folder.
None of them is saved in the settings."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from ...story import StoryError
from ...story.reload import reload
from ..screen import Push, Transition

if TYPE_CHECKING:
    from .play import PlayScreen

AUTHOR_KEYS = (pygame.K_d, pygame.K_r)


def is_author_key(event: pygame.event.Event) -> bool:
    return event.type == pygame.KEYDOWN and event.key in AUTHOR_KEYS and bool(event.mod & pygame.KMOD_SHIFT)


def author_key(screen: PlayScreen, event: pygame.event.Event) -> Optional[Transition]:
    if event.key == pygame.K_d:
        screen.dev.toggle()
        return None
    return reload_story(screen)


def reload_story(screen: PlayScreen) -> Optional[Transition]:
    """Read the story folder again and play on at the same line with the same state; if the folder has problems,
    show them over the screen and play on with the story as it was."""
    app = screen.app
    screen.pace.stop()
    try:
        reloaded = reload(app.story.root, app.story, screen.runner.checkpoint, screen.timeline.trail())
    except StoryError as exc:
        return Push(app.make("story_problems", exc.problems))
    app.swap_story(reloaded.story)
    return screen.restart_at(reloaded.state, reloaded.note)
