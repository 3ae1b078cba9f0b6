"""The HTML profile: one self-contained file (inline CSS and SVG charts, no scripts, no
external fonts or links) that opens offline and prints on A4 with a page per domain."""

from __future__ import annotations

from html import escape

from presentation.area_notes import Note
from reports import charts, strings, style
from reports.drawing import to_svg
from reports.html_cooperation import CSS as COOPERATION_CSS
from reports.html_cooperation import cooperation_html, places_html, residents_html
from reports.html_inequality import inequality_html
from reports.numbers import interval, long_date, number, period_range
from reports.profile import DomainSection, IndicatorRow, Profile
from reports.summary import COUNT_COLUMNS, comparator_statement, compared_heading, count_heading
from reports.targets import has_targets, html_cell, html_head

CSS = """
:root { --ink: %(ink)s; --muted: %(muted)s; --rule: %(rule)s; --band: %(band)s; --brand: %(brand)s; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.45 'DejaVu Sans', 'Segoe UI', Roboto, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 0 24px 48px; }
header.cover { background: var(--brand); color: #fff; padding: 28px 24px 24px; }
header.cover .inner { max-width: 1040px; margin: 0 auto; }
.kicker { margin: 0; letter-spacing: .08em; font-size: 12px; font-weight: bold; color: #b8c7d9; }
h1 { margin: 4px 0 2px; font-size: 34px; line-height: 1.15; }
.cityname { margin: 0; font-size: 17px; color: #dbe4ee; }
.badge { display: inline-block; margin-top: 10px; padding: 2px 8px; background: #f2d16b;
  color: var(--ink); font-size: 12px; font-weight: bold; border-radius: 2px; }
h2 { color: var(--brand); font-size: 24px; margin: 36px 0 4px; }
h3 { color: var(--brand); font-size: 16px; margin: 22px 0 4px; }
.lead { color: var(--muted); margin: 0 0 12px; }
.overview { display: grid; grid-template-columns: 230px 1fr; gap: 24px; margin-top: 24px; }
dl.facts { margin: 0; }
dl.facts dt { font-size: 11px; font-weight: bold; letter-spacing: .06em; color: var(--muted);
  text-transform: uppercase; margin-top: 10px; }
dl.facts dd { margin: 0; font-size: 16px; }
figure { margin: 0; }
.overview figure svg { max-height: 420px; }
figcaption { color: var(--muted); font-size: 12px; text-align: center; }
table { border-collapse: collapse; width: 100%%; font-size: 13px; margin: 6px 0 8px; }
thead th { background: var(--band); color: var(--muted); font-size: 11.5px; text-align: right;
  padding: 6px 6px; border-bottom: 2px solid var(--muted); vertical-align: bottom; }
thead th.l, tbody th { text-align: left; }
tbody th, tbody td { padding: 5px 6px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
tbody th { font-weight: normal; }
tbody td { text-align: right; white-space: nowrap; }
tbody td.l { text-align: left; white-space: normal; }
tbody tr:nth-child(even) { background: #f7f9fb; }
td.value { font-weight: bold; }
td.cmp { white-space: nowrap; }
small, .unit { display: block; color: var(--muted); font-size: 11px; font-weight: normal; }
.chip { display: inline-block; min-width: 24px; padding: 0 4px; margin-right: 5px;
  text-align: center; font-weight: bold; font-size: 11px; border: 1px solid var(--muted); }
.arrow { font-weight: bold; margin-right: 3px; }
td.spine { width: 170px; padding: 2px 6px; }
td.spine svg { display: block; width: 160px; height: auto; }
td.spark { text-align: left; }
td.spark svg { display: block; width: 120px; height: auto; }
p.comparator { font-weight: bold; margin: 4px 0 10px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12px; margin: 6px 0; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 14px; }
.trends svg { width: 100%%; height: auto; }
.note { color: var(--muted); font-size: 12px; }
.about-groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 4px 24px; }
.about-groups ul { margin: 4px 0; padding-left: 18px; }
.about-groups li { margin-bottom: 6px; }
.lang-tag { display: inline-block; font-size: 10px; font-weight: bold; padding: 0 3px; margin-left: 3px;
  border: 1px solid var(--rule); color: var(--muted); }
.appendix dt { font-weight: bold; margin-top: 12px; }
.appendix dd { margin: 0; }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); margin-top: 40px;
  padding-top: 8px; }
@media (max-width: 720px) { .overview { grid-template-columns: 1fr; } td.spine { display: none; } }
@page { size: A4; margin: 14mm 12mm 16mm; @bottom-right { content: "%(page)s"; font-size: 9px; } }
@media print {
  body { font-size: 10.5px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  header.cover { padding: 14px 16px; }
  section.domain, section.inequality, section.sex, section.appendix { break-before: page; }
  .trends { grid-template-columns: repeat(3, 1fr); }
  table, .trends svg, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""


def _css(lang: str) -> str:
    page = strings.text("page", lang, page='" counter(page) "', pages='" counter(pages) "')
    return CSS % {"ink": style.INK, "muted": style.MUTED, "rule": style.RULE, "band": style.BAND,
                  "brand": style.BRAND, "page": page} + COOPERATION_CSS


def chip(code: str, lang: str, words: str | None = None) -> str:
    """The comparison's coloured symbol and its words (colour is never the only carrier)."""
    words = strings.label("compared", code, lang) if words is None else words
    return (f'<span class="chip" style="background:{style.comparison_fill(code)};'
            f'color:{style.comparison_ink(code)}" aria-hidden="true">'
            f"{escape(style.comparison_symbol(code))}</span>{escape(words)}")


