"""Statistics for the department's periodic reports: documents received, digitized, reviewed, signed and read
by other agencies, per month or quarter and per field of activity (document type), counted by SQL aggregates
(the queries: ``digitize.services.statistics``), shown with an inline SVG chart and a CSV export.

Periods are in Vietnam time (UTC+7): a document received at 20:00 UTC on 31 March belongs to April.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from digitize.api.web import i18n
from digitize.api.web.base import StatsPage, render, request_lang, router
from digitize.errors import Lang
from digitize.services.statistics import (
    METRICS,
    OFFSET_HOURS,
    Stats,
    cached_stats,
)

COLORS = {
    "received": "#5b7db1",
    "digitized": "#3a9d6e",
    "reviewed": "#d08c2b",
    "signed": "#b3413b",
    "read": "#7a5ba8",
}


def nice_tick(peak: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50 ... whose four steps reach ``peak``."""
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            if 4 * m * magnitude >= peak:
                return m * magnitude
        magnitude *= 10


def chart_svg(stats: Stats, lang: Lang) -> Markup:
    """A grouped bar chart (one group per period, one bar per metric), drawn here as inline SVG."""
    rows = stats.by_period()
    periods = stats.periods
    width, height = 1100, 260
    left, right, top, bottom = 48, 10, 12, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([1] + [v for r in rows.values() for v in r.values()])
    tick = nice_tick(peak)
    ceiling = 4 * tick
    group_w = plot_w / max(1, len(periods))
    bar_w = max(2.0, (group_w - 8) / len(METRICS))
    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-label="{escape(i18n.t("stats.by_period", lang))}" id="stats-chart">'
    ]
    for i in range(5):
        value = tick * i
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="gridline"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{int(value)}</text>'
        )
    for gi, p in enumerate(periods):
        x0 = left + gi * group_w + 4
        for mi, m in enumerate(METRICS):
            v = rows.get(p, {}).get(m, 0)
            h = plot_h * v / ceiling
            x = x0 + mi * bar_w
            y = top + plot_h - h
            title = f"{p} · {i18n.t('metric.' + m, lang)}: {v}"
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" fill="{COLORS[m]}">'
                f"<title>{escape(title)}</title></rect>"
            )
        parts.append(
            f'<text x="{x0 + (group_w - 8) / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'class="axis">{escape(p)}</text>'
        )
    lx = left
    for m in METRICS:
        label = i18n.t("metric." + m, lang)
        parts.append(f'<rect x="{lx}" y="{height - 22}" width="12" height="12" fill="{COLORS[m]}"/>')
        parts.append(f'<text x="{lx + 16}" y="{height - 12}" class="legend">{escape(label)}</text>')
        lx += 22 + 8 * len(label)
    parts.append("</svg>")
    return Markup("".join(parts))


def _params(request: Request) -> tuple[int, str]:
    now = datetime.now(UTC) + timedelta(hours=OFFSET_HOURS)
    raw = request.query_params.get("year", "")
    year = int(raw) if raw.isascii() and raw.isdigit() and 2000 <= int(raw) <= 2100 else now.year
    period = "quarter" if request.query_params.get("period") == "quarter" else "month"
    return year, period


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, user: StatsPage) -> Response:
    year, period = _params(request)
    stats = cached_stats(year, period, fresh=request.query_params.get("fresh") == "1")
    lang = request_lang(request)
    this_year = (datetime.now(UTC) + timedelta(hours=OFFSET_HOURS)).year
    return render(
        request,
        "stats.html",
        {
            "stats": stats,
            "metrics": METRICS,
            "by_period": stats.by_period(),
            "by_type": stats.by_type(),
            "totals": stats.totals(),
            "chart": chart_svg(stats, lang),
            "years": list(range(this_year, this_year - 6, -1)),
            "colors": COLORS,
        },
    )


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> str:
    """A text cell that a spreadsheet shows as text, never runs: a leading ``'`` before a formula start
    (OWASP's advice for CSV injection). Document types come from OCR and reviewers: hostile input."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@router.get("/stats.csv")
def stats_csv(request: Request, user: StatsPage) -> Response:
    """One row per period and document type (UTF-8 with BOM, so spreadsheet programs read the diacritics)."""
    year, period = _params(request)
    lang = request_lang(request)
    stats = cached_stats(year, period, fresh=request.query_params.get("fresh") == "1")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        [csv_cell(i18n.t("stats.period", lang)), csv_cell(i18n.t("col.type", lang))]
        + [csv_cell(i18n.t("metric." + m, lang)) for m in METRICS]
    )
    for (p, ty), counts in sorted(stats.cells.items()):
        w.writerow(
            [csv_cell(p), csv_cell(ty or i18n.t("stats.no_type", lang))] + [counts[m] for m in METRICS]
        )
    totals = stats.totals()
    w.writerow([csv_cell(i18n.t("stats.total", lang)), ""] + [totals[m] for m in METRICS])
    name = f"thong-ke-{year}-{period}.csv"
    return Response(
        "\ufeff" + buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
