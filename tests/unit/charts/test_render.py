"""Tests for the chart rows and the PNG and SVG charts, rendered with real matplotlib."""

from __future__ import annotations

import struct
import warnings
from datetime import date
from pathlib import Path

import pytest
from chart_tables import AS_OF, distribution_table

from memberanalyzer.charts.render import (
    DIMENSIONS,
    OTHER_LABEL,
    ChartFiles,
    ChartRow,
    NothingToChartError,
    chart_rows,
    chart_title,
    render_charts,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# One small distribution per dimension. The values are not in display order, so the
# sort tests can fail.
SAMPLE_COUNTS: dict[str, dict[str, int]] = {
    "gender": {"male": 5, "female": 6, "nonbinary": 1},
    "age_group": {"65+": 2, "18-24": 3, "0-17": 1, "25-34": 6},
    "country": {"Germany": 4, "Norway": 5, "Iran": 3},
    "city": {"Bergen": 2, "Москва": 3, "تهران": 3, "Oslo": 4},
    "nationality": {"DE": 4, "NO": 5, "IR": 3},
    "registration_year": {"2024": 3, "2019": 5, "2021": 4},
    "age_group_by_gender": {
        "25-34|male": 1,
        "0-17|female": 1,
        "65+|female": 2,
        "18-24|male": 3,
        "25-34|female": 5,
    },
}
SAMPLE_MEMBERS = 12


def png_size(path: Path) -> tuple[int, int]:
    """Return (width, height) in pixels from a PNG file's IHDR chunk."""
    header = path.read_bytes()[:24]
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture(scope="module")
def sample_charts(tmp_path_factory: pytest.TempPathFactory) -> list[ChartFiles]:
    out_dir = tmp_path_factory.mktemp("charts") / AS_OF.isoformat()
    return render_charts(distribution_table(SAMPLE_COUNTS), AS_OF, SAMPLE_MEMBERS, out_dir)


def test_render_charts_returns_dimensions_in_contract_order(
    sample_charts: list[ChartFiles],
) -> None:
    assert [chart.dimension for chart in sample_charts] == list(DIMENSIONS)


def test_render_charts_writes_png_per_dimension(sample_charts: list[ChartFiles]) -> None:
    for chart in sample_charts:
        assert chart.png.name == f"{chart.dimension}.png"
        assert chart.png.read_bytes().startswith(PNG_SIGNATURE), chart.png


def test_render_charts_writes_svg_per_dimension(sample_charts: list[ChartFiles]) -> None:
    for chart in sample_charts:
        assert chart.svg.name == f"{chart.dimension}.svg"
        assert "<svg" in chart.svg.read_text(encoding="utf-8"), chart.svg


def test_render_charts_writes_files_into_out_dir(sample_charts: list[ChartFiles]) -> None:
    out_dirs = {chart.png.parent for chart in sample_charts} | {
        chart.svg.parent for chart in sample_charts
    }

    assert len(out_dirs) == 1
    assert out_dirs.pop().name == AS_OF.isoformat()


def test_render_charts_creates_missing_out_dir(tmp_path: Path) -> None:
    out_dir = tmp_path / "reports" / AS_OF.isoformat()
    table = distribution_table({"gender": SAMPLE_COUNTS["gender"]})

    charts = render_charts(table, AS_OF, SAMPLE_MEMBERS, out_dir)

    assert out_dir.is_dir()
    assert charts[0].png.stat().st_size > 0


def test_render_charts_png_is_reproducible(tmp_path: Path) -> None:
    table = distribution_table({"gender": SAMPLE_COUNTS["gender"]})

    first = render_charts(table, AS_OF, SAMPLE_MEMBERS, tmp_path / "first")
    second = render_charts(table, AS_OF, SAMPLE_MEMBERS, tmp_path / "second")

    assert first[0].png.read_bytes() == second[0].png.read_bytes()


def test_render_charts_empty_table_raises(tmp_path: Path) -> None:
    empty = distribution_table({})

    with pytest.raises(NothingToChartError, match="nothing to chart for as-of date 2026-12-04"):
        render_charts(empty, AS_OF, 0, tmp_path)


def test_render_charts_other_as_of_date_raises(tmp_path: Path) -> None:
    table = distribution_table(SAMPLE_COUNTS, as_of=date(2026, 12, 3))

    with pytest.raises(NothingToChartError, match="only has as-of dates 2026-12-03"):
        render_charts(table, AS_OF, SAMPLE_MEMBERS, tmp_path)


def test_render_charts_missing_column_raises(tmp_path: Path) -> None:
    table = distribution_table(SAMPLE_COUNTS).drop_columns(["percentage"])

    with pytest.raises(ValueError, match="missing columns percentage"):
        render_charts(table, AS_OF, SAMPLE_MEMBERS, tmp_path)


def test_render_charts_rejects_top_n_below_one(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="top_n must be at least 1, got 0"):
        render_charts(distribution_table(SAMPLE_COUNTS), AS_OF, SAMPLE_MEMBERS, tmp_path, top_n=0)


def test_render_charts_rejects_dimension_with_path_separator(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    table = distribution_table({"../escape": {"a": 1}})

    with pytest.raises(ValueError, match="invalid dimension name"):
        render_charts(table, AS_OF, 1, out_dir)

    assert not (tmp_path / "escape.png").exists()


def test_render_charts_non_latin_without_warnings(tmp_path: Path) -> None:
    cities = {
        "Москва": 3,
        "Санкт-Петербург": 2,
        "تهران": 2,
        "اصفهان": 1,
        "Tromsø": 1,
    }
    table = distribution_table({"city": cities})

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_charts(table, AS_OF, 9, tmp_path)

    glyph_warnings = [str(warning.message) for warning in caught if "Glyph" in str(warning.message)]
    assert glyph_warnings == []


def test_render_charts_undrawable_characters_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # DejaVu Sans, matplotlib's default font, has no CJK or Hangul glyphs.
    table = distribution_table({"city": {"東京": 3, "서울": 2, "Oslo": 1}})

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_charts(table, AS_OF, 6, tmp_path)

    glyph_warnings = [str(warning.message) for warning in caught if "Glyph" in str(warning.message)]
    font_log_lines = [
        record for record in caplog.records if "no configured font" in record.getMessage()
    ]
    assert glyph_warnings == []
    assert len(font_log_lines) == 1


def test_render_charts_draws_dollar_signs_as_text(tmp_path: Path) -> None:
    # Unescaped, "$\\frac$" is an invalid mathtext formula and fails at draw time.
    table = distribution_table({"city": {"$Rich$ Town": 3, "Bad $\\frac$ math": 2, "Oslo": 1}})

    charts = render_charts(table, AS_OF, 6, tmp_path)

    assert charts[0].png.read_bytes().startswith(PNG_SIGNATURE)


def test_render_charts_long_tail_chart_is_taller(tmp_path: Path) -> None:
    few = distribution_table({"city": {"Oslo": 3, "Bergen": 2, "Molde": 1}})
    many = distribution_table({"city": {f"City {index:02d}": 100 - index for index in range(30)}})

    few_chart = render_charts(few, AS_OF, 6, tmp_path / "few")[0]
    many_chart = render_charts(many, AS_OF, 2565, tmp_path / "many")[0]

    assert png_size(many_chart.png)[1] > png_size(few_chart.png)[1]


def test_render_charts_unknown_dimension_comes_last(tmp_path: Path) -> None:
    table = distribution_table({"hobby": {"chess": 2}, "gender": SAMPLE_COUNTS["gender"]})

    charts = render_charts(table, AS_OF, SAMPLE_MEMBERS, tmp_path)

    assert [chart.dimension for chart in charts] == ["gender", "hobby"]


def test_chart_rows_groups_long_tail_as_other() -> None:
    cities = {f"City {index:02d}": 100 - index for index in range(30)}

    rows = chart_rows(distribution_table({"city": cities}), "city", top_n=20)

    assert len(rows) == 21
    assert rows[-1].value == OTHER_LABEL


def test_chart_rows_other_sums_remaining_values() -> None:
    cities = {f"City {index:02d}": 100 - index for index in range(30)}
    table = distribution_table({"city": cities})
    all_rows = chart_rows(table, "city", top_n=30)
    remaining = all_rows[20:]

    other = chart_rows(table, "city", top_n=20)[-1]

    assert other.members == sum(row.members for row in remaining)
    assert other.percentage == round(sum(row.percentage for row in remaining), 2)
    assert other.grouped_value_count == 10


def test_chart_rows_keeps_largest_values_before_other() -> None:
    # Insert the cities smallest first, so the table order cannot pass for the top 20.
    cities = {f"City {index:02d}": 100 - index for index in reversed(range(30))}

    rows = chart_rows(distribution_table({"city": cities}), "city", top_n=20)

    assert [row.value for row in rows[:-1]] == [f"City {index:02d}" for index in range(20)]


def test_chart_rows_keeps_single_extra_value() -> None:
    cities = {f"City {index:02d}": 100 - index for index in range(21)}

    rows = chart_rows(distribution_table({"city": cities}), "city", top_n=20)

    assert len(rows) == 21
    assert all(row.grouped_value_count == 0 for row in rows)


def test_chart_rows_sorts_categorical_by_count_then_value() -> None:
    countries = {"Norway": 2, "Iran": 5, "Chile": 2, "Angola": 1}

    rows = chart_rows(distribution_table({"country": countries}), "country")

    assert [row.value for row in rows] == ["Iran", "Chile", "Norway", "Angola"]


def test_chart_rows_carries_counts_and_percentages() -> None:
    rows = chart_rows(distribution_table({"gender": {"female": 3, "male": 1}}), "gender")

    assert rows == [ChartRow("female", 3, 75.0), ChartRow("male", 1, 25.0)]


def test_chart_rows_sorts_age_groups_by_lower_bound() -> None:
    # "5-9" before "10-17" fails a plain string sort, and the counts favour no order.
    age_groups = {"65+": 9, "18-24": 1, "5-9": 7, "0-4": 2, "10-17": 5}

    rows = chart_rows(distribution_table({"age_group": age_groups}), "age_group")

    assert [row.value for row in rows] == ["0-4", "5-9", "10-17", "18-24", "65+"]


def test_chart_rows_sorts_open_ended_age_group_last() -> None:
    age_groups = {"65+": 1, "0-17": 1, "18-64": 1}

    rows = chart_rows(distribution_table({"age_group": age_groups}), "age_group")

    assert rows[0].value == "0-17"
    assert rows[-1].value == "65+"


def test_chart_rows_sorts_registration_years_ascending() -> None:
    years = {"2024": 9, "2019": 1, "2021": 5, "2009": 3}

    rows = chart_rows(distribution_table({"registration_year": years}), "registration_year")

    assert [row.value for row in rows] == ["2009", "2019", "2021", "2024"]


def test_chart_rows_keeps_every_registration_year() -> None:
    # Folding the smallest years into Other would leave gaps in a time axis.
    years = {str(year): 3000 - year for year in range(2026, 2001, -1)}

    rows = chart_rows(distribution_table({"registration_year": years}), "registration_year")

    assert [row.value for row in rows] == [str(year) for year in range(2002, 2027)]


def test_chart_rows_never_folds_age_group_by_gender() -> None:
    cells = {
        f"{age_group}|{gender}": 1
        for age_group in ("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
        for gender in ("female", "male", "nonbinary")
    }

    rows = chart_rows(
        distribution_table({"age_group_by_gender": cells}), "age_group_by_gender", top_n=5
    )

    assert len(rows) == 21
    assert all(row.grouped_value_count == 0 for row in rows)


def test_chart_rows_sorts_age_gender_cells() -> None:
    table = distribution_table({"age_group_by_gender": SAMPLE_COUNTS["age_group_by_gender"]})

    rows = chart_rows(table, "age_group_by_gender")

    # female has 8 members in total and male 4, so female comes first in each age group.
    assert [row.value for row in rows] == [
        "0-17|female",
        "18-24|male",
        "25-34|female",
        "25-34|male",
        "65+|female",
    ]


def test_chart_rows_rejects_age_gender_value_without_separator() -> None:
    table = distribution_table({"age_group_by_gender": {"25-34 female": 1}})

    with pytest.raises(ValueError, match="invalid age_group_by_gender value '25-34 female'"):
        chart_rows(table, "age_group_by_gender")


def test_chart_rows_rejects_top_n_below_one() -> None:
    with pytest.raises(ValueError, match="top_n must be at least 1"):
        chart_rows(distribution_table(SAMPLE_COUNTS), "city", top_n=0)


def test_chart_title_formats_date_and_member_count() -> None:
    title = chart_title("country", AS_OF, 1234)

    assert title == "Members by country — as of 2026-12-04 — 1,234 members"


def test_chart_title_uses_singular_for_one_member() -> None:
    assert chart_title("age_group", AS_OF, 1).endswith("— 1 member")
