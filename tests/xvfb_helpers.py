"""A real X display for end-to-end tests: Xvfb on a free display, xdotool input, screenshots as pygame surfaces."""
from __future__ import annotations

import io
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Optional

import pygame

TOOLS = {"Xvfb": "Xvfb (apt package xvfb)", "xdotool": "xdotool (apt package xdotool)",
         "import": "ImageMagick's import (apt package imagemagick)"}


def missing_tools() -> list[str]:
    """The X tools these tests need that are not on PATH, described so a reader knows what to install."""
    return [what for command, what in TOOLS.items() if shutil.which(command) is None]


def _display_taken(number: int) -> bool:
    return Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()


def _read_ready(fd: int, server: subprocess.Popen, log: IO[bytes], timeout: float) -> tuple[str, str]:
    """The line Xvfb writes on -displayfd once it accepts connections, or '' and why not.

    Xvfb writes the number and the newline separately, and treats a closed pipe before the newline as a
    fatal error: read up to the newline before closing. After a fatal error (the display is taken) this
    Xvfb may hang rather than exit, so its log is watched as well as the pipe.
    """
    deadline = time.monotonic() + timeout
    answer = b""
    while not answer.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                return "", "it exited"
            answer += chunk
            continue
        log.seek(0)
        if b"Fatal server error" in log.read() or server.poll() is not None:
            return "", "it stopped with an error"
        if time.monotonic() > deadline:
            return "", f"it did not answer within {timeout:.0f} s"
    return answer.decode().strip(), ""


def start_xvfb(size: str = "1280x720x24", first: int = 90, attempts: int = 40,
               timeout: float = 10.0) -> tuple[subprocess.Popen, int]:
    """Start Xvfb on the first free display from :first; returns the process once it accepts connections.

    Another test run may take a display between the check for its lock and socket and Xvfb's own: that
    Xvfb then fails, and the next number is tried.
    """
    said = ""
    for number in range(first, first + attempts):
        if _display_taken(number):
            continue
        read_end, write_end = os.pipe()
        with tempfile.TemporaryFile() as log:
            server = subprocess.Popen(["Xvfb", f":{number}", "-displayfd", str(write_end), "-screen", "0", size,
                                       "-nolisten", "tcp"], pass_fds=(write_end,),
                                      stdout=subprocess.DEVNULL, stderr=log)
            os.close(write_end)
            try:
                answer, why = _read_ready(read_end, server, log, timeout)
            finally:
                os.close(read_end)
            if answer == str(number):
                return server, number
            stop(server)
            log.seek(0)
            said = log.read().decode(errors="replace").strip()
        if why.startswith("it did not answer"):
            raise RuntimeError(f"Xvfb :{number}: {why}: {said[-500:]}")
    raise RuntimeError(f"no free X display in :{first}..:{first + attempts - 1}; Xvfb last said: {said[-500:]}")


