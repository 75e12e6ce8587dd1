"""`python -m game analyze`: the analysis of game/story/analysis.py, printed as text or JSON, or drawn as a page.
game/cli.py registers it and imports this module only when the command runs."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from .authoring import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEMS
from .jsonout import print_out


def cmd_analyze(args: argparse.Namespace, load: Callable) -> int:
    from .analysis_report import report
    from .story.analysis import analyze
    story = load(args)
    if story is None:
        return EXIT_PROBLEMS
    if args.route and args.route not in story.routes:
        print(f"unknown route '{args.route}' (the routes are: {', '.join(story.routes)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.plays < 0:
        print(f"--plays {args.plays}: give a number of random playthroughs per route, 0 or more", file=sys.stderr)
        return EXIT_BAD_INPUT
    data = analyze(story, args.route, args.plays, args.seed).to_json()
    text = report(story, data)
    html: Path | None = args.html
    if html is not None:
        from .analysis_html import page
        try:
            html.write_text(page(story, data), encoding="utf-8")
        except OSError as exc:
            print(f"{html}: cannot write the page ({exc.strerror})", file=sys.stderr)
            return EXIT_BAD_INPUT
        text += f"\n\nThe page: {html}"
    print_out(args, data, text)
    return EXIT_OK
