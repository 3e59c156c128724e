"""Render one bar chart per distribution dimension as a PNG and an SVG file.

The charts use matplotlib's object API (``matplotlib.figure.Figure``) and never import
pyplot, so rendering touches no global backend state. ``chart_rows`` decides which bars a
chart shows, and the HTML report uses it too, so the chart and its table always agree.

Text uses matplotlib's configured fonts, by default the bundled DejaVu Sans, which has
Latin, Cyrillic and Arabic-script glyphs. Characters that no configured font has are
drawn as boxes (see ``_tick_labels``).
"""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from matplotlib import font_manager, rcParams
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from memberanalyzer.errors import NothingToChartError
from memberanalyzer.members.distributions import DIMENSIONS

__all__ = [
    "DIMENSIONS",
    "OTHER_LABEL",
    "ChartFiles",
    "ChartRow",
    "NothingToChartError",
    "chart_rows",
    "chart_title",
    "dimension_label",
    "dimensions_in_order",
    "render_charts",
    "select_as_of",
    "split_age_gender",
]

logger = logging.getLogger(__name__)


OTHER_LABEL = "Other"

_ORDINAL_DIMENSIONS = frozenset({"age_group", "registration_year"})

_REQUIRED_COLUMNS: tuple[str, ...] = ("as_of", "dimension", "value", "count", "percentage")

_READABLE_NAMES: dict[str, str] = {
    "gender": "gender",
    "age_group": "age group",
    "country": "country",
    "city": "city",
    "nationality": "nationality",
    "registration_year": "registration year",
    "age_group_by_gender": "age group and gender",
}

# Dimension names become file names, so they must not contain path separators.
_DIMENSION_NAME = re.compile(r"[A-Za-z0-9_-]+")

# Okabe-Ito palette: its colours stay distinguishable with the common kinds of colour
# blindness. Yellow comes late because it is faint on white, and black last because it
# is hard to tell apart from the axis lines and text.
_OKABE_ITO: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#F0E442",
    "#000000",
)
_BAR_COLOUR = "#0072B2"
_OTHER_COLOUR = "#999999"

_FIGURE_WIDTH_INCHES = 8.0
_VERTICAL_HEIGHT_INCHES = 4.5
_HORIZONTAL_BASE_INCHES = 1.4
_HORIZONTAL_INCHES_PER_BAR = 0.3
_GROUPED_BASE_INCHES = 2.5
_GROUPED_INCHES_PER_BAR = 0.4
_GROUPED_MAX_WIDTH_INCHES = 24.0
_PNG_DPI = 120

# Vertical bars only while every tick label fits under its bar.
_MAX_VERTICAL_BARS = 8
_MAX_VERTICAL_LABEL_CHARS = 10

# Tick labels longer than this are cut in the chart. The report table shows the full value.
_MAX_TICK_LABEL_CHARS = 32

# Drawn in place of a character that no configured font has. matplotlib would draw a
# placeholder glyph there too, but it would also warn once per missing character each
# time it draws the chart.
_MISSING_GLYPH = "\u25a1"

# Head room above the longest bar, as a fraction of its length, for its percentage label.
_LABEL_HEAD_ROOM = 0.16


@dataclass(frozen=True)
class ChartFiles:
    """The PNG and SVG files rendered for one dimension."""

    dimension: str
    png: Path
    svg: Path


class ChartRow(NamedTuple):
    """One bar of a chart and one row of its table in the report.

    ``grouped_value_count`` is 0 for a plain value. For the "Other" row it is the number
    of values that the row sums up.
    """

    value: str
    members: int
    percentage: float
    grouped_value_count: int = 0


def render_charts(
    distributions: pa.Table,
    as_of: date,
    member_count: int,
    out_dir: Path,
    top_n: int = 20,
) -> list[ChartFiles]:
    """Render ``<dimension>.png`` and ``<dimension>.svg`` into ``out_dir`` for each dimension.

    Dimensions come in the order of ``DIMENSIONS``, then any others in table order.
    ``out_dir`` is created if missing and existing chart files are overwritten.

    Raises:
        NothingToChartError: the table has no rows for ``as_of``.
        ValueError: a column is missing, ``top_n`` is below 1, or a value does not
            match its dimension's format.
    """
    _check_top_n(top_n)
    table = select_as_of(distributions, as_of)
    out_dir.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    charts = [
        _render_dimension(table, dimension, as_of, member_count, out_dir, top_n)
        for dimension in dimensions_in_order(table)
    ]

    logger.info(
        "rendered charts count=%d as_of=%s out_dir=%s seconds=%.2f",
        len(charts),
        as_of,
        out_dir,
        time.perf_counter() - started,
    )
    return charts


