"""The HTML profile's programme sections (issue #13): the places in "About the area", the
residents' view, and what the city is doing in the area (gaps in words, initiatives by
sector, the sector × institution-type matrix with text marks and a caption)."""

from __future__ import annotations

from html import escape

from presentation.cooperation import Cooperation, Initiative, Institution, role_text
from presentation.cooperation_places import more_text
from presentation.i18n import t
from presentation.numbers import format_integer
from reports import strings, style
from reports.numbers import interval, number
from reports.profile import Profile
from reports.summary import compared_heading

CSS = """
.coop-gaps { border-left: 4px solid #8a5a00; background: #fff8e6; padding: 4px 14px; margin: 8px 0 14px; }
.coop-gaps ul { margin: 4px 0; padding-left: 18px; }
table.initiatives { table-layout: fixed; width: 100%; }
table.initiatives td, table.initiatives th { vertical-align: top; text-align: left; white-space: normal; }
table.initiatives th:nth-child(1) { width: 24%; } table.initiatives th:nth-child(2) { width: 11%; }
table.initiatives th:nth-child(3) { width: 11%; } table.initiatives th:nth-child(4) { width: 20%; }
table.initiatives th:nth-child(6) { width: 10%; }
table.initiatives small, .residents-table small { display: inline; color: var(--muted); }
table.coop-matrix caption, table.residents-table caption { text-align: left; }
table.coop-matrix th[scope="row"] { text-align: left; }
table.residents-table th, table.residents-table td { text-align: left; }
table.residents-table td.num { text-align: right; }
table.coop-matrix td { text-align: center; white-space: nowrap; }
table.coop-matrix th[scope="col"] { font-size: 11px; }
blockquote { margin: 6px 0; padding: 2px 12px; border-left: 3px solid var(--brand); font-style: italic; }
.quote-by { color: var(--muted); font-size: 12px; margin: 0 0 8px 15px; }
"""


def _chip(code: str, lang: str) -> str:
    words = strings.label("compared", code, lang)
    return (f'<span class="chip" style="background:{style.comparison_fill(code)};'
            f'color:{style.comparison_ink(code)}" aria-hidden="true">'
            f"{escape(style.comparison_symbol(code))}</span>{escape(words)}")


def _heads(heads: list[str]) -> str:
    return "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)


def places_html(p: Profile) -> str:
    """The places block of the about section ("" without places)."""
    if p.places is None:
        return ""
    lang = p.lang
    if not p.places.groups:
        items = f"<li>{escape(t('places.none', lang, area=p.area_name))}</li>"
    else:
        items = "".join(
            f"<li><strong>{escape(t('places.count', lang, category=g.name, count=g.count))}</strong><br>"
            f"{escape(', '.join(g.names))}{escape(' ' + more_text(g, lang) if g.more else '')}</li>"
            for g in p.places.groups)
    return f'<div class="places"><h3>{escape(t("places.title", lang))}</h3><ul>{items}</ul></div>'


def residents_html(p: Profile) -> str:
    view, lang = p.residents, p.lang
    if view is None:
        return ""
    out = (f'<section class="residents"><h2>{escape(t("residents.title", lang))}</h2>'
           f"<p>{escape(t('residents.intro', lang, area=p.area_name))}</p>")
    if view.items:
        heads = [strings.text("indicator", lang), strings.text("value", lang), strings.text("ci95", lang),
                 strings.text("city_value", lang), compared_heading(p), t("residents.col.survey", lang),
                 t("residents.col.year", lang), t("residents.col.respondents", lang)]
        rows = "".join(
            f'<tr><th scope="row">{escape(i.name)} <span class="unit">{escape(i.unit)}</span></th>'
            f'<td class="num">{escape(number(i.value, i.decimals, lang))}</td>'
            f'<td class="num">{escape(interval(i.lower, i.upper, i.decimals, lang))}</td>'
            f'<td class="num">{escape(number(i.city_value, i.decimals, lang))}</td>'
            f"<td>{_chip(i.compared, lang)}</td><td>{escape(i.survey)}</td><td>{escape(i.period)}</td>"
            f'<td class="num">{escape(format_integer(i.respondents, lang) if i.respondents is not None else "–")}'
            "</td></tr>" for i in view.items)
        out += (f'<table class="residents-table"><caption>{escape(t("residents.table.caption", lang))}</caption>'
                f"<thead><tr>{_heads(heads)}</tr></thead>"
                f"<tbody>{rows}</tbody></table>")
    if view.quotes:
        out += f"<h3>{escape(t('residents.quotes', lang))}</h3>"
        for q in view.quotes:
            tag = f' <span class="lang-tag">{q.lang.upper()}</span>' if q.lang else ""
            by = escape(q.title + (f" – {q.source}" if q.source else ""))
            said = escape(t("residents.quote", lang, text=q.text))
            out += f"<blockquote><p>{said}{tag}</p></blockquote><p class=\"quote-by\">{by}</p>"
    return out + "</section>"


def _who(inst: Institution) -> str:
    return f"{escape(inst.name)} <small>({escape(inst.type_name)})</small>"


def _initiative_row(i: Initiative, lang: str) -> str:
    partners = ", ".join(_who(x) for x in i.partners) or escape(t("coop.no_partners", lang))
    where = t("coop.city_wide", lang) if i.city_wide else t("coop.here", lang)
    tag = f' <span class="lang-tag">{i.name_lang.upper()}</span>' if i.name_lang else ""
    return (f'<tr><th scope="row">{escape(i.name)}{tag}</th><td>{escape(i.status_name)}</td>'
            f"<td>{escape(i.period)}</td><td>{_who(i.lead)}</td><td>{partners}</td><td>{escape(where)}</td></tr>")


def _matrix(coop: Cooperation, lang: str) -> str:
    m = coop.matrix
    head = f'<th scope="col">{escape(t("coop.col.sector", lang))}</th>' + "".join(
        f'<th scope="col">{escape(name)}</th>' for _, name in m.types)
    rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th>'
        + "".join(f"<td>{escape(role_text(m.role(s, k), lang))}</td>" for k, _ in m.types) + "</tr>"
        for s, name in m.sectors)
    return (f'<table class="coop-matrix"><caption>{escape(m.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def cooperation_html(p: Profile) -> str:
    coop, lang = p.cooperation, p.lang
    if coop is None:
        return ""
    gaps = ("<ul>" + "".join(f"<li>{escape(g.sentence)}</li>" for g in coop.gaps) + "</ul>"
            if coop.gaps else f"<p>{escape(coop.gaps_text)}</p>")
    out = (f'<section class="cooperation"><h2>{escape(t("coop.title", lang))}</h2>'
           f"<p>{escape(t('coop.intro', lang, area=p.area_name))}</p>"
           f'<div class="coop-gaps"><h3>{escape(t("coop.gaps", lang))}</h3>{gaps}</div>')
    if coop.empty:
        out += f"<p>{escape(t('coop.none', lang, area=p.area_name))}</p>"
    heads = [t(k, lang) for k in ("coop.col.initiative", "coop.col.status", "coop.col.period", "coop.col.lead",
                                  "coop.col.partners", "coop.col.where")]
    for g in coop.groups:
        out += (f"<h3>{escape(g.name)}</h3><table class=\"initiatives\"><thead><tr>"
                + _heads(heads) + "</tr></thead><tbody>"
                + "".join(_initiative_row(i, lang) for i in g.initiatives) + "</tbody></table>")
    return out + f"<h3>{escape(t('coop.matrix', lang))}</h3>{_matrix(coop, lang)}</section>"
