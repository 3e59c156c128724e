"""Charts and the HTML report for one as-of date's member distributions.

``render_charts`` writes a PNG and an SVG bar chart per dimension, and ``write_report``
writes ``index.html`` beside them with each chart and its numbers.
"""

from memberanalyzer.charts.render import ChartFiles, NothingToChartError, render_charts
from memberanalyzer.charts.report import write_report

__all__ = ["ChartFiles", "NothingToChartError", "render_charts", "write_report"]