def select_as_of(distributions: pa.Table, as_of: date) -> pa.Table:
    """Return the rows of ``distributions`` whose ``as_of`` equals the given date.

    Raises:
        ValueError: a required column is missing.
        NothingToChartError: no row has that date.
    """
    missing = [name for name in _REQUIRED_COLUMNS if name not in distributions.column_names]
    if missing:
        raise ValueError(
            f"distribution table is missing columns {', '.join(missing)}. "
            f"Expected columns: {', '.join(_REQUIRED_COLUMNS)}."
        )

    selected = distributions.filter(pc.equal(distributions["as_of"], pa.scalar(as_of, pa.date32())))
    if selected.num_rows == 0:
        raise NothingToChartError(_nothing_to_chart_message(distributions, as_of))
    return selected


def _nothing_to_chart_message(distributions: pa.Table, as_of: date) -> str:
    message = f"nothing to chart for as-of date {as_of.isoformat()}: "
    if distributions.num_rows == 0:
        return message + "the distribution table is empty. Run the analysis for that date first."

    found = sorted(str(day) for day in pc.unique(distributions["as_of"]).to_pylist())
    return message + f"the distribution table only has as-of dates {', '.join(found)}."


def dimensions_in_order(distributions: pa.Table) -> list[str]:
    """Return the table's dimensions: known ones in ``DIMENSIONS`` order, others after them."""
    present: list[str] = list(dict.fromkeys(distributions["dimension"].to_pylist()))
    known = [dimension for dimension in DIMENSIONS if dimension in present]
    unknown = [dimension for dimension in present if dimension not in DIMENSIONS]
    return known + unknown


def dimension_label(dimension: str) -> str:
    """Return the readable name of a dimension for an axis or a table header, e.g. "Age group"."""
    return _readable_name(dimension).capitalize()


def chart_title(dimension: str, as_of: date, member_count: int) -> str:
    """Return a chart title, e.g. "Members by country — as of 2026-12-04 — 1,234 members"."""
    noun = "member" if member_count == 1 else "members"
    return (
        f"Members by {_readable_name(dimension)} — as of {as_of.isoformat()} "
        f"— {member_count:,} {noun}"
    )


def _readable_name(dimension: str) -> str:
    return _READABLE_NAMES.get(dimension, dimension.replace("_", " "))


def chart_rows(distributions: pa.Table, dimension: str, top_n: int = 20) -> list[ChartRow]:
    """Return the bars of one dimension's chart in display order.

    Gender, country, city, nationality and unknown dimensions are sorted by count
    descending, ties by value. Age groups are sorted by lower bound, with open-ended
    groups such as "65+" last, and registration years ascending. When a dimension has
    more than ``top_n + 1`` values, the ``top_n`` largest stay (in the order above) and
    the rest become one "Other" row at the end. Its count and percentage are the sums of
    the rows it replaces.

    Age groups and registration years are never grouped, so their axis has no gaps.
    ``age_group_by_gender`` is never grouped either, because every cell of the age group and
    gender grid has its own bar. Its rows are sorted by age group, then by gender name.

    ``distributions`` must contain a single as-of date (see ``select_as_of``).
    """
    _check_top_n(top_n)
    rows = _dimension_rows(distributions, dimension)

    if dimension == "age_group_by_gender":
        return _sort_age_gender_rows(rows)

    sort_key = _sort_key(dimension)
    # An "Other" row for a single value would hide its name and save no bar. Ordinal
    # dimensions keep every bar: an "Other" among years would leave gaps in the axis.
    if len(rows) <= top_n + 1 or dimension in _ORDINAL_DIMENSIONS:
        return sorted(rows, key=sort_key)

    by_count = sorted(rows, key=_count_descending)
    top_rows, remaining_rows = by_count[:top_n], by_count[top_n:]
    return sorted(top_rows, key=sort_key) + [_other_row(remaining_rows)]


def _check_top_n(top_n: int) -> None:
    if top_n < 1:
        raise ValueError(f"top_n must be at least 1, got {top_n}")


def _dimension_rows(distributions: pa.Table, dimension: str) -> list[ChartRow]:
    selected = distributions.filter(pc.equal(distributions["dimension"], dimension))
    values = selected["value"].to_pylist()
    counts = selected["count"].to_pylist()
    percentages = selected["percentage"].to_pylist()
    return [
        ChartRow(str(value), int(count), float(percentage))
        for value, count, percentage in zip(values, counts, percentages, strict=True)
    ]


