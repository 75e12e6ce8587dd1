"""`python -m game translate extract|check --lang LANG`, registered by game/cli.py."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any, Callable

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_CANNOT_START = 0, 1, 2, 3   # as in the table at the top of game/cli.py
HELP = "write the PO files a translator works in (extract), or check a translation (check)"
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
Load = Callable[[argparse.Namespace], Any]
Print = Callable[[argparse.Namespace, dict, str], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("extract", "check"), help="extract: write or update the PO files; "
                        "check: count what is missing, fuzzy or obsolete and find what does not fit")
    parser.add_argument("--lang", required=True, metavar="CODE", help="the language, e.g. fr or pt_BR")


def language(text: str) -> str:
    if not LANGUAGE.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a language code: use two or three small letters, "
                                         f"e.g. fr, or with a country, e.g. pt_BR")
    return text


def cmd_translate(args: argparse.Namespace, load: Load, out: Print) -> int:
    from ..ui.words import WORDS   # the table only: game/ui/words.py imports nothing from pygame
    from .catalog import SOURCE_LANGUAGE
    if args.lang == SOURCE_LANGUAGE:
        print(f"'{args.lang}' is the story's own language: give the language to translate into, e.g. --lang fr",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    story = load(args)
    if story is None:
        return EXIT_PROBLEMS
    if args.action == "extract":
        return _extract(args, story, WORDS, out)
    return _check(args, story, WORDS, out)


def _extract(args: argparse.Namespace, story, words: dict[str, str], out: Print) -> int:
    from ..progress import terminal_progress
    from .extract import extract
    progress = terminal_progress(sys.stderr, quiet=args.json)
    tell = None
    if progress is not None:
        def tell(done: int, total: int) -> None:
            progress.say(f"writing translations/{args.lang}: {done} of {total} files")
    try:
        result = extract(story, args.lang, words, tell)
    except OSError as exc:
        print(f"{getattr(exc, 'filename', '') or 'translations'}: cannot write ({exc.strerror}): check the folder "
              f"can be written to", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        if progress is not None:
            progress.clear()
    root = Path(story.root)
    data = {"language": args.lang, "files": [{"path": w.path.relative_to(root).as_posix(), "entries": w.entries,
                                              "added": w.added, "fuzzy": w.fuzzy, "obsolete": w.obsolete,
                                              "written": w.changed} for w in result.files]}
    out(args, data, "\n".join(result.lines(root)))
    return EXIT_OK


def _check(args: argparse.Namespace, story, words: dict[str, str], out: Print) -> int:
    from .check import check
    measure = _measure()
    if isinstance(measure, str):
        print(f"cannot measure the text box: {measure}", file=sys.stderr)
        return EXIT_CANNOT_START
    report = check(story, args.lang, words, measure)
    lines = [str(f) for f in report.findings] + [report.summary()]
    out(args, report.to_json(), "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _measure():
    """The text box's measure (game/ui/fit.py), or why the fonts cannot be read."""
    from ..ui.theme import FontMissing, missing_fonts
    problem = missing_fonts()
    if problem:
        return problem
    from ..ui.fit import layout_problem, pages
    try:
        pages("", True)
    except FontMissing as exc:
        return str(exc)
    return pages, layout_problem
