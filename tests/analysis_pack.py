"""A small story pack whose analysis is known by hand: tests/test_analysis.py checks each figure against it."""
from __future__ import annotations

MANIFEST = """\
title: Analysis Test
characters: {}
meters:
  trust: {label: Trust, min: 0, max: 5, start: 1}
  danger: {label: Danger, min: 0, max: 3, start: 0, higher: worse}
  spare: {label: Spare, min: 0, max: 9, start: 4}
routes:
  main: {title: Main, blurb: A test., start: a}
  second: {title: Second, blurb: Another., start: s}
  coda: {title: Coda, blurb: After main., start: coda, after: [main]}
endings:
  found: {title: Found, route: main, when: danger >= 2, priority: 30}
  good: {title: Good, route: main, when: trust >= 3, priority: 20}
  plain: {title: Plain, route: main}
  s_good: {title: Second good, route: second, when: trust >= 2, priority: 10}
  s_plain: {title: Second plain, route: second}
  warm: {title: Warm, route: coda, when: trust >= 4}
  cold: {title: Cold, route: coda}
"""

SCENES = {
    "a.yaml": """\
steps:
  - Start.
  - choice:
      - text: Be kind.
        tags: truth
        effects: {trust: +1}
        goto: b
      - text: Be cold.
        tags: lie
        effects: {trust: -1, danger: +1}
        goto: b
""",
    "b.yaml": """\
steps:
  - Middle.
  - choice:
      - text: Nod.
        effects: {noted: true}
        goto: c
      - text: Smile.
        goto: c
      - text: Be kind again.
        tags: truth
        effects: {trust: +2}
        goto: c
""",
    "c.yaml": """\
steps:
  - if: trust >= 5
    then:
      - A line nobody sees.
  - The end draws near.
  - ending: best
""",
    "s.yaml": """\
steps:
  - Second start.
  - choice:
      - text: Tell the truth.
        tags: truth
        effects: {trust: +2}
        goto: s_end
      - text: Lie.
        tags: lie
        goto: s_end
""",
    "coda.yaml": """\
steps:
  - A while later.
  - if: ended(good)
    then:
      - effects: {trust: +3}
  - goto: coda_end
""",
    "coda_end.yaml": """\
steps:
  - Then.
  - ending: best
""",
    "s_end.yaml": """\
steps:
  - It is over.
  - ending: best
""",
}