def _other_row(grouped_rows: Sequence[ChartRow]) -> ChartRow:
    members = sum(row.members for row in grouped_rows)
    # Summing the rounded percentages keeps the chart's total at the table's 100.00.
    percentage = round(sum(row.percentage for row in grouped_rows), 2)
    return ChartRow(OTHER_LABEL, members, percentage, len(grouped_rows))


_SortKey = tuple[int, int, str]


def _sort_key(dimension: str) -> Callable[[ChartRow], _SortKey]:
    if dimension == "age_group":
        return lambda row: _age_group_key(row.value)
    if dimension == "registration_year":
        return lambda row: _year_key(row.value)
    return _count_descending


def _count_descending(row: ChartRow) -> _SortKey:
    return (-row.members, 0, row.value)


def _age_group_key(label: str) -> _SortKey:
    """Order age-group labels such as "0-17", "18-24" and "65+" by lower bound.

    Open-ended groups ("65+") come after closed ones, and labels without a leading
    number (for example "unknown") come last.
    """
    text = label.strip()
    match = re.match(r"\d+", text)
    if match is None:
        return (2, 0, label)

    open_ended = 1 if text.endswith("+") else 0
    return (open_ended, int(match.group()), label)


def _year_key(value: str) -> _SortKey:
    text = value.strip()
    if text.isdigit():
        return (0, int(text), value)
    return (1, 0, value)


def _sort_age_gender_rows(rows: list[ChartRow]) -> list[ChartRow]:
    gender_rank = {gender: rank for rank, gender in enumerate(_gender_order(rows))}

    def key(row: ChartRow) -> tuple[_SortKey, int]:
        age_group, gender = split_age_gender(row.value)
        return (_age_group_key(age_group), gender_rank[gender])

    return sorted(rows, key=key)


def _gender_order(rows: Sequence[ChartRow]) -> list[str]:
    totals: dict[str, int] = {}
    for row in rows:
        _, gender = split_age_gender(row.value)
        totals[gender] = totals.get(gender, 0) + row.members
    # Alphabetical, not by count, so each gender keeps its colour from one report to the next.
    return sorted(totals)


def split_age_gender(value: str) -> tuple[str, str]:
    """Split an ``age_group_by_gender`` value such as "25-34|female" into its two parts.

    Raises:
        ValueError: the value has no "|" separator.
    """
    age_group, separator, gender = value.partition("|")
    if not separator:
        raise ValueError(
            f"invalid age_group_by_gender value {value!r}: expected '<age group>|<gender>', "
            "for example '25-34|female'"
        )
    return age_group, gender


def _render_dimension(
    distributions: pa.Table,
    dimension: str,
    as_of: date,
    member_count: int,
    out_dir: Path,
    top_n: int,
) -> ChartFiles:
    if _DIMENSION_NAME.fullmatch(dimension) is None:
        raise ValueError(
            f"invalid dimension name {dimension!r}: it becomes a file name, so use only "
            "letters, digits, '_' and '-'"
        )

    rows = chart_rows(distributions, dimension, top_n)
    title = chart_title(dimension, as_of, member_count)
    if dimension == "age_group_by_gender":
        figure = _grouped_bar_figure(rows, title)
    else:
        figure = _bar_figure(rows, dimension, title)

    charts = _save_figure(figure, out_dir, dimension)
    logger.debug("rendered chart dimension=%s bars=%d png=%s", dimension, len(rows), charts.png)
    return charts


def _save_figure(figure: Figure, out_dir: Path, dimension: str) -> ChartFiles:
    png = out_dir / f"{dimension}.png"
    svg = out_dir / f"{dimension}.svg"

    # Constrained layout would otherwise run again on every savefig. Its result is in
    # figure fractions, so one run serves both output resolutions.
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
    figure.set_layout_engine("none")

    # Without the software entry, an unchanged table renders to a byte-identical PNG.
    figure.savefig(png, dpi=_PNG_DPI, metadata={"Software": None})
    # The SVG keeps matplotlib's default svg.fonttype "path": glyphs are drawn as outlines,
    # so the file looks the same in every browser whether or not DejaVu Sans is installed,
    # and no rcParams change (which is process-global) is needed.
    figure.savefig(svg, metadata={"Date": None})
    return ChartFiles(dimension, png, svg)


