"""A small story pack for the translation tests: a manifest, one scene with a menu, and a French line or two."""
from __future__ import annotations

from pathlib import Path

MANIFEST = """\
title: Small Hours
characters:
  ana: {name: Ana, color: "#aabbcc"}
meters:
  trust: {label: Trust, min: 0, max: 5, start: 1}
routes:
  night: {title: The Night, blurb: One night., start: night.cafe}
endings:
  night.dawn: {title: Dawn, route: night, epilogue: The sun came up.}
"""

CAFE = """\
steps:
  - The café was empty.
  - ana: Still open?
  - choice:
      - text: Say yes.
        effects: {trust: +1}
      - text: Say no.
        requires: trust >= 3
        hint: She would not believe it.
  - ending: night.dawn
"""


def make_pack(root: Path, cafe: str = CAFE) -> Path:
    (root / "scenes" / "night").mkdir(parents=True, exist_ok=True)
    (root / "scenes" / "story.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "scenes" / "night" / "cafe.yaml").write_text(cafe, encoding="utf-8")
    return root
