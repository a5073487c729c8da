from functools import cached_property

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from news.models import MEMBERS_SOURCE, OFFICE_SOURCE, Article
from themes.models import Theme

OFFICE = "defus"
ALL_MEMBERS = "mitglieder"


class ArticleFilter(django_filters.FilterSet):
    """Source, Themenschwerpunkt and year. The choices come from the articles the visitor
    may see, so a filter never hints at a members-only article."""

    source = django_filters.ChoiceFilter(
        label=_("Quelle"), empty_label=_("alle Quellen"), method="filter_source"
    )
    theme = django_filters.ChoiceFilter(
        label=_("Themenschwerpunkt"), empty_label=_("alle Themen"), method="filter_theme"
    )
    year = django_filters.ChoiceFilter(
        label=_("Jahr"), empty_label=_("alle Jahre"), field_name="published_at", lookup_expr="year"
    )

    class Meta:
        model = Article
        fields = ["source", "theme", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Callables: read only when the form is shown or a choice is checked, so a list whose
        # form comes from the fragment cache asks the database nothing for it. Functions, not
        # bound methods: form fields are deep-copied, and a function is copied as itself.
        self.filters["source"].extra["choices"] = lambda: self.source_choices()
        self.filters["theme"].extra["choices"] = lambda: self.theme_choices()
        self.filters["year"].extra["choices"] = lambda: self.year_choices()

    @cached_property
    def facets(self) -> set:
        """One query for both: each member and year that has articles this visitor may see."""
        return set(
            self.queryset.order_by()
            .values_list("member__slug", "member__designation", ExtractYear("published_at"))
            .distinct()
        )

    def source_choices(self):
        members = sorted({(slug, name) for slug, name, _ in self.facets if slug}, key=by_name)
        return [(OFFICE, OFFICE_SOURCE), (ALL_MEMBERS, MEMBERS_SOURCE), *members]

    def theme_choices(self):
        return list(Theme.objects.focus_areas().values_list("slug", "title"))

    def year_choices(self):
        years = sorted({year for _, _, year in self.facets}, reverse=True)
        return [(str(year), year) for year in years]

    def filter_source(self, queryset, name, value):
        if value == OFFICE:
            return queryset.from_office()
        if value == ALL_MEMBERS:
            return queryset.from_members()
        return queryset.filter(member__slug=value)

    def filter_theme(self, queryset, name, value):
        return queryset.about(value)


def by_name(choice):
    return choice[1].casefold()
