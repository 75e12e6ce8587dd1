"""The story as a language shows it: the same model with each translated text put in place of its source.

Translations come as a mapping from a unit's context (game/story/units.py) to the source text it was made for and
its text; a unit the mapping lacks, maps to an empty text, or whose source has changed since keeps its source, so
a player never meets a blank or a translation of words no longer there. Ids, conditions and the story's
shape stay as they are, so saves, seen lines and history, which hold ids, do not depend on the language.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from .model import MenuOp, SayOp, Scene, Story


def translated(story: Story, texts: Mapping[str, tuple[str, str]]) -> Story:
    """The story with `texts` (context -> (source, translation)) in place of the source; the story itself if none."""
    if not texts:
        return story

    def pick(context: str, source: str) -> str:
        made_for, text = texts.get(context, (source, ""))
        return text if text and made_for == source else source

    scenes = {sid: Scene(scene.id, tuple(_op(op, pick) for op in scene.ops), scene.where)
              for sid, scene in story.scenes.items()}
    return replace(
        story,
        title=pick("story/title", story.title),
        tagline=pick("story/tagline", story.tagline) if story.tagline else "",
        characters={k: replace(c, name=pick(f"character:{k}/name", c.name)) for k, c in story.characters.items()},
        meters={k: replace(m, label=pick(f"meter:{k}/label", m.label)) for k, m in story.meters.items()},
        routes={k: replace(r, title=pick(f"route:{k}/title", r.title),
                           blurb=pick(f"route:{k}/blurb", r.blurb) if r.blurb else r.blurb)
                for k, r in story.routes.items()},
        endings={k: replace(e, title=pick(f"ending:{k}/title", e.title),
                            epilogue=pick(f"ending:{k}/text", e.epilogue) if e.epilogue else e.epilogue)
                 for k, e in story.endings.items()},
        scenes=scenes,
        assets=dict(story.assets),
    )


def _op(op, pick):
    if isinstance(op, SayOp):
        return replace(op, text=pick(op.line_id, op.text))
    if isinstance(op, MenuOp):
        from .units import option_context   # here: the title, in the story's own language, translates nothing
        options = []
        for number, option in enumerate(op.options, 1):
            context = option_context(op.menu_id, number)
            hint = pick(f"{context}/hint", option.hint) if option.hint else option.hint
            options.append(replace(option, text=pick(context, option.text), hint=hint))
        return replace(op, options=tuple(options))
    return op
