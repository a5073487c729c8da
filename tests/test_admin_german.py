"""The office works in German: no page of the admin it can reach shows an English string that
Django, allauth or django-filter left untranslated (locale/de in the project fills the gaps)."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import Client

from members.models import Person
from projects.models import Project
from tests.conftest import standing_content_create
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    CollectionFactory,
    DocumentFactory,
    EntryFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    SeriesFactory,
    UserFactory,
)
from themes.models import Theme

pytestmark = pytest.mark.django_db

# English that Django 6.1's admin (and its helpers) show when a German translation is missing.
ENGLISH = ["Select an option", "Choose all", "Remove all", "Choose selected", "Remove selected",
           "Filter by", "Search", "Run", "Pagination", "Are you sure", "Yes, I’m sure",
           "No, take me back", "Delete multiple objects", "Summary", "Objects", "Change history",
           "Add another", "View on site", "Save and add another", "Save and continue editing",
           "Show counts", "Hide counts", "clear all filters", "Clear all filters", "Action:",
           "Go", "selected", "Clear selection", "Welcome,", "Log out", "Logout", "Toggle theme",
           "Skip to main content", "Recent actions", "My actions", "None available", "Home",
           "Change password", "Documentation", "results", "entries", "more objects",
           "would result in deleting", "related items", "protected related objects",
           "In case you’ve forgotten", "password-based authentication", "Reset password",
           "Set password", "Enabled", "Disabled", "Raw passwords", "is null", "Select a lookup",
           "Sessions"]  # fmt: skip
ENGLISH_PATTERN = re.compile(
    "|".join(rf"(?<!\w){re.escape(phrase)}(?!\w)" for phrase in ENGLISH), re.IGNORECASE
)
# What the admin's JavaScript (SelectFilter2, calendar, clock, actions) asks the catalog for.
JAVASCRIPT = ["Choose all", "Remove all", "Choose all %s", "Remove all %s", "Choose selected %s",
              "Remove selected %s", "Available %s", "Chosen %s", "Today", "Now", "Cancel",
              "Today (%(date)s)", "Yesterday (%(date)s)", "Tomorrow (%(date)s)",
              "Previous (%(month)s %(year)s)", "Next (%(month)s %(year)s)", "(click to clear)",
              "%s (today)", "%s (current selection)", "%s (today, current selection)",
              'Choose %s by selecting them and then select the "Choose" arrow button.',
              'Remove %s by selecting them and then select the "Remove" arrow button.',
              "You have selected an action, and you haven’t made any changes on individual "
              "fields. You’re probably looking for the Run button rather than the Save button.",
              "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)",
              "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)"]  # fmt: skip
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class VisibleText(HTMLParser):
    """What a person sees or a screen reader reads: text outside scripts and styles, labelling
    attributes, and the captions of buttons."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden_depth += 1
        attributes = dict(attrs)
        self.parts += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]
        caption = tag == "button" or attributes.get("type") in ("submit", "button", "reset")
        if caption and attributes.get("value"):
            self.parts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def english_in(html: str) -> list[str]:
    text = visible_text(html)
    return sorted(
        {text[max(0, m.start() - 30) : m.end() + 30] for m in ENGLISH_PATTERN.finditer(text)}
    )


@pytest.fixture
def content(member, member_user):
    """One object of every model the office edits, with relations, so that change and delete
    pages show inlines, filter_horizontal widgets and lists of related objects."""
    standing_content_create()
    theme = Theme.objects.first()
    ArticleFactory(member=member, themes=[theme])
    EventFactory(series=SeriesFactory(), title="Webinar Prävention")
    inquiry = InquiryFactory(asked_by_member=member)
    AnswerFactory(inquiry=inquiry, member=MemberFactory())
    EntryFactory(collection=CollectionFactory(theme=theme))
    project = Project.objects.create(
        title="Urbane Sicherheit im Quartier",
        acronym="USiQ",
        slug="usiq",
        funder="BMBF",
        starts_on=datetime.date(2024, 1, 1),
        lead="Ein Verbundprojekt.",
    )
    project.themes.set([theme])
    DocumentFactory(project=project)
    Person.objects.create(group=Person.Group.BOARD, name="Erika Beispiel", role="Vorsitzende")
    UserFactory.create_batch(3)


