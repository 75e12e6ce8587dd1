"""`python -m game graph`: the scene graph with its menus and endings, as DOT text and as an SVG picture, drawn by
Graphviz when it is installed and by the project itself when not."""
from __future__ import annotations

import os
import re
import shutil
import stat
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from game.cli import main
from game.scene_dot import to_dot
from game.scene_svg import WAYPOINT, layout, to_svg
from game.story import load_story
from game.story.scenegraph import build_graph

MANIFEST = """title: Two "quoted" roads
characters: {ann: {name: Ann}}
meters: {trust: {max: 5}}
routes:
  r: {title: The Road, start: r.gate}
  s: {title: The Side, start: r.fork}
endings:
  r.home: {title: Home, route: r, when: trust >= 2, priority: 5}
  r.lost: {title: Lost, route: r}
  s.end: {title: Side end, route: s}
"""
SCENES = {
    "r/gate.yaml": """steps:
  - ann: Which way?
  - choice:
      - text: Left, to the fork.
        goto: r.fork
      - text: Right, to the fork as well.
        effects: {trust: +1}
        goto: r.fork
      - text: Give up.
        then:
          - ending: r.lost
""",
    "r/fork.yaml": """steps:
  - if: trust >= 5
    then:
      - goto: r.gate
  - choice:
      - text: Home.
        effects: {trust: +2}
      - text: Back to the gate.
        goto: r.gate
  - if: ended(r.lost)
    then:
      - ending: s.end
  - ending: best
""",
}


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(MANIFEST, SCENES))


def test_the_graph_has_routes_scenes_menus_and_endings(story) -> None:
    graph = build_graph(story, "r")
    kinds = {n: node.kind for n, node in graph.nodes.items()}
    assert kinds == {"route:r": "route", "r.gate": "scene", "r.gate#menu1": "menu", "r.fork": "scene",
                     "r.fork#menu1": "menu", "ending:r.lost": "ending", "ending:r.home": "ending",
                     "ending:s.end": "ending"}
    assert graph.nodes["r.gate#menu1"].options == ("Left, to the fork.", "Right, to the fork as well.", "Give up.")
    assert graph.edges == {
        ("route:r", "r.gate"): [],
        ("r.gate", "r.gate#menu1"): [],
        ("r.gate#menu1", "r.fork"): ["1", "2"],      # the options taking each way, by number
        ("r.gate#menu1", "ending:r.lost"): ["3"],
        ("r.fork", "r.gate"): [],                     # the goto inside the if, before the menu
        ("r.fork", "r.fork#menu1"): [],
        ("r.fork#menu1", "r.gate"): ["2"],
        ("r.fork#menu1", "ending:s.end"): ["1"],      # a named ending after the menu...
        ("r.fork#menu1", "ending:r.lost"): ["1"],     # ...and 'best': each ending of the route
        ("r.fork#menu1", "ending:r.home"): ["1"],
    }
    assert graph.nodes["ending:r.home"].label == "Home\nr.home\nwhen trust >= 2"
    assert graph.nodes["ending:r.lost"].label == "Lost\nr.lost\notherwise"


def test_a_route_option_keeps_to_its_route(story) -> None:
    side = build_graph(story, "s")
    assert "route:r" not in side.nodes and "route:s" in side.nodes and "r.gate" in side.nodes
    assert set(build_graph(story).nodes) >= set(side.nodes) | {"route:r"}


def test_dot_names_every_node_and_edge_and_escapes_quotes(story) -> None:
    graph = build_graph(story)
    dot = to_dot(graph, story.title)
    assert dot.startswith('digraph "Two \\"quoted\\" roads" {') and dot.rstrip().endswith("}")
    for node in graph.nodes:
        assert re.search(rf'^  "{re.escape(node)}" \[label=', dot, re.M), node
    for source, target in graph.edges:
        assert f'"{source}" -> "{target}"' in dot
    assert '"r.gate#menu1" -> "r.fork" [label="1, 2"];' in dot
    assert 'label="menu 1\\n1. Left, to the fork.\\l2. Right, to the fork as well.\\l3. Give up.\\l"' in dot


