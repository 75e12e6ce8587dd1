"""The scene graph drawn as a layered SVG by the project itself, for when Graphviz is not installed.

Layers run top to bottom from each route (the longest way from a route decides a node's layer, so a scene sits
below every scene that leads to it); an edge that skips layers gets a waypoint in each layer it crosses, which
keeps a place in that layer like a thin node, so the edge runs between nodes rather than through them. Within a
layer, nodes are ordered by where their neighbours are, a few sweeps down and up, to uncross the edges. Edges
going back up (a scene that returns to an earlier one) are drawn dashed, round the side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .story.scenegraph import Node, SceneGraph

FONT, SMALL = 13, 10         # node text, edge label text (px)
CHAR = 0.6                   # a character's width, in font sizes (Helvetica's average, roughly)
GAP_X, GAP_Y, MARGIN = 28, 56, 30
FILL = {"route": "#f3e2b3", "scene": "#dfe7f2", "menu": "#f2dcd5", "ending": "#d9ecd6"}
SWEEPS = 6
WAYPOINT = "~"  # starts the id of a waypoint, which no node id can (ids are letters, digits, _ . # :)


@dataclass
class Box:
    x: float = 0.0   # centre
    y: float = 0.0   # top
    w: float = 0.0
    h: float = 0.0


@dataclass
class Layout:
    rows: list[list[str]]                   # node ids and waypoints, layer by layer, in order
    back: set[tuple[str, str]]              # the edges that go back up
    ways: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # a long edge -> its waypoints


def layout(graph: SceneGraph) -> Layout:
    """Nodes in layers (a depth-first walk from the routes finds the edges that go back up), then ordered."""
    succ: dict[str, list[str]] = {n: [] for n in graph.nodes}
    for source, target in graph.edges:
        succ[source].append(target)
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1 on the walk's path, 2 done
    order: list[str] = []
    roots = [n for n, node in graph.nodes.items() if node.kind == "route"] + list(graph.nodes)
    group: dict[str, int] = {}  # the route (by order) that first reaches a node: each route keeps its column
    for number, root in enumerate(roots):
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        group[root] = number
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                group[child] = number
                stack.append((child, iter(succ[child])))
    layer = {n: 0 for n in graph.nodes}
    for node in reversed(order):  # a topological order of the edges that go forward
        for child in succ[node]:
            if (node, child) not in back:
                layer[child] = max(layer[child], layer[node] + 1)
    rows: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for node in graph.nodes:
        rows[layer[node]].append(node)
    result = Layout(rows, back)
    segments = []
    for source, target in graph.edges:
        if (source, target) in back:
            continue
        way = [f"{WAYPOINT}{source}>{target}@{k}" for k in range(layer[source] + 1, layer[target])]
        for k, point in zip(range(layer[source] + 1, layer[target]), way):
            rows[k].append(point)
            group[point] = group[source]
        if way:
            result.ways[(source, target)] = way
        chain = [source, *way, target]
        segments.extend(zip(chain, chain[1:]))
    _uncross(rows, segments, group)
    return result


def _uncross(rows: list[list[str]], segments: list[tuple[str, str]], group: dict[str, int]) -> None:
    up: dict[str, list[str]] = {n: [] for row in rows for n in row}
    down: dict[str, list[str]] = {n: [] for row in rows for n in row}
    for source, target in segments:
        down[source].append(target)
        up[target].append(source)
    for sweep in range(SWEEPS):
        place = {n: i / max(1, len(row)) for row in rows for i, n in enumerate(row)}
        neighbours = up if sweep % 2 == 0 else down
        for row in (rows[1:] if sweep % 2 == 0 else reversed(rows[:-1])):
            def centre(n: str) -> float:
                near = neighbours[n]
                return sum(place[m] for m in near) / len(near) if near else place[n]
            row.sort(key=lambda n: (group[n], centre(n)))
            place.update({n: i / max(1, len(row)) for i, n in enumerate(row)})


def _lines(node: Node) -> list[str]:
    return node.label.split("\n") + [f"{i}. {text}" for i, text in enumerate(node.options, 1)]


def _size(node: Node) -> tuple[float, float]:
    lines = _lines(node)
    font = SMALL + 1 if node.kind == "menu" else FONT
    return max(len(line) for line in lines) * font * CHAR + 24, len(lines) * (font + 3) + 14


def to_svg(graph: SceneGraph, title: str) -> str:
    plan = layout(graph)
    rows, back = plan.rows, plan.back
    boxes: dict[str, Box] = {}
    y = MARGIN + FONT * 2
    widths = []
    for row in rows:
        sizes = [_size(graph.nodes[n]) if n in graph.nodes else (0.0, 0.0) for n in row]
        widths.append(sum(w for w, _ in sizes) + GAP_X * (len(row) - 1))
        height = max((h for _, h in sizes), default=0)
        x = 0.0
        for n, (w, h) in zip(row, sizes):
            h = h if n in graph.nodes else height  # a waypoint runs the height of its layer
            boxes[n] = Box(x + w / 2, y + (height - h) / 2, w, h)
            x += w + GAP_X
        y += height + GAP_Y
    y -= GAP_Y
    side = 120 if back else 0  # room on the right for the edges going back up
    width = max(widths, default=0) + 2 * MARGIN + side
    for row, row_width in zip(rows, widths):
        shift = MARGIN + (width - side - 2 * MARGIN - row_width) / 2
        for n in row:
            boxes[n].x += shift
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{y + MARGIN:.0f}" '
           f'viewBox="0 0 {width:.0f} {y + MARGIN:.0f}" font-family="Helvetica, Arial, sans-serif">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{MARGIN}" y="{MARGIN + FONT}" font-size="{FONT + 5}" font-weight="bold">{escape(title)}</text>']
    for (source, target), labels in graph.edges.items():
        way = [boxes[point] for point in plan.ways.get((source, target), ())]
        out.extend(_edge(boxes[source], boxes[target], labels, (source, target) in back, width, way))
    for n, node in graph.nodes.items():
        out.extend(_node(boxes[n], node))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _edge(a: Box, b: Box, labels: list[str], going_back: bool, width: float, way: list[Box]) -> list[str]:
    x1, y1 = a.x, a.y + a.h
    if going_back:  # round the right-hand side, up to the node's side
        x2, y2 = b.x + b.w / 2, b.y + b.h / 2
        side = width - 40
        path = f"M{x1:.1f},{y1:.1f} C{side:.1f},{y1 + 40:.1f} {side:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
        style, tip = ' stroke-dasharray="5,4"', ((x2 + 9, y2 - 4), (x2 + 9, y2 + 4))
    else:
        x2, y2 = b.x, b.y
        path = f"M{x1:.1f},{y1:.1f}"
        at = (x1, y1)
        for point in way:  # down through each waypoint's layer, straight, and curving between layers
            path += _curve(at, (point.x, point.y)) + f" L{point.x:.1f},{point.y + point.h:.1f}"
            at = (point.x, point.y + point.h)
        path += _curve(at, (x2, y2))
        style, tip = "", ((x2 - 4, y2 - 9), (x2 + 4, y2 - 9))
    # arrowheads drawn as triangles, not SVG markers, which simpler renderers (ImageMagick's own) leave out
    out = [f'<path d="{path}" fill="none" stroke="#5a6270" stroke-width="1.2"{style}/>',
           f'<polygon points="{x2:.1f},{y2:.1f} {tip[0][0]:.1f},{tip[0][1]:.1f} {tip[1][0]:.1f},{tip[1][1]:.1f}" '
           'fill="#5a6270"/>']
    if labels:  # the numbers of the options taking this edge, where it leaves the menu
        text = ", ".join(labels)
        nx, ny = (way[0].x, way[0].y) if way and not going_back else (x2, y2)  # where the edge goes first
        lx, ly = x1 + (nx - x1) * 0.2, y1 + min(22, (ny - y1) / 3) if not going_back else y1 + 14
        w = len(text) * SMALL * CHAR + 8
        out.append(f'<rect x="{lx - w / 2:.1f}" y="{ly - SMALL:.1f}" width="{w:.1f}" height="{SMALL + 5}" rx="3" '
                   'fill="white" stroke="#5a6270" stroke-width="0.6"/>')
        out.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="{SMALL}" text-anchor="middle" fill="#30343c">'
                   f'{escape(text)}</text>')
    return out


def _curve(start: tuple[float, float], end: tuple[float, float]) -> str:
    (x1, y1), (x2, y2) = start, end
    bend = (y2 - y1) / 2
    return f" C{x1:.1f},{y1 + bend:.1f} {x2:.1f},{y2 - bend:.1f} {x2:.1f},{y2:.1f}"


def _node(box: Box, node: Node) -> list[str]:
    left, top, w, h = box.x - box.w / 2, box.y, box.w, box.h
    radius = {"scene": 8, "route": 2, "ending": 16, "menu": 0}[node.kind]
    stroke = "2.5" if node.kind in ("ending", "route") else "1"
    out = [f'<rect x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{radius}" '
           f'fill="{FILL[node.kind]}" stroke="#3a3f4a" stroke-width="{stroke}"/>']
    lines = _lines(node)
    if node.kind == "menu":  # its name centred, then its options, left-aligned
        font = SMALL + 1
        out.append(f'<text x="{box.x:.1f}" y="{top + 7 + font:.1f}" font-size="{font}" text-anchor="middle" '
                   f'font-weight="bold" fill="#1c1f26">{escape(lines[0])}</text>')
        out.extend(f'<text x="{left + 10:.1f}" y="{top + 7 + font + i * (font + 3):.1f}" font-size="{font}" '
                   f'fill="#1c1f26">{escape(line)}</text>' for i, line in enumerate(lines[1:], 1))
        return out
    first = top + 7 + FONT
    for i, line in enumerate(lines):
        bold = ' font-weight="bold"' if i == 0 and node.kind in ("ending", "route") else ""
        out.append(f'<text x="{box.x:.1f}" y="{first + i * (FONT + 3):.1f}" font-size="{FONT}" text-anchor="middle"'
                   f'{bold} fill="#1c1f26">{escape(line)}</text>')
    return out
