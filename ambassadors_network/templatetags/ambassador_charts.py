"""Server-rendered SVG bar charts for the reports: no script, nothing fetched from elsewhere."""

from django import template

register = template.Library()

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 220
BAR_AREA_WIDTH = 360
VALUE_WIDTH = 60


@register.inclusion_tag("ambassadors_network/admin/includes/bar_chart.html")
def bar_chart(table):
    """A horizontal bar per row; bars are scaled to the largest value so the longest fills the width."""
    bars = table.chart_bars()
    largest = max((value for _label, value in bars), default=0) or 1
    rows = []
    for index, (label, value) in enumerate(bars):
        y = index * (BAR_HEIGHT + BAR_GAP)
        rows.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "width": round(BAR_AREA_WIDTH * value / largest, 1),
                "value_x": LABEL_WIDTH + round(BAR_AREA_WIDTH * value / largest, 1) + 6,
            }
        )
    return {
        "table": table,
        "rows": rows,
        "height": max(len(rows) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        "width": LABEL_WIDTH + BAR_AREA_WIDTH + VALUE_WIDTH,
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
    }
