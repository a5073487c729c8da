"""The quick changelist every office list uses (core.admin.QuickChangeListMixin): the same
HTML as Django's own, fifty rows a page."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from news.models import Article
from tests.factories import ArticleFactory

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
