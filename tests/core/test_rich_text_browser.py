"""The office's editor for rich text: it loads under the strict CSP, offers every construct the
sanitiser keeps, and what it writes survives sanitising unchanged."""

import pytest

from core.fields import sanitize_html
from tests.browser import axe, log_in_with_code
from tests.factories import PASSWORD, TOTP_SECRET

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every construct the toolbar offers, made through the editor's own commands.
WRITE_EVERYTHING = """(textarea) => {
  const editor = textarea.richTextEditor;
  editor.commands.setContent(
    "<h2>Zwischenüberschrift</h2><h3>Dritte Ebene</h3><h4>Vierte Ebene</h4>"
    + "<p>Ein <strong>fetter</strong> und ein <em>kursiver</em> Satz.</p>"
    + "<ul><li><p>Hannover</p></li><li><p>Essen</p></li></ul>"
    + "<ol start='3'><li><p>dritter Punkt</p></li></ol>"
    + "<blockquote><p>Städte helfen Städten.</p></blockquote><hr>"
    + "<p>Zeile<br>neue Zeile</p><p>Siehe DEFUS</p>", {emitUpdate: true});
  const end = editor.state.doc.content.size - 1;
  editor.chain().setTextSelection({from: end - 5, to: end})
    .setLink({href: "https://www.defus.de/", title: "DEFUS"}).run();
  editor.chain().focus("end").insertTable({rows: 2, cols: 2, withHeaderRow: true})
    .insertContent("Kopf").run();
  return textarea.value;
}"""

WORD_PASTE = """(textarea) => {
  const editor = textarea.richTextEditor;
  editor.chain().focus().clearContent().run();
  const data = new DataTransfer();
  data.setData("text/html", '<html><head><style>p.MsoNormal{margin:0}</style></head><body>'
    + '<p class="MsoNormal" style="margin:0;font-family:Calibri"><span style="font-size:11pt">'
    + '<b>Fachtag</b> am <i>12.03.</i></span><o:p></o:p></p>'
    + '<p class="MsoListParagraph" style="mso-list:l0 level1"><span>Sicherheit</span></p>'
    + '<table class="MsoTable" style="width:100%"><tr><td style="border:1pt">A</td></tr></table>'
    + '<p><font color="red">rot</font> <img src="file:///C:/x.png"> <script>alert(1)</script></p>'
    + '</body></html>');
  editor.view.dom.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
  return textarea.value;
}"""


def office_logs_in(page, user):
    log_in_with_code(page, user.email, PASSWORD, TOTP_SECRET)


def test_editor_writes_only_what_the_sanitiser_keeps(page, staff_user):
    blocked = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and blocked.append(message.text),
    )
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/news/article/add/")
    page.locator(".prose-editor > .ProseMirror").first.wait_for()
    textarea = page.locator("textarea[data-rich-text]").first

    html = textarea.evaluate(WRITE_EVERYTHING)

    for construct in ("<h2>", "<h3>", "<h4>", "<strong>", "<em>", "<ul>", '<ol data-type="decimal" start="3">',
                      "<blockquote>", "<hr>", "<br>", '<a href="https://www.defus.de/" title="DEFUS">',
                      "<table>", "<th>", "<td>"):  # fmt: skip
        assert construct in html, html
    assert sanitize_html(html) == html
    assert blocked == []
    assert page.foreign_requests == []


def test_text_pasted_from_word_arrives_clean(page, staff_user):
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/news/article/add/")
    page.locator(".prose-editor > .ProseMirror").first.wait_for()

    html = page.locator("textarea[data-rich-text]").first.evaluate(WORD_PASTE)

    assert "<strong>Fachtag</strong> am <em>12.03.</em>" in html
    assert "<td" in html and "Sicherheit" in html and "rot" in html
    for debris in ("class=", "style=", "<span", "<font", "<img", "<script", "Mso", "o:p"):
        assert debris not in html, debris
    assert sanitize_html(html) == html


def test_editor_is_accessible_and_german(page, staff_user):
    office_logs_in(page, staff_user)
    page.goto("/verwaltung/news/article/add/")
    page.locator(".prose-editor > .ProseMirror").first.wait_for()
    titles = page.locator(".prose-menubar [title]").evaluate_all("els => els.map(e => e.title)")
    german = set(page.evaluate("Object.values(window.DefusEditorGerman)"))
    assert titles and set(titles) <= german, set(titles) - german
    # The editor itself; the stock admin widgets around it are the admin theme's work.
    results = axe.run(page, context=".prose-editor")
    assert results.violations_count == 0, results.generate_report()
    assert page.foreign_requests == []
