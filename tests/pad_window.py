"""`python main.py ARGS` with an SDL virtual game controller that this script plugs in, presses and pulls out as
told on its standard input, one command a line (`plug`, `press BUTTON`, `unplug`), answering `done COMMAND` on
its standard output: the real-window gamepad test's game. SDL's virtual joystick is reached through ctypes, in the
SDL library pygame-ce itself loaded."""
from __future__ import annotations

import ctypes
import glob
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.cli import main  # noqa: E402

GAMECONTROLLER = 1          # SDL_JOYSTICK_TYPE_GAMECONTROLLER: SDL maps its buttons as a standard pad
AXES, BUTTONS, HATS = 6, 15, 0


def sdl_library() -> ctypes.CDLL:
    bundled = glob.glob(os.path.join(os.path.dirname(pygame.__file__), "..", "pygame_ce.libs", "libSDL2-*"))
    sdl = ctypes.CDLL(bundled[0] if bundled else "libSDL2-2.0.so.0")
    sdl.SDL_JoystickOpen.restype = ctypes.c_void_p
    sdl.SDL_JoystickOpen.argtypes = [ctypes.c_int]
    for name in ("SDL_JoystickSetVirtualButton", "SDL_JoystickGetButton"):
        getattr(sdl, name).argtypes = [ctypes.c_void_p, ctypes.c_int] + ([ctypes.c_uint8] if "Set" in name else [])
    sdl.SDL_JoystickClose.argtypes = [ctypes.c_void_p]
    sdl.SDL_GetError.restype = ctypes.c_char_p
    sdl.SDL_JoystickInstanceID.argtypes = [ctypes.c_void_p]
    sdl.SDL_GameControllerFromInstanceID.restype = ctypes.c_void_p
    return sdl


def until(condition, seconds: float = 20.0) -> bool:
    """Wait for the game's loop to do something (see the pad's state change); False if it never did."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def obey(sdl: ctypes.CDLL) -> None:
    index, pad = -1, None
    for line in sys.stdin:
        word, *rest = line.split()
        answer = "done"
        if word == "plug":
            index = sdl.SDL_JoystickAttachVirtual(GAMECONTROLLER, AXES, BUTTONS, HATS)
            if index < 0:
                print("unavailable", sdl.SDL_GetError().decode(errors="replace"), flush=True)
                continue
            pad = sdl.SDL_JoystickOpen(index)
            # plugged in once the game has opened it as a game controller (gamepad.py, on CONTROLLERDEVICEADDED)
            instance = sdl.SDL_JoystickInstanceID(pad)
            if not until(lambda: sdl.SDL_GameControllerFromInstanceID(instance)):
                answer = "never opened by the game:"
        elif word == "press":
            button = int(rest[0])
            # The game's loop reads the pad when it pumps events; the release waits until it has seen the press.
            sdl.SDL_JoystickSetVirtualButton(pad, button, 1)
            pressed = until(lambda: sdl.SDL_JoystickGetButton(pad, button) == 1)
            sdl.SDL_JoystickSetVirtualButton(pad, button, 0)
            if not (pressed and until(lambda: sdl.SDL_JoystickGetButton(pad, button) == 0)):
                answer = "never read by the game:"
        elif word == "unplug":
            sdl.SDL_JoystickClose(pad)
            sdl.SDL_JoystickDetachVirtual(index)
        print(answer, word, flush=True)


if __name__ == "__main__":
    threading.Thread(target=obey, args=(sdl_library(),), daemon=True).start()
    sys.exit(main(sys.argv[1:]))
