"""The stage: background and characters, with fades and dissolves, as the story's stage commands ask.

Kept still (reduced motion), every change is a cut and a background's moving tiles stay as they are."""
from __future__ import annotations

import math
import weakref

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import pygame

from .assets import AssetCache
from .backgrounds import Background
from .theme import CANVAS

if TYPE_CHECKING:   # the title's backdrop uses this module before the first frame, which needs no story events
    from ..story import Stage

FADE = 0.9            # fade through black, both halves
DISSOLVE = 0.6
SPRITE_FADE = 0.25
SLOTS = {"left": 0.24, "center": 0.5, "right": 0.76}


class AmbientClock:
    """Moves a background's ambient animation on at a modest rate (a few times a second), not every frame."""

    STEP = 1 / 8

    def __init__(self):
        self.owed = 0.0

    def update(self, background: Background, dt: float) -> list[pygame.Rect]:
        if not background.animated:
            return []
        self.owed += dt
        if self.owed + 1e-9 < self._due(background):   # (a hair early is due: the sum of floats may fall short)
            return []
        owed, self.owed = self.owed, 0.0
        return background.update(owed)

    def still_for(self, background: Background) -> float:
        """Seconds of update() before the background can change: the next step of this clock at which one of its
        tiles is due to show another frame."""
        if not background.animated:
            return math.inf
        return max(0.0, self._due(background) - self.owed)

    def _due(self, background: Background) -> float:
        """Owed time at which to step the background: when its next frame is due, a STEP after the last at the
        soonest. Until then an update (an event's step) leaves it alone, so a frame due later is not put off."""
        due = getattr(background, "due_in", None)
        return max(self.STEP, due() if due is not None else 0.0)


@dataclass
class Actor:
    """A character on the stage: where, with which expression, fading to its target alpha."""
    who: str
    expression: Optional[str]
    position: str
    surface: Optional[pygame.Surface]
    alpha: float = 0.0
    target: float = 255.0

    @property
    def moving(self) -> bool:
        return self.alpha != self.target


