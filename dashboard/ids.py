"""Every component id of the dashboard, namespaced by page. No id is typed twice."""

from __future__ import annotations


class Shell:
    """The frame around every page: header, banner, language links, URL sync."""

    banner = "shell-banner"
    lang_link = "shell-lang-link"  # pattern id: {"type": lang_link, "lang": "sv"}
    url_state = "shell-url-state"  # pattern id: {"type": url_state, "page": "<page>"}
    url_sink = "shell-url-sink"
    main = "main-content"
    not_found_back = "not-found-back"
    pages_location = "_pages_location"  # Dash's own location component (use_pages), not ours


class Map:
    indicator = "map-indicator"
    period = "map-period"
    sex = "map-sex"
    colouring = "map-colouring"
    comparator = "map-comparator"
    scheme = "map-scheme"
    scheme_wrap = "map-scheme-wrap"
    graph = "map-graph"
    title = "map-graph-title"
    legend = "map-legend"
    alt = "map-alt"
    geo_version = "map-geo-version"
    navigate = "map-navigate"
    find_area = "map-find-area"
    prioritized = "map-prioritized"
    prio_link = "map-prio-link"  # pattern id: {"type": prio_link, "code": "<area code>"}
    places = "map-places"  # the places layer's switch (issue #13)
    places_legend = "map-places-legend"
    drawer = "map-drawer"  # the pickers, a drawer on a phone (#12)
    age = "map-age"
    age_wrap = "map-age-wrap"


class Area:
    charts = "area-charts"
    about = "about-area"
    indicator = "area-indicator"
    trend = "area-trend"
    trend_alt = "area-trend-alt"
    gap = "area-gap"
    sex_chart = "area-sex-chart"
    sex_alt = "area-sex-alt"
    age_block = "area-age-block"
    age_chart = "area-age-chart"
    age_alt = "area-age-alt"
    download = "area-download"
    download_button = "area-download-button"  # pattern id: {"type": ..., "format": "pdf"}
    download_error = "area-download-error"
    cooperation = "area-cooperation"  # what the city is doing here (issue #13)
    initiatives = "area-initiatives"
    gaps = "area-gaps"
    matrix = "area-matrix"
    residents = "area-residents"
    places = "area-places"


class Compare:
    areas = "compare-areas"
    indicator = "compare-indicator"
    rug = "compare-rug"
    trends = "compare-trends"
    trends_alt = "compare-trends-alt"
    domain = "compare-domain"
    download = "compare-download"
    download_button = "compare-download-button"
    download_status = "compare-download-status"


class Indicator:
    period = "indicator-period"
    sex = "indicator-sex"
    ranked = "indicator-ranked"
    ranked_alt = "indicator-ranked-alt"
    picker = "indicator-picker"
    navigate = "indicator-navigate"
    download = "indicator-download"
    download_button = "indicator-download-button"  # pattern id: {"type": ..., "format": "csv"}
    download_error = "indicator-download-error"
    age = "indicator-age"
    comparator = "indicator-comparator"
    comparator_note = "indicator-comparator-note"
    inequality = "indicator-inequality"
    ineq_headline = "indicator-ineq-headline"
    ineq_charts = "indicator-ineq-charts"
    ineq_chart = "indicator-ineq-chart"
    ineq_alt = "indicator-ineq-alt"
    ineq_trend = "indicator-ineq-trend"
    ineq_trend_alt = "indicator-ineq-trend-alt"
    funnel = "indicator-funnel"
    funnel_chart = "indicator-funnel-chart"
    funnel_alt = "indicator-funnel-alt"
    order = "indicator-order"
    table = "indicator-table"


class Scatter:
    x = "scatter-x"
    y = "scatter-y"
    sex = "scatter-sex"
    graph = "scatter-graph"
    alt = "scatter-alt"
    text = "scatter-text"
    navigate = "scatter-navigate"


class About:
    """The about page's programme reports (issue #13)."""

    programme_download = "about-programme-download"
    programme_download_button = "about-programme-download-button"  # pattern id: {"type": ..., "programme": id}
    programme_download_error = "about-programme-download-error"


def lang_link(lang: str) -> dict[str, str]:
    return {"type": Shell.lang_link, "lang": lang}


def url_state(page: str) -> dict[str, str]:
    return {"type": Shell.url_state, "page": page}


def download_button(fmt: str) -> dict[str, str]:
    return {"type": Area.download_button, "format": fmt}


def indicator_download_button(fmt: str) -> dict[str, str]:
    return {"type": Indicator.download_button, "format": fmt}


def prio_link(code: str) -> dict[str, str]:
    return {"type": Map.prio_link, "code": code}


def programme_download_button(programme: str) -> dict[str, str]:
    return {"type": About.programme_download_button, "programme": programme}


class Collaboration:
    """The collaboration self-assessment page (/collaboration, issue #13)."""

    chart = "collaboration-chart"
    table = "collaboration-table"
    changes = "collaboration-changes"
    spreads = "collaboration-spreads"
    download = "collaboration-download"
    download_button = "collaboration-download-button"
    download_status = "collaboration-download-status"


class Cities:
    """The country level of a many-city store (/cities, issue 14 item 3)."""

    indicator = "cities-indicator"
    period = "cities-period"
    sex = "cities-sex"
    sort = "cities-sort"
    age_note = "cities-age-note"
    graph = "cities-graph"
    alt = "cities-alt"
    legend = "cities-legend"
    table = "cities-table"
    navigate = "cities-navigate"
    header_link = "cities-header-link"  # the header's "All municipalities" link
    fallback_link = "cities-fallback-link"  # the map's link here when its own city has no data
