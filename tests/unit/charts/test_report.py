"""Tests for index.html, written next to charts rendered with real matplotlib."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pytest
from chart_tables import AS_OF, distribution_table

from memberanalyzer.charts.render import (
    DIMENSIONS,
    ChartFiles,
    NothingToChartError,
    chart_rows,
    render_charts,
)
from memberanalyzer.charts.report import write_report

TOP_N = 20


HOSTILE_CITY = '<Tromsø & "Co">'

# 31 cities, so the city chart and table show the top 20 and one "Other" row.
CITIES: dict[str, int] = {f"City {index:02d}": 100 - index for index in range(29)}
CITIES[HOSTILE_CITY] = 90
CITIES["Москва"] = 85

SAMPLE_COUNTS: dict[str, dict[str, int]] = {
    "gender": {"female": 6, "male": 5, "nonbinary": 1},
    "age_group": {"0-17": 1, "18-24": 3, "25-34": 6, "65+": 2},
    "country": {"Norway": 5, "Germany": 4, "Iran": 3},
    "city": CITIES,
    "nationality": {"NO": 5, "DE": 4, "IR": 3},
    "registration_year": {"2019": 5, "2021": 4, "2024": 3},
    "age_group_by_gender": {"0-17|female": 1, "18-24|male": 3, "25-34|female": 5, "65+|female": 2},
}
MEMBER_COUNT = 2_565

SUMMARY = {
    "records read": 2_700,
    "stored": 2_565,
    "duplicates merged": 100,
    "rejected: invalid email <script>": 35,
}


@dataclass
class ParsedReport:
    """Parts of index.html that the tests check, with character references decoded."""

    html_lang: str | None = None
    meta: list[dict[str, str | None]] = field(default_factory=list)
    image_sources: list[str] = field(default_factory=list)
    links_by_section: dict[str, list[str]] = field(default_factory=dict)
    body_rows_by_section: dict[str, list[list[str]]] = field(default_factory=dict)
    contents_links: list[str] = field(default_factory=list)


class ReportParser(HTMLParser):
    """Collect the images, links and table body rows of each ``<section>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.report = ParsedReport()
        self._section = ""
        self._in_nav = False
        self._in_body = False
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.report.html_lang = attributes.get("lang")
        elif tag == "meta":
            self.report.meta.append(attributes)
        elif tag == "nav":
            self._in_nav = True
        elif tag == "section":
            self._section = attributes.get("id") or ""
        elif tag == "img":
            self.report.image_sources.append(attributes.get("src") or "")
        elif tag == "a":
            self._record_link(attributes.get("href") or "")
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False
        elif tag == "tbody":
            self._in_body = False
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.report.body_rows_by_section.setdefault(self._section, []).append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _record_link(self, href: str) -> None:
        if self._in_nav:
            self.report.contents_links.append(href)
        else:
            self.report.links_by_section.setdefault(self._section, []).append(href)


def parse_report(path: Path) -> ParsedReport:
    parser = ReportParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.report


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    charts: list[ChartFiles]
    table: pa.Table


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> WrittenReport:
    out_dir = tmp_path_factory.mktemp("report") / AS_OF.isoformat()
    table = distribution_table(SAMPLE_COUNTS)
    charts = render_charts(table, AS_OF, MEMBER_COUNT, out_dir, top_n=TOP_N)
    path = write_report(table, charts, AS_OF, MEMBER_COUNT, out_dir, top_n=TOP_N, summary=SUMMARY)
    return WrittenReport(path, charts, table)


@pytest.fixture(scope="module")
def parsed(written: WrittenReport) -> ParsedReport:
    return parse_report(written.path)


def test_write_report_returns_index_html_in_out_dir(written: WrittenReport) -> None:
    assert written.path == written.charts[0].png.parent / "index.html"
    assert written.path.is_file()


def test_write_report_shows_every_svg_chart(written: WrittenReport, parsed: ParsedReport) -> None:
    for chart in written.charts:
        assert chart.svg.name in parsed.image_sources


def test_write_report_links_every_png_chart(written: WrittenReport, parsed: ParsedReport) -> None:
    section_links = [href for links in parsed.links_by_section.values() for href in links]

    for chart in written.charts:
        assert chart.png.name in section_links


def test_write_report_uses_relative_chart_urls(parsed: ParsedReport) -> None:
    for source in parsed.image_sources:
        assert "/" not in source, source


def test_write_report_escapes_city_name(written: WrittenReport) -> None:
    text = written.path.read_text(encoding="utf-8")

    assert HOSTILE_CITY not in text
    assert "&lt;Tromsø &amp; &quot;Co&quot;&gt;" in text