def first_filter_link(changelist: str) -> str | None:
    sidebar = re.search(r'id="changelist-filter".*?</nav>', changelist, re.S)
    links = re.findall(r'href="(\?[^"]*=[^"]*)"', sidebar.group(0)) if sidebar else []
    return links[0].replace("&amp;", "&") if links else None


def hidden_fields(form: str) -> dict[str, str]:
    tags = re.findall(r'<input type="hidden"[^>]*>', form)
    pairs = [
        (re.search(r'name="([^"]*)"', tag), re.search(r'value="([^"]*)"', tag)) for tag in tags
    ]
    return {name[1]: value[1] if value else "" for name, value in pairs if name}


def office_admin_pages(client: Client, user) -> dict[str, str]:
    """Every admin page the office reaches: {description: html} of the pages that answer 200."""
    pages: dict[str, str] = {}

    def visit(path: str, data=None, post: bool = False) -> None:
        if post:
            response = client.post(path, data or {}, follow=True)
        else:
            response = client.get(path, data, follow=True)
        assert response.status_code < 500, path
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            pages[f"{'POST ' if post else ''}{path} {data or ''}".strip()] = response.text

    models = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    }
    visit("/verwaltung/")
    for app_label in {model._meta.app_label for model in models}:
        visit(f"/verwaltung/{app_label}/")
    for model, model_admin in models.items():
        base = f"/verwaltung/{model._meta.app_label}/{model._meta.model_name}/"
        visit(base)
        visit(base, {"q": "zz"})
        if base in pages and model_admin.list_filter:
            link = first_filter_link(pages[base])
            assert link, f"{base} shows no filter"
            visit(f"{base}{link}")
        visit(f"{base}add/")
        if f"{base}add/" in pages:  # the form sent empty, but for its management fields
            visit(f"{base}add/", hidden_fields(pages[f"{base}add/"]), post=True)
        first = model._default_manager.order_by("pk").first()
        if first is None:
            continue
        visit(f"{base}{first.pk}/change/")
        visit(f"{base}{first.pk}/history/")
        visit(f"{base}{first.pk}/delete/")
        visit(base, {"action": "delete_selected", "_selected_action": [first.pk]}, post=True)
    visit("/verwaltung/password_change/")
    visit("/verwaltung/password_change/done/")
    return pages


def test_every_admin_page_the_office_reaches_is_german(content, client, staff_user):
    client.force_login(staff_user)
    pages = office_admin_pages(client, staff_user)
    for reached in [r"/verwaltung/news/article/ \{'q': 'zz'\}", r"/verwaltung/news/article/\?\w+",
                    r"/verwaltung/projects/project/add/", r"/verwaltung/members/member/\d+/delete/",
                    r"/verwaltung/news/article/\d+/history/", r"/verwaltung/members/user/\d+/change/",
                    r"POST /verwaltung/events/event/ \{'action': 'delete_selected'"]:  # fmt: skip
        assert any(re.match(reached, page) for page in pages), reached
    leaks = {page: found for page, html in pages.items() if (found := english_in(html))}
    assert leaks == {}


def test_the_office_logs_in_and_out_of_the_admin_in_german(client, staff_user):
    response = client.get("/verwaltung/login/", follow=True)
    assert response.status_code == 200
    assert english_in(response.text) == []
    client.force_login(staff_user)
    response = client.post("/verwaltung/logout/", follow=True)
    assert response.status_code == 200
    assert english_in(response.text) == []


def test_the_office_account_and_second_factor_pages_are_german(client, staff_user):
    client.force_login(staff_user)
    for path in ["/konto/2fa/", "/konto/2fa/totp/deactivate/",
                 "/konto/2fa/recovery-codes/generate/", "/konto/password/change/"]:  # fmt: skip
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert english_in(response.text) == [], path


def test_the_admin_javascript_catalog_is_german(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/verwaltung/jsi18n/")
    assert response.status_code == 200
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.text, re.S)[1])
    untranslated = [msgid for msgid in JAVASCRIPT if catalog.get(msgid, msgid) == msgid]
    assert untranslated == []
    assert catalog["Choose all %s"] == "Alle %s auswählen"
