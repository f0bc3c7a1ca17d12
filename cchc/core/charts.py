"""Bar charts as inline SVG, drawn at build time: no JavaScript, same bytes every build.

The SVG is built with ElementTree, which escapes every text and attribute, so labels
from editors' files can never break the markup. Each chart is ``role="img"`` with a
``<title>`` and ``<desc>``; the page shows the same figures in a table next to it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from markupsafe import Markup

from cchc.core.text import xml_safe

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 720
MARGIN = 8
BAR_HEIGHT = 22
ROW_HEIGHT = 58
GAP = 2
"""White space between two segments of a bar, so neighbouring colours never touch."""
MIN_SEGMENT = 3
"""A non-zero count is drawn at least this wide (1 late dossier in 557 would otherwise vanish)."""
FONT_SIZE = 14
INK = "#1b1b1b"
GRID = "#b0b0b0"


@dataclass(frozen=True)
class Series:
    """One kind of count in a stacked bar: its label in the legend and its colour."""

    label: str
    colour: str


@dataclass(frozen=True)
class BarRow:
    """One bar: the text written above it and its values (one per series, or one percentage)."""

    label: str
    values: tuple[float, ...]
    tooltips: tuple[str, ...] = ()


def render_stacked_bars(chart_id: str, title: str, desc: str, series: tuple[Series, ...],
                        rows: tuple[BarRow, ...]) -> Markup:
    """100% stacked horizontal bars, one per row, with the legend above them."""
    legend_height = _legend_rows(series) * 24 + 8
    height = legend_height + len(rows) * ROW_HEIGHT + 28
    svg = _svg(chart_id, title, desc, height)
    _draw_legend(svg, series)
    top = legend_height
    _draw_grid(svg, top, len(rows))
    for index, row in enumerate(rows):
        y = top + index * ROW_HEIGHT
        _text(svg, MARGIN, y + 18, row.label)
        _draw_stack(svg, y + 26, row, series)
    return _serialize(svg)


def render_percent_bars(chart_id: str, title: str, desc: str, colour: str, rows: tuple[BarRow, ...],
                        grid: bool = True) -> Markup:
    """One horizontal bar per row, its length the row's only value in percent (0-100); ``grid``: the 0-100%
    scale under the bars (left out when the bars are not percentages)."""
    height = len(rows) * ROW_HEIGHT + (36 if grid else 12)
    svg = _svg(chart_id, title, desc, height)
    if grid:
        _draw_grid(svg, 8, len(rows))
    inner = WIDTH - 2 * MARGIN
    for index, row in enumerate(rows):
        y = 8 + index * ROW_HEIGHT
        _text(svg, MARGIN, y + 18, row.label)
        ET.SubElement(svg, "rect", x=str(MARGIN), y=str(y + 26), width=_num(inner), height=str(BAR_HEIGHT),
                      fill="#ffffff", stroke=GRID)
        bar = ET.SubElement(svg, "rect", x=str(MARGIN), y=str(y + 26), width=_num(inner * row.values[0] / 100),
                            height=str(BAR_HEIGHT), fill=colour)
        if row.tooltips:
            ET.SubElement(bar, "title").text = xml_safe(row.tooltips[0])
    return _serialize(svg)


def render_value_bars(chart_id: str, title: str, desc: str, colour: str, rows: tuple[BarRow, ...]) -> Markup:
    """One horizontal bar per row, the longest the largest value (days, scores that are not percentages)."""
    largest = max((row.values[0] for row in rows), default=0) or 1
    scaled = tuple(BarRow(row.label, (100 * row.values[0] / largest,), row.tooltips) for row in rows)
    return render_percent_bars(chart_id, title, desc, colour, scaled, grid=False)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two "#rrggbb" colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _svg(chart_id: str, title: str, desc: str, height: int) -> ET.Element:
    svg = ET.Element("svg", {"xmlns": SVG_NS, "class": "cchc-chart", "id": chart_id, "role": "img",
                                          "viewBox": f"0 0 {WIDTH} {height}", "width": str(WIDTH),
                                          "height": str(height), "font-size": str(FONT_SIZE),
                                          "aria-labelledby": f"{chart_id}-title {chart_id}-desc"})
    ET.SubElement(svg, "title", id=f"{chart_id}-title").text = xml_safe(title)
    ET.SubElement(svg, "desc", id=f"{chart_id}-desc").text = xml_safe(desc)
    return svg


def _legend_rows(series: tuple[Series, ...]) -> int:
    return (len(series) + 2) // 3


def _draw_legend(svg: ET.Element, series: tuple[Series, ...]) -> None:
    column = (WIDTH - 2 * MARGIN) / 3
    for index, item in enumerate(series):
        x, y = MARGIN + (index % 3) * column, 4 + (index // 3) * 24
        ET.SubElement(svg, "rect", x=_num(x), y=str(y + 2), width="16", height="16", fill=item.colour)
        _text(svg, x + 22, y + 15, item.label)


def _draw_grid(svg: ET.Element, top: int, rows: int) -> None:
    """Vertical lines at 0, 25, 50, 75 and 100% behind each bar, with their labels under the last one."""
    inner = WIDTH - 2 * MARGIN
    bottom = top + rows * ROW_HEIGHT
    for step in range(5):
        x = MARGIN + inner * step / 4
        for row in range(rows):
            bar_top = top + row * ROW_HEIGHT + 26
            ET.SubElement(svg, "line", x1=_num(x), y1=str(bar_top - 3), x2=_num(x), y2=str(bar_top + BAR_HEIGHT + 3),
                          stroke=GRID)
        anchor = "start" if step == 0 else "end" if step == 4 else "middle"
        _text(svg, x, bottom + 20, f"{step * 25}%", anchor=anchor)


def _draw_stack(svg: ET.Element, y: int, row: BarRow, series: tuple[Series, ...]) -> None:
    widths = segment_widths(row.values, WIDTH - 2 * MARGIN)
    x = float(MARGIN)
    for index, width in enumerate(widths):
        if not width:
            continue
        rect = ET.SubElement(svg, "rect", x=_num(x), y=str(y), width=_num(width), height=str(BAR_HEIGHT),
                             fill=series[index].colour)
        if row.tooltips:
            ET.SubElement(rect, "title").text = xml_safe(row.tooltips[index])
        x += width + GAP


def segment_widths(values: tuple[float, ...], inner: float) -> list[float]:
    """Widths proportional to the values over ``inner`` minus the gaps; small non-zero values widened."""
    total = sum(values)
    shown = [v for v in values if v]
    if not total:
        return [0.0 for _ in values]
    room = inner - GAP * (len(shown) - 1)
    widths = [max(MIN_SEGMENT, room * v / total) if v else 0.0 for v in values]
    widest = widths.index(max(widths))
    widths[widest] -= sum(widths) - room  # the widened small ones are paid for by the largest
    return widths


def _text(svg: ET.Element, x: float, y: float, text: str, anchor: str = "start") -> None:
    attributes = {"x": _num(x), "y": _num(y), "fill": INK}
    if anchor != "start":
        attributes["text-anchor"] = anchor
    ET.SubElement(svg, "text", attributes).text = xml_safe(text)


def _num(value: float) -> str:
    """Coordinates with two decimals at most, written the same way on every machine."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _serialize(svg: ET.Element) -> Markup:
    """The chart's markup; ElementTree escaped every text and attribute in it, so templates print it as is."""
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))
