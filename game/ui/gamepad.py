"""A gamepad read as the keyboard: its buttons, d-pad and left stick become the key events the screens already
understand, so every screen works with a pad and shows its focus as it does for the arrow keys.

SDL's game controller (pygame._sdl2.controller) names the buttons the same on every pad; a joystick SDL has no
mapping for is read through pygame.joystick with the common (Xbox) layout.
"""
from __future__ import annotations

import logging
from typing import Any, Optional

import pygame

log = logging.getLogger(__name__)

# A: Return (advance, pick); B and Start: Escape (the game menu, and back out of it); Y: H (hide the interface);
# LB: Page Up (roll back); RB: Ctrl (skip while held); the d-pad: the arrows.
BUTTON_KEYS = {
    pygame.CONTROLLER_BUTTON_A: pygame.K_RETURN,
    pygame.CONTROLLER_BUTTON_B: pygame.K_ESCAPE,
    pygame.CONTROLLER_BUTTON_Y: pygame.K_h,
    pygame.CONTROLLER_BUTTON_START: pygame.K_ESCAPE,
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: pygame.K_PAGEUP,
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: pygame.K_LCTRL,
    pygame.CONTROLLER_BUTTON_DPAD_UP: pygame.K_UP,
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: pygame.K_DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: pygame.K_LEFT,
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: pygame.K_RIGHT,
}
# A joystick without a controller mapping: SDL's numbering for Xbox-style pads (Linux xpad).
JOY_BUTTONS = {0: pygame.CONTROLLER_BUTTON_A, 1: pygame.CONTROLLER_BUTTON_B, 3: pygame.CONTROLLER_BUTTON_Y,
               4: pygame.CONTROLLER_BUTTON_LEFTSHOULDER, 5: pygame.CONTROLLER_BUTTON_RIGHTSHOULDER,
               7: pygame.CONTROLLER_BUTTON_START}
AXIS_MAX = 32767
DEAD_ZONE = 0.5       # of the stick's travel: a resting or brushed stick moves nothing
RELEASE = 0.35        # back inside this, the stick has let go (a margin, so a stick at the edge does not chatter)
REPEAT_DELAY = 0.4    # seconds held before the focus moves again
REPEAT_EVERY = 0.15   # then once every this long


def key_event(kind: int, key: int) -> pygame.event.Event:
    return pygame.event.Event(kind, {"key": key, "mod": 0, "unicode": "", "scancode": 0, "pad": True})


class Stick:
    """The left stick as the arrow keys: a push past the dead zone is one press, held it repeats."""

    def __init__(self):
        self.x = self.y = 0.0
        self.held: Optional[int] = None
        self.wait = 0.0

    def move(self, horizontal: bool, value: float) -> list[int]:
        """The stick moved on one axis (-1..1); the arrow keys pressed by it."""
        if horizontal:
            self.x = value
        else:
            self.y = value
        x, y = self.x, self.y
        if max(abs(x), abs(y)) < (RELEASE if self.held is not None else DEAD_ZONE):
            self.held = None
            return []
        if abs(x) >= abs(y):
            key = pygame.K_RIGHT if x > 0 else pygame.K_LEFT
        else:
            key = pygame.K_DOWN if y > 0 else pygame.K_UP
        if max(abs(x), abs(y)) < DEAD_ZONE or key == self.held:
            return []
        self.held, self.wait = key, REPEAT_DELAY
        return [key]

    def tick(self, dt: float) -> list[int]:
        """Time passing with the stick held: the repeats due."""
        if self.held is None:
            return []
        self.wait -= dt
        keys = []
        while self.wait <= 0:
            keys.append(self.held)
            self.wait += REPEAT_EVERY
        return keys


def _controller_module() -> Any:
    try:
        from pygame._sdl2 import controller
        controller.init()
        return controller
    except (ImportError, pygame.error) as exc:
        log.info("no SDL game controller support (%s): pads are read as joysticks", exc)
        return None


