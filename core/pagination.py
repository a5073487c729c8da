from functools import cache

from django.utils.functional import SimpleLazyObject


class GracefulPaginationMixin:
    """A page number past the end shows the last page, and one that is not a number the first.

    The page is counted and read only when the template first asks for it: a list inside a
    kept fragment (``{% cache %}``) costs no query at all."""

    def paginate_queryset(self, queryset, page_size):
        @cache
        def page():
            paginator = self.get_paginator(
                queryset,
                page_size,
                orphans=self.get_paginate_orphans(),
                allow_empty_first_page=self.get_allow_empty(),
            )
            return paginator.get_page(self.request.GET.get(self.page_kwarg))

        return (
            SimpleLazyObject(lambda: page().paginator),
            SimpleLazyObject(page),
            SimpleLazyObject(lambda: page().object_list),
            SimpleLazyObject(lambda: page().has_other_pages()),
        )


class LazyListMixin:
    """For a ``ListView`` whose list sits in a kept fragment: the queryset is built when the
    template first asks for it, not on every request. Building one with its filters and
    annotations costs the ORM about a millisecond, a fifth of a member's Abfragen page that
    the fragment answers. Django reads the list's name and a template's name off the queryset,
    so the view names both itself (``context_object_name``, ``template_name``). An empty list
    is shown, as with Django's default ``allow_empty``: telling would mean building it."""

    def get(self, request, *args, **kwargs):
        self.object_list = SimpleLazyObject(self.get_queryset)
        return self.render_to_response(self.get_context_data())

    def get_template_names(self):
        return [self.template_name]
