"""Prepares what the story will need next while the player reads: decoding off the frame that shows it.

A job is a key, a load (run on the worker: no display calls, only files, pixels and samples) and an adopt
(run on the main thread, at the next step, to put the result in its cache). In a window the loads run on one
worker thread: pygame's decoders and blits release the interpreter lock, so they run beside the main loop on
a second core, and the loop's frames only wait for a lock held a few milliseconds at most. Headless (tests,
screenshots) nothing runs until run_pending() is called, so a test decides when prefetch "had time".
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Optional

log = logging.getLogger(__name__)
HOLD_MAX = 0.5   # seconds new loads wait for an animation to end before starting all the same


@dataclass(frozen=True)
class Job:
    """Something to load on the worker (load) and hand to the game on its thread (adopt)."""
    key: Hashable
    load: Callable[[], Any]
    adopt: Callable[[Any], None]


class Prefetcher:
    def __init__(self, threaded: bool, on_done: Optional[Callable[[], None]] = None):
        """on_done: called on the worker after each load it finishes (the window posts an event, so a main loop
        sleeping between polls learns of it with the events, not by asking at every poll)."""
        self._on_done = on_done
        self._cond = threading.Condition()
        self._wanted: list[Job] = []
        self._running: Optional[Job] = None
        self._done: list[tuple[Job, Any]] = []
        self._closed = False
        self._held_since: Optional[float] = None
        self._framing = False   # the main thread is making a frame (see frame())
        self.loaded = 0    # jobs finished, over the prefetcher's life
        self._thread: Optional[threading.Thread] = None
        if threaded:
            self._thread = threading.Thread(target=self._work, name="prefetch", daemon=True)
            self._thread.start()

    # --- the main thread ---
    def want(self, jobs: list[Job]) -> None:
        """What to prepare now, nearest first: it replaces the wishes not yet started."""
        with self._cond:
            running = self._running.key if self._running else None
            done = {job.key for job, _ in self._done}
            self._wanted = [job for job in jobs if job.key != running and job.key not in done]
            self._cond.notify_all()

    def add(self, jobs: list[Job]) -> None:
        """More to prepare, after what is already wished for."""
        with self._cond:
            known = {job.key for job in self._wanted} | {job.key for job, _ in self._done}
            if self._running is not None:
                known.add(self._running.key)
            self._wanted += [job for job in jobs if job.key not in known]
            self._cond.notify_all()

    def hold(self, busy: bool) -> None:
        """While the screen animates (a transition, words appearing) no new load starts, for HOLD_MAX seconds
        at most: a decode holds the interpreter lock for up to ~10 ms at a time, and each time the main loop
        gives the lock up (to present a frame, to sleep) it may wait that long to get it back."""
        if busy:
            if self._held_since is None:
                self._held_since = time.monotonic()
        elif self._held_since is not None:
            self._held_since = None
            with self._cond:
                self._cond.notify_all()

    def frame(self, making: bool) -> None:
        """The main thread begins a frame (its events handled, then drawn and presented) or has it on screen.
        No new load starts in between: a wish made by the frame's own events (the next line's look-ahead) would
        otherwise start at once and take the interpreter lock from the rest of that frame."""
        if making:
            self._framing = True
        elif self._framing:
            self._framing = False
            with self._cond:
                self._cond.notify_all()

    def deliver(self) -> int:
        """Adopt what the worker finished; returns how many."""
        if not self._done:
            return 0
        with self._cond:
            done, self._done = self._done, []
        for job, value in done:
            job.adopt(value)
        return len(done)

    def finish(self, key: Hashable, timeout: float = 5.0) -> bool:
        """If that key is being loaded now, wait for it and adopt it; True if it was."""
        with self._cond:
            if self._running is None or self._running.key != key:
                return False
            self._cond.wait_for(lambda: self._running is None or self._running.key != key, timeout)
        self.deliver()
        return True

    def run_pending(self) -> int:
        """Load and adopt everything wished for, here and now (headless: the player had time to read)."""
        count = 0
        while True:
            with self._cond:
                if not self._wanted:
                    break
                job = self._wanted.pop(0)
            self._done.append((job, self._load(job)))
            count += 1
        self.deliver()
        return count

    @property
    def ready(self) -> int:
        """Loads finished and waiting for deliver() (read without the lock: a hint; a threaded prefetcher also
        says each one through on_done)."""
        return len(self._done)

    @property
    def idle(self) -> bool:
        """Nothing wished for, nothing loading, nothing waiting to be adopted."""
        with self._cond:
            return not self._wanted and self._running is None and not self._done

    @property
    def loading(self) -> Optional[Hashable]:
        """The key the worker is loading now, if any."""
        running = self._running
        return running.key if running is not None else None

    def pending(self) -> list[Hashable]:
        with self._cond:
            return [job.key for job in self._wanted]

    def close(self, timeout: float = 2.0) -> None:
        with self._cond:
            self._closed = True
            self._wanted = []
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._done = []

    # --- the worker ---
    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._closed:
                    held = self._held_since
                    waited = 0.0 if held is None else time.monotonic() - held
                    if self._wanted and not self._framing and waited >= HOLD_MAX * (held is not None):
                        break
                    self._cond.wait(HOLD_MAX - waited if self._wanted else None)
                if self._closed:
                    return
                job = self._running = self._wanted.pop(0)
            value = self._load(job)
            with self._cond:
                self._running = None
                closed = self._closed
                if not closed:
                    self._done.append((job, value))
                self._cond.notify_all()
            if not closed and self._on_done is not None:
                self._on_done()

    def _load(self, job: Job) -> Any:
        try:
            value = job.load()
        except Exception as exc:  # noqa: BLE001 - the frame that needs it loads it again and reports the error
            log.debug("prefetch of %s failed: %s", job.key, exc)
            return None
        self.loaded += 1
        return value