class Gamepads:
    """The pads plugged in, opened as they arrive and let go as they leave, and their events as key events."""

    def __init__(self, controller: Any = "sdl", start: bool = True):
        """start=False: SDL's pads are read from start() on (the window calls it once its first frame is on
        screen: opening SDL's game controller support and looking for pads takes 3 ms)."""
        self.controller: Any = None
        self.controllers: dict[int, Any] = {}   # instance id -> an open game controller
        self.joysticks: dict[int, Any] = {}     # instance id -> an open joystick with no controller mapping
        self.stick = Stick()
        if start:
            self.start(controller)

    def start(self, controller: Any = "sdl") -> None:
        """Read pads from now on: those plugged in already arrive as SDL's 'device added' events."""
        self.controller = _controller_module() if controller == "sdl" else controller
        try:
            pygame.joystick.init()
        except pygame.error as exc:
            log.info("no joystick support: %s", exc)

    def translate(self, event: pygame.event.Event) -> Optional[list[pygame.event.Event]]:
        """The key events a pad's event stands for ([] for one that moves nothing); None if not a pad's."""
        kind = event.type
        if kind == pygame.CONTROLLERDEVICEADDED:
            self._open_controller(event.device_index)
            return []
        if kind == pygame.CONTROLLERDEVICEREMOVED:
            self._let_go(self.controllers, event.instance_id)
            return []
        if kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            return self._button(event.button, kind == pygame.CONTROLLERBUTTONDOWN)
        if kind == pygame.CONTROLLERAXISMOTION:
            if event.axis not in (pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
                return []
            return self._stick(event.axis == pygame.CONTROLLER_AXIS_LEFTX, event.value / AXIS_MAX)
        if kind == pygame.JOYDEVICEADDED:
            self._open_joystick(event.device_index)
            return []
        if kind == pygame.JOYDEVICEREMOVED:
            self._let_go(self.joysticks, event.instance_id)
            return []
        if kind in (pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP, pygame.JOYHATMOTION, pygame.JOYAXISMOTION):
            if event.instance_id not in self.joysticks:
                return []   # a game controller's own joystick (its buttons come as controller events), or one not ours
            return self._joystick(event)
        return None

    @property
    def holding(self) -> bool:
        """A stick is held on a direction: tick() will repeat it."""
        return self.stick.held is not None

    def tick(self, dt: float) -> list[pygame.event.Event]:
        """The arrow keys a held stick repeats after dt seconds."""
        return [key_event(pygame.KEYDOWN, key) for key in self.stick.tick(dt)]

    # --- inside ---
    def _button(self, button: int, down: bool) -> list[pygame.event.Event]:
        key = BUTTON_KEYS.get(button)
        if key is None:
            return []
        return [key_event(pygame.KEYDOWN if down else pygame.KEYUP, key)]

    def _stick(self, horizontal: bool, value: float) -> list[pygame.event.Event]:
        return [key_event(pygame.KEYDOWN, key) for key in self.stick.move(horizontal, max(-1.0, min(1.0, value)))]

    def _joystick(self, event: pygame.event.Event) -> list[pygame.event.Event]:
        kind = event.type
        if kind in (pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP):
            button = JOY_BUTTONS.get(event.button)
            return [] if button is None else self._button(button, kind == pygame.JOYBUTTONDOWN)
        if kind == pygame.JOYHATMOTION:
            x, y = event.value   # a hat's y is up-positive
            keys = [pygame.K_LEFT] if x < 0 else [pygame.K_RIGHT] if x > 0 else []
            keys += [pygame.K_UP] if y > 0 else [pygame.K_DOWN] if y < 0 else []
            return [key_event(pygame.KEYDOWN, key) for key in keys]
        if event.axis in (0, 1):
            return self._stick(event.axis == 0, float(event.value))
        return []

    def _open_controller(self, index: int) -> None:
        if self.controller is None:
            return
        try:
            pad = self.controller.Controller(index)
        except pygame.error as exc:
            log.warning("cannot open the game controller %d: %s", index, exc)
            return
        self.controllers[pad.as_joystick().get_instance_id()] = pad

    def _open_joystick(self, index: int) -> None:
        if self.controller is not None:
            try:
                if self.controller.is_controller(index):
                    return   # opened as a controller when its CONTROLLERDEVICEADDED comes
            except pygame.error:
                pass
        try:
            stick = pygame.joystick.Joystick(index)
        except pygame.error as exc:
            log.warning("cannot open the joystick %d: %s", index, exc)
            return
        self.joysticks[stick.get_instance_id()] = stick

    def _let_go(self, pads: dict[int, Any], instance: int) -> None:
        pad = pads.pop(instance, None)
        if pad is not None:
            try:
                pad.quit()
            except pygame.error:
                pass
        self.stick = Stick()   # a stick unplugged while held must not repeat for ever
