"""The gamepad, from synthetic SDL controller events in a headless game: a whole route played with the pad alone,
menus navigated, RB held skips, and pads plugged in and out."""
from __future__ import annotations

import pygame
import pytest

from game.ui.gamepad import AXIS_MAX, REPEAT_DELAY, REPEAT_EVERY, Gamepads
from game.ui.screens.ending import EndingScreen
from game.ui.screens.menus import GameMenu
from game.ui.screens.play import PlayScreen
from game.ui.screens.routes import RouteSelect
from game.ui.screens.title import TitleScreen
from ui_helpers import feed, make_app, plan, settle

C = pygame


def press(button: int, pad: int = 0) -> list[pygame.event.Event]:
    return [pygame.event.Event(C.CONTROLLERBUTTONDOWN, button=button, instance_id=pad),
            pygame.event.Event(C.CONTROLLERBUTTONUP, button=button, instance_id=pad)]


def hold(button: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(C.CONTROLLERBUTTONDOWN if down else C.CONTROLLERBUTTONUP, button=button, instance_id=0)


def stick(axis: int, amount: float) -> pygame.event.Event:
    return pygame.event.Event(C.CONTROLLERAXISMOTION, axis=axis, value=int(amount * AXIS_MAX), instance_id=0)


A, B, Y = C.CONTROLLER_BUTTON_A, C.CONTROLLER_BUTTON_B, C.CONTROLLER_BUTTON_Y
DOWN, UP, LEFT = C.CONTROLLER_BUTTON_DPAD_DOWN, C.CONTROLLER_BUTTON_DPAD_UP, C.CONTROLLER_BUTTON_DPAD_LEFT
LB, RB, START = C.CONTROLLER_BUTTON_LEFTSHOULDER, C.CONTROLLER_BUTTON_RIGHTSHOULDER, C.CONTROLLER_BUTTON_START
LEFTY = C.CONTROLLER_AXIS_LEFTY


@pytest.fixture
def app():
    app = make_app()
    pygame.event.clear()   # what earlier tests left in the queue is not this game's
    app.stack = [TitleScreen(app)]
    app.stack[0].on_enter()
    feed(app)
    yield app
    app.audio.close()


def to_first_line(app) -> PlayScreen:
    feed(app, press(A))          # New game
    assert isinstance(app.stack[-1], RouteSelect)
    feed(app, press(A))          # the first route
    settle(app)
    assert isinstance(app.stack[-1], PlayScreen)
    return app.stack[-1]


def test_a_whole_route_with_the_pad_alone_then_back_to_the_title(app) -> None:
    everything = plan("vineyard_everything")
    choices = list(everything["choose"])
    for _ in range(600):
        top = app.stack[-1]
        if isinstance(top, EndingScreen):
            break
        settle(app, 2.0)
        if isinstance(top, PlayScreen) and top.menu is not None:
            wanted = choices.pop(0) - 1
            while top.menu.focus != wanted:   # the d-pad down from the focused option, as far as wanted
                feed(app, press(DOWN))
            feed(app, press(A))
        else:
            feed(app, press(A))
    ending = app.stack[-1]
    assert isinstance(ending, EndingScreen) and ending.ending.ending == everything["ending"]
    assert choices == [] and "vineyard.everything" in app.records.endings
    settle(app, 2.0)
    feed(app, press(A))
    assert isinstance(app.stack[-1], TitleScreen)


def test_start_and_b_open_the_game_menu_the_d_pad_moves_its_focus_and_b_closes_it(app) -> None:
    play = to_first_line(app)
    feed(app, press(START))
    menu = app.stack[-1]
    assert isinstance(menu, GameMenu) and menu.buttons.focus == 0
    feed(app, press(DOWN), press(DOWN))
    assert menu.buttons.focus == 2
    feed(app, press(UP))
    assert menu.buttons.focus == 1
    feed(app, press(B))
    assert app.stack == [play]
    feed(app, press(B))
    assert isinstance(app.stack[-1], GameMenu)
    feed(app, press(B))
    assert app.stack == [play]


def test_the_stick_moves_the_focus_past_its_dead_zone_and_repeats_while_held(app) -> None:
    title = app.stack[-1]
    enabled = [i for i, b in enumerate(title.buttons.buttons) if b.enabled]
    feed(app, stick(LEFTY, 0.3))                 # inside the dead zone: nothing
    assert title.buttons.focus == enabled[0]
    feed(app, stick(LEFTY, 0.9))                 # pushed down: one step
    assert title.buttons.focus == enabled[1]
    feed(app, stick(LEFTY, 1.0))                 # further down the same way: still the one step
    assert title.buttons.focus == enabled[1]
    app.step(REPEAT_DELAY - 0.01)                # held, not yet long enough to repeat
    assert title.buttons.focus == enabled[1]
    app.step(0.02)                               # the first repeat
    assert title.buttons.focus == enabled[2]
    app.step(REPEAT_EVERY)                       # and then one each REPEAT_EVERY
    assert title.buttons.focus == enabled[3]
    feed(app, stick(LEFTY, 0.0))                 # let go: no more
    app.step(5.0)
    assert title.buttons.focus == enabled[3]
    feed(app, stick(LEFTY, -0.8))                # pushed up: one step back
    assert title.buttons.focus == enabled[2]


def test_rb_held_skips_and_its_release_stops(app) -> None:
    app.settings.skip_unseen = True
    play = to_first_line(app)
    first = play.runner.checkpoint.pc
    feed(app, hold(RB))
    assert play.pace.skipping
    for _ in range(20):
        app.step(0.05)
    assert play.runner.checkpoint.pc != first
    feed(app, hold(RB, down=False))
    assert not play.pace.skipping
    here = play.runner.checkpoint.pc
    for _ in range(20):
        app.step(0.05)
    assert play.runner.checkpoint.pc == here


def test_y_hides_the_interface_and_lb_rolls_back(app) -> None:
    play = to_first_line(app)
    feed(app, press(Y))
    assert play.hidden
    feed(app, press(Y))
    assert not play.hidden
    first = play.line.id
    feed(app, press(A))
    settle(app, 1.0)
    feed(app, press(A))
    settle(app, 1.0)
    assert play.line.id != first
    feed(app, press(LB))
    feed(app, press(LB))
    assert play.line.id == first


def test_a_pad_plugged_in_and_out_while_playing(app) -> None:
    class Pad:
        def __init__(self, index):
            self.index, self.closed = index, False

        def as_joystick(self):
            return type("Joystick", (), {"get_instance_id": lambda _: 40 + self.index})()

        def quit(self):
            self.closed = True

    class Controllers:
        Controller = Pad

        @staticmethod
        def is_controller(index):
            return True

    app.pads = Gamepads(controller=Controllers)
    play = to_first_line(app)
    feed(app, pygame.event.Event(C.CONTROLLERDEVICEADDED, device_index=2))
    pad = app.pads.controllers[42]
    assert pad.index == 2
    feed(app, stick(LEFTY, 1.0))                 # held down as it is pulled out
    feed(app, pygame.event.Event(C.CONTROLLERDEVICEREMOVED, instance_id=42))
    assert pad.closed and app.pads.controllers == {}
    feed(app, pygame.event.Event(C.CONTROLLERDEVICEREMOVED, instance_id=42))   # twice: nothing more
    assert app.pads.stick.held is None           # an unplugged stick repeats nothing
    feed(app, pygame.event.Event(C.CONTROLLERDEVICEADDED, device_index=0))
    feed(app, press(START, pad=40))
    assert isinstance(app.stack[-1], GameMenu) and app.stack[0] is play


def test_a_pad_sdl_cannot_open_is_passed_over(app) -> None:
    feed(app, pygame.event.Event(C.CONTROLLERDEVICEADDED, device_index=99))   # no such device here
    feed(app, pygame.event.Event(C.JOYDEVICEADDED, device_index=99))
    assert app.pads.controllers == {} and app.pads.joysticks == {}
    feed(app, press(A))
    assert isinstance(app.stack[-1], RouteSelect)


def joy(kind: int, **what) -> pygame.event.Event:
    return pygame.event.Event(kind, instance_id=what.pop("instance_id", 7), **what)


def test_a_joystick_without_a_controller_mapping_uses_the_xbox_layout() -> None:
    pads = Gamepads(controller=None)
    pads.joysticks[7] = object()           # as _open_joystick keeps one SDL has no controller mapping for
    keys = [e.key for e in pads.translate(joy(C.JOYBUTTONDOWN, button=0))]
    assert keys == [C.K_RETURN]
    assert [e.key for e in pads.translate(joy(C.JOYBUTTONDOWN, button=7))] == [C.K_ESCAPE]
    assert [(e.type, e.key) for e in pads.translate(joy(C.JOYBUTTONUP, button=5))] == [(C.KEYUP, C.K_LCTRL)]
    assert [e.key for e in pads.translate(joy(C.JOYHATMOTION, hat=0, value=(0, 1)))] == [C.K_UP]
    assert [e.key for e in pads.translate(joy(C.JOYHATMOTION, hat=0, value=(-1, 0)))] == [C.K_LEFT]
    assert pads.translate(joy(C.JOYHATMOTION, hat=0, value=(0, 0))) == []
    assert [e.key for e in pads.translate(joy(C.JOYAXISMOTION, axis=1, value=0.9))] == [C.K_DOWN]
    assert pads.translate(joy(C.JOYAXISMOTION, axis=3, value=0.9)) == []   # the right stick moves nothing
    assert pads.translate(pygame.event.Event(C.KEYDOWN, key=C.K_a, mod=0)) is None


def test_a_game_controllers_own_joystick_events_are_not_read_twice() -> None:
    pads = Gamepads(controller=None)
    pads.controllers[3] = object()
    pads.joysticks[7] = object()
    assert pads.translate(joy(C.JOYBUTTONDOWN, button=0, instance_id=3)) == []
    assert pads.translate(joy(C.JOYBUTTONDOWN, button=0, instance_id=5)) == []   # a joystick not opened here
    assert pads.translate(joy(C.JOYBUTTONDOWN, button=0, instance_id=7)) != []
    assert [e.key for e in pads.translate(pygame.event.Event(C.CONTROLLERBUTTONDOWN, button=A, instance_id=3))] \
        == [C.K_RETURN]
