import django_filters
from django.utils.translation import gettext_lazy as _

from members.models import FederalState, Member


class MemberFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Bundesland"), choices=FederalState.choices, empty_label=_("alle Bundesländer")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=Member.Kind.choices, empty_label=_("alle Arten")
    )

    class Meta:
        model = Member
        fields = ["state", "kind"]
