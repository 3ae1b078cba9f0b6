"""The HTML profile's section "Inequality within the city": what the slope index of
inequality is, one headline sentence per indicator, and a table of the latest SII, its
interval, the trend of the gap and the SII over the periods. A short note instead when
the city has no deprivation measure."""

from __future__ import annotations

from html import escape

from reports import charts, strings
from reports.drawing import to_svg
from reports.numbers import interval, number, years_spanned
from reports.profile import InequalityLine, Profile


def _row(line: InequalityLine, lang: str) -> str:
    d = line.decimals
    spark = to_svg(charts.sii_sparkline(line), css_width="120")
    return (f'<tr><th scope="row">{escape(line.name)}<span class="unit">{escape(line.unit)}</span>'
            f"</th><td>{escape(line.period)}</td>"
            f'<td class="value">{escape(number(line.sii, d, lang, signed=True))}</td>'
            f"<td>{escape(interval(line.lower95, line.upper95, d, lang))}</td>"
            f'<td class="l">{escape(strings.label("gap", line.trend, lang))}</td>'
            f'<td class="spark">{spark}<small>{escape(years_spanned(line.periods))}</small>'
            "</td></tr>")


def inequality_html(p: Profile) -> str:
    lang = p.lang
    title = strings.shared("ineq.title", lang)
    out = f'<section class="inequality"><h2>{escape(title)}</h2>'
    section = p.inequality
    if section.measure is None:
        return out + f'<p class="note">{escape(strings.text("ineq_no_measure", lang))}</p></section>'
    out += f'<p class="lead">{escape(strings.text("ineq_intro", lang, measure=section.measure))}</p>'
    if not section.lines:
        return out + f'<p class="note">{escape(strings.text("ineq_no_lines", lang))}</p></section>'
    out += "<ul>" + "".join(f"<li>{escape(line.sentence)}</li>" for line in section.lines) + "</ul>"
    heads = (f'<th class="l" scope="col">{escape(strings.text("indicator", lang))}</th>'
             + "".join(f'<th scope="col">{escape(strings.text(k, lang))}</th>'
                       for k in ("period", "sii", "ci95"))
             + f'<th class="l" scope="col">{escape(strings.text("sii_trend", lang))}</th>'
             + f'<th class="l" scope="col">{escape(strings.text("sii_series", lang))}</th>')
    rows = "".join(_row(line, lang) for line in section.lines)
    return out + f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>"