def _bar_figure(rows: Sequence[ChartRow], dimension: str, title: str) -> Figure:
    rows, undrawn_note = _split_dominant_other(rows, dimension)
    labels = _tick_labels(dimension, [row.value for row in rows])
    horizontal = len(rows) > _MAX_VERTICAL_BARS or any(
        len(label) > _MAX_VERTICAL_LABEL_CHARS for label in labels
    )

    height = _VERTICAL_HEIGHT_INCHES
    if horizontal:
        height = _HORIZONTAL_BASE_INCHES + _HORIZONTAL_INCHES_PER_BAR * max(len(rows), 3)
    figure = _new_figure(_FIGURE_WIDTH_INCHES, height)
    axes = figure.add_subplot()

    if horizontal:
        _draw_horizontal_bars(axes, rows, labels, dimension_label(dimension))
    else:
        _draw_vertical_bars(axes, rows, labels, dimension_label(dimension))
    _style_axes(axes, title, value_axis="x" if horizontal else "y")
    if undrawn_note:
        axes.set_xlabel(f"{axes.get_xlabel()}\n{undrawn_note}")
    return figure


def _split_dominant_other(rows: Sequence[ChartRow], dimension: str) -> tuple[list[ChartRow], str]:
    """Leave out an "Other" bar larger than every other bar, and describe it in a note.

    A long tail (thousands of cities) can hold most members; drawn to scale, its bar would
    flatten every named bar to a sliver. The report's table still lists the "Other" row.
    """
    drawn = list(rows)
    if len(drawn) < 2 or drawn[-1].value != OTHER_LABEL:
        return drawn, ""
    other = drawn[-1]
    if other.members <= max(row.members for row in drawn[:-1]):
        return drawn, ""
    name = dimension_label(dimension).lower()
    note = (
        f"Not drawn: {other.grouped_value_count:,} other values of {name} with "
        f"{other.members:,} members ({_format_percentage(other.percentage)})"
    )
    return drawn[:-1], note


def _new_figure(width_inches: float, height_inches: float) -> Figure:
    # Constrained layout sizes the margins to the tick labels. The padding, in inches,
    # keeps the title off the top edge.
    layout = ConstrainedLayoutEngine(h_pad=0.12, w_pad=0.12)
    return Figure(figsize=(width_inches, height_inches), layout=layout)


def _draw_horizontal_bars(
    axes: Axes, rows: Sequence[ChartRow], labels: list[str], category_label: str
) -> None:
    positions = np.arange(len(rows))
    counts = [row.members for row in rows]
    bars = axes.barh(positions, counts, color=_bar_colours(rows))

    axes.set_yticks(positions, labels=labels)
    axes.margins(y=0.01)
    axes.invert_yaxis()  # the first row reads at the top
    axes.set_xlim(0, _value_axis_limit(counts))
    axes.set_xlabel("Members")
    axes.set_ylabel(category_label)
    _label_percentages(axes, bars, rows, font_size=8)


def _draw_vertical_bars(
    axes: Axes, rows: Sequence[ChartRow], labels: list[str], category_label: str
) -> None:
    positions = np.arange(len(rows))
    counts = [row.members for row in rows]
    bars = axes.bar(positions, counts, color=_bar_colours(rows), width=0.6)

    axes.set_xticks(positions, labels=labels)
    axes.set_ylim(0, _value_axis_limit(counts))
    axes.set_xlabel(category_label)
    axes.set_ylabel("Members")
    _label_percentages(axes, bars, rows, font_size=9)