def stop(process: Optional[subprocess.Popen], grace: float = 3.0) -> None:
    """Terminate a process we started, and kill it if it does not go."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(grace)


@dataclass(frozen=True)
class Window:
    id: str
    rect: pygame.Rect   # on the root window


class XDisplay:
    """One X display: run xdotool on it and take screenshots of it."""

    def __init__(self, number: int):
        self.number = number
        self.env = dict(os.environ, DISPLAY=f":{number}")

    def xdotool(self, *args: str, timeout: float = 10.0) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def wait_until_answering(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            done = subprocess.run(["xdotool", "getmouselocation"], env=self.env, capture_output=True,
                                  timeout=timeout)
            if done.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"display :{self.number} does not answer xdotool after {timeout:.0f} s")
            time.sleep(0.05)

    def find_window(self, wm_class: str, dead: Callable[[], Optional[str]], timeout: float = 15.0) -> Window:
        """`xdotool search --sync` for a visible window of this class; gives up when `dead()` gives a reason."""
        search = subprocess.Popen(["xdotool", "search", "--sync", "--onlyvisible", "--class", wm_class],
                                  env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + timeout
        try:
            while search.poll() is None:
                reason = dead()
                if reason:
                    raise AssertionError(f"no window of class {wm_class!r}: {reason}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"no visible window of class {wm_class!r} after {timeout:.0f} s")
                time.sleep(0.05)
            window_id = search.communicate()[0].split()[0]
        finally:
            stop(search)
            search.stdout.close()
        geometry = dict(line.split("=", 1) for line in
                        self.xdotool("getwindowgeometry", "--shell", window_id).split())
        rect = pygame.Rect(int(geometry["X"]), int(geometry["Y"]), int(geometry["WIDTH"]), int(geometry["HEIGHT"]))
        return Window(window_id, rect)

    def screenshot(self) -> pygame.Surface:
        """The whole root window; PNG without compression, as compressing costs ten times the capture."""
        done = subprocess.run(["import", "-window", "root", "-quality", "1", "png:-"], env=self.env,
                              capture_output=True, timeout=15)
        if done.returncode != 0:
            raise AssertionError(f"import failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
        return pygame.image.load(io.BytesIO(done.stdout), "root.png")


# --- reading pixels ---

def changed_pixels(a: pygame.Surface, b: pygame.Surface, tolerance: int = 12) -> int:
    """How many pixels of two same-sized pictures differ by more than `tolerance` in some channel."""
    limit = tolerance + 1  # from_threshold keeps differences strictly below its threshold
    same = pygame.mask.from_threshold(a, (0, 0, 0, 0), (limit, limit, limit, 255), b)
    return a.get_width() * a.get_height() - same.count()


def share_of(picture: pygame.Surface, colour: tuple[int, int, int], tolerance: int = 1) -> float:
    """The share of a picture's pixels that are `colour` (to within `tolerance` per channel)."""
    hits = pygame.mask.from_threshold(picture, colour, (tolerance + 1, tolerance + 1, tolerance + 1, 255)).count()
    return hits / (picture.get_width() * picture.get_height())


def _runs(hits: list[bool], offset: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for i, hit in enumerate(hits + [False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append((offset + start, offset + i - 1))
            start = None
    return runs


def runs_in_column(picture: pygame.Surface, x: int, colours: tuple[tuple[int, int, int], ...],
                   top: int, bottom: int) -> list[tuple[int, int]]:
    """The (first, last) y of each unbroken run of pixels in column x, from top to bottom, that have one of
    `colours`."""
    return _runs([tuple(picture.get_at((x, y)))[:3] in colours for y in range(top, bottom)], top)


def runs_in_row(picture: pygame.Surface, y: int, colours: tuple[tuple[int, int, int], ...],
                left: int, right: int) -> list[tuple[int, int]]:
    """The (first, last) x of each unbroken run of pixels in row y, from left to right, that have one of
    `colours`."""
    return _runs([tuple(picture.get_at((x, y)))[:3] in colours for x in range(left, right)], left)


def poll(take: Callable[[], pygame.Surface], condition: Callable[[pygame.Surface], bool],
         timeout: float) -> Optional[pygame.Surface]:
    """Take pictures until one meets `condition` (returned), or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        picture = take()
        if condition(picture):
            return picture
        if time.monotonic() > deadline:
            return None
        time.sleep(0.03)


def wait_for(take: Callable[[], pygame.Surface], condition: Callable[[pygame.Surface], bool], what: str,
             timeout: float = 10.0, dead: Callable[[], Optional[str]] = lambda: None,
             keep: Optional[Path] = None) -> pygame.Surface:
    """Take pictures until one meets `condition`; fail after `timeout` seconds (keeping the last picture in
    `keep`), or as soon as `dead()` gives a reason to stop waiting."""
    deadline = time.monotonic() + timeout
    while True:
        picture = take()
        if condition(picture):
            return picture
        reason = dead()
        if reason or time.monotonic() > deadline:
            kept = ""
            if keep is not None:
                pygame.image.save(picture, str(keep))
                kept = f" (last picture: {keep})"
            raise AssertionError(f"waiting for {what}{kept}: {reason or f'not seen after {timeout:.0f} s'}")
        time.sleep(0.03)
