"""Bar charts as inline SVG, drawn at build time: no JavaScript, same bytes every build.

The SVG is built with ElementTree, which escapes every text and attribute, so labels
from editors' files can never break the markup. Each chart is ``role="img"`` with a
``<title>`` and ``<desc>``; the page shows the same figures in a table next to it.

Each chart is drawn twice (``render_both``): 720 units wide for a desktop, and 360 wide with its labels
wrapped and its legend in one column for a phone, where the wide drawing shrunk to the screen had 6 px
text; the page shows one of them (cchc.css).
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
LINE_HEIGHT = 18
CHAR_WIDTH = 0.56
"""A character's average width in a font size, a little more than Vietnamese text in a sans-serif takes."""


@dataclass(frozen=True)
class Layout:
    """How wide a chart is drawn and how many legend entries share a line."""

    width: int
    legend_columns: int
    suffix: str = ""
    """Added to the chart's id: the two drawings of one chart are on the same page."""
    css_class: str = ""


WIDE = Layout(WIDTH, 3, css_class="cchc-chart--wide")
PHONE = Layout(360, 1, "-dien-thoai", "cchc-chart--phone")
"""360 units drawn on a 375 px phone's 343 px column: text at 13 px."""


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


def render_both(render, *args) -> Markup:
    """A chart drawn for a desktop and for a phone (``render`` is ``render_stacked_bars`` or ``render_percent_bars``)."""
    return Markup(render(*args, layout=WIDE) + render(*args, layout=PHONE))


def render_stacked_bars(chart_id: str, title: str, desc: str, series: tuple[Series, ...],
                        rows: tuple[BarRow, ...], layout: Layout = WIDE) -> Markup:
    """100% stacked horizontal bars, one per row, with the legend above them."""
    legend_height = _legend_rows(series, layout) * 24 + 8
    labels = [wrap(row.label, layout.width - 2 * MARGIN) for row in rows]
    height = legend_height + sum(_row_height(lines) for lines in labels) + 28
    svg = _svg(chart_id + layout.suffix, title, desc, height, layout)
    _draw_legend(svg, series, layout)
    tops = _row_tops(legend_height, labels)
    _draw_grid(svg, tops, labels, layout)
    for row, lines, y in zip(rows, labels, tops):
        _label(svg, y, lines)
        _draw_stack(svg, y + _bar_offset(lines), row, series, layout)
    return _serialize(svg)


def render_percent_bars(chart_id: str, title: str, desc: str, colour: str, rows: tuple[BarRow, ...],
                        layout: Layout = WIDE, grid: bool = True) -> Markup:
    """One horizontal bar per row, its length the row's only value in percent (0-100); ``grid``: the 0-100%
    scale under the bars (left out when the bars are not percentages)."""
    labels = [wrap(row.label, layout.width - 2 * MARGIN) for row in rows]
    height = sum(_row_height(lines) for lines in labels) + (36 if grid else 12)
    svg = _svg(chart_id + layout.suffix, title, desc, height, layout)
    tops = _row_tops(8, labels)
    if grid:
        _draw_grid(svg, tops, labels, layout)
    inner = layout.width - 2 * MARGIN
    for row, lines, y in zip(rows, labels, tops):
        _label(svg, y, lines)
        bar_y = y + _bar_offset(lines)
        ET.SubElement(svg, "rect", x=str(MARGIN), y=str(bar_y), width=_num(inner), height=str(BAR_HEIGHT),
                      fill="#ffffff", stroke=GRID)
        bar = ET.SubElement(svg, "rect", x=str(MARGIN), y=str(bar_y), width=_num(inner * row.values[0] / 100),
                            height=str(BAR_HEIGHT), fill=colour)
        if row.tooltips:
            ET.SubElement(bar, "title").text = xml_safe(row.tooltips[0])
    return _serialize(svg)


