"""Members submit news for "Neues von den Mitgliedern"; the office releases it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import Article
from tests.factories import ArticleFactory, MemberFactory, UserFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

URL = "/mitgliederbereich/meldungen/neu/"
ITEM = {
    "title": "Essen eröffnet Präventionszentrum in Altendorf",
    "teaser": "Die Stadt Essen bündelt Beratung, Ordnungsdienst und Jugendhilfe an einem Ort.",
    "body": "Seit Montag arbeiten im Zentrum zwölf Fachkräfte.\n\nDas Zentrum ist werktags offen.",
    "original_url": "https://www.essen.de/praeventionszentrum",
    "image_alt": "",
    "image_credit": "",
}


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("zentrum.png", buffer.getvalue(), content_type="image/png")


def submit(client, data=ITEM, url=URL):
    return client.post(url, data)


def test_access_to_the_submission_form(client, member_user, staff_user):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == f"/konto/login/?next={URL}"
    client.force_login(member_user)
    assert client.get(URL).status_code == 200
    client.force_login(UserFactory(member=None, is_staff=True, totp=False))
    assert client.get(URL)["Location"] == "/konto/2fa/totp/activate/"
    client.force_login(staff_user)  # the office has no member to speak for
    assert client.get(URL).status_code == 403


def test_a_member_submits_and_the_office_is_told(
    client, member_user, mailoutbox, django_capture_on_commit_callbacks, settings
):
    theme = Theme.objects.filter(parent=None).first()
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, {**ITEM, "themes": [theme.pk], "image": png(), "image_alt": "Das neue Zentrum"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/mitgliederbereich/"
    article = Article.objects.get()
    assert article.status == Article.Status.SUBMITTED
    assert article.member == member_user.member and article.submitted_by == member_user
    assert article.body.startswith("<p>Seit Montag")
    assert list(article.themes.all()) == [theme]
    assert article.image and article.image_alt == "Das neue Zentrum"
    (mail,) = mailoutbox
    assert mail.to == [settings.OFFICE_EMAIL]
    assert mail.subject.startswith("Neue Mitgliedermeldung zur Freigabe: Essen eröffnet")
    assert f"/verwaltung/news/article/{article.pk}/change/" in mail.body
    assert ITEM["title"] not in client.get("/").text  # not before it is released
    dashboard = client.get("/mitgliederbereich/").text
    assert "Eingereicht – wartet auf Freigabe" in dashboard


def test_a_rejected_submission_keeps_every_typed_field(client, member_user):
    client.force_login(member_user)
    response = submit(client, {**ITEM, "teaser": ""})
    assert response.status_code == 400
    assert "Die Meldung ist noch nicht eingereicht" in response.text
    assert f'value="{ITEM["title"]}"' in response.text
    assert "Das Zentrum ist werktags offen." in response.text
    assert f'value="{ITEM["original_url"]}"' in response.text
    assert not Article.objects.exists()


def test_an_image_needs_alt_text(client, member_user):
    client.force_login(member_user)
    response = submit(client, {**ITEM, "image": png()})
    assert response.status_code == 400
    assert "Bitte beschreiben Sie, was das Bild zeigt" in response.text


def submitted(member_user):
    return ArticleFactory(
        title=ITEM["title"],
        member=member_user.member,
        submitted_by=member_user,
        status=Article.Status.SUBMITTED,
    )


def test_the_office_approves_and_the_item_appears_under_the_member(
    client, staff_user, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    article = submitted(member_user)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verwaltung/news/article/",
            {"action": "approve_now", "_selected_action": [article.pk]},
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    (mail,) = mailoutbox
    assert mail.to == [member_user.email]
    assert mail.subject == f"Ihre Meldung ist freigegeben: {ITEM['title']}"
    assert article.get_absolute_url() in mail.body
    client.logout()
    home = client.get("/").text
    section = home.split("Neues von den Mitgliedern", 1)[1]
    assert ITEM["title"] in section and "Stadt Essen" in section


def admin_data(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "member": article.member_id,
        "teaser": article.teaser,
        "body": article.body,
        "original_url": "",
        "status": article.status,
        "visibility": article.visibility,
        "published_at_0": article.published_at.strftime("%d.%m.%Y"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "review_comment": "",
        "image_alt": "",
        "image_credit": "",
    }
    return {**data, **changes}


def test_the_office_sends_back_with_a_comment_and_the_member_revises(
    client, staff_user, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    article = submitted(member_user)
    client.force_login(staff_user)
    comment = "Bitte ergänzen Sie, wer das Zentrum trägt."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/verwaltung/news/article/{article.pk}/change/",
            admin_data(article, status=Article.Status.RETURNED, review_comment=comment),
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    (mail,) = mailoutbox
    assert mail.subject == f"Bitte überarbeiten: {ITEM['title']}"
    assert comment in mail.body
    client.force_login(member_user)
    dashboard = client.get("/mitgliederbereich/").text
    assert "Zur Überarbeitung zurückgegeben" in dashboard and comment in dashboard
    edit = f"/mitgliederbereich/meldungen/{article.pk}/bearbeiten/"
    assert edit in dashboard
    assert comment in client.get(edit).text
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, {**ITEM, "teaser": "Träger ist die Stadt Essen."}, url=edit)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.SUBMITTED
    assert article.teaser == "Träger ist die Stadt Essen."
    assert Article.objects.count() == 1


def test_scheduling_and_rejecting_are_mailed(
    client, staff_user, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    scheduled, rejected = submitted(member_user), submitted(member_user)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/verwaltung/news/article/{scheduled.pk}/change/",
            admin_data(
                scheduled,
                status=Article.Status.PUBLISHED,
                published_at_0="24.12.2099",
                published_at_1="09:00:00",
            ),
        )
        client.post(
            f"/verwaltung/news/article/{rejected.pk}/change/",
            admin_data(rejected, status=Article.Status.REJECTED, review_comment="Kein Bezug."),
        )
    first, second = mailoutbox
    assert "Sie erscheint am 24.12.2099 09:00 Uhr" in first.body
    assert second.subject.startswith("Ihre Meldung wird nicht veröffentlicht")
    client.force_login(member_user)
    dashboard = client.get("/mitgliederbereich/").text
    assert "freigegeben, erscheint am 24.12.2099" in dashboard and "Abgelehnt" in dashboard


def test_others_cannot_revise_a_submission(client, member_user):
    article = submitted(member_user)
    client.force_login(UserFactory(member=MemberFactory()))
    assert client.get(f"/mitgliederbereich/meldungen/{article.pk}/bearbeiten/").status_code == 404
    article.status = Article.Status.PUBLISHED
    article.save()
    client.force_login(member_user)
    assert client.get(f"/mitgliederbereich/meldungen/{article.pk}/bearbeiten/").status_code == 404


def test_dashboard_lists_submissions_within_a_query_budget(
    client, member_user, django_assert_max_num_queries
):
    for _ in range(30):
        submitted(member_user)
    client.force_login(member_user)
    with django_assert_max_num_queries(25):
        response = client.get("/mitgliederbereich/")
    assert response.text.count("Eingereicht – wartet auf Freigabe") == 10
