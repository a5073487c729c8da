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
        # One query for both: each member and year that has articles this visitor may see.
        facets = set(
            self.queryset.order_by()
            .values_list("member__slug", "member__designation", ExtractYear("published_at"))
            .distinct()
        )
        members = sorted({(slug, name) for slug, name, _ in facets if slug}, key=by_name)
        self.filters["source"].extra["choices"] = [
            (OFFICE, OFFICE_SOURCE),
            (ALL_MEMBERS, MEMBERS_SOURCE),
            *members,
        ]
        self.filters["theme"].extra["choices"] = list(
            Theme.objects.focus_areas().values_list("slug", "title")
        )
        years = sorted({year for _, _, year in facets}, reverse=True)
        self.filters["year"].extra["choices"] = [(str(year), year) for year in years]

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
