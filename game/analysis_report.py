"""The text `python -m game analyze` prints: what game/story/analysis.py found, for people to read."""
from __future__ import annotations

from typing import Any

from . import PROGRAM
from .story.model import Story
from .story.usage import place


def values_text(values: list[int]) -> str:
    """2..7 when every value between occurs, else the values: {0, 3, 5}."""
    if not values:
        return "-"
    if len(values) == 1:
        return str(values[0])
    if values[-1] - values[0] + 1 == len(values):
        return f"{values[0]}..{values[-1]}"
    return "{" + ", ".join(map(str, values)) + "}"


def percent(share: float | None) -> str:
    return "-" if share is None else f"{100 * share:.1f}%"


def _counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def report(story: Story, data: dict[str, Any]) -> str:
    """The analysis (as Analysis.to_json() gives it) as text."""
    scope = f"route {data['route']}" if data["route"] else "every route"
    states = sum(r["states"] for r in data["routes"].values())
    out = [f"Analysis of {data['title']} ({scope}): {states:,} states at menus, walked exhaustively; "
           f"{data['plays']:,} random playthroughs per route (seed {data['seed']})."]
    for rid, r in data["routes"].items():
        out += [""] + _route(story, rid, r)
    out += [""] + _dominant(story, data)
    out += [""] + _usage(story, data["usage"], data["route"])
    out += [""] + _coverage(data)
    return "\n".join(out)


def _route(story: Story, rid: str, r: dict[str, Any]) -> list[str]:
    pasts = len(r["pasts"])
    shown = "; ".join(", ".join(p) or "(none)" for p in r["pasts"]) if pasts <= 6 else "--json lists them"
    past_text = "" if pasts == 1 and not r["pasts"][0] else (
        f"; walked from each of {pasts} pasts (which endings of other routes its ended() reads: {shown}), "
        f"figures over all")
    out = [f"== Route {rid} ({r['title']}): {_counted(r['states'], 'state')} at menus{past_text}"]
    if r["truncated"]:
        out.append("  INCOMPLETE: over the analysis's budget of states; the figures cover only what was walked")
    out.append(f"  Endings (best: {', '.join(r['best']) or 'none'}), under random play and how close each is "
               f"(the share of states arriving at 'ending: best' for which its 'when:' holds):")
    width = max((len(e) for e in r["endings"]), default=0)
    for eid, e in r["endings"].items():
        reach = "" if e["reachable"] else "  UNREACHABLE"
        out.append(f"    {eid:<{width}}  random {percent(e['random']):>6}  holds {percent(e['closeness']):>6}  "
                   f"{e['when'] or '(no when: the fallback)'}  [{e['where']}]{reach}")
    if r["random"]["stuck"]:
        out.append(f"    {r['random']['stuck']} random plays stopped at a dead end or went round without end "
                   f"(`{PROGRAM} explore` gives the path)")
    out.append("  Fixed strategies (ending reached; over pasts: how many reach it):" if r["policies"] else
               "  Fixed strategies: none (no menu offers a choice)")
    for name, reached in r["policies"].items():
        ends = ", ".join(f"{e or 'no ending'}" + (f" x{n}" if pasts > 1 else "") for e, n in reached.items())
        star = "  <- best" if any(e in r["best"] for e in reached) else ""
        out.append(f"    {name:<22} {ends}{star}")
    for pair in r["never_matter"]:
        a, b = pair["options"]
        out.append(f"  {pair['where']}: options {a} and {b} of menu {pair['menu']} never matter: "
                   f"\"{pair['texts'][0]}\" and \"{pair['texts'][1]}\" lead to the same state wherever both can "
                   f"be chosen (give one its own effect or way on, or merge them)")
    for dead in r["dead_ends"]:
        out.append(f"  {dead['where']}: dead end: {dead['reason']} (`{PROGRAM} explore` gives the path)")
    names = list(story.meters)
    out.append("  Meter values on entering each scene (" + ", ".join(names) + "):")
    for scene, ranges in r["scenes"].items():
        where = place(story.scenes[scene].where) if scene in story.scenes else scene
        out.append(f"    {scene}: " + "  ".join(f"{m} {values_text(ranges[m]['values'])}" for m in names
                                                if m in ranges) + f"  [{where}]")
    out.append("  Meter values at each menu:" if r["menus"] else "  Meter values at each menu: (no menu)")
    for menu, entry in r["menus"].items():
        ranges = entry["meters"]
        out.append(f"    {menu}: " + "  ".join(f"{m} {values_text(ranges[m]['values'])}" for m in names
                                               if m in ranges) + f"  [{entry['where']}]")
    return out


def _dominant(story: Story, data: dict[str, Any]) -> list[str]:
    if not data["dominant"]:
        return ["No dominant strategy: no fixed strategy reaches the best ending of more than one route."]
    out = ["Dominant strategies (each reaches the best ending of more than one route):"]
    for d in data["dominant"]:
        for rid in d["routes"]:
            best = data["routes"][rid]["best"]
            where = data["routes"][rid]["endings"][best[0]]["where"] if best else ""
            out.append(f"  {where}: '{d['strategy']}' reaches {', '.join(best)} on route {rid} "
                       f"(make its 'when:' need more than one kind of answer)")
    return out


def _usage(story: Story, u: dict[str, Any], route: str | None) -> list[str]:
    out = ["Meters and flags (where set and read: --json lists every place):"]
    for meter, entry in u["meters"].items():
        out.append(f"  meter {meter}: set at {_counted(len(entry['set']), 'place')}, read at "
                   f"{_counted(len(entry['read']), 'place')}")
    for meter in u["meters_unused"]:
        scope = f" on route {route}" if route else ""
        out.append(f"  {place(story.meters[meter].where)}: meter '{meter}' is declared but nothing{scope} sets or "
                   f"reads it (remove it, or give options effects on it)")
    for meter in u["meters_never_read"]:
        out.append(f"  {place(story.meters[meter].where)}: meter '{meter}' is changed but no condition or "
                   f"ending reads it (fine if the player only watches it; else read it in a 'when:' or 'if:')")
    for flag in u["flags_never_read"]:
        out.append(f"  {u['flags'][flag]['set'][0]}: flag '{flag}' is set but never read "
                   f"(read it in an 'if:' or 'when:', or remove the effect)")
    for flag in u["flags_never_set"]:
        out.append(f"  {u['flags'][flag]['read'][0]}: flag '{flag}' is read but never set, so it is always false "
                   f"(set it in an option's effects, or check its spelling)")
    if not (u["meters_unused"] or u["flags_never_read"] or u["flags_never_set"]):
        out.append("  Every flag set is read somewhere, every flag read is set, every meter is used.")
    return out


def _coverage(data: dict[str, Any]) -> list[str]:
    cover = data["coverage"]
    out = []
    if cover["unreachable"]:
        out.append(f"{len(cover['unreachable'])} of {cover['lines']} lines no path ever shows (fix the condition "
                   f"or the goto before them, or remove them):")
        out += [f"  {line['where']}: {_said(line)}" for line in cover["unreachable"]]
    if cover["missed"]:
        out.append(f"{len(cover['missed'])} of {cover['lines']} lines some path shows but random play never did "
                   f"(write a playthrough file that reaches them, or make the way there likelier):")
        out += [f"  {line['where']}: {_said(line)}" for line in cover["missed"]]
    if not out:
        out.append(f"Random play showed every one of the {cover['lines']} lines.")
    return out


def _said(line: dict[str, Any]) -> str:
    text = (f"{line['speaker']}: " if line["speaker"] else "") + line["text"]
    return text if len(text) <= 60 else text[:59] + "…"
