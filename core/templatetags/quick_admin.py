"""``{% quick_result_list cl %}``: Django's ``{% result_list cl %}`` with the rows of
``core.admin.QuickChangeList.rows`` (the same HTML, worked out once per column), and
``{% quick_nav_sidebar %}``: Django's sidebar, kept."""

from django import template
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    result_headers,
    result_hidden_fields,
    result_list,
)
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.utils.safestring import mark_safe

from core import admin as core_admin

register = template.Library()


def quick_result_list(cl):
    if cl.formset or not hasattr(cl, "rows"):
        return result_list(cl)  # each row with its form, for the form's errors
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": [ResultList(None, [row]) for row in cl.rows()],
    }


@register.tag(name="quick_result_list")
def quick_result_list_tag(parser, token):
    return InclusionAdminNode(
        "quick_result_list",
        parser,
        token,
        func=quick_result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )


@register.simple_tag(takes_context=True)
def quick_nav_sidebar(context):
    """The admin's sidebar, rendered once per app list and marked section
    (``core.admin.quick_nav_sidebar``)."""
    return mark_safe(core_admin.quick_nav_sidebar(context))
