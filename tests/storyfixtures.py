"""A small story used by the unit tests: a manifest, some assets, and helpers to load scenes against them."""
from __future__ import annotations

MANIFEST = """\
title: Test Story
characters:
  sophie: {name: Sophie, color: "#aabbcc", sprites: sophie}
  marco: {name: Marco}
meters:
  trust: {label: Trust, min: 0, max: 5, start: 1}
  danger: {min: 0, max: 3, start: 0, visible: false}
routes:
  main: {title: Main, blurb: A test., start: a}
endings:
  good: {title: Good, route: main, when: trust >= 3, priority: 5}
  plain: {title: Plain, route: main}
"""

ASSETS = (
    "backgrounds/bg.png", "backgrounds/night.jpg",
    "characters/sophie/neutral.png", "characters/sophie/happy.png",
    "music/theme.ogg", "ambience/wind.ogg", "sounds/knock.wav",
)