class StageView:
    def __init__(self, assets: AssetCache):
        self.assets = assets
        self._bounds: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # a sprite's drawn part, once
        self._lights: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # a sprite in the map's light
        self.background: Background = assets.background(None)
        self.name: Optional[str] = None
        self.old: Optional[Background] = None      # what a transition starts from
        self.transition: Optional[str] = None
        self.elapsed = 0.0
        self.actors: dict[str, Actor] = {}
        self.black: Optional[pygame.Surface] = None   # made for a fade, let go after it (4 MB)
        self.ambient_rects: list[pygame.Rect] = []
        self.ambient = AmbientClock()
        self.still = False   # reduced motion: cuts, no fades, no moving tiles

    # --- what the story asks ---
    def apply(self, event: Stage, instant: bool = False) -> None:
        instant = instant or self.still
        if event.kind in ("scene", "background"):
            transition = "cut" if instant else (event.transition or "dissolve")
            self.set_background(event.name, transition, clear=event.kind == "scene")
        elif event.kind == "show":
            self.show(event.name, event.expression, event.position or "center", instant)
        elif event.kind == "hide":
            self.hide(event.name, instant)

    def set_background(self, name: Optional[str], transition: str = "dissolve", clear: bool = False) -> None:
        """Change the picture; a fade or dissolve starts from a snapshot of what was showing."""
        if transition in ("fade", "dissolve"):
            self.old = pygame.Surface(CANVAS)
            self.draw(self.old)
            self.transition, self.elapsed = transition, 0.0
        else:
            self.old, self.transition = None, None
        if clear:
            self.actors.clear()
        self.background = self.assets.background(name)
        self.name = name

    def show(self, who: str, expression: Optional[str], position: str, instant: bool = False) -> None:
        surface = self.assets.sprite(who, expression)
        actor = self.actors.get(who)
        if actor is None or actor.target == 0:
            actor = self.actors[who] = Actor(who, expression, position, surface, 255.0 if instant else 0.0)
        else:
            actor.expression, actor.position, actor.surface = expression, position, surface
        actor.target = 255.0
        if instant:
            actor.alpha = 255.0

    def express(self, who: str, expression: str) -> None:
        actor = self.actors.get(who)
        if actor is not None and actor.target > 0:
            actor.expression = expression
            actor.surface = self.assets.sprite(who, expression)

    def hide(self, who: str, instant: bool = False) -> None:
        actor = self.actors.get(who)
        if actor is not None:
            actor.target = 0.0
            if instant:
                del self.actors[who]

    def restore(self, stage: dict) -> None:
        """Set the stage at once from a saved state's stage record."""
        self.set_background(stage.get("background"), "cut", clear=True)
        for who, (expression, position) in stage.get("sprites", {}).items():
            self.show(who, expression, position or "center", instant=True)

    # --- time ---
    @property
    def busy(self) -> bool:
        return self.transition is not None or any(a.moving for a in self.actors.values())

    def finish(self) -> None:
        """Complete every transition at once (the player clicked through it)."""
        self.transition, self.old, self.black = None, None, None
        for actor in self.actors.values():
            actor.alpha = actor.target
        self._drop_hidden(force=True)

    def still_for(self) -> float:
        """Seconds of update() during which nothing on the stage changes (see Screen.still_for)."""
        if self.busy:
            return 0.0
        if self.still:
            return math.inf
        return self.ambient.still_for(self.background)

    def update(self, dt: float) -> bool:
        changed = False
        if self.transition:
            self.elapsed += dt
            if self.elapsed >= (FADE if self.transition == "fade" else DISSOLVE):
                self.transition, self.old, self.black = None, None, None
            changed = True
        step = 255.0 * dt / SPRITE_FADE
        for actor in self.actors.values():
            if actor.moving:
                actor.alpha = min(actor.target, actor.alpha + step) if actor.target > actor.alpha \
                    else max(actor.target, actor.alpha - step)
                changed = True
        self._drop_hidden()
        self.ambient_rects = [] if self.transition or self.still else self.ambient.update(self.background, dt)
        return changed

    def _drop_hidden(self, force: bool = False) -> None:
        for who in [w for w, a in self.actors.items() if a.target == 0 and (force or a.alpha == 0)]:
            del self.actors[who]

    # --- drawing ---
    def position(self, name: str) -> tuple[int, int]:
        point = self.background.positions.get(name)
        if point is not None:
            return point
        return int(CANVAS[0] * SLOTS.get(name, 0.5)), CANVAS[1]

    def draw(self, canvas: pygame.Surface) -> None:
        self.background.draw(canvas)
        self._draw_actors(canvas)
        if self.transition == "fade":
            if self.black is None:
                self.black = pygame.Surface(CANVAS)
            half = FADE / 2
            if self.elapsed < half:
                canvas.blit(self.old, (0, 0))
                self.black.set_alpha(int(255 * self.elapsed / half))
            else:
                self.black.set_alpha(int(255 * max(0.0, 1 - (self.elapsed - half) / half)))
            canvas.blit(self.black, (0, 0))
        elif self.transition == "dissolve":
            self.old.set_alpha(int(255 * max(0.0, 1 - self.elapsed / DISSOLVE)))
            canvas.blit(self.old, (0, 0))

    def faces(self) -> list[pygame.Rect]:
        """Where the characters on stage (or coming on) have their heads: the top of each sprite's drawn part,
        a little over a third of its height and half its width (the sprites are cut at the waist or hips)."""
        out = []
        for actor in self.actors.values():
            if actor.surface is None or actor.target <= 0:
                continue
            body = self._drawn_part(actor.surface)
            x, y = self.position(actor.position)
            rect = actor.surface.get_rect(midbottom=(x, y))
            head = pygame.Rect(0, 0, body.width * 55 // 100, body.height * 38 // 100)
            head.midtop = (rect.x + body.centerx, rect.y + body.top)
            out.append(head)
        return out

    def actor_rects(self) -> list[pygame.Rect]:
        """Where the characters are drawn over the background (draw() puts each sprite at these rects)."""
        return [actor.surface.get_rect(midbottom=self.position(actor.position)) for actor in self.actors.values()
                if actor.surface is not None and actor.alpha > 0]

    def _drawn_part(self, surface: pygame.Surface) -> pygame.Rect:
        known = self._bounds.get(surface)
        if known is None:
            known = self._bounds[surface] = surface.get_bounding_rect()
        return known

    def draw_rects(self, canvas: pygame.Surface, rects: list[pygame.Rect]) -> None:
        """The stage in these rects only (apart, no transition running): the background's rects, then the parts
        of the characters over them, each part one blit. What the whole draw() clipped to each rect shows, for a
        twinkle behind a character, without the rest of the screen's drawing under the clip."""
        self.background.draw(canvas, rects)
        self._draw_actors(canvas, rects)

    def _draw_actors(self, canvas: pygame.Surface, rects: Optional[list[pygame.Rect]] = None) -> None:
        light = getattr(self.background, "light", None)
        for actor in self.actors.values():
            if actor.surface is None or actor.alpha <= 0:
                continue
            surface = actor.surface if light is None else self._lit(actor.surface, light)
            x, y = self.position(actor.position)
            rect = surface.get_rect(midbottom=(x, y))
            if rects is None:
                parts = [(surface, rect)]
            else:   # each rect's part of the sprite, from its own place in the sprite
                parts = [(surface, part, part.move(-rect.x, -rect.y)) for part in (r.clip(rect) for r in rects)
                         if part.width and part.height]
            if actor.alpha >= 255:
                canvas.blits(parts, doreturn=False)
            else:
                # The surface is shared through the cache: set its alpha back to 255, not None, which would
                # switch off its per-pixel transparency and draw the sprite on a black box from then on.
                surface.set_alpha(int(actor.alpha))
                canvas.blits(parts, doreturn=False)
                surface.set_alpha(255)

    def _lit(self, sprite: pygame.Surface, light: tuple[int, int, int]) -> pygame.Surface:
        """The sprite multiplied by the background's light, made once for each sprite and light (and let go
        with the sprite)."""
        made = self._lights.get(sprite)
        if made is None or made[0] != light:
            lit = sprite.copy()
            lit.fill(light, special_flags=pygame.BLEND_RGB_MULT)   # colour only: the outline's alpha is kept
            made = self._lights[sprite] = (light, lit)
        return made[1]
