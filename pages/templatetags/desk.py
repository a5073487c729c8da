from django import template

from pages.desk import office_desk as desk

register = template.Library()


@register.simple_tag
def office_desk():
    return desk()