def _grouped_bar_figure(rows: Sequence[ChartRow], title: str) -> Figure:
    """Build a grouped bar chart: age groups on the x axis, one bar per gender in each."""
    age_groups = list(dict.fromkeys(split_age_gender(row.value)[0] for row in rows))
    genders = _gender_order(rows)
    gender_labels = _tick_labels("age_group_by_gender", genders)
    cells = {split_age_gender(row.value): row for row in rows}

    bar_total = len(age_groups) * len(genders)
    width = _GROUPED_BASE_INCHES + _GROUPED_INCHES_PER_BAR * bar_total
    width = min(max(width, _FIGURE_WIDTH_INCHES), _GROUPED_MAX_WIDTH_INCHES)
    figure = _new_figure(width, _VERTICAL_HEIGHT_INCHES + 0.5)
    axes = figure.add_subplot()

    positions = np.arange(len(age_groups))
    bar_width = 0.8 / len(genders)
    largest = 0
    for index, gender in enumerate(genders):
        gender_rows = [
            cells.get((age_group, gender), ChartRow("", 0, 0.0)) for age_group in age_groups
        ]
        counts = [row.members for row in gender_rows]
        largest = max(largest, *counts)
        offsets = positions - 0.4 + bar_width * (index + 0.5)
        colour = _OKABE_ITO[index % len(_OKABE_ITO)]
        bars = axes.bar(offsets, counts, bar_width, label=gender_labels[index], color=colour)
        _label_percentages(axes, bars, gender_rows, font_size=7, rotation=90)

    axes.set_xticks(positions, labels=_tick_labels("age_group_by_gender", age_groups))
    # Rotated labels stand taller than flat ones, so they need more head room.
    axes.set_ylim(0, _value_axis_limit([largest]) * 1.1)
    axes.set_xlabel("Age group")
    axes.set_ylabel("Members")
    axes.legend(title="Gender", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    _style_axes(axes, title, value_axis="y")
    return figure


def _label_percentages(
    axes: Axes,
    bars: BarContainer,
    rows: Sequence[ChartRow],
    font_size: float,
    rotation: float = 0.0,
) -> None:
    labels = [_format_percentage(row.percentage) if row.members else "" for row in rows]
    axes.bar_label(bars, labels=labels, padding=2, fontsize=font_size, rotation=rotation)


def _style_axes(axes: Axes, title: str, value_axis: Literal["x", "y"]) -> None:
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)

    value_axis_object = axes.xaxis if value_axis == "x" else axes.yaxis
    value_axis_object.set_major_locator(MaxNLocator(integer=True))
    value_axis_object.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.grid(axis=value_axis, color="#DDDDDD", linewidth=0.6)
    axes.set_axisbelow(True)


def _bar_colours(rows: Sequence[ChartRow]) -> list[str]:
    return [_OTHER_COLOUR if row.grouped_value_count else _BAR_COLOUR for row in rows]


def _value_axis_limit(counts: Sequence[int]) -> float:
    largest = max(counts, default=0)
    return max(largest, 1) * (1 + _LABEL_HEAD_ROOM)


def _format_percentage(percentage: float) -> str:
    # Shares under 10% get two decimals, so that 20 cities of about 0.2% each stay apart.
    if 0 < percentage < 0.01:
        return "<0.01%"
    if percentage < 10:
        return f"{percentage:.2f}%"
    return f"{percentage:.1f}%"


def _shorten(label: str) -> str:
    if len(label) <= _MAX_TICK_LABEL_CHARS:
        return label
    return label[: _MAX_TICK_LABEL_CHARS - 1].rstrip() + "…"


def _tick_labels(dimension: str, values: Sequence[str]) -> list[str]:
    """Prepare values as chart labels: shorten, mark undrawable characters, escape "$"."""
    drawable = _drawable_code_points(_configured_font_families())
    shortened = [_shorten(value) for value in values]
    labels = [_replace_missing_glyphs(label, drawable) for label in shortened]

    changed = [
        value
        for value, before, after in zip(values, shortened, labels, strict=True)
        if before != after
    ]
    if changed:
        logger.warning(
            "chart labels show boxes for characters that no configured font can draw "
            "dimension=%s values=%d first=%r (add a font that has them to "
            "rcParams['font.family'])",
            dimension,
            len(changed),
            changed[0],
        )

    # matplotlib parses text between two "$" as mathtext, and an invalid formula raises
    # at draw time. It turns the escaped "\$" back into "$" in plain text.
    return [label.replace("$", "\\$") for label in labels]


def _replace_missing_glyphs(label: str, drawable: frozenset[int]) -> str:
    # Control and format characters, such as the zero-width non-joiner in Persian names,
    # steer text shaping and have no glyph of their own.
    return "".join(
        character
        if ord(character) in drawable or unicodedata.category(character) in ("Cc", "Cf")
        else _MISSING_GLYPH
        for character in label
    )


def _configured_font_families() -> tuple[str, ...]:
    return tuple(rcParams["font.family"])


@functools.lru_cache(maxsize=8)
def _drawable_code_points(families: tuple[str, ...]) -> frozenset[int]:
    """Return the code points that the fonts matplotlib picks for ``families`` can draw.

    matplotlib 3.11 draws text with one installed font per ``font.family`` entry, and a
    generic family such as "sans-serif" resolves to its first installed font. It falls
    back from one font to the next glyph by glyph, so it can draw the union of their maps.
    """
    code_points: set[int] = set()
    for family in families:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue  # the family is not installed
        code_points.update(font_manager.get_font(path).get_charmap())

    if not code_points:
        # With none of them installed, matplotlib draws with its bundled default font.
        default = font_manager.findfont(font_manager.FontProperties())
        code_points.update(font_manager.get_font(default).get_charmap())
    return frozenset(code_points)
