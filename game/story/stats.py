"""Counts words, lines and menus: in all, per route and per character."""
from __future__ import annotations

from typing import Any

from .loader import scene_graph
from .model import MenuOp, SayOp, Scene, Story


def _count(scenes: list[Scene]) -> dict[str, int]:
    words = lines = menus = options = 0
    for scene in scenes:
        for op in scene.ops:
            if isinstance(op, SayOp):
                lines += 1
                words += len(op.text.split())
            elif isinstance(op, MenuOp):
                menus += 1
                options += len(op.options)
    return {"words": words, "lines": lines, "menus": menus, "choices": options}


def story_stats(story: Story) -> dict[str, Any]:
    total = _count(list(story.scenes.values()))
    routes = {}
    for route in story.routes.values():
        counted = _count([story.scenes[s] for s in scene_graph(story, route.start)])
        routes[route.id] = {k: counted[k] for k in ("words", "lines", "menus")}
    characters = {cid: {"words": 0, "lines": 0} for cid in story.characters}
    for scene in story.scenes.values():
        for op in scene.ops:
            if isinstance(op, SayOp) and op.speaker:
                characters[op.speaker]["lines"] += 1
                characters[op.speaker]["words"] += len(op.text.split())
    return {"words": total["words"], "lines": total["lines"], "menus": total["menus"],
            "choices": total["choices"], "scenes": len(story.scenes), "endings": len(story.endings),
            "routes": routes, "characters": characters}
