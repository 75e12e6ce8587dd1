"""Loads a story folder (scenes/*.yaml + assets/) into a checked, immutable Story, or reports every problem."""
from __future__ import annotations

from collections import deque
from pathlib import Path

from . import conditions, ranges
from .assets import AssetCatalog
from .collector import collector_paused
from .compiler import STEP_WORDS, Refs, SceneCompiler, SceneContext
from .fields import COLOR, Fields, check_id
from .home import default_root  # noqa: F401  (here for the callers that import it from the loader)
from .model import Character, Condition, Ending, EndingOp, GotoOp, Meter, Route, Scene, Story
from .problems import Problem, StoryError, Where, did_you_mean, display_path
from .yamlsource import YList, read_yaml

MANIFEST = "story.yaml"
MANIFEST_FIELDS = ("title", "tagline", "title_background", "title_music", "characters", "meters", "routes",
                   "endings")
PART_FIELDS = ("characters", "meters", "routes", "endings")
SCENE_FIELDS = ("id", "background", "music", "ambience", "steps")
HIGHER = ("better", "worse")   # a meter's 'higher:' field
RESERVED = set(STEP_WORDS) | {"then", "text", "narrator"}
LONG_LINE = 2_000     # characters; the longest line of the game's own scenes has about 400
LONG_FILE = 10_000    # lines; the longest scene file of the game has about 250


def load_story(root: Path | str | None = None) -> Story:
    """Read and check the whole story; raises StoryError listing every problem found (errors, and the
    warnings and notes found with them)."""
    return StoryLoader(Path(root) if root is not None else default_root()).load()


def lint_story(root: Path | str | None = None) -> tuple[Story, tuple[Problem, ...]]:
    """The story and its warnings and notes (problems that do not stop it playing); StoryError as load_story."""
    loader = StoryLoader(Path(root) if root is not None else default_root())
    story = loader.load()
    return story, tuple(_in_order(loader.problems))