def trend_cell(r: IndicatorRow, lang: str) -> str:
    arrow = style.trend_arrow(r.trend, r.polarity)
    return (f'<span class="arrow" style="color:{style.trend_color(r.trend)}" aria-hidden="true">'
            f"{arrow}</span>{escape(strings.label('trend', r.trend, lang))}"
            f"<small>{escape(charts.gap_text(r, lang))}</small>")


def _cover(p: Profile) -> str:
    lang = p.lang
    badge = f'<span class="badge">{escape(strings.text("synthetic", lang))}</span>' if p.synthetic else ""
    return (f'<header class="cover"><div class="inner"><p class="kicker">'
            f"{escape(strings.text('report_title', lang).upper())}</p><h1>{escape(p.area_name)}</h1>"
            f'<p class="cityname">{escape(p.city_name)}</p>{badge}</div></header>')


def _overview(p: Profile) -> str:
    lang = p.lang
    facts = [
        ("city", p.city_name), ("area_code", p.area_code),
        ("population", number(p.population, 0, lang)),
        ("data_periods", period_range(p.periods)), ("latest_period", period_range(p.latest_periods)),
        ("indicators_count", str(sum(len(d.rows) for d in p.domains))),
        ("export_date", long_date(p.export_date, lang)),
    ]
    if p.prioritized:
        facts.append(("prioritized", strings.text("yes", lang)))
    dl = "".join(f"<dt>{escape(strings.text(k, lang))}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    caption = strings.text("locator", lang, area=p.area_name, city=p.city_name)
    svg = to_svg(charts.locator_map(p.geometries, 160, 120, title=caption), css_width="100%")
    legend = to_svg(charts.locator_legend(p.area_name, lang, 160), css_width="100%")
    return (f'<section class="overview"><dl class="facts">{dl}</dl>'
            f"<figure>{svg}<figcaption>{legend}</figcaption></figure></section>")


def _summary(p: Profile) -> str:
    lang = p.lang
    items = "".join(f"<li>{escape(s)}</li>" for s in p.summary)
    heads = "".join(f'<th scope="col">{chip(code, lang, count_heading(code, lang))}</th>'
                    for code in COUNT_COLUMNS)
    rows = "".join(
        f'<tr><th scope="row">{escape(d.title)}</th>'
        + "".join(f"<td>{d.counts[code]}</td>" for code in COUNT_COLUMNS) + "</tr>"
        for d in p.domains
    )
    return (f'<section class="summary"><h2>{escape(strings.text("summary", lang))}</h2>'
            f'<p class="comparator">{escape(comparator_statement(p))}</p><ul>{items}</ul>'
            f'<table class="counts"><thead><tr><th class="l" scope="col">'
            f'{escape(strings.text("domain", lang))}</th>{heads}</tr></thead><tbody>{rows}</tbody></table>'
            f"{_legend(lang)}</section>")


def _tag(text_lang: str | None) -> str:
    return f' <span class="lang-tag">{text_lang.upper()}</span>' if text_lang else ""


def _note(n: Note, lang: str) -> str:
    """A note; its web page as text (the file links nowhere, so it works offline and printed)."""
    out = f'<strong lang="{n.title_lang or lang}">{escape(n.title)}</strong>{_tag(n.title_lang)}'
    if n.text:
        out += f'<br><span lang="{n.text_lang or lang}">{escape(n.text)}</span>{_tag(n.text_lang)}'
    if n.source:
        out += f"<small>{escape(strings.text('source', lang))}: {escape(n.source)}</small>"
    if n.url:
        out += f'<small class="note-url">{escape(n.url)}</small>'
    return f"<li>{out}</li>"


def _about(p: Profile) -> str:
    """The area's resources, arenas, initiatives and residents' view; nothing when it has none."""
    if not p.about and p.places is None:
        return ""
    groups = "".join(
        f"<div><h3>{escape(strings.label('note', g.kind, p.lang))}</h3>"
        f"<ul>{''.join(_note(n, p.lang) for n in g.notes)}</ul></div>"
        for g in p.about
    ) + places_html(p)
    return (f'<section class="about"><h2>{escape(strings.text("about_title", p.lang))}</h2>'
            f'<div class="about-groups">{groups}</div></section>')


def _legend(lang: str) -> str:
    codes = ("much_better", "better", "similar", "worse", "much_worse", "higher", "lower", "not_compared")
    return f'<div class="legend">{"".join(f"<span>{chip(c, lang)}</span>" for c in codes)}</div>'


def _row(r: IndicatorRow, lang: str, national: bool, targets: bool = False) -> str:
    d = r.decimals
    compared = chip(r.compared, lang)
    if r.value is None:  # say why the value is blank where the comparison would be
        compared = chip(r.compared, lang, strings.label("status", r.status or "missing", lang))
    spine = to_svg(charts.spine_figure(r, 40, 6, lang), css_width="160") if r.spine else ""
    return (
        f'<tr><th scope="row">{escape(r.name)}<span class="unit">{escape(r.unit)}</span></th>'
        f"<td>{escape(r.period)}</td>"
        f'<td class="value">{escape(number(r.value, d, lang))}</td>'
        f"<td>{escape(interval(r.lower95, r.upper95, d, lang))}</td>"
        f"<td>{escape(number(r.city_value, d, lang))}</td>"
        + (f"<td>{escape(number(r.national_value, d, lang))}</td>" if national else "")
        + f"<td>{escape(number(r.difference, d, lang, signed=True))}</td>"
        f'<td class="l cmp">{compared}</td><td class="l">{trend_cell(r, lang)}</td>'
        + (html_cell(r, lang) if targets else "")
        + f'<td class="spine">{spine}</td></tr>'
    )


def _domain(section: DomainSection, p: Profile) -> str:
    lang = p.lang
    keys = [strings.text(k, lang) for k in ("period", "value", "ci95", "city_value")]
    keys += [p.national_name] if p.national_name else []
    keys.append(strings.text("difference", lang))
    heads = (f'<th class="l" scope="col">{escape(strings.text("indicator", lang))}</th>'
             + "".join(f'<th scope="col">{escape(k)}</th>' for k in keys)
             + f'<th class="l" scope="col">{escape(compared_heading(p))}</th>'
             + f'<th class="l" scope="col">{escape(strings.text("trend", lang))}</th>'
             + (html_head(lang) if has_targets(p) else "")
             + f'<th class="l" scope="col">{escape(strings.text("spine_title", lang))}</th>')
    rows = "".join(_row(r, lang, bool(p.national_name), has_targets(p)) for r in section.rows)
    trends = [r for r in section.rows if r.series is not None]
    trend_html = ""
    if trends:
        svgs = "".join(to_svg(charts.trend_chart(r, lang, 58, 44), css_width="100%") for r in trends)
        trend_html = (f"<h3>{escape(strings.text('trends_title', lang))}</h3>"
                      f"{to_svg(charts.trend_legend(lang), css_width='540')}"
                      f'<div class="trends">{svgs}</div>')
    return (f'<section class="domain" id="domain-{escape(section.code)}"><h2>{escape(section.title)}</h2>'
            f'<p class="lead">{escape(section.summary)}</p><table><thead><tr>{heads}</tr></thead>'
            f'<tbody>{rows}</tbody></table><p class="note">{escape(strings.text("spine_note", lang))}</p>'
            f"{trend_html}</section>")


def _sex_chip(code: str, value: float | None, status: str | None, lang: str) -> str:
    if value is None:
        return chip(code, lang, strings.label("status", status or "missing", lang))
    return chip(code, lang)


def _sex(p: Profile) -> str:
    lang = p.lang
    title = f'<section class="sex"><h2>{escape(strings.text("sex_title", lang))}</h2>'
    if not p.sex_rows:
        return f"{title}<p>{escape(strings.text('sex_none', lang))}</p></section>"
    heads = f'<th class="l" scope="col">{escape(strings.text("indicator", lang))}</th><th>{escape(strings.text("period", lang))}</th>'
    for sex in ("female", "male"):
        name = escape(strings.label("sex", sex, lang))
        heads += (f"<th>{name}</th><th>{escape(strings.text('ci95', lang))}</th>"
                  f'<th>{escape(strings.text("city_value", lang))}</th>'
                  f'<th class="l">{escape(compared_heading(p))}</th>')
    rows = ""
    for r in p.sex_rows:
        cells = f'<th scope="row">{escape(r.name)}<span class="unit">{escape(r.unit)}</span></th><td>{escape(r.period)}</td>'
        for sex in ("female", "male"):
            v = r.by_sex.get(sex)
            if v is None:
                cells += "<td>–</td><td>–</td><td>–</td><td></td>"
                continue
            cells += (f'<td class="value">{escape(number(v.value, r.decimals, lang))}</td>'
                      f"<td>{escape(interval(v.lower95, v.upper95, r.decimals, lang))}</td>"
                      f"<td>{escape(number(v.city_value, r.decimals, lang))}</td>"
                      f'<td class="l">{_sex_chip(v.compared, v.value, v.status, lang)}</td>')
        rows += f"<tr>{cells}</tr>"
    return f"{title}<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>"


def _ages(p: Profile) -> str:
    """The breakdown by age group (reports.ages); nothing when no indicator has one."""
    lang = p.lang
    if not p.age_rows:
        return ""
    heads = "".join(f'<th class="l" scope="col">{escape(strings.text(k, lang))}</th>' for k in ("indicator", "age_group"))
    heads += "".join(f'<th scope="col">{escape(strings.text(k, lang))}</th>' for k in ("period", "value", "ci95", "city_value"))
    heads += f'<th class="l" scope="col">{escape(compared_heading(p))}</th>'
    rows = ""
    for r in p.age_rows:
        rows += (f'<tr><th scope="row">{escape(r.name)}<span class="unit">{escape(r.unit)}</span></th>'
                 f'<td class="l">{escape(r.label)}</td><td>{escape(r.period)}</td>'
                 f'<td class="value">{escape(number(r.value, r.decimals, lang))}</td>'
                 f"<td>{escape(interval(r.lower95, r.upper95, r.decimals, lang))}</td>"
                 f"<td>{escape(number(r.city_value, r.decimals, lang))}</td>"
                 f'<td class="l">{_sex_chip(r.compared, r.value, r.status, lang)}</td></tr>')
    return (f'<section class="ages"><h2>{escape(strings.text("age_title", lang))}</h2>'
            f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>")


def _quality(p: Profile) -> str:
    lang = p.lang
    out = f'<section class="quality"><h2>{escape(strings.text("quality_title", lang))}</h2>'
    counts = {k: v for k, v in p.note_counts.items() if v}
    if not counts:
        return out + f"<p>{escape(strings.text('quality_none', lang))}</p></section>"
    out += "<ul>" + "".join(f"<li>{escape(strings.text(f'quality_{k}', lang, n=v))}</li>"
                            for k, v in counts.items()) + "</ul>"
    heads = "".join(f'<th class="l" scope="col">{escape(strings.text(k, lang))}</th>'
                    for k in ("reason", "indicator", "sex", "period"))
    rows = "".join(
        f'<tr><td class="l">{escape(strings.label("status", n.kind, lang))}</td><td class="l">{escape(n.name)}</td>'
        f'<td class="l">{escape(n.sexes)}</td><td class="l">{escape(n.periods)}</td></tr>'
        for n in p.notes
    )
    return out + f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>"


def _appendix(p: Profile) -> str:
    lang = p.lang
    items = ""
    for e in p.appendix:
        facts = " · ".join(x for x in (e.domain, e.unit, e.polarity, e.value_type) if x)
        items += f"<dt>{escape(e.name)}</dt><dd class='note'>{escape(facts)}</dd>"
        if e.definition:
            items += f"<dd>{escape(strings.text('definition', lang))}: {escape(e.definition)}</dd>"
        if e.source:
            items += f"<dd>{escape(strings.text('source', lang))}: {escape(e.source)}</dd>"
    methods = "".join(f"<p>{escape(m)}</p>" for m in p.methods)
    return (f'<section class="appendix"><h2>{escape(strings.text("appendix_title", lang))}</h2>'
            f"<h3>{escape(strings.text('definitions', lang))}</h3><dl>{items}</dl>"
            f"<h3>{escape(strings.text('methods', lang))}</h3>{methods}</section>")


def render_html(profile: Profile) -> bytes:
    """The profile as one self-contained HTML document (UTF-8)."""
    p = profile
    title = f"{strings.text('report_title', p.lang)}: {p.area_name} – {p.city_name}"
    footer = f"{strings.text('export_date', p.lang)}: {long_date(p.export_date, p.lang)} · {strings.text('generated_by', p.lang)}"
    body = (_cover(p) + "<main>" + _overview(p) + _summary(p) + _about(p) + residents_html(p)
            + "".join(_domain(d, p) for d in p.domains) + cooperation_html(p)
            + inequality_html(p) + _sex(p) + _ages(p) + _quality(p) + _appendix(p)
            + f"<footer>{escape(footer)}</footer></main>")
    doc = (f'<!DOCTYPE html><html lang="{p.lang}"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>{escape(title)}</title><style>{_css(p.lang)}</style></head><body>{body}</body></html>")
    return doc.encode("utf-8")
