"""Horizontal bar charts drawn as SVG on the server: no script, nothing fetched from elsewhere.

Each bar's label sits on its own line above the bar, so a long label ("Black, Black British, Caribbean
or African: African") is never cut off, whatever the width.
"""

from dataclasses import dataclass

LABEL_HEIGHT = 18
BAR_HEIGHT = 18
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
BAR_AREA_WIDTH = 520
VALUE_GAP = 6
WIDTH = 600


@dataclass
class Bar:
    label: str
    value: int | None  # None: a count too small to show (drawn without a bar)
    text: str  # what is written after the bar: the count, or "fewer than 5"
    label_y: float
    bar_y: float
    text_y: float
    width: float
    text_x: float


def chart_bars(pairs):
    """[(label, value, text)] -> positioned bars, scaled so the largest fills the bar area."""
    largest = max((value for _label, value, _text in pairs if value), default=0) or 1
    bars = []
    for index, (label, value, text) in enumerate(pairs):
        top = index * ROW_HEIGHT
        width = round(BAR_AREA_WIDTH * (value or 0) / largest, 1)
        bars.append(
            Bar(
                label=str(label),
                value=value,
                text=str(text),
                label_y=top + LABEL_HEIGHT - 5,
                bar_y=top + LABEL_HEIGHT,
                text_y=top + LABEL_HEIGHT + BAR_HEIGHT - 5,
                width=width,
                text_x=width + VALUE_GAP,
            )
        )
    return bars


def chart_height(bars):
    return max(len(bars) * ROW_HEIGHT, ROW_HEIGHT)
