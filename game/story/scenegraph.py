"""The story as a graph: routes, scenes, menus and endings, and the ways from one to the next (`game graph`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .loader import scene_graph
from .model import EndingOp, GotoOp, JumpOp, JumpUnlessOp, MenuOp, Story

LABEL_WIDTH = 34  # characters of an option's text kept on an edge


@dataclass(frozen=True)
class Node:
    id: str
    kind: str   # 'route', 'scene', 'menu' or 'ending'
    label: str
    options: tuple[str, ...] = ()  # a menu's options, numbered from 1 as shown; its edges name the numbers


@dataclass
class SceneGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    # (from, to) -> labels: the numbers of the menu options that lead there, none when every option does
    edges: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        self.nodes.setdefault(node.id, node)

    def link(self, source: str, target: str, label: str = "") -> None:
        labels = self.edges.setdefault((source, target), [])
        if label and label not in labels:
            labels.append(label)


def short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def build_graph(story: Story, route: str | None = None) -> SceneGraph:
    """The graph of every route, or of one: each scene's menus, its gotos and its endings."""
    graph = SceneGraph()
    routes = [story.routes[route]] if route else list(story.routes.values())
    for r in routes:
        graph.add(Node(f"route:{r.id}", "route", r.title))
        graph.link(f"route:{r.id}", r.start)
        for scene_id in scene_graph(story, r.start):
            _scene(story, scene_id, r.id, graph)
    for (source, _target), labels in graph.edges.items():
        node = graph.nodes[source]
        if node.kind == "menu" and len(labels) == len(node.options):
            labels.clear()  # every option leads there
    return graph


def _scene(story: Story, scene_id: str, route: str, graph: SceneGraph) -> None:
    """Follow the scene's ops from its start, remembering which menu option (if any) led to each exit."""
    graph.add(Node(scene_id, "scene", scene_id))
    ops = story.scenes[scene_id].ops
    todo = [(0, scene_id, "")]
    seen = set()
    while todo:
        pc, source, label = todo.pop()
        while 0 <= pc < len(ops) and (pc, source, label) not in seen:
            seen.add((pc, source, label))
            op = ops[pc]
            if isinstance(op, MenuOp):
                menu = op.menu_id
                graph.add(Node(menu, "menu", f"menu {menu.rpartition('#menu')[2]}",
                               tuple(short(spec.text) for spec in op.options)))
                graph.link(source, menu, label)
                options = [(spec.target, menu, str(i)) for i, spec in enumerate(op.options, 1)]
                todo.extend(reversed(options))  # popped in the order shown, so an edge lists them so
                break
            if isinstance(op, GotoOp):
                graph.add(Node(op.scene, "scene", op.scene))
                graph.link(source, op.scene, label)
                break
            if isinstance(op, EndingOp):
                _ending(story, op.ending, route, source, label, graph)
                break
            if isinstance(op, JumpUnlessOp):
                todo.append((op.target, source, label))
            pc = op.target if isinstance(op, JumpOp) else pc + 1


def _ending(story: Story, ending: str | None, route: str, source: str, label: str, graph: SceneGraph) -> None:
    """An ending named, or for 'ending: best' every ending of the route; the node says when it is the best."""
    chosen = [story.endings[ending]] if ending else list(story.endings_of(route))
    for e in chosen:
        when = f"when {e.when.text}" if e.when else "otherwise"
        graph.add(Node(f"ending:{e.id}", "ending", f"{e.title}\n{e.id}\n{when}"))
        graph.link(source, f"ending:{e.id}", label)