def test_layers_put_each_node_below_what_leads_to_it_but_for_the_ways_back(story) -> None:
    graph = build_graph(story)
    plan = layout(graph)
    layer = {n: i for i, row in enumerate(plan.rows) for n in row}
    assert sorted(n for n in layer if not n.startswith(WAYPOINT)) == sorted(graph.nodes)
    assert plan.back and all(layer[t] <= layer[s] for s, t in plan.back)  # r.fork -> r.gate goes back up
    assert all(layer[t] > layer[s] for s, t in graph.edges if (s, t) not in plan.back)
    # an edge that skips layers has one waypoint in each layer between, and no other edge has any
    for (s, t), way in plan.ways.items():
        assert [layer[p] for p in way] == list(range(layer[s] + 1, layer[t]))
    assert set(plan.ways) == {(s, t) for s, t in graph.edges if (s, t) not in plan.back and layer[t] - layer[s] > 1}
    assert plan.ways


def _boxes(svg: str) -> list[tuple[float, float, float, float]]:
    root = ElementTree.fromstring(svg)
    return [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
            for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("stroke") == "#3a3f4a"]


def test_the_svg_is_well_formed_and_no_two_nodes_overlap() -> None:
    story = load_story()  # the game's own story: the biggest graph there is
    graph = build_graph(story)
    svg = to_svg(graph, story.title)
    root = ElementTree.fromstring(svg)
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"vineyard.doorstep", "The Door Stays Closed", "menu 1", "when danger >= 7"} <= texts
    boxes = _boxes(svg)
    assert len(boxes) == len(graph.nodes)
    width, height = float(root.get("width")), float(root.get("height"))
    for i, (x, y, w, h) in enumerate(boxes):
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
        for x2, y2, w2, h2 in boxes[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "two nodes overlap"


def test_graph_writes_dot_and_its_own_svg_without_graphviz(story_dir, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = story_dir(MANIFEST, SCENES)
    monkeypatch.setenv("PATH", str(tmp_path / "no-graphviz"))
    assert main(["graph", "--story", str(root), "--out", str(tmp_path / "g.dot")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'g.dot'}: 2 scenes, 2 menus, 3 endings\n"
    assert (tmp_path / "g.dot").read_text(encoding="utf-8").startswith("digraph")
    assert main(["graph", "--story", str(root), "--route", "r", "--out", str(tmp_path / "g.svg")]) == 0
    assert capsys.readouterr().out.endswith("drawn without Graphviz (install it for a finer layout)\n")
    ElementTree.parse(tmp_path / "g.svg")


def test_graph_uses_graphviz_when_it_is_installed(story_dir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A stand-in `dot` on PATH that records the DOT it is given and answers with an SVG."""
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text(f"#!/bin/sh\ncat > {tmp_path / 'given.dot'}\n"
                    "echo '<svg xmlns=\"http://www.w3.org/2000/svg\"><text>by graphviz</text></svg>'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tools) + os.pathsep + os.environ.get("PATH", ""))
    root = story_dir(MANIFEST, SCENES)
    assert main(["graph", "--story", str(root), "--out", str(tmp_path / "g.svg")]) == 0
    assert capsys.readouterr().out.endswith(", drawn by Graphviz\n")
    assert "by graphviz" in (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert (tmp_path / "given.dot").read_text(encoding="utf-8") == to_dot(build_graph(load_story(root)),
                                                                         load_story(root).title)


@pytest.mark.parametrize("argv, message", [
    (["--out", "g.png"], "g.png: graph writes FILE.dot (Graphviz's text) or FILE.svg (a picture)"),
    (["--route", "rr", "--out", "g.svg"], "unknown route 'rr' (the routes are: r, s)"),
])
def test_graph_refuses_bad_input(story_dir, argv: list[str], message: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--story", str(story_dir(MANIFEST, SCENES)), *argv]) == 2
    assert capsys.readouterr().err == message + "\n"


@pytest.mark.skipif(shutil.which("dot") is None,
                    reason="Graphviz's dot is not installed (Debian: apt install graphviz; .ci/run installs it)")
def test_the_real_graphviz_reads_the_dot_and_draws_every_scene_menu_and_ending(story_dir, tmp_path: Path,
                                                                               capsys) -> None:
    """The DOT is Graphviz's own language as Graphviz reads it: the real dot draws each node, titled by its id."""
    root = story_dir(MANIFEST, SCENES)
    assert main(["graph", "--story", str(root), "--out", str(tmp_path / "g.svg")]) == 0
    assert capsys.readouterr().out.endswith(", drawn by Graphviz\n")
    svg = ElementTree.parse(tmp_path / "g.svg").getroot()
    titles = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")}
    graph = build_graph(load_story(root))
    assert set(graph.nodes) <= titles
    assert any("->" in (t or "") for t in titles)    # the edges too