def test_write_report_city_name_decodes_intact(parsed: ParsedReport) -> None:
    cities = [row[0] for row in parsed.body_rows_by_section["dimension-city"]]

    assert HOSTILE_CITY in cities


def test_write_report_escapes_summary_keys(written: WrittenReport) -> None:
    text = written.path.read_text(encoding="utf-8")

    assert "<script>" not in text


def test_write_report_city_table_matches_chart_rows(
    written: WrittenReport, parsed: ParsedReport
) -> None:
    expected = [
        [row.value, f"{row.members:,}", f"{row.percentage:.2f}%"]
        for row in chart_rows(written.table, "city", TOP_N)
    ]

    rows = parsed.body_rows_by_section["dimension-city"]

    assert len(rows) == TOP_N + 1
    assert rows == expected


def test_write_report_city_table_ends_with_other(parsed: ParsedReport) -> None:
    last_row = parsed.body_rows_by_section["dimension-city"][-1]

    assert last_row[0] == "Other"


def test_write_report_links_full_list_for_long_tail(parsed: ParsedReport) -> None:
    assert "distributions.csv" in parsed.links_by_section["dimension-city"]


def test_write_report_short_dimension_has_no_csv_link(parsed: ParsedReport) -> None:
    assert "distributions.csv" not in parsed.links_by_section["dimension-gender"]


def test_write_report_shows_age_group_and_gender_apart(parsed: ParsedReport) -> None:
    values = [row[0] for row in parsed.body_rows_by_section["dimension-age_group_by_gender"]]

    assert values[0] == "0-17 · female"


def test_write_report_renders_summary_keys_as_given(parsed: ParsedReport) -> None:
    rows = parsed.body_rows_by_section["run-summary"]

    assert rows == [
        ["records read", "2,700"],
        ["stored", "2,565"],
        ["duplicates merged", "100"],
        ["rejected: invalid email <script>", "35"],
    ]


def test_write_report_lists_every_dimension_in_contents(parsed: ParsedReport) -> None:
    assert parsed.contents_links == [f"#dimension-{dimension}" for dimension in DIMENSIONS]


def test_write_report_has_section_per_dimension(parsed: ParsedReport) -> None:
    for dimension in DIMENSIONS:
        assert f"dimension-{dimension}" in parsed.body_rows_by_section, dimension


def test_write_report_declares_language(parsed: ParsedReport) -> None:
    assert parsed.html_lang == "en"


def test_write_report_declares_utf8_charset(parsed: ParsedReport) -> None:
    assert {"charset": "utf-8"} in parsed.meta


def test_write_report_declares_viewport(parsed: ParsedReport) -> None:
    viewports = [meta for meta in parsed.meta if meta.get("name") == "viewport"]

    assert len(viewports) == 1


def test_write_report_shows_as_of_and_member_count(written: WrittenReport) -> None:
    text = written.path.read_text(encoding="utf-8")

    assert "2026-12-04" in text
    assert "2,565 members" in text


def test_write_report_stores_non_latin_names_as_utf8(written: WrittenReport) -> None:
    assert "Москва".encode() in written.path.read_bytes()


def test_write_report_omits_summary_when_none(tmp_path: Path) -> None:
    table = distribution_table({"gender": SAMPLE_COUNTS["gender"]})

    path = write_report(table, [], AS_OF, 12, tmp_path)

    assert 'id="run-summary"' not in path.read_text(encoding="utf-8")


def test_write_report_without_chart_still_shows_table(tmp_path: Path) -> None:
    table = distribution_table({"gender": SAMPLE_COUNTS["gender"]})

    report = parse_report(write_report(table, [], AS_OF, 12, tmp_path))

    assert len(report.body_rows_by_section["dimension-gender"]) == 3
    assert report.image_sources == []


def test_write_report_creates_missing_out_dir(tmp_path: Path) -> None:
    out_dir = tmp_path / "reports" / AS_OF.isoformat()
    table = distribution_table({"gender": SAMPLE_COUNTS["gender"]})

    path = write_report(table, [], AS_OF, 12, out_dir)

    assert path.parent == out_dir
    assert path.is_file()


def test_write_report_leaves_no_partial_file(written: WrittenReport) -> None:
    leftovers = [path.name for path in written.path.parent.iterdir() if "partial" in path.name]

    assert leftovers == []


def test_write_report_empty_table_raises(tmp_path: Path) -> None:
    with pytest.raises(NothingToChartError, match="2026-12-04"):
        write_report(distribution_table({}), [], AS_OF, 0, tmp_path)

    assert not (tmp_path / "index.html").exists()
