"""The story runtime stands alone: importing and playing it loads no pygame."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_story_runtime_imports_no_pygame() -> None:
    code = ("import sys, game.story, game.story.explore, game.story.stats, game.story.playthrough, game.cli\n"
            "from game.story import load_story, Runner\n"
            "from game.story.playthrough import play\n"
            "s = load_story(); play(s, Runner.new(s, 'vineyard'), [1, 1, 1])\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'pytmx'))\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
