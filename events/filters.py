import django_filters
from django.utils.translation import gettext_lazy as _

from core.access import has_member_access
from events.models import Event, Series


class EventFilter(django_filters.FilterSet):
    PLACE_CHOICES = [("online", _("online")), ("vor-ort", _("vor Ort"))]

    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=Event.Kind.choices, empty_label=_("alle Arten")
    )
    series = django_filters.ModelChoiceFilter(
        label=_("Reihe"),
        queryset=Series.objects.all(),
        to_field_name="slug",
        empty_label=_("alle Reihen"),
    )
    audience = django_filters.ChoiceFilter(
        label=_("Zielgruppe"), choices=Event.Audience.choices, empty_label=_("alle Zielgruppen")
    )
    place = django_filters.ChoiceFilter(
        label=_("Ort"),
        choices=PLACE_CHOICES,
        empty_label=_("online und vor Ort"),
        method="by_place",
    )

    class Meta:
        model = Event
        fields = ["kind", "series", "audience", "place"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if not has_member_access(getattr(request, "user", None)):
            self.filters["audience"].extra["choices"] = [
                choice for choice in Event.Audience.choices if choice[0] != Event.Audience.INTERNAL
            ]

    def by_place(self, queryset, name, value):
        return queryset.filter(online=value == "online")


class ArchiveFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Jahr"), field_name="starts_on", lookup_expr="year", empty_label=_("alle Jahre")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=Event.Kind.choices, empty_label=_("alle Arten")
    )

    class Meta:
        model = Event
        fields = ["year", "kind"]

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, queryset=queryset, **kwargs)
        # A callable: the years are read only when the form is rendered or a year checked,
        # so a kept archive page costs no query for them.
        self.filters["year"].extra["choices"] = lambda: self.year_choices()

    def year_choices(self):
        years = self.queryset.order_by().dates("starts_on", "year", order="DESC")
        return [(day.year, day.year) for day in years]
