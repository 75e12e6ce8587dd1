"""The command line: lint, routes, play, explore, stats and shot over a story folder, or the game's window; the
author's new, test and graph (game/authoring.py), analyze (game/analysis_command.py), and translate extract
and check (game/i18n/commands.py).

Whatever goes wrong, the command ends with one line on standard error and an exit code, never a traceback:

    0    done (for explore: no problems found)
    1    the story has problems (lint's verdict; every command checks the story first)
    2    bad input: an unknown route, a save that cannot be read, choices that do not exist...
    3    cannot start here: a font package or font file is missing, or no window can open (no display)
    4    an unexpected error (a bug): the traceback goes to last-error.txt in the player's data folder
    130  interrupted (Ctrl+C)
    141  the reader of the output went away before the end (`python -m game routes | head -1`): the rest is
         dropped quietly, and the code is 128 + SIGPIPE, what a shell reports for any program a closed pipe ends

Text the terminal's encoding cannot show (PYTHONIOENCODING=ascii, and the story's accents) is written as
backslash escapes, and --json output as \\u escapes, so it is still one valid JSON object.
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable

# Only what every command needs is imported here: the window's start, playing a story kept from its last start,
# never loads the YAML reader, the checker or the explorer (game/story/kept.py, docs/performance.md).
from . import PROGRAM, __version__
from .jsonout import print_json, print_out
from .story import SaveError, StoryError
from .story.home import default_root
from .story.problems import Problem, capped

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_CANNOT_START, EXIT_UNEXPECTED = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_PIPE_CLOSED = 130, 141
ERROR_DETAILS = "last-error.txt"  # in paths.data_dir(): the traceback of an unexpected error, for a bug report


def _load(args: argparse.Namespace, kept: bool = False):
    """The story, or None after printing every problem (as JSON with --json). kept: the window's start, which
    reads the checked story from the cache folder when no file of it changed since (game/story/kept.py)."""
    try:
        if kept:
            from .paths import cache_dir
            from .story.kept import load_kept
            return load_kept(Path(args.story), cache_dir() / "story", _load_story)
        return _load_story(args.story)
    except StoryError as exc:
        _print_problems(args, exc.problems)
        return None


def _load_story(root: Path):
    from .story.loader import load_story
    return load_story(root)


def _print_problems(args: argparse.Namespace, problems: tuple[Problem, ...]) -> None:
    """Errors, warnings and notes, in file order; a message repeated in many places is shown 50 times."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if args.json:
        print_json({"ok": False, "errors": [p.to_json() for p in errors],
                     "warnings": [p.to_json() for p in warnings]})
        return
    for line in capped(problems):
        print(line, file=sys.stderr)
    also = f" (and {_counted(len(warnings), 'warning')})" if warnings else ""
    print(f"{_counted(len(errors), 'problem')} in {args.story}{also}", file=sys.stderr)


def cmd_lint(args: argparse.Namespace) -> int:
    from .story.loader import lint_story
    from .story.stats import story_stats
    try:
        story, warnings = lint_story(args.story)
    except StoryError as exc:
        _print_problems(args, exc.problems)
        return EXIT_PROBLEMS
    if not args.json:
        for line in capped(warnings):
            print(line, file=sys.stderr)
    s = story_stats(story)
    summary = {"ok": True, "title": story.title, "scenes": s["scenes"], "lines": s["lines"],
               "words": s["words"], "menus": s["menus"], "choices": s["choices"],
               "endings": s["endings"], "routes": len(story.routes), "errors": [],
               "warnings": [p.to_json() for p in warnings]}
    translation = _translation_warnings(story)
    if translation:
        summary["translation_warnings"] = translation
        if not args.json:
            for warning in translation:
                print(f"warning: {warning}", file=sys.stderr)
    counts = ", ".join(_counted(s[k], k.rstrip("s")) for k in ("scenes", "lines", "words"))
    clean = f"clean but for {_counted(len(warnings), 'warning')}" if warnings else "clean"
    print_out(args, summary, f"{story.title}: {clean}. {counts}, {_counted(s['menus'], 'menu')} "
                        f"({_counted(s['choices'], 'choice')}), {_counted(s['endings'], 'ending')} "
                        f"in {_counted(len(story.routes), 'route')}.")
    return EXIT_OK


