"""Compiles one scene's steps (YAML) into a flat list of ops, checking each step as it goes."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from . import conditions
from .assets import AssetCatalog
from .fields import MAX_DIGITS, TOO_LARGE_HINT, too_large
from .model import (Change, Character, Condition, EffectsOp, EndingOp, EnterOp, FallOffOp, GotoOp, JumpOp,
                    JumpUnlessOp, MenuOp, Meter, Op, OptionSpec, SayOp, Scene, StageOp)
from .problems import Problem, Where, did_you_mean
from .yamlsource import YList, YMap

STEP_WORDS = ("narrate", "show", "hide", "background", "music", "ambience", "sound", "effects",
              "choice", "if", "elif", "else", "goto", "ending")
TRANSITIONS = ("cut", "fade", "dissolve")
OPTION_FIELDS = ("text", "if", "requires", "hint", "effects", "then", "goto", "tags")
FLAG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
CHANGE = re.compile(r"^\s*(=)?\s*([+-]?[0-9]+)\s*$", re.ASCII)
POSITION_ALIASES = {"centre": "center", "middle": "center"}
MAX_OPS = 50_000  # per scene; a real scene compiles to a few hundred


@dataclass
class Refs:
    """What scenes name that can only be checked once every scene is read."""
    gotos: list[tuple[str, Where]] = field(default_factory=list)
    endings: list[tuple[str, Where]] = field(default_factory=list)
    conditions: list[tuple[conditions.Expr, str, Where]] = field(default_factory=list)
    flags_set: dict[str, Where] = field(default_factory=dict)


@dataclass
class SceneContext:
    characters: dict[str, Character]
    meters: dict[str, Meter]
    catalog: AssetCatalog
    problems: list[Problem]
    refs: Refs


class SceneCompiler:
    def __init__(self, scene_id: str, ctx: SceneContext):
        self.scene_id = scene_id
        self.ctx = ctx
        self.ops: list[Op] = []
        self.line_ids: dict[str, int] = {}
        self.menus = 0
        self.full = False  # past MAX_OPS: the rest of the scene is not compiled

    # --- helpers ---
    def problem(self, where: Where, message: str, hint: str = "") -> None:
        self.ctx.problems.append(Problem(where, message, hint))

    def emit(self, op: Op) -> int:
        self.ops.append(op)
        return len(self.ops) - 1

    def patch(self, index: int, target: int) -> None:
        self.ops[index] = replace(self.ops[index], target=target)

    def condition(self, text: Any, where: Where) -> Condition | None:
        try:
            expr = conditions.parse(text)
        except conditions.ConditionError as exc:
            self.problem(where.shifted(exc.offset), f"condition {text!r}: {exc.message}", exc.hint)
            return None
        self.ctx.refs.conditions.append((expr, text, where))
        return Condition(text, conditions.compile_expr(expr))

    def asset(self, kind: str, name: Any, where: Where) -> None:
        path, message, hint = self.ctx.catalog.find(kind, name)
        if path is None:
            self.problem(where, message, hint)

    def line_id(self, speaker: str | None, text: str) -> str:
        digest = hashlib.blake2s(f"{speaker or ''}\x1f{text}".encode(), digest_size=4).hexdigest()
        base = f"{self.scene_id}/{digest}"
        count = self.line_ids.get(base, 0) + 1
        self.line_ids[base] = count
        return base if count == 1 else f"{base}-{count}"

    # --- the scene ---
    def compile(self, data: YMap, header_where: Where) -> Scene:
        self.emit(EnterOp(header_where))
        background = data.get("background")
        if background is not None:
            self.stage_background(data.text("background"), data.place("background"), "fade", header=True)
        for kind in ("music", "ambience"):
            if kind in data:
                self.stage_sound(kind, data.text(kind), data.place(kind))
        steps = data.get("steps")
        leaves = False
        if not isinstance(steps, YList) or not steps:
            self.problem(data.place("steps") if "steps" in data else header_where,
                         "a scene needs 'steps:', a list of what happens")
        else:
            leaves = self.steps(steps)
        if not leaves:
            where = steps.item_where[-1] if isinstance(steps, YList) and steps else header_where
            self.problem(where, f"scene '{self.scene_id}' can reach its end without a goto or an ending",
                         "finish it with '- goto: <scene>' or '- ending: best'")
        self.emit(FallOffOp(header_where))
        return Scene(self.scene_id, tuple(self.ops), header_where)

    def steps(self, steps: YList) -> bool:
        """Compile a list of steps; True when control can never fall out of its end."""
        leaves = False
        i = 0
        while i < len(steps):
            where = steps.item_where[i]
            if len(self.ops) > MAX_OPS:
                if not self.full:
                    self.full = True
                    self.problem(where, f"scene '{self.scene_id}' has over {MAX_OPS:,} steps by here",
                                 "split it into scenes joined by goto; aliases (*name) count as often as used")
                return True
            if leaves:
                self.problem(where, "this step can never run: the steps before it always leave the scene",
                             "move it before the goto, ending or choice, or remove it")
                return True
            step = steps[i]
            if isinstance(step, YMap) and "if" in step:
                chain = [(step, where)]
                while i + 1 < len(steps) and isinstance(steps[i + 1], YMap) and \
                        ("elif" in steps[i + 1] or "else" in steps[i + 1]):
                    i += 1
                    chain.append((steps[i], steps.item_where[i]))
                    if "else" in steps[i]:
                        break
                leaves = self.branch(chain)
            else:
                leaves = self.step(step, where, steps.text(i))
            i += 1
        return leaves

    def step(self, step: Any, where: Where, raw: Any) -> bool:
        if isinstance(step, str) or (not isinstance(step, (YMap, YList)) and isinstance(raw, str)):
            self.say(None, None, raw, where)  # narration, kept as typed even if YAML read a number or yes/no
            return False
        if not isinstance(step, YMap) or not step:
            self.problem(where, "a step must be text (narration) or a mapping such as 'sophia: Hello.'")
            return False
        if "elif" in step or "else" in step:
            word = "elif" if "elif" in step else "else"
            self.problem(where, f"'{word}' without an 'if' step just before it")
            return False
        if len(step) != 1:
            keys = ", ".join(step)
            self.problem(where, f"one step per list item, but this one has several keys ({keys})",
                         "start each step on its own line with '- '")
            return False
        key = next(iter(step))
        value, raw_value, vwhere = step[key], step.text(key), step.place(key)
        handler = getattr(self, f"step_{key}", None) if key in STEP_WORDS else None
        if handler is not None:
            return bool(handler(value, raw_value, vwhere, where))
        return self.dialogue(key, value, raw_value, step.key_where[key], vwhere)

    # --- lines ---
    def say(self, speaker: str | None, expression: str | None, text: str, where: Where) -> None:
        text = text.strip()
        if not text:
            self.problem(where, "this line is empty")
        self.emit(SayOp(self.line_id(speaker, text), speaker, text, expression, where))

    def dialogue(self, key: str, value: Any, raw: Any, kwhere: Where, vwhere: Where) -> bool:
        parts = key.split()
        speaker = parts[0] if parts else key
        expression = parts[1] if len(parts) == 2 else None
        characters = self.ctx.characters
        if len(parts) > 2 or speaker not in characters:
            guess = did_you_mean(speaker, [*characters, *STEP_WORDS])
            narration_hint = "if this is narration that contains ': ', put the whole line in quotes"
            if len(parts) > 2:
                hint = narration_hint
            elif guess:
                hint = guess
            else:
                hint = "declare the character in story.yaml; " + narration_hint
            self.problem(kwhere, f"unknown character or step '{speaker if len(parts) <= 2 else key}'", hint)
            return False
        if expression is not None:
            self.check_expression(characters[speaker], expression, kwhere)
        text = raw if isinstance(value, str) or value is None or isinstance(value, (YMap, YList)) else str(raw)
        if not isinstance(text, str):
            self.problem(vwhere, f"what {speaker} says must be text")
            return False
        self.say(speaker, expression, text, kwhere)
        return False

    def check_expression(self, character: Character, expression: str, where: Where) -> None:
        if character.sprites is not None and not character.expressions:
            return  # the missing sprite folder is reported once, in story.yaml
        if character.sprites is None:
            self.problem(where, f"character '{character.id}' has no sprites, so no expression '{expression}'",
                         "give it 'sprites:' in story.yaml")
        elif expression not in character.expressions:
            self.problem(where, f"unknown expression '{expression}' for '{character.id}'",
                         did_you_mean(expression, character.expressions)
                         or f"its expressions are {', '.join(character.expressions)}")

    def step_narrate(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        text = raw if isinstance(raw, str) else None
        if text is None:
            self.problem(vwhere, "narrate: needs text")
            return False
        self.say(None, None, text, where)
        return False

    # --- stage ---
    def step_show(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        if not isinstance(value, str) or not value.split():
            self.problem(vwhere, "show: needs a character, e.g. 'show: sophia smiling at left'")
            return False
        words = value.split()
        position = None
        if "at" in words:
            at = words.index("at")
            if at != len(words) - 2:
                self.problem(vwhere, "'at' must be followed by one position, e.g. 'at left'")
                return False
            position = POSITION_ALIASES.get(words[-1], words[-1])
            words = words[:at]
            if position not in self.ctx.catalog.positions():
                self.problem(vwhere, f"unknown position '{position}'",
                             did_you_mean(position, self.ctx.catalog.positions())
                             or "use left, center or right, or a point named in the map's object layer")
        if len(words) not in (1, 2):
            self.problem(vwhere, f"cannot read 'show: {value}'", "write 'show: <character> [expression] [at <position>]'")
            return False
        who = words[0]
        if who not in self.ctx.characters:
            self.problem(vwhere, f"unknown character '{who}'", did_you_mean(who, self.ctx.characters))
            return False
        character = self.ctx.characters[who]
        expression = words[1] if len(words) == 2 else None
        if character.sprites is None:
            self.problem(vwhere, f"character '{who}' has no sprites to show", "give it 'sprites:' in story.yaml")
        elif expression is not None:
            self.check_expression(character, expression, vwhere)
        self.emit(StageOp("show", who, expression, position, None, where))
        return False

    def step_hide(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        if not isinstance(value, str) or value not in self.ctx.characters:
            self.problem(vwhere, f"unknown character '{value}'", did_you_mean(str(value), self.ctx.characters))
            return False
        self.emit(StageOp("hide", value, where=where))
        return False

    def stage_background(self, value: Any, where: Where, default: str, header: bool = False) -> None:
        if not isinstance(value, str):
            self.problem(where, "background: needs a name, e.g. 'vineyard_night with dissolve'")
            return
        name, _, transition = value.partition(" with ")
        name, transition = name.strip(), transition.strip() or default
        if transition not in TRANSITIONS:
            self.problem(where, f"unknown transition '{transition}'",
                         did_you_mean(transition, TRANSITIONS) or f"use one of {', '.join(TRANSITIONS)}")
        self.asset("backgrounds", name, where)
        self.emit(StageOp("scene" if header else "background", name, transition=transition, where=where))

    def step_background(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        self.stage_background(value, vwhere, "dissolve")
        return False

    def stage_sound(self, kind: str, value: Any, where: Where) -> None:
        if not isinstance(value, str):
            self.problem(where, f"{kind}: needs a name" + ("" if kind == "sound" else " or 'stop'"))
            return
        if value == "stop" and kind != "sound":
            self.emit(StageOp(kind, None, where=where))
            return
        self.asset({"music": "music", "ambience": "ambience", "sound": "sounds"}[kind], value, where)
        self.emit(StageOp(kind, value, where=where))

    def step_music(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        self.stage_sound("music", value, vwhere)
        return False

    def step_ambience(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        self.stage_sound("ambience", value, vwhere)
        return False

    def step_sound(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        self.stage_sound("sound", value, vwhere)
        return False

    # --- state ---
    def changes(self, value: Any, where: Where) -> tuple[Change, ...]:
        if not isinstance(value, YMap) or not value:
            self.problem(where, "effects: needs a mapping, e.g. {trust: +1, told_truth: true}")
            return ()
        out = []
        meters = self.ctx.meters
        for name, amount in value.items():
            place = value.key_where[name]
            if isinstance(amount, bool):
                if name in meters:
                    self.problem(place, f"'{name}' is a meter; give it a number such as +1 or '=5'")
                    continue
                if not FLAG_NAME.fullmatch(name):
                    self.problem(place, f"flag name {name!r} is not a valid name", "use letters, digits and _")
                    continue
                self.ctx.refs.flags_set.setdefault(name, place)
                out.append(Change(name, "flag", amount))
                continue
            if name not in meters:
                self.problem(place, f"unknown meter '{name}'",
                             did_you_mean(name, meters) or "declare it under 'meters:' in story.yaml, "
                             "or give a flag true or false")
                continue
            found = CHANGE.match(amount) if isinstance(amount, str) else None
            if too_large(amount) or (found and len(found.group(2).lstrip("+-")) > MAX_DIGITS):
                self.problem(value.place(name), f"the change to '{name}' is too large", TOO_LARGE_HINT)
            elif isinstance(amount, int):
                out.append(Change(name, "add", amount))
            elif found:
                setting, number = found.groups()
                out.append(Change(name, "set" if setting else "add", int(number)))
            else:
                self.problem(value.place(name), f"cannot read {amount!r} as a change to '{name}'",
                             "write +1 or -2 to add, or '=5' to set")
        return tuple(out)

    def step_effects(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        changes = self.changes(value, vwhere)
        if changes:
            self.emit(EffectsOp(changes, where))
        return False

    # --- flow ---
    def step_goto(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        if not isinstance(value, str):
            self.problem(vwhere, "goto: needs a scene id")
            return True
        self.ctx.refs.gotos.append((value, vwhere))
        self.emit(GotoOp(value, where))
        return True

    def step_ending(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        if not isinstance(value, str):
            self.problem(vwhere, "ending: needs an ending id, or 'best'")
            return True
        if value != "best":
            self.ctx.refs.endings.append((value, vwhere))
        self.emit(EndingOp(None if value == "best" else value, where))
        return True

    def branch(self, chain: list[tuple[YMap, Where]]) -> bool:
        exits: list[int] = []
        all_leave = True
        has_else = False
        for number, (step, where) in enumerate(chain):
            word = "if" if number == 0 else ("elif" if "elif" in step else "else")
            allowed = ("else",) if word == "else" else (word, "then")
            for key in step:
                if key not in allowed:
                    self.problem(step.key_where[key], f"unknown field '{key}' in an '{word}' step",
                                 did_you_mean(key, allowed) or f"an '{word}' step has {' and '.join(allowed)}")
            body = step.get("then") if word != "else" else step.get("else")
            jump = None
            if word != "else":
                cond = self.condition(step.text(word), step.place(word))
                if "then" not in step:
                    self.problem(where, f"'{word}' needs 'then:', the steps to run when it holds")
                jump = self.emit(JumpUnlessOp(cond or Condition("false", lambda m, f, v, p: False), -1, where))
            else:
                has_else = True
            if isinstance(body, YList) and body:
                leaves = self.steps(body)
            else:
                if body is not None or word == "else":
                    self.problem(step.place("then" if word != "else" else "else"),
                                 f"the body of '{word}' must be a list of steps")
                leaves = False
            all_leave = all_leave and leaves
            if word != "else":
                if not leaves:
                    exits.append(self.emit(JumpOp(-1, where)))
                self.patch(jump, len(self.ops))
        end = len(self.ops)
        for index in exits:
            self.patch(index, end)
        return all_leave and has_else

    def tags(self, value: Any, where: Where) -> tuple[str, ...]:
        words = value.split() if isinstance(value, str) else value
        if not isinstance(words, list) or not all(isinstance(w, str) and FLAG_NAME.fullmatch(w) for w in words):
            self.problem(where, "tags: takes words, e.g. 'tags: truth' or 'tags: [truth, risky]'")
            return ()
        return tuple(words)

    def step_choice(self, value: Any, raw: Any, vwhere: Where, where: Where) -> bool:
        if not isinstance(value, YList) or not value:
            self.problem(vwhere, "choice: needs a list of options, each with 'text:'")
            return False
        self.menus += 1
        menu_index = self.emit(MenuOp(f"{self.scene_id}#menu{self.menus}", (), where))
        specs: list[OptionSpec] = []
        exits: list[int] = []
        all_leave = True
        for i, option in enumerate(value):
            owhere = value.item_where[i]
            if not isinstance(option, YMap):
                self.problem(owhere, "each option must be a mapping with 'text:' (and 'goto:', 'effects:', ...)")
                continue
            for key in option:
                if key not in OPTION_FIELDS:
                    self.problem(option.key_where[key], f"unknown field '{key}' in an option",
                                 did_you_mean(key, OPTION_FIELDS) or f"the fields are {', '.join(OPTION_FIELDS)}")
            text = option.text("text")
            if not isinstance(text, str) or not text.strip():
                self.problem(owhere, "an option needs 'text:', what the player sees")
                text = "?"
            shown_if = self.condition(option.text("if"), option.place("if")) if "if" in option else None
            enabled_if = (self.condition(option.text("requires"), option.place("requires"))
                          if "requires" in option else None)
            hint = option.text("hint") if "hint" in option else ""
            if not isinstance(hint, str):
                self.problem(option.place("hint"), "'hint' in an option must be text, shown when it is greyed out")
                hint = ""
            effects = self.changes(option["effects"], option.place("effects")) if "effects" in option else ()
            target = len(self.ops)
            leaves = False
            body = option.get("then")
            if body is not None:
                if isinstance(body, YList) and body:
                    leaves = self.steps(body)
                else:
                    self.problem(option.place("then"), "'then' must be a list of steps")
            if "goto" in option:
                if leaves:
                    self.problem(option.place("goto"), "this goto can never run: the option's steps always leave")
                leaves = self.step_goto(option["goto"], None, option.place("goto"), owhere)
            if not leaves:
                exits.append(self.emit(JumpOp(-1, owhere)))
            all_leave = all_leave and leaves
            tags = self.tags(option.get("tags"), option.place("tags")) if "tags" in option else ()
            specs.append(OptionSpec(text.strip(), shown_if, enabled_if, hint,
                                    effects, target, owhere, tags))
        end = len(self.ops)
        for index in exits:
            self.patch(index, end)
        self.ops[menu_index] = replace(self.ops[menu_index], options=tuple(specs))
        return all_leave and bool(specs)
