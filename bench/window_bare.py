"""The bare pygame-ce programs the window benchmark compares the game with: nothing but pygame, run the same way.

    python bench/window_bare.py start                  # import pygame, open a 1280x720 window, draw once, exit
    python bench/window_bare.py idle                   # that window, then poll events and sleep 1/30 s until closed
    python bench/window_bare.py idle MUSIC AMBIENCE    # the same, with two sound files looping on the mixer
    python bench/window_bare.py present                # prints what flip() and update(rect) cost, plain and SCALED
    python bench/window_bare.py load RATE FILE...      # prints the median ms of loading each sound at that mixer rate

It imports nothing from the game (nor from the rest of the benchmark), so its start-up is pygame's own floor.
"""
import time

STARTED = time.monotonic_ns()

import os  # noqa: E402
import sys  # noqa: E402

import pygame  # noqa: E402

SIZE = (1280, 720)
MIXER_SETTINGS = (22050, -16, 2, 512)  # as the game opens it (game/ui/audio.py)


def present(runs=200):
    """Median ms of display.flip() and of display.update() of one 32x32 rect, in a plain window and in a
    SCALED | RESIZABLE one (as the game opens it: SDL's renderer draws the canvas to the window)."""
    import statistics
    import warnings
    out = {}
    for name, flags in (("plain", 0), ("scaled", pygame.SCALED | pygame.RESIZABLE)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            screen = pygame.display.set_mode(SIZE, flags)
        screen.fill((18, 20, 34))
        pygame.display.flip()
        rect = pygame.Rect(100, 100, 32, 32)
        for label, show in (("flip_ms", pygame.display.flip), ("rect_ms", lambda: pygame.display.update([rect]))):
            times = []
            for i in range(runs):
                screen.fill((i % 256, 40, 60), rect)
                start = time.perf_counter_ns()
                show()
                times.append(time.perf_counter_ns() - start)
                pygame.event.pump()
            out.setdefault(name, {})[label] = statistics.median(times) / 1e6
    print(out)
    return 0


def load(rate, files, runs=5):
    """Median ms of pygame.mixer.Sound(file) with the mixer open at `rate` (stereo, 16-bit): a music change
    whose track was not loaded before."""
    import statistics
    pygame.mixer.init(int(rate), -16, 2, 512)
    out = {}
    for path in files:
        times = []
        for _ in range(runs):
            start = time.perf_counter_ns()
            pygame.mixer.Sound(path)
            times.append(time.perf_counter_ns() - start)
        out[os.path.basename(path)] = statistics.median(times) / 1e6
    print(out)
    return 0


def main(argv):
    mode, sounds = argv[0], argv[1:]
    if mode == "load":
        return load(sounds[0], sounds[1:])
    if mode == "present":
        pygame.display.init()
        return present()
    pygame.display.init()
    pygame.display.set_caption("bare pygame-ce")
    screen = pygame.display.set_mode(SIZE)
    screen.fill((18, 20, 34))
    pygame.display.flip()
    if mode == "start":
        flipped = time.monotonic_ns()
        pygame.display.quit()
        marks = os.environ.get("UTSS_BENCH_MARKS")  # for the benchmark's stages: the same clock in every process
        if marks:
            with open(marks, "w") as out:
                out.write(f'[["script started", {STARTED}], ["first frame on screen", {flipped}], '
                          f'["exit began", {time.monotonic_ns()}]]')
        return 0
    if sounds:
        pygame.mixer.init(*MIXER_SETTINGS)
        for channel, path in enumerate(sounds):
            pygame.mixer.Channel(channel).play(pygame.mixer.Sound(path), loops=-1)
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                return 0
        time.sleep(1 / 30)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