def _translation_warnings(story) -> list[str]:
    """What `translate check` would say of each language under the story's translations/, but the text box's
    measure (it needs the fonts): warnings, as a translation never stops the story from being played."""
    if not (Path(story.root) / "translations").is_dir():
        return []
    from .i18n.catalog import SOURCE_LANGUAGE, languages
    from .i18n.check import check
    from .ui.words import WORDS
    out: list[str] = []
    for lang in languages(story.root):
        if lang != SOURCE_LANGUAGE:
            report = check(story, lang, WORDS)
            out.extend(str(f) for f in report.findings)
            if not report.ok:
                out.append(f"translations/{report.summary()} ({PROGRAM} translate check --lang {lang})")
    return out


def cmd_routes(args: argparse.Namespace) -> int:
    story = _load(args)
    if story is None:
        return EXIT_PROBLEMS
    data = {"routes": [{"id": r.id, "title": r.title, "start": r.start, "blurb": r.blurb}
                       for r in story.routes.values()],
            "endings": [{"id": e.id, "title": e.title, "route": e.route} for e in story.endings.values()]}
    lines = []
    for r in story.routes.values():
        lines.append(f"{r.id}: {r.title} (starts at {r.start})")
        if r.blurb:
            lines.append(f"    {r.blurb}")
        for e in story.endings_of(r.id):
            lines.append(f"    ending {e.id}: {e.title}")
    print_out(args, data, "\n".join(lines))
    return EXIT_OK


def _choices(text: str) -> list[int]:
    import argparse   # as build_parser: the window's start needs no parser
    try:
        numbers = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError("choices are numbers from 1, separated by commas, e.g. 2,1,3") from None
    if any(n < 1 for n in numbers):
        raise argparse.ArgumentTypeError("choices count from 1")
    return numbers


def _ending_ids(text: str) -> list[str]:
    return [part for part in text.replace(" ", "").split(",") if part]


ENDED_HELP = ("each route's latest ending, as the player's records would give it (what ended() reads), "
              "e.g. vineyard.found,paris.friends")

AT_HELP = ("start at this line, with the meters, flags and visits of the shortest path to it from the route's "
           f"start (the lines' ids: {PROGRAM} play --json)")


def cmd_play(args: argparse.Namespace) -> int:
    from .story import read_save, write_save
    from .story.playthrough import play, transcript
    story = _load(args)
    if story is None:
        return EXIT_PROBLEMS
    source = story   # saves go by the story as written: they hold ids, whatever the language
    if args.lang:
        story = _in_language(story, args.lang)
        if story is None:
            return EXIT_BAD_INPUT
    from .story.runner import Runner   # here: the window's start, which needs no runner before its first frame
    try:
        if args.load:
            state, _meta = read_save(args.load, source)
            if args.route and args.route != state.route:
                print(f"{args.load}: the save is on route '{state.route}', not '{args.route}'", file=sys.stderr)
                return EXIT_BAD_INPUT
            runner = Runner(story, state)
        elif args.route:
            from .story.state import check_past
            runner = Runner.new(story, args.route, check_past(story, args.ended))
        else:
            print(f"play needs --route ID or --load FILE (see `{PROGRAM} routes`)", file=sys.stderr)
            return EXIT_BAD_INPUT
        result = play(story, runner, args.choose, args.random)
    except SaveError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoryError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.save:
        try:
            write_save(args.save, runner.checkpoint, {"route": runner.state.route, "scene": runner.state.scene},
                       source)
        except OSError as exc:
            print(f"{args.save}: cannot write the save ({exc.strerror})", file=sys.stderr)
            return EXIT_BAD_INPUT
    if args.json:
        print_json(result.to_json())
    else:
        print("\n".join(transcript(story, result.events, result.choices)).lstrip("\n"))
        if result.stopped == "menu":
            print(f"\n(stopped at a menu after {len(result.choices)} choices: add more to --choose)")
    return EXIT_OK


def cmd_translate(args: argparse.Namespace) -> int:
    from .i18n.commands import cmd_translate as translate
    return translate(args, _load, print_out)


def _in_language(story, lang: str):
    """The story in `lang`, or None after saying which languages it has."""
    from .i18n.catalog import story_texts
    from .story.translated import translated
    if not _has_language(story, lang):
        return None
    return translated(story, story_texts(story.root, lang))


