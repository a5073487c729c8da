"""An office form sent back with more inline rows than it showed (a tampered or stale form,
or one whose inline may not add rows) answers with the form and its German error, never a
500. The fuzz test found one such inline (an answer's attachments, whose file link was built
for a row that was never saved); this test sends every admin form of the portal that way."""

import re

import pytest
from django.contrib import admin

from tests.test_fuzz import content

pytestmark = pytest.mark.django_db

TOTAL = re.compile(r'name="([^"]+)-TOTAL_FORMS"')


def admin_pages():
    """Every add form and, where one exists, the change form of a row, of the office's admin."""
    content()
    for model in admin.site._registry:
        meta = model._meta
        base = f"/verwaltung/{meta.app_label}/{meta.model_name}/"
        yield base + "add/"
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            yield f"{base}{row.pk}/change/"


def test_every_admin_form_with_an_extra_inline_row_answers_without_a_500(client, staff_user):
    client.force_login(staff_user)
    sent = []
    for path in admin_pages():
        page = client.get(path)
        if page.status_code != 200:
            continue
        prefixes = TOTAL.findall(page.text)
        if not prefixes:
            continue
        data = {}
        for prefix in prefixes:
            initial = re.search(rf'name="{re.escape(prefix)}-INITIAL_FORMS" value="(\d+)"',
                                page.text)  # fmt: skip
            count = int(initial.group(1)) if initial else 0
            data |= {f"{prefix}-TOTAL_FORMS": count + 1, f"{prefix}-INITIAL_FORMS": count}
        response = client.post(path, data)
        sent.append(path)
        assert response.status_code < 500, path
        if response.status_code == 200:
            assert "Bitte" in response.text or "korrigieren" in response.text, path
    # The answer's attachments, where the 500 was, are among the forms sent.
    assert "/verwaltung/inquiries/answer/add/" in sent
    assert len(sent) >= 10
