from django import template

from positive_action import days

register = template.Library()


@register.filter
def day_with_distance(day):
    return days.day_with_distance(day)
