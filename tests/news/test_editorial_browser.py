"""Issue 9, done means: the office writes an article in the editor, schedules it, previews
it, publishes it with a responsive image, changes it, compares two versions and restores
the first."""

import datetime
import re
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image

from core.fields import sanitize_html
from news.models import Article
from tests.browser import assert_accessible, axe
from tests.core.test_rich_text_browser import office_logs_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def photo(tmp_path):
    path = tmp_path / "fachtag.jpg"
    buffer = BytesIO()
    Image.new("RGB", (1800, 1000), (0, 70, 127)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def set_publication(page, when):
    when = timezone.localtime(when)
    page.locator("#id_published_at_0").fill(when.strftime("%d.%m.%Y"))
    page.locator("#id_published_at_1").fill(when.strftime("%H:%M:%S"))


def test_office_writes_schedules_previews_publishes_compares_and_restores(
    page, browser, site_server, staff_user, tmp_path
):
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/news/article/add/")
    page.get_by_label("Titel").fill("Fachtag Kommunale Prävention in Hannover")
    editor = page.locator(".prose-editor > .ProseMirror").first
    editor.click()
    page.keyboard.type("## Programm")
    page.keyboard.press("Enter")
    page.keyboard.type("- Begrüßung durch den Vorstand")
    page.keyboard.press("Enter")
    page.keyboard.type("Austausch der Mitgliedsstädte")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Anmeldung bei DEFUS")
    page.keyboard.press("Shift+Home")
    page.locator(".prose-menubar [title='Link einfügen']").first.click()
    page.get_by_label("Adresse (URL)").fill("https://www.defus.de/")
    page.get_by_role("button", name="Übernehmen").click()
    page.locator("#id_image").set_input_files(photo(tmp_path))
    page.get_by_label("Alternativtext", exact=False).first.fill("Blick in den Saal des Fachtags")
    page.locator("#id_status").select_option(Article.Status.PUBLISHED)
    set_publication(page, timezone.now() + datetime.timedelta(days=1))
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    page.wait_for_load_state()

    article = Article.objects.get(title="Fachtag Kommunale Prävention in Hannover")
    first_body = article.body
    assert "<h2>Programm</h2>" in first_body
    assert "<ul><li><p>Begrüßung durch den Vorstand</p></li>" in first_body
    assert '<a href="https://www.defus.de/">Anmeldung bei DEFUS</a>' in first_body
    assert sanitize_html(first_body) == first_body
    assert article.publication_state.startswith("geplant für ")

    page.goto("/verwaltung/news/article/")
    assert "geplant für" in page.locator("#result_list").inner_text()
    page.get_by_role("link", name=f"Vorschau: {article.title}").click()
    assert page.locator("h1").inner_text() == article.title
    assert "Stand: geplant für" in page.locator(".preview-note").inner_text()
    assert_accessible(page)
    anonymous = browser.new_context(base_url=site_server.url)
    assert anonymous.request.get(article.get_preview_url()).status == 404
    assert anonymous.request.get(article.get_absolute_url()).status == 404
    anonymous.close()

    page.goto(f"/verwaltung/news/article/{article.pk}/change/")
    set_publication(page, timezone.now() - datetime.timedelta(minutes=5))
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    page.wait_for_load_state()
    page.goto(article.get_absolute_url())
    webp = page.locator("picture source[type='image/webp']").get_attribute("srcset")
    assert re.findall(r" (\d+)w", webp) == ["160", "320", "640", "960", "1280"]
    img = page.locator("picture img")
    assert img.get_attribute("alt") == "Blick in den Saal des Fachtags"
    assert "-1280.jpg 1280w" in img.get_attribute("srcset")

    page.goto(f"/verwaltung/news/article/{article.pk}/change/")
    editor = page.locator(".prose-editor > .ProseMirror").first
    editor.locator("h2").click()
    page.keyboard.press("End")
    page.keyboard.type(" am 12. März")
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert "<h2>Programm am 12. März</h2>" in article.body

    page.goto(f"/verwaltung/news/article/{article.pk}/history/")
    options = page.locator("#id_older option[value]:not([value=''])")
    page.locator("#id_older").select_option(options.first.get_attribute("value"))
    page.locator("#id_newer").select_option(options.last.get_attribute("value"))
    page.get_by_role("button", name="Vergleichen").click()
    assert page.locator("td.revision-diff ins").first.inner_text() == "am 12. März"
    results = axe.run(page, context="#content-main")
    assert results.violations_count == 0, results.generate_report()

    page.goto(f"/verwaltung/news/article/{article.pk}/history/")
    page.locator("#change-history tbody tr").first.locator("a").click()  # oldest first
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.body == first_body
    assert page.foreign_requests == []
