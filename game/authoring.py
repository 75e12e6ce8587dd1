"""The author's commands: `new` (a story pack to start from), `test` (a story's playthrough files, and the lines
none of them reaches) and `graph` (the scenes, menus and endings, drawn). game/cli.py registers them."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

from . import PROGRAM
from .jsonout import print_out
from .story.model import SayOp, Story
from .story.problems import display_path
# Each command imports what it uses: the CLI imports this module to build its parser, at every start of the game.

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2  # as in the table at the top of game/cli.py
Load = Callable[[argparse.Namespace], "Story | None"]
HELP = {
    "new": "make a small story pack to start from: it lints, plays and passes its own tests",
    "test": "play the story's playthrough files (tests/playthroughs/*.yaml); list the lines none reaches",
    "graph": "draw the scene graph with its menus and endings (--out FILE.svg or FILE.dot)",
}


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    """The arguments of the author's commands (nothing for the others)."""
    if name == "new":
        parser.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder for the story")
    if name == "graph":
        parser.add_argument("--route", metavar="ID", help="only this route")
        parser.add_argument("--out", type=Path, metavar="FILE.svg", required=True,
                            help="FILE.dot (Graphviz's text) or FILE.svg (a picture)")


def cmd_new(args: argparse.Namespace) -> int:
    from .newstory import FolderNotEmpty, new_story
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        print(f"{folder}: is a file, not a folder (new makes a story in a new or empty folder)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        made = new_story(folder)
    except FolderNotEmpty:
        print(f"{folder}: the folder is not empty (new makes a story only in a new or empty folder: "
              f"choose another name, or empty it first)", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"{exc.filename or folder}: cannot write the story ({exc.strerror})", file=sys.stderr)
        return EXIT_BAD_INPUT
    shown = display_path(folder)
    files = [display_path(p) for p in made]
    text = [f"A new story in {shown}, {len(files)} files:"] + [f"  {f}" for f in files] + [
        "Try it:",
        f"  {PROGRAM} lint --story {shown}",
        f"  {PROGRAM} play --story {shown} --route harbour --choose 1,1",
        f"  {PROGRAM} test --story {shown}",
        f"  {PROGRAM} --story {shown}          (in the window)",
        "docs/authoring.md walks through what each file does and how to write your own."]
    print_out(args, {"ok": True, "folder": shown, "files": files}, "\n".join(text))
    return EXIT_OK


def cmd_test(args: argparse.Namespace, load: Load) -> int:
    from .story.playtests import PLAYTHROUGH_FOLDER, playthrough_files, run_playthrough, unreached_lines
    story = load(args)
    if story is None:
        return EXIT_PROBLEMS
    root = Path(story.root)
    files = playthrough_files(root)
    if not files:
        print(f"{display_path(root / PLAYTHROUGH_FOLDER)}: no playthrough files (*.yaml) to run "
              f"(`{PROGRAM} new` makes a story with some; docs/authoring.md shows the format)", file=sys.stderr)
        return EXIT_PROBLEMS
    results = [run_playthrough(story, path) for path in files]
    seen = set().union(*(r.seen for r in results))
    unreached = unreached_lines(story, seen)
    failed = [r for r in results if not r.ok]
    lines = []
    for r in results:
        if r.ok:
            lines.append(f"{r.path}: ok ({f'ending {r.ending}' if r.ending else 'stopped at a menu'} "
                         f"after {r.choices} choices)")
        else:
            lines.append(f"{r.path}: FAILED")
            lines.extend(f"  {problem}" for problem in r.failures)
    lines.append(f"{len(results)} playthroughs: {len(results) - len(failed)} passed, {len(failed)} failed.")
    total = sum(1 for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp))
    if unreached:
        lines.append(f"{len(unreached)} of {total} lines no playthrough reaches:")
        lines.extend(f"  {op.where.path}:{op.where.line}: {_quoted(op.speaker, op.text)}" for op in unreached)
    else:
        lines.append(f"Every one of the {total} lines is reached by a playthrough.")
    data = {"ok": not failed, "files": [r.to_json() for r in results], "lines": total,
            "unreached": [{"path": op.where.path, "line": op.where.line, "id": op.line_id,
                           "text": _quoted(op.speaker, op.text)} for op in unreached]}
    print_out(args, data, "\n".join(lines))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _quoted(speaker: str | None, text: str, width: int = 60) -> str:
    line = f"{speaker}: {text}" if speaker else text
    return line if len(line) <= width else line[:width - 1] + "…"


def cmd_graph(args: argparse.Namespace, load: Load) -> int:
    from .scene_dot import to_dot
    from .scene_svg import to_svg
    from .story.scenegraph import build_graph
    story = load(args)
    if story is None:
        return EXIT_PROBLEMS
    route = args.route
    if route and route not in story.routes:
        print(f"unknown route '{route}' (the routes are: {', '.join(story.routes)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    out: Path = args.out
    if out.suffix.lower() not in (".svg", ".dot"):
        print(f"{out}: graph writes FILE.dot (Graphviz's text) or FILE.svg (a picture)", file=sys.stderr)
        return EXIT_BAD_INPUT
    graph = build_graph(story, route)
    title = f"{story.title}: {story.routes[route].title}" if route else story.title
    try:
        how = write_graph(to_dot(graph, title), lambda: to_svg(graph, title), out)
    except OSError as exc:
        print(f"{out}: cannot write the graph ({exc.strerror})", file=sys.stderr)
        return EXIT_BAD_INPUT
    kinds = {kind: sum(1 for n in graph.nodes.values() if n.kind == kind) for kind in ("scene", "menu", "ending")}
    counts = f"{kinds['scene']} scenes, {kinds['menu']} menus, {kinds['ending']} endings"
    print_out(args, {"out": str(out), "drawn_by": how, **{f"{k}s": v for k, v in kinds.items()}},
           f"{out}: {counts}" + {"dot": "", "graphviz": ", drawn by Graphviz",
                                 "self": ", drawn without Graphviz (install it for a finer layout)"}[how])
    return EXIT_OK


def write_graph(dot: str, svg: Callable[[], str], out: Path) -> str:
    """Write DOT text, or an SVG drawn by Graphviz's `dot` when it is installed and by game/scene_svg.py when it
    is not (or fails); which one: 'dot', 'graphviz' or 'self'."""
    if out.suffix.lower() == ".dot":
        out.write_text(dot, encoding="utf-8")
        return "dot"
    graphviz = shutil.which("dot")
    if graphviz:
        done = subprocess.run([graphviz, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, check=False)
        if done.returncode == 0 and done.stdout.lstrip().startswith((b"<?xml", b"<svg", b"<!DOCTYPE")):
            out.write_bytes(done.stdout)
            return "graphviz"
    out.write_text(svg(), encoding="utf-8")
    return "self"