def render_value_bars(chart_id: str, title: str, desc: str, colour: str, rows: tuple[BarRow, ...],
                      layout: Layout = WIDE) -> Markup:
    """One horizontal bar per row, the longest the largest value (days, scores that are not percentages)."""
    largest = max((row.values[0] for row in rows), default=0) or 1
    scaled = tuple(BarRow(row.label, (100 * row.values[0] / largest,), row.tooltips) for row in rows)
    return render_percent_bars(chart_id, title, desc, colour, scaled, layout, grid=False)


def wrap(text: str, width: float, font_size: int = FONT_SIZE) -> list[str]:
    """The label in lines that fit ``width`` units (cut at spaces; a word longer than a line stays whole)."""
    fits = max(8, int(width / (font_size * CHAR_WIDTH)))
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= fits:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _row_height(lines: list[str]) -> int:
    return ROW_HEIGHT + (len(lines) - 1) * LINE_HEIGHT


def _bar_offset(lines: list[str]) -> int:
    """Where the bar starts below the top of its row: under the label's last line."""
    return 26 + (len(lines) - 1) * LINE_HEIGHT


def _row_tops(first: int, labels: list[list[str]]) -> list[int]:
    tops, y = [], first
    for lines in labels:
        tops.append(y)
        y += _row_height(lines)
    return tops


def _label(svg: ET.Element, y: int, lines: list[str]) -> None:
    for number, line in enumerate(lines):
        _text(svg, MARGIN, y + 18 + number * LINE_HEIGHT, line)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two "#rrggbb" colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _svg(chart_id: str, title: str, desc: str, height: int, layout: Layout) -> ET.Element:
    svg = ET.Element("svg", {"xmlns": SVG_NS, "class": f"cchc-chart {layout.css_class}".strip(), "id": chart_id,
                             "role": "img", "viewBox": f"0 0 {layout.width} {height}", "width": str(layout.width),
                                          "height": str(height), "font-size": str(FONT_SIZE),
                                          "aria-labelledby": f"{chart_id}-title {chart_id}-desc"})
    ET.SubElement(svg, "title", id=f"{chart_id}-title").text = xml_safe(title)
    ET.SubElement(svg, "desc", id=f"{chart_id}-desc").text = xml_safe(desc)
    return svg


def _legend_rows(series: tuple[Series, ...], layout: Layout) -> int:
    return (len(series) + layout.legend_columns - 1) // layout.legend_columns


def _draw_legend(svg: ET.Element, series: tuple[Series, ...], layout: Layout) -> None:
    columns = layout.legend_columns
    column = (layout.width - 2 * MARGIN) / columns
    for index, item in enumerate(series):
        x, y = MARGIN + (index % columns) * column, 4 + (index // columns) * 24
        ET.SubElement(svg, "rect", x=_num(x), y=str(y + 2), width="16", height="16", fill=item.colour)
        _text(svg, x + 22, y + 15, item.label)


def _draw_grid(svg: ET.Element, tops: list[int], labels: list[list[str]], layout: Layout) -> None:
    """Vertical lines at 0, 25, 50, 75 and 100% behind each bar, with their labels under the last one."""
    inner = layout.width - 2 * MARGIN
    bottom = tops[-1] + _row_height(labels[-1]) if tops else 0
    for step in range(5):
        x = MARGIN + inner * step / 4
        for top, lines in zip(tops, labels):
            bar_top = top + _bar_offset(lines)
            ET.SubElement(svg, "line", x1=_num(x), y1=str(bar_top - 3), x2=_num(x), y2=str(bar_top + BAR_HEIGHT + 3),
                          stroke=GRID)
        anchor = "start" if step == 0 else "end" if step == 4 else "middle"
        _text(svg, x, bottom + 20, f"{step * 25}%", anchor=anchor)


def _draw_stack(svg: ET.Element, y: int, row: BarRow, series: tuple[Series, ...], layout: Layout) -> None:
    widths = segment_widths(row.values, layout.width - 2 * MARGIN)
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
