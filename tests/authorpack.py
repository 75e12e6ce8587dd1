"""A small story pack for the author's tools (developer overlay, reload, --at, recording): two scenes, a hidden
meter, a flag, a menu with a hidden option, two endings."""
from __future__ import annotations

MANIFEST = """\
title: Author Pack
characters:
  sophie: {name: Sophie, color: "#aabbcc"}
meters:
  trust: {label: Trust, min: 0, max: 5, start: 1}
  danger: {label: Danger, min: 0, max: 3, start: 0, visible: false}
routes:
  main: {title: Main, blurb: A test., start: a}
endings:
  good: {title: Good, route: main, when: trust >= 3, priority: 5}
  plain: {title: Plain, route: main}
"""

A = """\
background: bg
steps:
  - The lamp was lit.
  - sophie: Hello.
  - choice:
      - text: Be kind.
        effects: {trust: +2, kind: true}
        then:
          - sophie: Thank you.
      - text: Only if in danger.
        if: danger > 0
      - text: Be cold.
        effects: {danger: +1}
        then:
          - sophie: I see.
  - goto: b
"""

B = """\
background: bg
steps:
  - The night went on.
  - sophie: One more thing.
  - choice:
      - text: Stay.
        then:
          - sophie: Good.
      - text: Go.
        effects: {trust: -1}
  - The end came.
  - ending: best
"""

ASSETS = ("backgrounds/bg.png",)


def scenes(a: str = A, b: str = B) -> dict[str, str]:
    return {"a.yaml": a, "b.yaml": b}
