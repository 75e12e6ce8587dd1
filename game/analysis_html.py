"""The analysis (`python -m game analyze --html F.html`) as one self-contained page: inline CSS and SVG only, no
script, font or anything else fetched, so it opens the same anywhere, offline."""
from __future__ import annotations

from html import escape
from typing import Any

from .analysis_report import percent, values_text
from .scene_svg import to_svg
from .story.model import Story
from .story.scenegraph import build_graph

COLOURS = ("#3b6ea8", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6")
CSS = """
body{font:15px/1.45 Helvetica,Arial,sans-serif;margin:0;background:#f6f4ef;color:#222}
header{background:#27324a;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:24px}
main{padding:8px 28px 40px}section{background:#fff;border-radius:8px;padding:14px 20px;margin:16px 0;
box-shadow:0 1px 3px rgba(0,0,0,.12)}h2{margin:4px 0 10px;font-size:20px}h3{margin:14px 0 6px;font-size:16px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #e4e0d8;text-align:left;
vertical-align:middle}
td:nth-child(2),td:nth-child(3){white-space:nowrap}th{font-size:13px;color:#555}
.bar{background:#e9e5dc;border-radius:3px;height:12px;
width:130px;display:inline-block;vertical-align:middle}.bar span{display:block;height:12px;border-radius:3px}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}.best{font-weight:bold;color:#1f6b2a}
.warn{background:#fbe3e1;border-left:5px solid #c0504d}.ok{background:#e4f2e1;border-left:5px solid #4c9a45}
.where{color:#777;font-size:12px;font-family:monospace}.charts{display:flex;flex-wrap:wrap;gap:10px}
.graph{max-height:520px;overflow:auto;border:1px solid #e4e0d8;border-radius:6px;background:#fff}
code{font-size:13px}ul{margin:4px 0 4px 18px;padding:0}
"""


def page(story: Story, data: dict[str, Any]) -> str:
    """The whole page, as text."""
    scope = f"route {data['route']}" if data["route"] else "every route"
    states = sum(r["states"] for r in data["routes"].values())
    body = [f"<header><h1>{escape(data['title'])}: analysis</h1><div>{escape(scope)}: {states:,} states at menus, "
            f"walked exhaustively; {data['plays']:,} random playthroughs per route (seed {data['seed']})</div>"
            "</header><main>", _dominant(data), _findings(story, data)]
    for rid, r in data["routes"].items():
        body.append(_route(story, rid, r))
    body.append("</main>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(data['title'])}: analysis</title><style>{CSS}</style></head>\n<body>"
            + "\n".join(body) + "</body></html>\n")


def _dominant(data: dict[str, Any]) -> str:
    if not data["dominant"]:
        return ('<section class="ok" id="dominant"><h2>No dominant strategy</h2>No fixed strategy reaches the best '
                'ending of more than one route.</section>')
    items = "".join(f"<li><b>{escape(d['strategy'])}</b> reaches the best ending on "
                    f"{escape(', '.join(d['routes']))}</li>" for d in data["dominant"])
    return f'<section class="warn" id="dominant"><h2>Dominant strategies</h2><ul>{items}</ul></section>'


def _findings(story: Story, data: dict[str, Any]) -> str:
    u, out = data["usage"], []
    out += [f"flag <code>{escape(f)}</code> is set but never read <span class=where>{escape(u['flags'][f]['set'][0])}"
            "</span>" for f in u["flags_never_read"]]
    out += [f"flag <code>{escape(f)}</code> is read but never set <span class=where>"
            f"{escape(u['flags'][f]['read'][0])}</span>" for f in u["flags_never_set"]]
    scope = f" on route {escape(data['route'])}" if data["route"] else ""
    out += [f"meter <code>{escape(m)}</code> is declared but unused{scope}" for m in u["meters_unused"]]
    for rid, r in data["routes"].items():
        out += [f"{escape(rid)}: options {p['options'][0]} and {p['options'][1]} of <code>{escape(p['menu'])}</code> "
                f"never matter <span class=where>{escape(p['where'])}</span>" for p in r["never_matter"]]
    cover = data["coverage"]
    lines = [(f"{len(cover[kind])} of {cover['lines']} lines {what}:<ul>" + "".join(
        f"<li><span class=where>{escape(line['where'])}</span> {escape(line['text'][:80])}</li>"
        for line in cover[kind][:50]) + "</ul>") for kind, what in (
        ("unreachable", "no path ever shows"), ("missed", "some path shows but random play never did"))
        if cover[kind]]
    cover = "".join(lines) or f"Random play showed every one of the {cover['lines']} lines."
    items = "".join(f"<li>{item}</li>" for item in out) or "<li>Nothing unused, nothing idle.</li>"
    return f'<section id="findings"><h2>Findings</h2><ul>{items}</ul><p>{cover}</p></section>'


def _route(story: Story, rid: str, r: dict[str, Any]) -> str:
    pasts = len(r["pasts"])
    note = (f" Walked from each of {pasts} pasts (the other routes' endings its <code>ended()</code> reads); "
            "the figures are over all of them." if pasts > 1 or r["pasts"][0] else "")
    html = [f'<section class="route" id="route-{escape(rid)}"><h2>{escape(r["title"])} <span class=where>'
            f'{escape(rid)}</span></h2><div>{r["states"]:,} states at menus.{note}</div>']
    html.append("<h3>Endings</h3><table><tr><th>ending</th><th>random play</th><th>holds at arrival</th>"
                "<th>when</th></tr>")
    for eid, e in r["endings"].items():
        cls = ' class="best"' if eid in r["best"] else ""
        unreachable = "" if e["reachable"] else " <b>unreachable</b>"
        html.append(f"<tr><td{cls}>{escape(e['title'])} <span class=where>{escape(eid)}</span>{unreachable}</td>"
                    f"<td>{_bar(e['random'], '#3b6ea8')}</td><td>{_bar(e['closeness'], '#9bbb59')}</td>"
                    f"<td><code>{escape(e['when'] or '(fallback)')}</code></td></tr>")
    html.append("</table><h3>Fixed strategies</h3><table><tr><th>strategy</th><th>ending reached</th></tr>")
    for name, reached in r["policies"].items():
        ends = ", ".join(escape(e or "no ending") + (f" &times;{n}" if pasts > 1 else "") for e, n in reached.items())
        best = any(e in r["best"] for e in reached)
        html.append(f"<tr><td>{escape(name)}</td><td{' class=best' if best else ''}>{ends}"
                    f"{' &#9733; best' if best else ''}</td></tr>")
    html.append("</table><h3>Meter values on entering each scene</h3><div class=charts>")
    still = []
    for i, meter in enumerate(story.meters):
        values = {v for entry in r["scenes"].values() if meter in entry for v in entry[meter]["values"]}
        if len(values) > 1:
            html.append(range_chart(story, meter, r["scenes"], COLOURS[i % len(COLOURS)]))
        else:
            still.append(f"{escape(story.meters[meter].label)} {values_text(sorted(values))}")
    html.append("</div>")
    if still:
        html.append(f"<div>Unchanged all through this route: {', '.join(still)}.</div>")
    html.append("<h3>Scene graph</h3><div class=graph>")
    html.append(_graph(story, rid))
    html.append("</div></section>")
    return "\n".join(html)


def _bar(share: float | None, colour: str) -> str:
    width = 0 if share is None else round(100 * share, 1)
    return (f'<span class=bar><span style="width:{width}%;background:{colour}"></span></span> '
            f'<span class=num>{percent(share)}</span>')


def range_chart(story: Story, meter: str, scenes: dict[str, dict[str, Any]], colour: str) -> str:
    """One meter's values on entering each scene: a bar from min to max, a dot at each value that occurs."""
    m = story.meters[meter]
    names = [s for s in scenes if meter in scenes[s]]
    step, left, top, height, below = 24, 34, 26, 120, 96
    width = max(220, left + step * max(len(names), 1) + 40)  # room for the title and the last slanted name
    span = max(m.max - m.min, 1)

    def y(value: int) -> float:
        return top + height - (value - m.min) * height / span
    out = [f'<svg class="chart" data-meter="{escape(meter)}" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{top + height + below}" role="img"><title>{escape(m.label)} on entering each scene</title>',
           f'<text x="4" y="16" font-size="13" font-weight="bold">{escape(m.label)}'
           f'{" (higher is worse)" if m.higher == "worse" else ""}</text>']
    for value in (m.min, (m.min + m.max) // 2, m.max):
        out.append(f'<line x1="{left - 4}" x2="{width - 6}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                   f'stroke="#e4e0d8"/><text x="{left - 8}" y="{y(value) + 4:.1f}" font-size="10" '
                   f'text-anchor="end">{value}</text>')
    for i, scene in enumerate(names):
        values = scenes[scene][meter]["values"]
        x = left + step * i + step / 2
        tip = f"{scene}: {values_text(values)}"
        out.append(f'<g><title>{escape(tip)}</title><line x1="{x}" x2="{x}" y1="{y(values[0]):.1f}" '
                   f'y2="{y(values[-1]):.1f}" stroke="{colour}" stroke-opacity=".35" stroke-width="8" '
                   f'stroke-linecap="round"/>')
        out += [f'<circle cx="{x}" cy="{y(v):.1f}" r="2.6" fill="{colour}"/>' for v in values]
        label = scene.split(".", 1)[-1]
        label = label if len(label) <= 14 else label[:13] + "…"
        out.append(f'<text transform="translate({x + 3},{top + height + 10}) rotate(55)" font-size="10" '
                   f'fill="#555">{escape(label)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _graph(story: Story, rid: str) -> str:
    svg = to_svg(build_graph(story, rid), story.routes[rid].title)
    return svg[svg.index("<svg"):]
