"""core.pagination.LazyListMixin: a list view builds its queryset only when the template asks
for the list, so a page whose list comes from a kept fragment builds none."""

import pytest
from django.views.generic import ListView

from core.pagination import GracefulPaginationMixin, LazyListMixin
from members.models import Member
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

TEMPLATES = {
    # as a page whose list the fragment cache answers: the list is never asked for
    "kept.html": "Abfragen",
    "list.html": "{% for member in members %}{{ member.name }};{% endfor %}"
    " Seite {{ page_obj.number }} von {{ paginator.num_pages }}",
}


@pytest.fixture
def templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ]


def probe(built: list):
    class Probe(LazyListMixin, GracefulPaginationMixin, ListView):
        context_object_name = "members"
        paginate_by = 2

        def get_queryset(self):
            built.append(self.request.path)
            return Member.objects.order_by("name")

    return Probe


def test_the_queryset_is_built_only_when_the_template_asks_for_the_list(
    rf, templates, django_assert_num_queries
):
    MemberFactory(name="Aachen", slug="aachen")
    MemberFactory(name="Bonn", slug="bonn")
    MemberFactory(name="Celle", slug="celle")
    built = []
    view = probe(built)
    with django_assert_num_queries(0):
        response = view.as_view(template_name="kept.html")(rf.get("/kept/"))
        response.render()
    assert response.content == b"Abfragen"
    assert built == []

    response = view.as_view(template_name="list.html")(rf.get("/list/", {"page": "9"}))
    response.render()
    # the list as Django's ListView gives it, past-the-end pages as GracefulPaginationMixin
    assert response.content.decode() == "Celle; Seite 2 von 2"
    assert built == ["/list/"]
