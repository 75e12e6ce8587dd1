"""The scene graph as Graphviz DOT text: routes, scenes, menus and endings, each kind its own shape."""
from __future__ import annotations

from .story.scenegraph import SceneGraph

SHAPES = {
    "route": 'shape=house, style=filled, fillcolor="#f3e2b3"',
    "scene": 'shape=box, style="rounded,filled", fillcolor="#dfe7f2"',
    "menu": 'shape=note, style=filled, fillcolor="#f2dcd5", fontsize=10',
    "ending": 'shape=doubleoctagon, style=filled, fillcolor="#d9ecd6"',
}


LEFT = "\x00"  # ends a line to be left-aligned (DOT's \\l)


def quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(LEFT, "\\l")
    return f'"{escaped}"'


def to_dot(graph: SceneGraph, title: str) -> str:
    lines = [f"digraph {quoted(title)} {{",
             f"  label={quoted(title)}; labelloc=t; fontname=\"Helvetica\";",
             '  node [fontname="Helvetica", fontsize=12];',
             '  edge [fontname="Helvetica", fontsize=9, color="#5a6270"];']
    for node in graph.nodes.values():
        options = "".join(f"{i}. {text}{LEFT}" for i, text in enumerate(node.options, 1))
        label = quoted(f"{node.label}\n{options}" if options else node.label)
        lines.append(f"  {quoted(node.id)} [label={label}, {SHAPES[node.kind]}];")
    for (source, target), labels in graph.edges.items():
        label = f" [label={quoted(', '.join(labels))}]" if labels else ""
        lines.append(f"  {quoted(source)} -> {quoted(target)}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"