class StoryLoader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.refs = Refs()
        self.catalog = AssetCatalog(root)
        self.cwd = Path.cwd().resolve()
        self.unreadable: set[str] = set()  # scene ids of files that did not parse: not reported again
        self.part_unread = False  # a scenes/**/story.yaml that did not read
        self.ending_conditions: list[tuple[str, conditions.Expr, Where]] = []  # ending id, its when:, its place

    def fail_if_problems(self) -> None:
        if any(p.is_error for p in self.problems):
            raise StoryError(_in_order(self.problems))

    def read(self, path: Path, shown: str) -> object:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            before = exc.object[:exc.start].decode("utf-8", "replace")
            where = Where(shown, before.count("\n") + 1, len(before) - before.rfind("\n"))
            self.problems.append(Problem(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                                         "save the file as UTF-8"))
            return None
        except OSError as exc:
            self.problems.append(Problem(Where(shown), f"cannot read the file: {exc.strerror}"))
            return None
        self.check_size(text, shown)
        try:
            return read_yaml(text, shown)
        except StoryError as exc:
            self.problems.extend(exc.problems)
            return None

    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    def check_size(self, text: str, shown: str) -> None:
        """A line or a file far longer than any scene is likely not what the author meant to put there."""
        lines = text.count("\n") + 1
        if lines > LONG_FILE:
            self.problems.append(Problem(Where(shown, 1, 1), f"the file has {lines:,} lines, far more than any "
                                         f"scene (over {LONG_FILE:,})", "split it into several scenes, or check "
                                         "it is the file you meant", "warning"))
        if len(text) <= LONG_LINE:
            return
        for number, line in enumerate(text.split("\n"), 1):
            if len(line) > LONG_LINE:
                self.problems.append(Problem(Where(shown, number, 1), f"a line of {len(line):,} characters, far "
                                             f"longer than any line of a scene (over {LONG_LINE:,})",
                                             "break the text into several lines, or check it is what you meant",
                                             "warning"))
                return   # one is enough to send the author to the file

    def load(self) -> Story:
        with collector_paused():  # loading builds many small objects and frees none
            return self._load()

    def shown(self, path: Path) -> str:
        return display_path(path, self.cwd)

    def _load(self) -> Story:
        scenes_dir = self.root / "scenes"
        manifest_path = scenes_dir / MANIFEST
        if not manifest_path.is_file():
            raise StoryError([Problem(Where(display_path(manifest_path)), "the story manifest is missing",
                                      f"a story folder holds scenes/{MANIFEST} and assets/")])
        manifest = self.read(manifest_path, self.shown(manifest_path))
        self.fail_if_problems()
        top = Fields(manifest, Where(self.shown(manifest_path), 1, 1), "story.yaml", self.problems, MANIFEST_FIELDS)
        if not top.ok:
            self.unreadable.add(MANIFEST)  # without routes, which scenes are reached cannot be told
        title = top.text("title", "Untitled", required=True) or "Untitled"
        tagline = top.text("tagline") or ""
        title_background = self.asset_field(top, "title_background", "backgrounds")
        title_music = self.asset_field(top, "title_music", "music")
        manifests = [top] + self.parts(scenes_dir, manifest_path)
        if self.part_unread:
            self.fail_if_problems()   # what it declares is unknown: every scene naming it would be a false error
        characters = self.characters(manifests)
        meters = self.meters(manifests)
        routes = self.routes(manifests)
        endings = self.endings(manifests, routes)
        self.check_endings_can_hold(meters)
        context = SceneContext(characters, meters, self.catalog, self.problems, self.refs)
        scenes = self.scenes(scenes_dir, context)
        flags = frozenset(self.refs.flags_set)
        self.check_references(scenes, routes, endings, meters, flags)
        self.check_reachability(scenes, routes, endings)
        self.check_maps()
        self.fail_if_problems()
        assets = {f"{kind}/{name}": str(path) for kind, files in self.catalog.files.items()
                  for name, path in files.items()}
        assets.update({f"characters/{sprite_set}/{expression}": str(path)
                       for sprite_set, files in self.catalog.sprites.items() for expression, path in files.items()})
        return Story(title, str(self.root), characters, meters, flags, routes, endings, scenes, assets,
                     title_background, title_music, tagline)

    def asset_field(self, top: Fields, key: str, kind: str) -> str | None:
        name = top.text(key)
        if name is not None:
            path, message, hint = self.catalog.find(kind, name)
            if path is None:
                self.problems.append(Problem(top.place(key), message, hint))
                return None
        return name

    # --- manifest ---
    def parts(self, scenes_dir: Path, manifest_path: Path) -> list[Fields]:
        """The story.yaml files in subfolders of scenes/: each adds characters, meters, routes and endings."""
        out = []
        for path in sorted(scenes_dir.rglob(MANIFEST)):
            if path == manifest_path or not path.is_file():
                continue
            shown = self.shown(path)
            before = self.errors()
            data = self.read(path, shown)
            if self.errors() > before:
                self.unreadable.add(MANIFEST)
                self.part_unread = True
                continue
            part = Fields(data, Where(shown, 1, 1), f"{shown}", self.problems, PART_FIELDS)
            if part.ok:
                part.is_part = True
                out.append(part)
        return out

    def entries(self, manifests: list[Fields], key: str):
        """Every entry under `key` in the main manifest and its parts; an id given twice is reported."""
        first: dict[str, Where] = {}
        for top in manifests:
            block = top.mapping(key)
            if block is None:
                if not top.has(key) and top.ok and not top.is_part:
                    self.problems.append(Problem(top.where, f"story.yaml needs '{key}:'"))
                continue
            for entry_id, data in block.items():
                where = block.key_where[entry_id]
                if not check_id(entry_id, where, key.rstrip("s"), self.problems):
                    continue
                if entry_id in first:
                    self.problems.append(Problem(where, f"{key.rstrip('s')} '{entry_id}' is declared twice",
                                                 f"it is already declared at {first[entry_id]}"))
                    continue
                first[entry_id] = where
                yield entry_id, data, where

    def characters(self, manifests: list[Fields]) -> dict[str, Character]:
        out = {}
        for cid, data, where in self.entries(manifests, "characters"):
            if cid in RESERVED or "." in cid:
                self.problems.append(Problem(where, f"'{cid}' cannot be a character id",
                                             "it is a step keyword or has a dot; choose another id"))
                continue
            f = Fields(data, where, f"character '{cid}'", self.problems,
                       ("name", "color", "sprites")) if data is not None else None
            name, color, sprites, expressions = cid.title(), "#f0e6d2", None, ()
            if f is not None and f.ok:
                name = f.text("name", name) or name
                color = f.text("color", color) or color
                if not COLOR.match(color):
                    self.problems.append(Problem(f.place("color"), f"colour {color!r} is not like '#c98a6b'"))
                sprites = f.text("sprites")
                if sprites is not None:
                    found, message, hint = self.catalog.sprite_set(sprites)
                    if found is None:
                        self.problems.append(Problem(f.place("sprites"), message, hint))
                    else:
                        expressions = tuple(sorted(found))
            out[cid] = Character(cid, name, color, sprites, expressions, where)
        return out

    def meters(self, manifests: list[Fields]) -> dict[str, Meter]:
        out = {}
        for mid, data, where in self.entries(manifests, "meters"):
            if "." in mid:
                self.problems.append(Problem(where, f"meter id '{mid}' cannot have a dot"))
                continue
            f = Fields(data, where, f"meter '{mid}'", self.problems,
                       ("label", "min", "max", "start", "visible", "higher"))
            low, high = f.integer("min", 0), f.integer("max", 10)
            higher = f.text("higher", "better")
            if higher not in HIGHER:
                self.problems.append(Problem(f.place("higher"), f"'higher' in meter '{mid}' is '{higher}'",
                                             did_you_mean(str(higher), HIGHER) or
                                             "say 'better' (the player wants it high) or 'worse' (wants it low)"))
                higher = "better"
            start = f.integer("start", low)
            if not low <= start <= high:
                self.problems.append(Problem(f.where, f"meter '{mid}' starts at {start}, outside {low}..{high}"))
            out[mid] = Meter(mid, f.text("label", mid.replace("_", " ").capitalize()) or mid,
                             low, high, max(low, min(high, start)), f.boolean("visible", True), where, higher)
        return out

    def routes(self, manifests: list[Fields]) -> dict[str, Route]:
        out = {}
        afters: dict[str, list[tuple[str, Where]]] = {}
        for rid, data, where in self.entries(manifests, "routes"):
            f = Fields(data, where, f"route '{rid}'", self.problems, ("title", "blurb", "start", "picture", "after"))
            start = f.text("start", "", required=True) or ""
            if start:
                self.refs.gotos.append((start, f.place("start")))
            picture = f.text("picture")
            if picture is not None:
                path, message, hint = self.catalog.find("backgrounds", picture)
                if path is None:
                    self.problems.append(Problem(f.place("picture"), message, hint))
            afters[rid] = self.after(f, rid)
            out[rid] = Route(rid, f.text("title", rid.title()) or rid, f.text("blurb", "") or "", start,
                             picture, where, tuple(name for name, _ in afters[rid]))
        for rid, after in afters.items():
            for name, place in after:
                if name == rid:
                    self.problems.append(Problem(place, f"route '{rid}' cannot come after itself"))
                elif name not in out:
                    self.problems.append(Problem(place, f"route '{rid}' comes after unknown route {name!r}",
                                                 did_you_mean(name, [r for r in out if r != rid])))
                elif rid in _waits_for(name, afters):
                    self.problems.append(Problem(place, f"route '{rid}' comes after '{name}', which itself "
                                                 f"waits for '{rid}', so neither ever opens",
                                                 "take one route of the circle out of 'after:'"))
        return out

    def after(self, f: Fields, rid: str) -> list[tuple[str, Where]]:
        """The routes to finish first, each with its place: 'after: paris' or 'after: [vineyard, paris]'."""
        if not f.has("after"):
            return []
        value, typed, place = f.data["after"], f.data.text("after"), f.place("after")
        if isinstance(value, YList):
            names = []
            for i, where in enumerate(value.item_where):
                name = value.text(i)
                if isinstance(name, (int, float)) and not isinstance(name, bool):
                    name = str(name)
                if isinstance(name, str):
                    names.append((name, where))
                else:
                    self.problems.append(Problem(where, f"each entry of 'after' in route '{rid}' must be a route id"))
            return names
        if isinstance(typed, str):
            return [(typed, place)]
        self.problems.append(Problem(place, f"'after' in route '{rid}' must be a route id or a list of them",
                                     "for example 'after: [vineyard, paris]'"))
        return []

    def endings(self, manifests: list[Fields], routes: dict[str, Route]) -> dict[str, Ending]:
        out = {}
        for eid, data, where in self.entries(manifests, "endings"):
            if eid == "best":
                self.problems.append(Problem(where, "'best' cannot be an ending id: 'ending: best' means the best one"))
                continue
            f = Fields(data, where, f"ending '{eid}'", self.problems,
                       ("title", "route", "when", "priority", "epilogue"))
            route = f.text("route", "", required=True) or ""
            if route and route not in routes:
                self.problems.append(Problem(f.place("route"), f"unknown route '{route}'",
                                             did_you_mean(route, routes)))
            when = None
            if f.has("when"):
                text = f.text("when")
                if text is not None:
                    try:
                        expr = conditions.parse(text)
                        self.refs.conditions.append((expr, text, f.place("when")))
                        self.ending_conditions.append((eid, expr, f.place("when")))
                        when = Condition(text, conditions.compile_expr(expr))
                    except conditions.ConditionError as exc:
                        self.problems.append(Problem(f.place("when").shifted(exc.offset),
                                                     f"condition {text!r}: {exc.message}", exc.hint))
            out[eid] = Ending(eid, f.text("title", eid) or eid, route, when, f.integer("priority", 0),
                              (f.text("epilogue", "") or "").strip(), where)
        return out

    # --- scenes ---
    def scenes(self, scenes_dir: Path, context: SceneContext) -> dict[str, Scene]:
        out: dict[str, Scene] = {}
        files = sorted(p for p in scenes_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                       and p.name != MANIFEST)
        for path in files:
            default_id = path.relative_to(scenes_dir).with_suffix("").as_posix().replace("/", ".")
            before = self.errors()
            shown = self.shown(path)
            data = self.read(path, shown)
            if self.errors() > before:
                self.unreadable.add(default_id)
                continue
            if data is None:
                self.problems.append(Problem(Where(shown, 1, 1), "the scene file is empty",
                                             "a scene file holds 'steps:', a list of what happens"))
                self.unreadable.add(default_id)
                continue
            where = Where(shown, 1, 1)
            f = Fields(data, where, "a scene file", self.problems, SCENE_FIELDS)
            if not f.ok:
                self.unreadable.add(default_id)
                continue
            scene_id = f.text("id", default_id) or default_id
            if not check_id(scene_id, f.place("id") if f.has("id") else where, "scene", self.problems):
                continue
            if scene_id in out:
                self.problems.append(Problem(f.place("id") if f.has("id") else where,
                                             f"duplicate scene id '{scene_id}'",
                                             f"it is already used by {out[scene_id].where.path}"))
                continue
            out[scene_id] = SceneCompiler(scene_id, context).compile(f.data, where)
        if not files:
            self.problems.append(Problem(Where(display_path(scenes_dir)), "the story has no scenes",
                                         "add scene files such as scenes/opening.yaml"))
        return out

    # --- checks across files ---
    def check_references(self, scenes: dict[str, Scene], routes: dict[str, Route],
                         endings: dict[str, Ending], meters: dict[str, Meter], flags: frozenset[str]) -> None:
        for target, where in self.refs.gotos:
            if target not in scenes and target not in self.unreadable:
                self.problems.append(Problem(where, f"unknown scene '{target}'", did_you_mean(target, scenes)))
        for target, where in self.refs.endings:
            if target not in endings:
                self.problems.append(Problem(where, f"unknown ending '{target}'",
                                             did_you_mean(target, endings) or "or write 'ending: best'"))
        flag_names, scene_ids = set(flags), set(scenes) | self.unreadable  # an unreadable file is reported once
        for expr, text, where in self.refs.conditions:
            if self.unreadable:   # a file that did not read may set any flag: only meters are known for sure
                flag_names |= conditions.names(expr) - set(meters)
            try:
                conditions.check(expr, meters, flag_names, scene_ids, endings)
            except conditions.ConditionError as exc:
                self.problems.append(Problem(where.shifted(exc.offset), f"condition {text!r}: {exc.message}",
                                             exc.hint))
        for route in routes.values():
            if not any(e.route == route.id for e in endings.values()):
                self.problems.append(Problem(route.where, f"route '{route.id}' has no endings",
                                             "add an ending with 'route: " + route.id + "' in story.yaml"))

    def check_endings_can_hold(self, meters: dict[str, Meter]) -> None:
        for eid, expr, where in self.ending_conditions:
            compare = ranges.never_holds(expr, meters)
            if compare is not None:
                self.problems.append(Problem(where.shifted(ranges.start(compare)),
                                             f"ending '{eid}' can never be reached: "
                                             f"{ranges.explain(compare, meters)}",
                                             "compare within the meter's range, or widen its min and max"))

    def check_maps(self) -> None:
        """What drawing each map the story names would meet, at its place in the map (or tileset) file."""
        for found in self.catalog.used.values():
            for f in found.findings:
                self.problems.append(Problem(Where(self.shown(f.path), f.line, f.col), f.message, f.hint,
                                             f.severity))

    def check_reachability(self, scenes: dict[str, Scene], routes: dict[str, Route],
                           endings: dict[str, Ending]) -> None:
        if self.unreadable:
            return  # the scene graph is incomplete until every file reads
        reached_by: dict[str, set[str]] = {}
        for route in routes.values():
            for scene_id in _reachable(scenes, route.start):
                reached_by.setdefault(scene_id, set()).add(route.id)
        for scene_id, scene in scenes.items():
            if scene_id not in reached_by:
                self.problems.append(Problem(scene.where, f"no route reaches scene '{scene_id}'",
                                             "goto it from another scene, or make it a route's start"))
                continue
            for op in scene.ops:
                if isinstance(op, EndingOp) and op.ending in endings:
                    owner = endings[op.ending].route
                    if owner not in reached_by[scene_id]:
                        self.problems.append(Problem(op.where, f"ending '{op.ending}' belongs to route '{owner}', "
                                                     f"but this scene is played on route "
                                                     f"{', '.join(sorted(reached_by[scene_id]))}",
                                                     "name an ending of this route, or 'ending: best'"))


def _in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.where.path, p.where.line, p.where.col))


def _waits_for(rid: str, afters: dict[str, list[tuple[str, Where]]]) -> set[str]:
    """Every route that must be finished before route rid opens, through 'after:' of 'after:'."""
    found: set[str] = set()
    todo = [rid]
    while todo:
        for name, _ in afters.get(todo.pop(), ()):
            if name not in found:
                found.add(name)
                todo.append(name)
    return found


def _reachable(scenes: dict[str, Scene], start: str) -> list[str]:
    seen: dict[str, None] = {}
    queue = deque([start])
    while queue:
        scene_id = queue.popleft()
        if scene_id in seen or scene_id not in scenes:
            continue
        seen[scene_id] = None
        queue.extend(op.scene for op in scenes[scene_id].ops if isinstance(op, GotoOp))
    return list(seen)

def scene_graph(story: Story, start: str) -> list[str]:
    """Scenes reachable from a scene by goto, in breadth-first order."""
    return _reachable(story.scenes, start)
