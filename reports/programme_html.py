"""The implementation report as one self-contained HTML file (inline CSS and SVG map, no
scripts, no external links): it opens offline and prints on A4, a page per part."""

from __future__ import annotations

from html import escape

from reports import programme_cells as cells
from reports import programme_strings as ps
from reports import strings, style
from reports.drawing import to_svg
from reports.programme_map import initiative_map, map_legend
from reports.programme_model import AreaInitiatives, Goal, GoalIndicator, ProgrammeReport
from reports.programme_progress import PROGRESS, summary_code
from store.programme_schema import INITIATIVE_STATUSES

CSS = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; color: {style.INK}; font: 14px/1.45 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; }}
header {{ background: {style.BRAND}; color: #fff; padding: 24px; }}
header p {{ margin: 0; color: #dbe4ee; }}
header .kicker {{ font-size: 12px; font-weight: bold; letter-spacing: .08em; color: #b8c7d9; }}
h1 {{ margin: 4px 0; font-size: 30px; }}
main {{ max-width: 1040px; margin: 0 auto; padding: 0 24px 48px; }}
h2 {{ color: {style.BRAND}; font-size: 22px; margin: 32px 0 4px; }}
h3 {{ color: {style.BRAND}; font-size: 16px; margin: 20px 0 4px; }}
.lead, .note, figcaption {{ color: {style.MUTED}; font-size: 12.5px; }}
.badge {{ display: inline-block; margin-top: 8px; padding: 2px 8px; background: #f2d16b;
  color: {style.INK}; font-size: 12px; font-weight: bold; }}
.overview {{ display: grid; grid-template-columns: 300px 1fr; gap: 24px; margin-top: 20px; }}
dl.facts {{ margin: 0; }}
dl.facts dt {{ font-size: 11px; font-weight: bold; text-transform: uppercase; color: {style.MUTED};
  margin-top: 8px; }}
dl.facts dd {{ margin: 0; font-size: 15px; }}
figure {{ margin: 0; }}
.overview figure svg {{ max-height: 440px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }}
th, td {{ padding: 5px 6px; border-bottom: 1px solid {style.RULE}; text-align: left; vertical-align: top; }}
thead th {{ background: {style.BAND}; color: {style.MUTED}; font-size: 11.5px; }}
td.n, th.n {{ text-align: right; white-space: nowrap; }}
small {{ display: block; color: {style.MUTED}; font-size: 11px; }}
.progress-achieved {{ color: #1d6fb8; font-weight: bold; }}
.progress-on_track {{ color: #2b8a3e; font-weight: bold; }}
.progress-off_track {{ color: #b3261e; font-weight: bold; }}
footer {{ color: {style.MUTED}; font-size: 12px; border-top: 1px solid {style.RULE}; margin-top: 40px;
  padding-top: 8px; }}
@media (max-width: 720px) {{ .overview {{ grid-template-columns: 1fr; }} }}
@page {{ size: A4; margin: 14mm 12mm 16mm; }}
@media print {{ section.part {{ break-before: page; }} * {{ print-color-adjust: exact; }} }}
"""


def _e(text: object) -> str:
    return escape(str(text))


def _table(head: list[tuple[str, bool]], rows: list[list[tuple[str, str]]]) -> str:
    """``head``: (title, numeric); ``rows``: cells as (html, css class)."""
    ths = "".join(f'<th scope="col"{" class=n" if n else ""}>{_e(t)}</th>' for t, n in head)
    body = "".join("<tr>" + "".join(f'<td class="{c}">{h}</td>' if c else f"<td>{h}</td>"
                                    for h, c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table>"


def summary(r: ProgrammeReport) -> str:
    lang = r.lang
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in cells.facts(r))
    fig = initiative_map(r, 120, 100)
    goals = [[(_e(f"{g.number}. {g.name}"), "")]
             + [(str(g.counts[p]), f"n progress-{p}" if g.counts[p] else "n") for p in PROGRESS]
             for g in r.goals]
    totals = r.progress_counts
    goals.append([(f"<strong>{_e(ps.text('total', lang))}</strong>", "")]
                 + [(f"<strong>{totals[p]}</strong>", "n") for p in PROGRESS])
    counts = r.status_counts
    status = [[(str(counts[s]), "n") for s in INITIATIVE_STATUSES] + [(str(len(r.initiatives)), "n")]]
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in cells.sum_notes(r))
    return (
        f'<section class="summary" aria-labelledby="summary"><h2 id="summary">'
        f"{_e(strings.text('summary', lang))}</h2>"
        f'<div class="overview"><dl class="facts">{facts}</dl>'
        f"<figure>{to_svg(fig, '100%')}<figcaption>{_e(fig.title)}</figcaption></figure></div>"
        f"<h3>{_e(ps.text('goals', lang))}</h3><p class=\"lead\">{_e(ps.text('goals_lead', lang))}</p>"
        + _table([(ps.text("goal", lang), False)]
                 + [(ps.label("progress", p, lang), True) for p in PROGRESS], goals)
        + f"<h3>{_e(ps.text('initiatives_by_status', lang))}</h3>"
        + _table([(ps.label("initiative_status", s, lang), True) for s in INITIATIVE_STATUSES]
                 + [(ps.text("total", lang), True)], status)
        + notes + "</section>"
    )


def indicator_table(ind: GoalIndicator, lang: str) -> str:
    rows = []
    for line in ind.lines:
        base, base_p = cells.baseline(line, ind.decimals, lang)
        now, now_p = cells.latest(line, ind.decimals, lang)
        aim, aim_sub = cells.target(line, ind.decimals, lang)
        name = f"<strong>{_e(line.area_name)}</strong>" if line.prioritized or line.is_city else _e(line.area_name)
        rows.append([
            (name, ""), (f"{_e(base)}<small>{_e(base_p)}</small>", "n"),
            (f"<strong>{_e(now)}</strong><small>{_e(now_p)}</small>", "n"),
            (f"{_e(aim)}<small>{_e(aim_sub)}</small>", "n"),
            (_e(cells.progress(line, lang)), f"progress-{summary_code(line.progress)}"),
            (f"{style.trend_arrow(line.trend, ind.polarity)} {_e(cells.trend(line, lang))}", ""),
        ])
    head = [(ps.text("area", lang), False), (ps.text("baseline", lang), True),
            (ps.text("latest", lang), True), (ps.text("target", lang), True),
            (ps.text("progress", lang), False), (ps.text("trend", lang), False)]
    unit = f" ({ind.unit})" if ind.unit else ""
    return f"<h3>{_e(ind.name + unit)}</h3>" + _table(head, rows)


def goal_section(goal: Goal, lang: str) -> str:
    name = ps.text("goal_heading", lang, n=goal.number, name=goal.name)
    body = "".join(indicator_table(ind, lang) for ind in goal.indicators) or (
        f"<p>{_e(ps.text('no_indicators', lang))}</p>")
    return (f'<section class="part goal" id="goal-{_e(goal.goal_id)}"><h2>{_e(name)}</h2>'
            f'<p class="lead">{_e(ps.text("goal_lead", lang))}</p>{body}</section>')


def area_initiatives(group: AreaInitiatives, lang: str) -> str:
    tag = f" · {strings.text('prioritized', lang)}" if group.prioritized else ""
    head = [(ps.text(k, lang), False) for k in ("initiative", "sector", "status", "lead", "partners", "years")]
    rows = [[(f"<strong>{_e(i.name)}</strong>", ""), (_e(ps.label("sector", i.sector, lang)), ""),
             (_e(ps.label("initiative_status", i.status, lang)), ""), (_e(cells.lead(i, lang)), ""),
             (_e(cells.partners(i)), ""), (_e(cells.years(i, lang)), "")] for i in group.initiatives]
    return f"<h3>{_e(group.area_name + tag)}</h3>" + _table(head, rows)


def initiatives(r: ProgrammeReport) -> str:
    lang = r.lang
    body = "".join(area_initiatives(g, lang) for g in r.by_area) or (
        f"<p>{_e(ps.text('no_initiatives', lang))}</p>")
    return (f'<section class="part initiatives"><h2>{_e(ps.text("initiatives_year", lang, year=r.year))}'
            f'</h2><p class="lead">{_e(ps.text("initiatives_lead", lang))}</p>{body}</section>')


def where(r: ProgrammeReport) -> str:
    lang = r.lang
    fig = initiative_map(r, 180, 120)
    prio = [code for code, _ in r.prioritized]
    order = prio + sorted((c for c in r.area_counts if c not in prio), key=lambda c: r.area_names[c])
    rows = [[(_e(r.area_names[c]), ""), (str(r.area_counts.get(c, 0)), "n")]
            for c in order if c in prio or r.area_counts.get(c, 0)]
    return (f'<section class="part map"><h2>{_e(ps.text("map_title", lang))}</h2>'
            f"<figure>{to_svg(fig, '100%')}{to_svg(map_legend(lang, 180), '100%')}"
            f"<figcaption>{_e(fig.title)}</figcaption></figure>"
            + _table([(ps.text("area", lang), False), (ps.text("initiatives", lang), True)], rows)
            + "</section>")


def method(r: ProgrammeReport) -> str:
    lang = r.lang
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in r.methods)
    sources = "".join(f"<li>{_e(s)}</li>" for s in [*r.sources, cells.batch_line(r)])
    return (f'<section class="part method"><h2>{_e(ps.text("method", lang))}</h2>{paragraphs}'
            f"<h3>{_e(ps.text('sources', lang))}</h3><ul>{sources}</ul></section>")


def render_programme_html(report: ProgrammeReport) -> bytes:
    r, lang = report, report.lang
    badge = f'<p class="badge">{_e(strings.text("synthetic", lang))}</p>' if r.synthetic else ""
    description = f"<p>{_e(r.description)}</p>" if r.description else ""
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(cells.title(r))}: {_e(r.programme_name)} – {_e(r.city_name)}</title>"
        f"<style>{CSS}</style></head><body>"
        f'<header><p class="kicker">{_e(cells.title(r).upper())}</p><h1>{_e(r.programme_name)}</h1>'
        f"<p>{_e(r.city_name)} · {_e(ps.text('title_year', lang, year=r.year))}</p>{description}{badge}"
        f"</header><main>{summary(r)}"
        + "".join(goal_section(g, lang) for g in r.goals)
        + initiatives(r) + where(r) + method(r)
        + f"<footer>{_e(strings.text('export_date', lang))}: "
        f"{_e(cells.facts(r)[-1][1])}</footer></main></body></html>"
    )
    return page.encode("utf-8")
