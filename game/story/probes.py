"""Plays over a route's state graph (reach.py): uniformly random play, seeded, and fixed-policy probes (always
option k, always a tag, always the untagged option, greedy on a meter). Each play follows the graph's edges, so
it plays by the Runner's rules without stepping a line."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import rules
from .model import Story
from .reach import Edge, EndingReached, Node, RouteGraph, Stuck

MAX_CHOICES = 10_000  # per play: as playthrough.py's random play; a play past it is counted as stopped
Policy = Callable[[Node, list[Edge]], Edge]


@dataclass
class RandomPlay:
    plays: int
    endings: dict[str, int] = field(default_factory=dict)
    stuck: int = 0      # plays that stopped at a dead end, or went on past MAX_CHOICES
    lines: set[str] = field(default_factory=set)  # the ids of the lines some play showed


def random_play(story: Story, graph: RouteGraph, plays: int, seed: int, watched: frozenset[str]) -> RandomPlay:
    """`plays` playthroughs choosing uniformly among the options that can be chosen; the pasts take turns."""
    die = random.Random(f"{seed}/{graph.route}")  # a str seed: the same plays whatever PYTHONHASHSEED is
    out = RandomPlay(plays)
    segments: set = set()
    nodes = graph.nodes
    for n in range(plays):
        _, at, segment = graph.starts[n % len(graph.starts)]
        segments.add(segment)
        for _ in range(MAX_CHOICES):
            if type(at) is tuple:
                edges = nodes[at].edges
                edge = edges[int(die.random() * len(edges))]
                segments.add(edge.segment)
                at = edge.next
                continue
            break
        if type(at) is EndingReached:
            out.endings[at.ending] = out.endings.get(at.ending, 0) + 1
        else:
            out.stuck += 1
    for segment in segments:
        out.lines.update(graph.lines_of(story, segment, watched))
    return out


def policies(story: Story, graph: RouteGraph) -> dict[str, Policy]:
    """The probes that make sense on this route: option 1 to the most options any menu offers, each tag its menus
    use, the untagged option, and greedy on each meter some option moves (raising it, or lowering one declared
    `higher: worse`)."""
    most = max((len(node.edges) for node in graph.nodes.values()), default=0)
    out: dict[str, Policy] = {f"always option {k}": _option(k) for k in range(1, most + 1)}
    tags = sorted({t for node in graph.nodes.values() for e in node.edges for t in e.option.tags})
    for tag in tags:
        out[f"always tag {tag}"] = _first(lambda e, tag=tag: tag in e.option.tags)
    if tags:
        out["always untagged"] = _first(lambda e: not e.option.tags)
    moved = {c.name for node in graph.nodes.values() for e in node.edges for c in e.option.effects}
    for position, meter in enumerate(graph.meter_names):
        if meter in moved:  # greedy on a meter no option moves is "always option 1" again
            out[f"greedy {meter}"] = _greedy(story, graph.meter_names, position, meter)
    return out


def follow(graph: RouteGraph, policy: Policy) -> list[Optional[str]]:
    """The ending the policy reaches from each past, in graph.starts' order (None: a dead end, or round in a
    circle: the policy comes back to a state it was in)."""
    out = []
    for _, at, _ in graph.starts:
        seen: set = set()
        while type(at) is tuple and at not in seen:
            seen.add(at)
            node = graph.nodes[at]
            at = policy(node, node.edges).next
        out.append(at.ending if type(at) is EndingReached else None)
    return out


def _option(k: int) -> Policy:
    """The option shown k-th when it can be chosen, else the first that can."""
    def choose(node: Node, edges: list[Edge]) -> Edge:
        return next((e for e in edges if e.number == k), edges[0])
    return choose


def _first(wanted: Callable[[Edge], bool]) -> Policy:
    """The first option that is wanted and can be chosen, else the first that can."""
    def choose(node: Node, edges: list[Edge]) -> Edge:
        return next((e for e in edges if wanted(e)), edges[0])
    return choose


def _greedy(story: Story, names: tuple[str, ...], position: int, meter: str) -> Policy:
    """The option whose own effects move the meter furthest the player's way (the first such, on a tie)."""
    sign = -1 if story.meters[meter].higher == "worse" else 1

    def gain(node: Node, edge: Edge) -> int:
        meters, flags = dict(zip(names, node.meters)), {}
        rules.apply_changes(story.meters, meters, flags, edge.option.effects)
        return sign * (meters[meter] - node.meters[position])

    def choose(node: Node, edges: list[Edge]) -> Edge:
        return max(edges, key=lambda e: gain(node, e))  # max keeps the first of equals
    return choose


def stuck_reason(graph: RouteGraph) -> list[Stuck]:
    """The dead ends the graph met (the explorer reports them with their paths: `python -m game explore`)."""
    found = {e.next for node in graph.nodes.values() for e in node.edges if type(e.next) is Stuck}
    found |= {at for _, at, _ in graph.starts if type(at) is Stuck}
    return sorted(found, key=lambda s: (s.where, s.reason))
