from django import template

from recruitment_site.core.charts import BAR_HEIGHT, WIDTH, chart_bars, chart_height

register = template.Library()


@register.inclusion_tag("components/admin/bar_chart.html")
def bar_chart(slug, title, pairs):
    """``pairs`` are (label, value) or (label, value, text); a value of None draws no bar, only the text."""
    triples = [pair if len(pair) == 3 else (pair[0], pair[1], pair[1]) for pair in pairs]
    bars = chart_bars(triples)
    return {
        "slug": slug,
        "title": title,
        "bars": bars,
        "width": WIDTH,
        "height": chart_height(bars),
        "bar_height": BAR_HEIGHT,
    }
