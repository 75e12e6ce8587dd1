"""What `python -m game analyze` finds in a story, from every state each route can reach (reach.py), not from
samples: meter ranges per scene and per menu, where meters and flags are set and read (usage.py), options that
never matter, endings under random play and fixed policies (probes.py), and how close each ending's condition is.

A route whose conditions read ended() of other routes is walked from every past explore.pasts() tells apart;
every figure of the route is over all those pasts together (random play gives each past its turn in order)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Optional

from . import conditions
from .liveness import Liveness
from .loader import scene_graph
from .model import MenuOp, SayOp, Story
from .probes import follow, policies, random_play, stuck_reason
from .reach import EndingReached, RouteGraph, reach
from .usage import Usage, place, usage

PLAYS = 2_000  # random playthroughs per route by default


@dataclass
class RouteAnalysis:
    route: str
    title: str
    pasts: list[list[str]]
    states: int
    truncated: bool
    scenes: dict[str, dict[str, list[int]]]      # scene -> meter -> the values it has on entering the scene
    menus: dict[str, dict[str, Any]]             # menu id -> {"where": file:line, "meters": {meter: values}}
    endings: dict[str, dict[str, Any]]
    never_matter: list[dict[str, Any]]
    policies: dict[str, dict[str, int]]          # probe -> ending ("" for none) -> how many pasts it reaches it from
    random: dict[str, Any]
    dead_ends: list[dict[str, str]]
    best: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "pasts": self.pasts, "states": self.states, "truncated": self.truncated,
                "scenes": {s: _ranges(v) for s, v in self.scenes.items()},
                "menus": {m: {"where": e["where"], "meters": _ranges(e["meters"])} for m, e in self.menus.items()},
                "endings": self.endings, "best": self.best, "never_matter": self.never_matter,
                "policies": self.policies, "random": self.random, "dead_ends": self.dead_ends}


@dataclass
class Analysis:
    title: str
    route: Optional[str]
    plays: int
    seed: int
    routes: dict[str, RouteAnalysis] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    lines: int = 0
    unreachable: list[dict[str, Any]] = field(default_factory=list)  # lines no path shows
    missed: list[dict[str, Any]] = field(default_factory=list)  # lines some path shows, but no random play did
    seconds: float = 0.0

    @property
    def dominant(self) -> list[dict[str, Any]]:
        """The probes that reach a best ending (from some past) on more than one route."""
        found: dict[str, list[str]] = {}
        for rid, r in self.routes.items():
            for name, reached in r.policies.items():
                if any(e in r.best for e in reached):  # from at least one past
                    found.setdefault(name, []).append(rid)
        return [{"strategy": name, "routes": routes} for name, routes in found.items() if len(routes) > 1]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "route": self.route, "plays": self.plays, "seed": self.seed,
                "seconds": round(self.seconds, 3),
                "routes": {rid: r.to_json() for rid, r in self.routes.items()},
                "usage": self.usage.to_json(), "dominant": self.dominant,
                "coverage": {"lines": self.lines, "unreachable": self.unreachable, "missed": self.missed}}


def analyze(story: Story, route: Optional[str] = None, plays: int = PLAYS, seed: int = 0) -> Analysis:
    """The whole story, or one route, analysed; `plays` random playthroughs per route from `seed`."""
    started = time.perf_counter()
    out = Analysis(story.title, route, plays, seed, usage=usage(story, route))
    shown: set[str] = set()   # by random play
    reachable: set[str] = set()  # by some path
    for rid in ([route] if route else list(story.routes)):
        graph = reach(story, rid)
        watched = Liveness(story, rid).watched_visits
        played = random_play(story, graph, plays, seed, watched)
        shown |= played.lines
        for segment in graph.segments():
            reachable.update(graph.lines_of(story, segment, watched))
        out.routes[rid] = _route(story, graph, played)
    scenes = scene_graph(story, story.routes[route].start) if route else list(story.scenes)
    said = [op for s in scenes for op in story.scenes[s].ops if isinstance(op, SayOp)]
    out.lines = len(said)
    out.unreachable = [_line(op) for op in said if op.line_id not in reachable]
    out.missed = [_line(op) for op in said if op.line_id in reachable and op.line_id not in shown]
    out.seconds = time.perf_counter() - started
    return out


def _line(op: SayOp) -> dict[str, Any]:
    return {"where": place(op.where), "id": op.line_id, "speaker": op.speaker, "text": op.text}


def _route(story: Story, graph: RouteGraph, played) -> RouteAnalysis:
    names = graph.meter_names
    menus_where = {op.menu_id: place(op.where) for s in story.scenes.values() for op in s.ops
                   if isinstance(op, MenuOp)}
    reached = {e.next.ending for n in graph.nodes.values() for e in n.edges if type(e.next) is EndingReached}
    reached |= {at.ending for _, at, _ in graph.starts if type(at) is EndingReached}
    endings = {}
    for ending in story.endings_of(graph.route):
        endings[ending.id] = {
            "title": ending.title, "priority": ending.priority, "where": place(ending.where),
            "when": ending.when.text if ending.when else None, "reachable": ending.id in reached,
            "random": played.endings.get(ending.id, 0) / played.plays if played.plays else 0.0,
            "closeness": _closeness(story, graph, ending.when)}
    probes = {name: _counted(follow(graph, p)) for name, p in policies(story, graph).items()}
    return RouteAnalysis(
        graph.route, story.routes[graph.route].title, [sorted(past) for past, _, _ in graph.starts],
        len(graph.nodes), graph.truncated,
        {s: _values(names, graph.scene_values[s]) for s in scene_graph(story, story.routes[graph.route].start)
         if s in graph.scene_values},  # in the order the route's gotos first reach them
        {m: {"where": menus_where[m], "meters": _values(names, graph.menu_values[m])}
         for m in menus_where if m in graph.menu_values},
        endings, never_matter(graph, menus_where), probes,
        {"plays": played.plays, "endings": dict(sorted(played.endings.items())), "stuck": played.stuck},
        [{"where": s.where, "reason": s.reason} for s in stuck_reason(graph)], best_endings(story, graph.route))


def best_endings(story: Story, route: str) -> list[str]:
    """A route's best endings: of those whose `when:` reads no meter declared `higher: worse` (being found out
    outranks all, but is no one's goal), the ones of the highest priority."""
    worse = {m.id for m in story.meters.values() if m.higher == "worse"}
    happy = [e for e in story.endings_of(route)
             if not (e.when and conditions.names(conditions.parse(e.when.text)) & worse)]
    top = max((e.priority for e in happy), default=None)
    return [e.id for e in happy if e.priority == top]


