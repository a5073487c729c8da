"""The office's menu (the admin's app list and sidebar) is kept per set of permissions and
language (core.admin.quick_app_list, quick_nav_sidebar): the same HTML as Django's, the
current page marked, and a change of permissions shows at the next page."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.sites import AdminSite
from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

SIDEBAR = re.compile(r'<nav class="sticky" id="nav-sidebar".*?</nav>', re.DOTALL)


def _sidebar(html: str) -> str:
    return SIDEBAR.search(html).group(0)


def _django_sidebar(user, path: str) -> str:
    """The sidebar as Django renders it, from an app list built afresh."""
    request = RequestFactory().get(path)
    request.user = user
    apps = AdminSite.get_app_list(admin.site, request)
    return _sidebar(
        render_to_string("admin/nav_sidebar.html", {"available_apps": apps, "request": request})
    )


@pytest.mark.parametrize(
    "path",
    [
        "/verwaltung/news/article/",
        "/verwaltung/events/event/",
        "/verwaltung/news/article/{pk}/change/",
    ],
)
def test_sidebar_is_djangos_with_the_current_page_marked(client, staff_user, path):
    path = path.format(pk=ArticleFactory().pk)
    client.force_login(staff_user)
    for _ in range(2):  # built, then kept
        html = client.get(path).text
        assert _sidebar(html) == _django_sidebar(staff_user, path)
    model = "article" if "article" in path else "event"
    sidebar = _sidebar(html)
    assert re.search(rf'<tr class="model-{model} current-model">', sidebar)
    assert sidebar.count("current-model") == 1
    assert sidebar.count('aria-current="page"') == 1


def test_a_change_of_permissions_shows_at_the_next_page(client):
    user = UserFactory(email="presse@defus.example", member=None, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    html = client.get("/verwaltung/news/article/").text
    assert 'href="/verwaltung/news/article/"' in _sidebar(html)
    assert 'href="/verwaltung/events/event/"' not in _sidebar(html)
    assert 'href="/verwaltung/news/article/add/"' not in _sidebar(html)
    user.user_permissions.add(
        Permission.objects.get(codename="view_event"),
        Permission.objects.get(codename="add_article"),
    )
    html = client.get("/verwaltung/news/article/").text
    assert 'href="/verwaltung/events/event/"' in _sidebar(html)
    assert 'href="/verwaltung/news/article/add/"' in _sidebar(html)


def test_the_index_lists_every_app_of_the_office(client, staff_user):
    client.force_login(staff_user)
    for _ in range(2):
        response = client.get("/verwaltung/")
        assert response.status_code == 200
        request = RequestFactory().get("/verwaltung/")
        request.user = staff_user
        fresh = AdminSite.get_app_list(admin.site, request)
        assert [app["app_label"] for app in response.context["app_list"]] == [
            app["app_label"] for app in fresh
        ]
        assert [len(app["models"]) for app in response.context["app_list"]] == [
            len(app["models"]) for app in fresh
        ]
    response = client.get("/verwaltung/news/")
    assert response.status_code == 200
    assert [app["app_label"] for app in response.context["app_list"]] == ["news"]
