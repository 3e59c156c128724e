"""Write ``index.html``, the report that shows each dimension's chart and numbers.

The report is one HTML file with inline CSS. It links the chart files beside it by
relative URL, so it opens from disk without a server. Every value from the data is
passed through ``html.escape``.
"""

from __future__ import annotations

import html
import logging
import os
import urllib.parse
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import pyarrow as pa

from memberanalyzer.charts.render import (
    ChartFiles,
    ChartRow,
    chart_rows,
    chart_title,
    dimension_label,
    dimensions_in_order,
    select_as_of,
    split_age_gender,
)

__all__ = ["REPORT_FILE_NAME", "FULL_LIST_FILE_NAME", "write_report"]

logger = logging.getLogger(__name__)

REPORT_FILE_NAME = "index.html"

# The caller writes this file next to the report. The report only links to it.
FULL_LIST_FILE_NAME = "distributions.csv"

_STYLE = """
body { margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { margin-bottom: 0.25rem; }
section { margin-top: 2.5rem; }
img { display: block; max-width: 100%; height: auto; }
figure { margin: 0 0 1rem; }
figcaption, .meta, .note { color: #555; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #ddd; text-align: left;
  vertical-align: top; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.other td { font-style: italic; }
""".strip()


def write_report(
    distributions: pa.Table,
    charts: list[ChartFiles],
    as_of: date,
    member_count: int,
    out_dir: Path,
    top_n: int = 20,
    summary: Mapping[str, int] | None = None,
) -> Path:
    """Write ``out_dir / "index.html"`` for one as-of date and return its path.

    Each dimension gets its chart (the SVG, with links to both files) and a table with
    the same rows as the chart, so pass the ``top_n`` used for ``render_charts``.
    ``summary`` holds run counts, such as records read or rejected per reason, and is
    shown with its keys as given. The file is replaced atomically.

    Raises:
        NothingToChartError: the table has no rows for ``as_of``.
        ValueError: a column is missing or ``top_n`` is below 1.
    """
    table = select_as_of(distributions, as_of)
    charts_by_dimension = {chart.dimension: chart for chart in charts}
    dimensions = dimensions_in_order(table)

    sections = [
        _section_html(
            dimension,
            chart_rows(table, dimension, top_n),
            charts_by_dimension.get(dimension),
            out_dir,
            chart_title(dimension, as_of, member_count),
            top_n,
        )
        for dimension in dimensions
    ]
    body = [
        _header_html(as_of, member_count),
        _summary_html(summary),
        _contents_html(dimensions),
        *sections,
    ]
    document = _document_html(f"Member report — as of {as_of.isoformat()}", body)

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / REPORT_FILE_NAME
    _write_atomically(path, document)
    logger.info("wrote report path=%s as_of=%s dimensions=%d", path, as_of, len(dimensions))
    return path


def _write_atomically(path: Path, text: str) -> None:
    # Renaming a finished file means a reader gets the old or the new report, not half of one.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8", newline="\n")
    partial.replace(path)


def _document_html(title: str, body: Sequence[str]) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        *[part for part in body if part],
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header_html(as_of: date, member_count: int) -> str:
    day = html.escape(as_of.isoformat())
    noun = "member" if member_count == 1 else "members"
    return (
        "<header>\n<h1>Member report</h1>\n"
        f'<p class="meta">As of <time datetime="{day}">{day}</time> · '
        f"{member_count:,} {noun}</p>\n</header>"
    )


def _readable_key(key: str) -> str:
    """Turn a summary key such as ``rejected_invalid_date`` into "rejected: invalid date"."""
    if key.startswith("rejected_"):
        return "rejected: " + key.removeprefix("rejected_").replace("_", " ")
    return key.replace("_", " ")


def _summary_html(summary: Mapping[str, int] | None) -> str:
    if not summary:
        return ""

    rows = [
        f'<tr><th scope="row">{html.escape(_readable_key(key))}</th>'
        f'<td class="number">{value:,}</td></tr>'
        for key, value in summary.items()
    ]
    return (
        '<section id="run-summary">\n<h2>Run summary</h2>\n'
        '<div class="table-wrap"><table>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table></div>\n</section>"
    )


def _contents_html(dimensions: Sequence[str]) -> str:
    items = [
        f'<li><a href="#{_section_id(dimension)}">'
        f"{html.escape(dimension_label(dimension))}</a></li>"
        for dimension in dimensions
    ]
    return (
        '<nav aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</nav>"
    )


def _section_html(
    dimension: str,
    rows: Sequence[ChartRow],
    chart: ChartFiles | None,
    out_dir: Path,
    title: str,
    top_n: int,
) -> str:
    parts = [
        f'<section id="{_section_id(dimension)}">',
        f"<h2>{html.escape(dimension_label(dimension))}</h2>",
        _chart_html(dimension, chart, out_dir, title),
        _table_html(dimension, rows),
        _long_tail_note(rows, top_n),
        "</section>",
    ]
    return "\n".join(part for part in parts if part)


def _section_id(dimension: str) -> str:
    return html.escape(f"dimension-{dimension}")


def _chart_html(dimension: str, chart: ChartFiles | None, out_dir: Path, title: str) -> str:
    if chart is None:
        logger.warning("report shows no chart because none was rendered dimension=%s", dimension)
        return '<p class="note">No chart was rendered for this dimension.</p>'

    svg = _relative_url(chart.svg, out_dir)
    png = _relative_url(chart.png, out_dir)
    return (
        f'<figure>\n<img src="{svg}" alt="{html.escape(title)}" loading="lazy">\n'
        f'<figcaption>Download: <a href="{png}">PNG</a> · <a href="{svg}">SVG</a></figcaption>\n'
        "</figure>"
    )


def _relative_url(path: Path, out_dir: Path) -> str:
    """Return ``path`` as an escaped URL relative to the report, e.g. "city.svg"."""
    relative = Path(os.path.relpath(path, out_dir)).as_posix()
    return html.escape(urllib.parse.quote(relative))


def _table_html(dimension: str, rows: Sequence[ChartRow]) -> str:
    header = (
        f'<thead><tr><th scope="col">{html.escape(dimension_label(dimension))}</th>'
        '<th scope="col" class="number">Members</th>'
        '<th scope="col" class="number">Percentage</th></tr></thead>'
    )
    body = [_table_row_html(dimension, row) for row in rows]
    return (
        '<div class="table-wrap"><table>\n'
        + header
        + "\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table></div>"
    )


def _table_row_html(dimension: str, row: ChartRow) -> str:
    row_class = ' class="other"' if row.grouped_value_count else ""
    return (
        f"<tr{row_class}><td>{html.escape(_display_value(dimension, row))}</td>"
        f'<td class="number">{row.members:,}</td>'
        f'<td class="number">{row.percentage:.2f}%</td></tr>'
    )


def _display_value(dimension: str, row: ChartRow) -> str:
    if dimension == "age_group_by_gender" and not row.grouped_value_count:
        age_group, gender = split_age_gender(row.value)
        return f"{age_group} · {gender}"
    return row.value


def _long_tail_note(rows: Sequence[ChartRow], top_n: int) -> str:
    grouped = rows[-1].grouped_value_count if rows else 0
    if not grouped:
        return ""

    noun = "value" if grouped == 1 else "values"
    return (
        f'<p class="note">Other sums the {grouped:,} {noun} outside the top {top_n:,}. '
        f'The full list is in <a href="{FULL_LIST_FILE_NAME}">{FULL_LIST_FILE_NAME}</a>.</p>'
    )
