"""The quick changelist every office list uses (core.admin.QuickChangeListMixin): the same
HTML as Django's own, fifty rows a page."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import items_for_result
from django.core.exceptions import ObjectDoesNotExist
from django.urls import resolve, reverse
from django.utils import timezone, translation

from core.admin import QuickChangeList
from events.models import Event
from news.models import Article
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    RegistrationFactory,
    SeriesFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_row_checkbox_is_the_html_django_renders_with_its_german_label():
    article = ArticleFactory(title="Städte <helfen> Städten")
    article_admin = admin.site.get_model_admin(Article)
    with translation.override("de"):
        quick = article_admin.action_checkbox(article)
        django = admin.ModelAdmin.action_checkbox(article_admin, article)
    assert quick == django
    assert "Dieses Objekt für eine Aktion auswählen - Städte &lt;helfen&gt; Städten" in quick


def test_changelist_shows_fifty_rows_a_page_each_linked_to_its_form(client, staff_user):
    articles = ArticleFactory.create_batch(60)
    client.force_login(staff_user)
    response = client.get("/verwaltung/news/article/")
    assert response.text.count('name="_selected_action"') == 50
    assert "60 Meldungen" in response.text
    shown = [a for a in articles if f'value="{a.pk}"' in response.text]
    assert len(shown) == 50
    for article in shown:
        assert f'href="{reverse("admin:news_article_change", args=[article.pk])}"' in response.text
    response = client.get("/verwaltung/news/article/", {"p": 2})
    assert response.text.count('name="_selected_action"') == 10


QUICK_LISTS = [
    "/verwaltung/news/article/",
    "/verwaltung/events/event/",
    "/verwaltung/knowledge/collection/",
    "/verwaltung/inquiries/inquiry/",
    "/verwaltung/inquiries/answer/",
    "/verwaltung/registrations/registration/",
]


@pytest.fixture
def office_content():
    member = MemberFactory(designation="Stadt Musterstadt & Umland")
    theme = ThemeFactory(title="Prävention <vor Ort>")
    ArticleFactory.create_batch(3, themes=[theme])
    ArticleFactory(member=member, status=Article.Status.DRAFT, expires_at=timezone.now())
    series = SeriesFactory(name="SiBa")
    events = [
        EventFactory(series=series, city="Hannover", online=False),
        EventFactory(online=True, ends_on=timezone.localdate() + datetime.timedelta(days=12)),
        EventFactory(status=Event.Status.DRAFT, registration_mode=Event.RegistrationMode.PORTAL),
    ]
    RegistrationFactory(event=events[2])
    EntryFactory.create_batch(2, collection=CollectionFactory(theme=theme))
    CollectionFactory(theme=theme)
    AnswerFactory(inquiry=InquiryFactory(asked_by_member=member), member=member)
    InquiryFactory(
        summary="Die meisten Städte regeln es per Satzung.", summary_published_at=timezone.now()
    )


@pytest.mark.parametrize("query", ["", "?o=-2", "?q=a&p=1"])
@pytest.mark.parametrize("path", QUICK_LISTS)
def test_quick_rows_are_the_html_django_renders(path, query, rf, staff_user, office_content):
    """Every quick changelist, plain, sorted, searched and filtered (the change links then
    keep the filters): each row is, to the byte, what Django's ``items_for_result`` gives."""
    request = rf.get(path + query)
    request.user = staff_user
    request.resolver_match = resolve(path)
    model_admin = request.resolver_match.func.model_admin
    with translation.override("de"):
        changelist = model_admin.get_changelist_instance(request)
        assert isinstance(changelist, QuickChangeList)
        quick = changelist.rows()
        django = [
            "".join(items_for_result(changelist, row, None)) for row in changelist.result_list
        ]
    assert quick == django
    assert quick
    assert ("_changelist_filters" in quick[0]) == bool(query)


def test_a_column_whose_object_is_gone_shows_the_empty_value(rf, staff_user):
    """As in Django: a column method that meets a missing related object shows „-“."""
    ArticleFactory()
    article_admin = admin.site.get_model_admin(Article)
    request = rf.get("/verwaltung/news/article/")
    request.user = staff_user
    request.resolver_match = resolve("/verwaltung/news/article/")
    changelist = article_admin.get_changelist_instance(request)

    def gone(article):
        raise ObjectDoesNotExist

    article_admin.source = gone
    try:
        quick = changelist.rows()
        django = [
            "".join(items_for_result(changelist, row, None)) for row in changelist.result_list
        ]
    finally:
        del article_admin.source
    assert quick == django
    assert '<td class="field-source">-</td>' in quick[0]


def test_quick_lists_keep_the_template_of_their_admin(client, staff_user):
    """django-reversion's list template (with „Gelöschte … wiederherstellen“) stays the
    frame of the versioned lists; the others keep Django's."""
    ArticleFactory()
    CollectionFactory()
    client.force_login(staff_user)
    response = client.get("/verwaltung/news/article/")
    assert 'class="recoverlink">Gelöschte Meldungen wiederherstellen' in response.text
    response = client.get("/verwaltung/knowledge/collection/")
    assert response.status_code == 200
    assert "recoverlink" not in response.text
    assert response.text.count('name="_selected_action"') == 1