def _counted(reached: list[Optional[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for ending in reached:
        out[ending or ""] = out.get(ending or "", 0) + 1
    return out


def _values(names: tuple[str, ...], tuples: set[tuple[int, ...]]) -> dict[str, list[int]]:
    return {name: sorted({t[i] for t in tuples}) for i, name in enumerate(names)}


def _ranges(values: dict[str, list[int]]) -> dict[str, dict[str, Any]]:
    return {m: {"min": v[0], "max": v[-1], "values": v} for m, v in values.items() if v}


def _closeness(story: Story, graph: RouteGraph, when) -> Optional[float]:
    """The fraction of the distinct states arriving at an `ending: best` for which `when` holds (None: there are
    none; an ending without `when:` holds for all)."""
    if not graph.arrivals:
        return None
    if when is None:
        return 1.0
    names, held = graph.meter_names, 0
    for meters, flags, visits, past in graph.arrivals:
        if when.test(dict(zip(names, meters)), dict.fromkeys(flags, True), dict(visits), past):
            held += 1
    return held / len(graph.arrivals)


def never_matter(graph: RouteGraph, menus_where: dict[str, str]) -> list[dict[str, Any]]:
    """Pairs of options of one menu that lead to the same state (or the same ending) from every state where the
    menu is reached with both of them to choose from (and there is at least one such state)."""
    agree: dict[tuple[str, int, int], bool] = {}
    options: dict[str, dict[int, str]] = {}
    for node in graph.nodes.values():
        menu = node.menu.menu_id
        edges = node.edges
        options.setdefault(menu, {}).update({e.index: e.option.text for e in edges})
        for a in range(len(edges)):
            for b in range(a + 1, len(edges)):
                pair = (menu, edges[a].index, edges[b].index)
                if agree.get(pair, True):
                    agree[pair] = edges[a].next == edges[b].next
    out = []
    for (menu, a, b), same in agree.items():
        if same:
            out.append({"menu": menu, "where": menus_where[menu], "options": [a + 1, b + 1],
                        "texts": [options[menu][a], options[menu][b]]})
    return sorted(out, key=lambda e: (e["where"], e["options"]))
