import re

import pytest

from core.fields import sanitize_html
from pages.models import Page

# What the editor wrote in tests/core/test_rich_text_browser.py, construct by construct.
EDITOR_OUTPUT = (
    "<h2>Zwischenüberschrift</h2><h3>Dritte Ebene</h3><h4>Vierte Ebene</h4>"
    "<p>Ein <strong>fetter</strong> und ein <em>kursiver</em> Satz.</p>"
    "<ul><li><p>Hannover</p></li><li><p>Essen</p></li></ul>"
    '<ol data-type="decimal" start="3"><li><p>dritter Punkt</p></li></ol>'
    '<ol data-type="lower-alpha" type="a"><li><p>Punkt a</p></li></ol>'
    "<blockquote><p>Städte helfen Städten.</p></blockquote><hr>"
    "<p>Zeile<br>neue Zeile</p>"
    '<p>Siehe <a href="https://www.defus.de/" title="DEFUS">DEFUS</a>, '
    '<a href="/termine/">Termine</a>, <a href="mailto:info@defus.de">E-Mail</a> und '
    '<a href="tel:+495112345">Telefon</a></p>'
    "<table><tbody><tr><th><p>Kopf</p></th><th><p></p></th></tr>"
    '<tr><td colspan="2"><p>Zelle</p></td></tr></tbody></table>'
)


def test_everything_the_editor_writes_survives_sanitising_unchanged():
    assert sanitize_html(EDITOR_OUTPUT) == EDITOR_OUTPUT


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ('<p style="color:red" class="MsoNormal">Text</p>', "<p>Text</p>"),
        ("<p><span>Text</span></p>", "<p>Text</p>"),
        ('<p onclick="alert(1)">Text</p><script>alert(1)</script>', "<p>Text</p>"),
        ('<a href="javascript:alert(1)">Link</a>', "<a>Link</a>"),
        ('<a href="https://www.defus.de/" target="_blank">Link</a>',
         '<a href="https://www.defus.de/">Link</a>'),
        ('<h1>Titel</h1><img src="x.png" alt="">', "Titel"),
    ],
)  # fmt: skip
def test_what_the_editor_cannot_write_is_removed(written, stored):
    assert sanitize_html(written) == stored


RICH_TEXT_FORMS = [
    ("/verwaltung/news/article/add/", 1),
    ("/verwaltung/pages/page/{page}/change/", 1),
    ("/verwaltung/events/event/add/", 2),
    ("/verwaltung/projects/project/add/", 1),
    ("/verwaltung/themes/theme/add/", 1),
    ("/verwaltung/inquiries/inquiry/add/", 1),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "fields"), RICH_TEXT_FORMS)
def test_every_rich_text_field_in_the_admin_gets_the_editor(client, staff_user, url, fields):
    page, _ = Page.objects.get_or_create(slug=Page.Slug.IMPRINT, defaults={"title": "Impressum"})
    client.force_login(staff_user)
    response = client.get(url.format(page=page.pk))
    assert response.status_code == 200
    assert response.text.count("data-rich-text") == fields
    assert re.search(
        r'<script src="/static/js/rich-text-editor.js"[^>]* type="module">', response.text
    )
    assert "importmap" not in response.text
