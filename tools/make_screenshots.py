"""Renders the README's screenshots with the game's own `shot` command, into docs/screenshots/ as JPEG.

Each picture is a moment of a playthrough written as data under tests/playthroughs/ (its choices), so the
pictures follow the story when it changes. Run: `python tools/make_screenshots.py` (about half a minute).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"

# name: (the screen, or a playthrough file and the line to show; None: where its choices run out)
SHOTS = {
    "title": ("screen", "title"),
    "routes": ("screen", "routes"),
    "vineyard-terrace": ("vineyard_everything", 27),
    "provence-dinner": ("provence_peace", 15),
    "paris-menu": ("paris_together", None, 2),   # the third value: how many of its choices to make
    "vineyard-stars": ("vineyard_everything", 130),
    "seine-bench": ("paris_together", 172),
    "ending": ("provence_peace", None),
}


def command(spec: tuple) -> list[str]:
    if spec[0] == "screen":
        return ["--screen", spec[1]]
    plan = yaml.safe_load((ROOT / "tests" / "playthroughs" / f"{spec[0]}.yaml").read_text(encoding="utf-8"))
    choices = plan["choose"][:spec[2]] if len(spec) > 2 else plan["choose"]
    args = ["--route", plan["route"], "--choose", ",".join(map(str, choices))]
    return args + (["--line", str(spec[1])] if spec[1] is not None else [])


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, spec in SHOTS.items():
            png = Path(scratch) / f"{name}.png"
            done = subprocess.run([sys.executable, "-m", "game", "shot", *command(spec), "--out", str(png)],
                                  cwd=ROOT, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{name}: {done.stderr.strip()}", file=sys.stderr)
                return 1
            pygame.image.save(pygame.image.load(str(png)), str(OUT / f"{name}.jpg"))
            print(f"wrote {OUT / name}.jpg: {done.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