def _has_language(story, lang: str) -> bool:
    """Whether the story has `lang` (its own, or a folder of translations/); if not, says which it has."""
    from .i18n.catalog import languages
    found = languages(story.root)
    if lang in found:
        return True
    print(f"no translation '{lang}' in {Path(story.root) / 'translations'} (the story's languages are: "
          f"{', '.join(found)})", file=sys.stderr)
    return False


def cmd_explore(args: argparse.Namespace) -> int:
    from .progress import terminal_progress
    from .story.explore import explore
    story = _load(args)
    if story is None:
        return EXIT_PROBLEMS
    if args.route and args.route not in story.routes:
        print(f"unknown route '{args.route}' (the routes are: {', '.join(story.routes)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    progress = terminal_progress(sys.stderr, quiet=args.json)  # a big story takes a while: say how far it got
    try:
        report = explore(story, args.route, progress=progress)
    finally:
        if progress is not None:
            progress.clear()
    print_out(args, report.to_json(), "\n".join(report.lines()))
    # an ending the budget could not decide is "incomplete" (exit 2), never called unreachable
    return {"ok": EXIT_OK, "problems": EXIT_PROBLEMS, "incomplete": EXIT_BAD_INPUT}[report.status]


def cmd_stats(args: argparse.Namespace) -> int:
    from .story.stats import story_stats
    story = _load(args)
    if story is None:
        return EXIT_PROBLEMS
    s = story_stats(story)
    lines = [f"{story.title}: {_counted(s['words'], 'word')}, {_counted(s['lines'], 'line')}, "
             f"{_counted(s['menus'], 'menu')}"]
    for rid, r in s["routes"].items():
        lines.append(f"  route {rid}: {_counted(r['words'], 'word')}, {_counted(r['lines'], 'line')}, "
                     f"{_counted(r['menus'], 'menu')}")
    for cid, c in s["characters"].items():
        lines.append(f"  {cid}: {_counted(c['words'], 'word')} in {_counted(c['lines'], 'line')}")
    data = {k: s[k] for k in ("words", "lines", "menus", "routes", "characters")}
    print_out(args, data, "\n".join(lines))
    return EXIT_OK


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def cmd_shot(args: argparse.Namespace) -> int:
    story = _load(args)
    if story is None:
        return EXIT_PROBLEMS
    from .ui.launch import shot, shot_screen
    from .ui.theme import FontMissing, missing_fonts
    if (args.route is None and args.at is None) == (args.screen is None):
        print("shot needs --route ID or --at LINE_ID (a moment of play) or --screen NAME (a menu screen), not both",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    fonts = missing_fonts()
    if fonts:
        print(f"cannot draw: {fonts}", file=sys.stderr)
        return EXIT_CANNOT_START
    try:
        if args.screen:
            result = shot_screen(story, args.screen, args.out)
        else:
            from .story.state import check_past
            from .story.warp import warp
            start = warp(story, args.at, args.route, check_past(story, args.ended)).state if args.at else None
            result = shot(story, args.route, args.choose or [], args.line, args.out, args.ended, start)
    except StoryError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except FontMissing as exc:
        print(f"cannot draw: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    except OSError as exc:
        print(f"{args.out}: cannot write the picture ({exc.strerror})", file=sys.stderr)
        return EXIT_BAD_INPUT
    where = (f"the {result['shows']} screen" if args.screen
             else f"the {result['shows']} after {_counted(result['line'], 'line')}")
    print_out(args, result, f"{result['out']}: {where}")
    for failed in result["failed"]:   # the picture is written, without the background that did not draw
        print(f"{failed} (drawn without it)", file=sys.stderr)
    return EXIT_PROBLEMS if result["failed"] else EXIT_OK


def launch(args: argparse.Namespace) -> int:
    """No command: open the game's window (at the title, or straight into --route)."""
    story = _load(args, kept=True)
    if story is None:
        return EXIT_PROBLEMS
    if args.route and args.route not in story.routes:
        print(f"unknown route '{args.route}' (the routes are: {', '.join(story.routes)})", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.lang and not _has_language(story, args.lang):
        return EXIT_BAD_INPUT
    from .ui.launch import play_in_window, player_past  # first: game/ui sets SDL's environment before pygame starts
    from .ui.theme import FontMissing, missing_fonts
    start = None
    if args.at:
        from .story.warp import warp
        try:
            start = warp(story, args.at, args.route, player_past(story)).state
        except StoryError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_BAD_INPUT
    problem = missing_fonts() or _window_problem()
    if problem:
        print(f"cannot start the game: {problem}", file=sys.stderr)
        return EXIT_CANNOT_START
    from .console import release_own_console
    release_own_console()
    try:
        return play_in_window(story, args.route, start, args.lang)
    except FontMissing as exc:  # a font file gone while the game ran
        print(f"the game stopped: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START


def _window_problem() -> str | None:
    """Why no window can open here, in one line, or None.

    With no display SDL falls back to its invisible 'offscreen' driver and the game would run unseen and
    never end, so that driver (or 'dummy') counts as no display unless SDL_VIDEODRIVER asked for it.
    """
    import pygame
    asked = os.environ.get("SDL_VIDEODRIVER", "")
    try:
        pygame.display.init()
    except pygame.error as exc:
        where = f" (SDL_VIDEODRIVER is '{asked}')" if asked else ""
        return f"no window can open: {exc}{where}"
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and driver not in asked.lower().replace(" ", "").split(","):
        pygame.display.quit()
        return ("no display found to open a window on (start it from a desktop session; "
                "lint, routes, play, explore, stats and shot need no window)")
    return None


def _analyze(args: argparse.Namespace) -> int:
    from .analysis_command import cmd_analyze  # the analysis and its page load only when asked for
    return cmd_analyze(args, _load)


def window_args() -> SimpleNamespace:
    """What build_parser().parse_args([]) gives: a player's start, with no arguments, does not build the parser
    of every command (argparse and the authoring commands: 4 ms before the title's first frame)."""
    return SimpleNamespace(story=default_root(), route=None, at=None, lang=None, json=False, command=None)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from . import authoring
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --story given before the command (python -m game --story DIR play) is not overwritten by this
    # parser's default when the command does not repeat it
    common.add_argument("--story", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="a story folder holding scenes/ and assets/ (default: the game's own)")
    common.add_argument("--json", action="store_true", help="print one JSON object and nothing else")
    parser = argparse.ArgumentParser(prog=PROGRAM, description="Under the Same Stars. With no command, "
                                     "the game opens in a window.")
    parser.add_argument("--version", action="version", version=f"Under the Same Stars {__version__}")
    parser.add_argument("--story", type=Path, default=default_root(), metavar="DIR",
                        help="play a story folder holding scenes/ and assets/ (default: the game's own)")
    parser.add_argument("--route", metavar="ID", help="start straight into a route")
    parser.add_argument("--at", metavar="LINE_ID", help=AT_HELP)
    parser.add_argument("--lang", metavar="CODE", help="show the game in this language for this time (a folder of "
                        "the story's translations/; the Language setting, else the system's language, otherwise)")
    parser.set_defaults(json=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, tuple[Callable, str]] = {
        "lint": (cmd_lint, "check every scene; list every problem"),
        "routes": (cmd_routes, "list the routes and their endings"),
        "play": (cmd_play, "play without a window and print the transcript"),
        "explore": (cmd_explore, "walk every path: endings, dead ends, unreached scenes"),
        "stats": (cmd_stats, "words, lines and menus per route and per character"),
        "shot": (cmd_shot, "save a picture of what the player sees at a moment of play, without a window"),
        "new": (authoring.cmd_new, authoring.HELP["new"]),
        "test": (lambda args: authoring.cmd_test(args, _load), authoring.HELP["test"]),
        "graph": (lambda args: authoring.cmd_graph(args, _load), authoring.HELP["graph"]),
        "analyze": (_analyze, "what every path does: meter ranges, unused flags, idle options, endings by strategy"),
        "translate": (cmd_translate, "write the PO files a translator works in (extract), or check a translation"),
    }
    for name, (func, helptext) in commands.items():
        p = sub.add_parser(name, parents=[common], help=helptext, description=helptext)
        p.set_defaults(func=func)
        authoring.add_arguments(name, p)
        if name in ("play", "explore"):
            p.add_argument("--route", metavar="ID")
        if name == "shot":
            p.add_argument("--route", metavar="ID", help="the route to play")
            p.add_argument("--screen", choices=("title", "routes", "settings", "endings"),
                           help="a menu screen instead of a moment of play")
            p.add_argument("--choose", type=_choices, metavar="2,1", help="answer menus in order (from 1)")
            p.add_argument("--line", type=int, metavar="N", help="the Nth line shown (default: where the choices "
                           "run out)")
            p.add_argument("--at", metavar="LINE_ID", default=argparse.SUPPRESS, help=AT_HELP)  # as --story
            p.add_argument("--out", type=Path, metavar="FILE.png", required=True)
            p.add_argument("--ended", type=_ending_ids, default=[], metavar="ENDING,...", help=ENDED_HELP)
        if name == "analyze":
            p.add_argument("--route", metavar="ID", help="only this route")
            p.add_argument("--html", type=Path, metavar="FILE.html", help="also write the analysis as a page")
            p.add_argument("--plays", type=int, default=2000, metavar="N", help="random playthroughs per route")
            p.add_argument("--seed", type=int, default=0, metavar="S", help="the random playthroughs' seed")
        if name == "translate":
            from .i18n.commands import add_arguments   # argparse only: polib is read when the command runs
            add_arguments(p)
        if name == "play":
            p.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS,
                           help="print the lines in this language (a folder of the story's translations/), where a "
                           "translation exists")
            how = p.add_mutually_exclusive_group()
            how.add_argument("--choose", type=_choices, metavar="2,1,3", help="answer menus in order (from 1)")
            how.add_argument("--random", type=int, metavar="SEED", help="answer menus at random")
            p.add_argument("--load", type=Path, metavar="FILE", help="start from a save")
            p.add_argument("--save", type=Path, metavar="FILE", help="save where play stopped")
            p.add_argument("--ended", type=_ending_ids, default=[], metavar="ENDING,...", help=ENDED_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command, or the game's window, and return the exit code (see the table at the top)."""
    _forgiving_streams()
    try:
        try:
            code = _run(argv)
        except SystemExit:  # argparse's --help and usage errors: what they printed may meet a closed pipe too
            _flush_output()
            raise
        _flush_output()  # a closed pipe shows here at the latest, while the command can still end quietly
        return code
    except BrokenPipeError:
        return _pipe_closed()


def _run(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv) if argv else window_args()
    if args.command is not None:
        gc.enable()   # paused while the program started (game/entry.py); the window's first frame enables it
    try:
        return launch(args) if args.command is None else args.func(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as exc:  # a bug: one line for the player, the traceback in a file for the bug report
        print(_unexpected(exc), file=sys.stderr)
        return EXIT_UNEXPECTED


def _unexpected(exc: Exception) -> str:
    """The one line that reports an unexpected error, after writing its traceback to ERROR_DETAILS."""
    import traceback
    from .paths import data_dir
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    details = data_dir() / ERROR_DETAILS
    try:
        details.parent.mkdir(parents=True, exist_ok=True)
        details.write_text(f"{PROGRAM} {' '.join(sys.argv[1:])}\nPython {sys.version.split()[0]}\n\n"
                           + "".join(traceback.format_exception(exc)), encoding="utf-8", errors="backslashreplace")
    except OSError as write_error:
        return f"unexpected error: {what} (and its details could not be written to {details}: {write_error.strerror})"
    return f"unexpected error: {what} (the details are in {details}: please send them with a bug report)"


def _forgiving_streams() -> None:
    """Characters the output's encoding lacks come out as backslash escapes instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue  # closed at start (`>&-`), or replaced by a caller
        utf = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "").startswith("utf")
        if stream.errors == "strict" or (not utf and stream.errors == "surrogateescape"):
            stream.reconfigure(errors="backslashreplace")


def _flush_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def _pipe_closed() -> int:
    """The reader went away (`| head -1`): whatever is left goes to the null device, so that Python's own
    flush at exit meets no closed pipe either, and the command ends without a word."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                try:
                    stream.flush()
                except BrokenPipeError:
                    os.dup2(devnull, stream.fileno())
            except (AttributeError, OSError, ValueError):  # None, or a stream with no descriptor (a test's capture)
                pass
    finally:
        os.close(devnull)
    return EXIT_PIPE_CLOSED
