"""Done means: Essen submits news, the office releases it, it appears under "Stadt Essen";
another city answers Essen's Abfrage through the real form."""

import pytest

from inquiries.models import Answer
from news.models import Article
from tests.browser import assert_accessible, log_in, log_in_with_code
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    EntryFactory,
    InquiryFactory,
    MemberFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_essen_submits_news_the_office_releases_it_and_koeln_answers(page, staff_user):
    essen = MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    koeln = MemberFactory(name="Köln", designation="Stadt Köln", slug="koeln")
    asker = UserFactory(email="kpr@essen.example", member=essen)
    answerer = UserFactory(email="praevention@koeln.example", member=koeln)
    inquiry = InquiryFactory(title="Sicherheit an Schulen", asked_by_member=essen, asked_by=asker)

    log_in(page, asker.email, PASSWORD)
    page.goto("/mitgliederbereich/")
    assert_accessible(page)
    page.get_by_role("link", name="Eine Meldung einreichen").click()
    assert_accessible(page)
    page.locator("#id_title").fill("Sicherheit an Schulen: Auftakt zur Gesprächsreihe")
    page.locator("#id_body").fill("Oberbürgermeister Kufen sprach mit den Elternpflegschaften.")
    page.get_by_role("button", name="Zur Freigabe einreichen").click()
    assert page.get_by_text("Die Meldung ist noch nicht eingereicht").is_visible()
    assert_accessible(page)
    page.locator("#id_teaser").fill("Auftakt einer Gesprächsreihe in allen Stadtbezirken.")
    page.get_by_role("button", name="Zur Freigabe einreichen").click()
    assert page.get_by_text("Eingereicht – wartet auf Freigabe").is_visible()
    article = Article.objects.get()

    page.context.clear_cookies()
    log_in_with_code(page, staff_user.email, PASSWORD, TOTP_SECRET)
    page.goto(f"/verwaltung/news/article/{article.pk}/change/")
    page.locator("#id_status").select_option(Article.Status.PUBLISHED)
    page.get_by_role("button", name="Sichern", exact=True).click()
    assert "erfolgreich geändert" in page.locator(".messagelist").inner_text()

    page.context.clear_cookies()
    page.goto("/")
    section = page.locator("section[aria-labelledby=neues-von-mitgliedern]").inner_text()
    assert "Sicherheit an Schulen: Auftakt zur Gesprächsreihe" in section
    assert "Stadt Essen" in section
    assert_accessible(page)

    log_in(page, answerer.email, PASSWORD)
    page.goto(inquiry.get_absolute_url())
    page.get_by_label("Antwort Ihres Mitglieds").fill("Köln setzt auf Schulsozialarbeit.")
    page.get_by_role("button", name="Antwort senden").click()
    assert Answer.objects.get().member == koeln
    assert Answer.objects.get().asker_notified_at is not None  # the mail to Essen's asker


def test_own_entry_pages_are_accessible(page, member):
    user = UserFactory(email="kollegin@essen.example", member=member)
    entry = EntryFactory(title="Aktionsplan Essen", url="https://www.essen.de/", added_by=user)
    log_in(page, user.email, PASSWORD)
    page.goto(entry.collection.get_absolute_url())
    edit = f"{entry.collection.get_absolute_url()}eintrag/{entry.pk}/bearbeiten/"
    page.locator(f'a[href="{edit}"]').click()
    assert_accessible(page)
    page.locator("#id_url").fill("")
    page.get_by_role("button", name="Änderung speichern").click()
    assert page.get_by_text("Für einen Link brauchen wir die Adresse").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Diesen Eintrag löschen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, löschen").click()
    assert page.get_by_text("ist gelöscht").is_visible()


def test_watching_and_unsubscribing_pages_are_accessible(page, member):
    from knowledge.services import unsubscribe_token

    user = UserFactory(email="kollegin@essen.example", member=member)
    entry = EntryFactory(title="Aktionsplan Essen", url="https://www.essen.de/")
    log_in(page, user.email, PASSWORD)
    page.goto(entry.collection.get_absolute_url())
    page.get_by_role("button", name="Sammlung beobachten").click()
    assert page.get_by_role("button", name="Nicht mehr beobachten").is_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    page.goto(f"/wissen/abbestellen/{unsubscribe_token(user)}/")
    assert_accessible(page)
    page.get_by_role("button", name="Abbestellen").click()
    assert page.get_by_text("Erledigt").is_visible()
