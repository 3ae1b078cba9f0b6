"""What every format of the implementation report writes the same way: the summary's
facts, a value with its period, an initiative's years and lead. Numbers through
:mod:`reports.numbers` (CLDR via Babel, as the dashboard writes them)."""

from __future__ import annotations

from reports import programme_strings as ps
from reports import strings
from reports.numbers import DASH, long_date, number
from reports.programme_model import IndicatorLine, Initiative, ProgrammeReport


def title(report: ProgrammeReport) -> str:
    return f"{ps.text('report_title', report.lang)} {report.year}"


def programme_years(report: ProgrammeReport) -> str:
    if report.start_year is None and report.end_year is None:
        return DASH
    if report.end_year is None:
        return ps.text("open_ended", report.lang, start=report.start_year)
    return f"{report.start_year if report.start_year is not None else DASH}–{report.end_year}"


def value(v: float | None, decimals: int, lang: str, suppressed: bool = False) -> str:
    """A value as the dashboard writes it; a suppressed one is a word, never a number."""
    if suppressed:
        return ps.text("suppressed", lang)
    return number(v, decimals, lang)


def baseline(line: IndicatorLine, decimals: int, lang: str) -> tuple[str, str]:
    """(value, period) of the line's baseline."""
    return value(line.baseline, decimals, lang), line.baseline_period or ""


def latest(line: IndicatorLine, decimals: int, lang: str) -> tuple[str, str]:
    return value(line.latest, decimals, lang, line.suppressed), line.latest_period or ""


def target(line: IndicatorLine, decimals: int, lang: str) -> tuple[str, str]:
    """(value, "by 2025 · decrease") of the line's target, or a dash."""
    if line.target is None:
        return DASH, ""
    when = ps.text("by_period", lang, period=line.target_period)
    return number(line.target, decimals, lang), f"{when} · {ps.label('direction', line.direction, lang)}"


def progress(line: IndicatorLine, lang: str) -> str:
    return ps.label("progress", line.progress, lang)


def trend(line: IndicatorLine, lang: str) -> str:
    return strings.label("trend", line.trend, lang)


def years(ini: Initiative, lang: str) -> str:
    if ini.end_year is None:
        return ps.text("open_ended", lang, start=ini.start_year)
    if ini.end_year == ini.start_year:
        return str(ini.start_year)
    return f"{ini.start_year}–{ini.end_year}"


def lead(ini: Initiative, lang: str) -> str:
    kind = ps.label("institution", ini.lead_type, lang) if ini.lead_type else ""
    return f"{ini.lead} ({kind})" if kind else ini.lead


def partners(ini: Initiative) -> str:
    return ", ".join(ini.partners) or DASH


def money(report: ProgrammeReport) -> str:
    total, _ = report.budget
    return number(total, 0, report.lang)


def people(report: ProgrammeReport) -> str:
    total, _ = report.participants
    return number(total, 0, report.lang)


def areas_covered(report: ProgrammeReport) -> str:
    """``3 · 2 of 2 prioritized areas``."""
    covered = len(report.areas_covered)
    prio = ps.text("prioritized_covered", report.lang, n=report.prioritized_covered,
                   total=len(report.prioritized))
    return f"{covered} · {prio}"


def facts(report: ProgrammeReport) -> list[tuple[str, str]]:
    """The summary's (label, value) pairs, in reading order."""
    lang = report.lang
    return [
        (ps.text("programme", lang), report.programme_name),
        (ps.text("programme_period", lang), programme_years(report)),
        (ps.text("report_year", lang), str(report.year)),
        (strings.text("city", lang), report.city_name),
        (ps.text("goals", lang), str(len(report.goals))),
        (ps.text("initiatives_year", lang, year=report.year), str(len(report.initiatives))),
        (ps.text("areas_covered", lang), areas_covered(report)),
        (ps.text("budget", lang), money(report)),
        (ps.text("participants", lang), people(report)),
        (strings.text("export_date", lang), long_date(report.export_date, lang)),
    ]


def sum_notes(report: ProgrammeReport) -> list[str]:
    """How the budget and people reached were summed (how many initiatives give them)."""
    lang, total = report.lang, len(report.initiatives)
    return [
        f"{ps.text('budget', lang)}: "
        + ps.text("budget_note", lang, n=report.budget[1], total=total),
        f"{ps.text('participants', lang)}: "
        + ps.text("participants_note", lang, n=report.participants[1], total=total),
    ]


def batch_line(report: ProgrammeReport) -> str:
    return ps.text("batch", report.lang, batch=report.batch_id if report.batch_id is not None else DASH)
