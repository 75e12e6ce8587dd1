"""Reading a story folder again while it is played (the window's Shift+R): the new story, and the player's
place in it found by line id, with the same meters, flags and visits, as a save finds its place after edits."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .loader import load_story
from .model import Story
from .position import op_id
from .problems import Problem, StoryError, Where
from .state import State


@dataclass(frozen=True)
class Reloaded:
    story: Story
    state: State     # a checkpoint in the new story: a runner made from it shows the line (or menu) again
    note: str        # one line for the author: where play goes on


def reload(root: Path | str, old: Story, checkpoint: State,
           trail: Optional[list[dict[str, Any]]] = None) -> Reloaded:
    """Load the folder again and carry `checkpoint` (the state just before what is on screen) over to it.

    Raises StoryError with every problem of the new story (lint's messages), or with one problem when the
    new story has no place for this playthrough (its route or scene is gone): the caller keeps the old story.
    """
    story = load_story(root)
    was = _on_screen(old, checkpoint)
    try:
        state, _ = State.from_json_noted(checkpoint.to_json(old, trail=trail), story)
    except StoryError as exc:
        raise StoryError([Problem(Where(""), f"cannot keep your place in the reloaded story: {exc}",
                                  "the old story goes on; put the scene back, or start the route again")]) from None
    now = _on_screen(story, state)
    if was and now == was:
        note = f"Story reloaded: still at {was}"
    elif now:
        note = f"Story reloaded: {was or 'that place'} is gone, back at {now}"
    else:
        note = f"Story reloaded: {was or 'that place'} is gone, back at the start of scene {state.scene}"
    state.seen = checkpoint.seen   # the seen-set stays the one the game keeps (not a copy of it)
    return Reloaded(story, state, note)


def _on_screen(story: Story, state: State) -> str:
    scene = story.scenes.get(state.scene)
    if scene is None or not 0 <= state.pc < len(scene.ops):
        return ""
    return op_id(scene.ops[state.pc]) or ""
