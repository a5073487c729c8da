import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inquiries.models import Answer, AnswerAttachment, Inquiry
from inquiries.services import answer_save, inquiry_ask, inquiry_recipients
from tests.factories import (
    AnswerFactory,
    ContactPersonFactory,
    InquiryFactory,
    MemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def protected_media(settings, tmp_path):
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"
    return settings.PROTECTED_MEDIA_ROOT


@pytest.fixture
def inquiry(db):
    asker = MemberFactory(name="Mannheim", designation="Stadt Mannheim", slug="mannheim")
    return InquiryFactory(
        title="Bodycams für den Kommunalen Ordnungsdienst",
        asked_by_member=asker,
        deadline=TODAY() + 14 * DAY,
    )


@pytest.fixture
def attachment(inquiry):
    answer = AnswerFactory(inquiry=inquiry)
    return AnswerAttachment.objects.create(
        answer=answer,
        file=SimpleUploadedFile("dienstanweisung.pdf", PDF),
        name="Dienstanweisung Bodycams.pdf",
        size=len(PDF),
    )


def pdf(name="erfahrungen.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


# Access: anonymous, member, former member, staff


def page_urls(inquiry):
    return ["/mitgliederbereich/abfragen/", "/mitgliederbereich/abfragen/neu/", inquiry.get_absolute_url()]  # fmt: skip


def test_member_area_pages_send_anonymous_visitors_to_the_login_and_back(client, inquiry):
    for url in page_urls(inquiry):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == f"/konto/login/?next={url}"


def test_member_area_pages_are_open_to_members_and_staff(visitor, inquiry):
    if visitor.anonymous:
        return
    for url in page_urls(inquiry):
        assert visitor.get(url).status_code == 200, url


def test_users_of_a_member_that_left_are_refused(client, inquiry, former_member_user, attachment):
    client.force_login(former_member_user)
    for url in page_urls(inquiry):
        assert client.get(url).status_code == 403, url
    assert client.post(inquiry.get_absolute_url(), {"text": "Noch da"}).status_code == 403
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_deactivated_users_are_logged_out_and_sent_to_the_login(client, inquiry, member):
    client.force_login(UserFactory(member=member, is_active=False))
    response = client.get("/mitgliederbereich/abfragen/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/mitgliederbereich/abfragen/"


def test_attachment_sends_anonymous_visitors_to_the_login_like_an_unknown_one(client, attachment):
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={attachment.get_absolute_url()}"
    unknown = client.get("/mitgliederbereich/abfragen/anhang/999999/")
    assert unknown["Location"] == "/konto/login/?next=/mitgliederbereich/abfragen/anhang/999999/"


def test_attachment_is_served_privately_to_members_and_staff(visitor, attachment):
    response = visitor.get(attachment.get_absolute_url())
    if visitor.kind == "anonymous":  # to the login first (LoginFirstMiddleware)
        assert response.status_code == 302
        return
    if visitor.anonymous:  # staff without a second factor: as if there were no file
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Dienstanweisung" in response["Content-Disposition"]


def test_attachment_files_live_outside_media_root(attachment, protected_media, settings):
    path = attachment.file.path
    assert path.startswith(str(protected_media / "abfragen"))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018


def test_unknown_inquiry_and_attachment_give_a_german_404(client, member_user):
    client.force_login(member_user)
    for url in ["/mitgliederbereich/abfragen/999999/", "/mitgliederbereich/abfragen/anhang/9999/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "Diese Seite gibt es nicht" in response.text


@pytest.mark.parametrize("page", ["999", "abc", "-1"])
def test_bad_page_numbers_show_a_page_instead_of_an_error(client, member_user, page):
    InquiryFactory(title="Regelungen zum Grillen im öffentlichen Raum")
    client.force_login(member_user)
    response = client.get("/mitgliederbereich/abfragen/", {"page": page})
    assert response.status_code == 200
    assert "Regelungen zum Grillen im öffentlichen Raum" in response.text


# The list


def test_list_shows_open_ones_first_then_the_years_as_the_annual_report_does(client, member_user):
    asked = timezone.make_aware(datetime.datetime(2024, 3, 5, 10))
    ko = InquiryFactory(
        title="Maßnahmen gegen K.O. Tropfen", created_at=asked, deadline=datetime.date(2024, 3, 22)
    )
    AnswerFactory.create_batch(3, inquiry=ko)
    InquiryFactory(
        title="Regelungen zum Grillen im öffentlichen Raum",
        created_at=timezone.make_aware(datetime.datetime(2024, 12, 10, 10)),
        deadline=datetime.date(2025, 1, 10),
    )
    InquiryFactory(
        title="Sicherheit im Fußballstadion",
        created_at=timezone.make_aware(datetime.datetime(2023, 6, 1, 10)),
        deadline=datetime.date(2023, 6, 30),
    )
    InquiryFactory(title="Bodycams für den Kommunalen Ordnungsdienst")
    client.force_login(member_user)
    text = client.get("/mitgliederbereich/abfragen/").text
    assert "Maßnahmen gegen K.O. Tropfen</a> – März" in text
    assert "drei Antworten" in text
    order = [
        "Offene Abfragen",
        "Bodycams",
        '<h2 id="jahr-2024">2024</h2>',
        "K.O. Tropfen",
        "Grillen",
        '<h2 id="jahr-2023">2023</h2>',
        "Fußballstadion",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_list_stays_within_its_query_budget(client, member_user, django_assert_max_num_queries):
    members = MemberFactory.create_batch(3)
    asked = timezone.now() - datetime.timedelta(days=400)
    inquiries = InquiryFactory.create_batch(
        290, asked_by_member=members[0], created_at=asked, deadline=TODAY() - 300 * DAY
    )
    inquiries += InquiryFactory.create_batch(10, asked_by_member=members[1])
    Answer.objects.bulk_create(
        Answer(inquiry=inquiry, member=member, text="Ja.")
        for inquiry in inquiries
        for member in members[1:]
        if member != inquiry.asked_by_member
    )
    client.force_login(member_user)
    with django_assert_max_num_queries(8):
        response = client.get("/mitgliederbereich/abfragen/")
    assert response.status_code == 200
    assert response.text.count('<li><a href="/mitgliederbereich/abfragen/') == 110  # 10 + 100


# The detail


def test_detail_shows_who_answered_and_who_is_still_open(client, member_user, inquiry):
    MemberFactory(name="Köln", designation="Stadt Köln", slug="koeln")
    answered = MemberFactory(name="Düsseldorf", designation="Landeshauptstadt Düsseldorf")
    MemberFactory(name="Altstadt", designation="Stadt Altstadt", left_on=TODAY() - 400 * DAY)
    MemberFactory(name="Neustadt", designation="Stadt Neustadt", joined_on=TODAY() + 30 * DAY)
    AnswerFactory(inquiry=inquiry, member=answered, text="Wir setzen Bodycams seit 2022 ein.")
    client.force_login(member_user)
    response = client.get(inquiry.get_absolute_url())
    context = response.context
    assert [m.designation for m in context["answered_members"]] == ["Landeshauptstadt Düsseldorf"]
    assert [m.designation for m in context["open_members"]] == ["Stadt Essen", "Stadt Köln"]
    text = response.text
    assert "Wir setzen Bodycams seit 2022 ein." in text
    assert "Stadt Altstadt" not in text and "Stadt Neustadt" not in text
    assert "Stadt Mannheim" in text  # as the one who asked, not as open


def test_detail_stays_within_its_query_budget(
    client, member_user, inquiry, django_assert_max_num_queries
):
    for answer in AnswerFactory.create_batch(20, inquiry=inquiry):
        AnswerAttachment.objects.create(
            answer=answer, file=pdf(), name="Konzept.pdf", size=len(PDF)
        )
    MemberFactory.create_batch(10)
    own = AnswerFactory(inquiry=inquiry, member=member_user.member)
    AnswerAttachment.objects.create(answer=own, file=pdf(), name="Unser Konzept.pdf", size=9)
    client.force_login(member_user)
    with django_assert_max_num_queries(8):
        response = client.get(inquiry.get_absolute_url())
    assert response.text.count('class="answer"') == 21
    assert response.text.count("/mitgliederbereich/abfragen/anhang/") == 21


def test_summary_appears_only_once_published(client, member_user, inquiry):
    inquiry.deadline = TODAY() - 20 * DAY
    inquiry.summary = "<p>Fünf Städte setzen Bodycams ein.</p>"
    inquiry.save()
    client.force_login(member_user)
    assert "Fünf Städte setzen Bodycams ein." not in client.get(inquiry.get_absolute_url()).text
    inquiry.summary_published_at = timezone.now() - DAY
    inquiry.save()
    text = client.get(inquiry.get_absolute_url()).text
    assert "Zusammenfassung der Geschäftsstelle" in text
    assert "<p>Fünf Städte setzen Bodycams ein.</p>" in text


def test_summary_cannot_be_published_before_the_deadline(inquiry):
    inquiry.summary = "<p>Zu früh.</p>"
    inquiry.summary_published_at = timezone.now()
    with pytest.raises(ValidationError, match="erst nach der Frist"):
        inquiry.full_clean()


def test_context_and_answers_are_escaped_not_rendered_as_html(client, member_user, inquiry):
    inquiry.context = '<script>alert("x")</script> Siehe https://www.defus.de'
    inquiry.save()
    AnswerFactory(inquiry=inquiry, text="<b>fett</b>")
    client.force_login(member_user)
    text = client.get(inquiry.get_absolute_url()).text
    assert '<script>alert("x")</script>' not in text
    assert "&lt;b&gt;fett&lt;/b&gt;" in text
    assert '<a href="https://www.defus.de"' in text


# Answering


def test_member_answers_once_and_a_second_save_updates_the_answer(client, member_user, inquiry):
    client.force_login(member_user)
    response = client.post(inquiry.get_absolute_url(), {"text": "Wir prüfen Bodycams."})
    assert response.status_code == 302
    colleague = UserFactory(member=member_user.member, first_name="Karl", last_name="Kollege")
    client.force_login(colleague)
    response = client.post(inquiry.get_absolute_url(), {"text": "Seit Mai im Einsatz."})
    assert response.status_code == 302
    answer = Answer.objects.get(inquiry=inquiry)
    assert answer.member == member_user.member
    assert answer.text == "Seit Mai im Einsatz."
    assert answer.author == colleague
    text = client.get(inquiry.get_absolute_url()).text
    assert "Antwort ändern" in text and "Seit Mai im Einsatz." in text


def test_answer_can_be_given_on_the_deadline_day_itself(member_user, inquiry):
    inquiry.deadline = TODAY()
    inquiry.save()
    answer_save(inquiry=inquiry, user=member_user, text="Gerade noch rechtzeitig.", files=[])
    assert Answer.objects.filter(inquiry=inquiry).count() == 1


def test_deadline_ends_at_midnight_in_berlin(member_user, inquiry, monkeypatch):
    inquiry.deadline = datetime.date(2024, 3, 22)
    # 23:30 UTC on the deadline day is already the next day in Berlin.
    late = datetime.datetime(2024, 3, 22, 23, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert not inquiry.is_open()
    monkeypatch.setattr(timezone, "now", lambda: late - datetime.timedelta(hours=1))
    assert inquiry.is_open()


def test_no_answering_or_editing_after_the_deadline(client, member_user, inquiry):
    AnswerFactory(inquiry=inquiry, member=member_user.member, text="Alte Antwort")
    inquiry.deadline = TODAY() - DAY
    inquiry.save()
    client.force_login(member_user)
    text = client.get(inquiry.get_absolute_url()).text
    assert "Antworten lassen sich nicht mehr geben oder ändern" in text
    assert 'name="text"' not in text
    response = client.post(inquiry.get_absolute_url(), {"text": "Neue Antwort"})
    assert response.status_code == 400
    assert "Die Frist ist am" in response.text and "abgelaufen" in response.text
    assert Answer.objects.get(inquiry=inquiry).text == "Alte Antwort"
    assert not inquiry.may_be_answered_by(member_user)
    with pytest.raises(ValidationError, match="abgelaufen"):
        answer_save(inquiry=inquiry, user=member_user, text="Neue Antwort", files=[])


def test_office_without_a_member_can_ask_but_not_answer(client, staff_user, inquiry):
    client.force_login(staff_user)
    text = client.get(inquiry.get_absolute_url()).text
    assert 'name="text"' not in text
    response = client.post(inquiry.get_absolute_url(), {"text": "Das Büro meint …"}, follow=True)
    assert "Nur Mitglieder können auf Abfragen antworten." in response.text
    assert not Answer.objects.exists()


def test_asking_member_does_not_answer_its_own_inquiry(client, inquiry):
    asker = UserFactory(member=inquiry.asked_by_member)
    client.force_login(asker)
    assert 'name="text"' not in client.get(inquiry.get_absolute_url()).text
    with pytest.raises(ValidationError, match="eigene Abfrage"):
        answer_save(inquiry=inquiry, user=asker, text="Wir fragen ja selbst.", files=[])


def test_answer_carries_attachments_and_they_can_be_removed(client, member_user, inquiry):
    client.force_login(member_user)
    client.post(
        inquiry.get_absolute_url(),
        {"text": "Anbei unsere Dienstanweisung.", "attachments": [pdf("dienstanweisung.pdf")]},
    )
    attachment = AnswerAttachment.objects.get()
    assert attachment.name == "dienstanweisung.pdf"
    assert attachment.size == len(PDF)
    path = attachment.file.path
    with open(path, "rb") as stored:
        assert stored.read() == PDF
    client.post(
        inquiry.get_absolute_url(),
        {"text": "Ohne Anhang.", "remove_attachments": [attachment.pk]},
    )
    assert not AnswerAttachment.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("skript.exe", b"MZ\x90\x00"),
            "„skript.exe“: Dateien mit der Endung „.exe“ können nicht hochgeladen werden.",
        ),
        (SimpleUploadedFile("ohne-endung", PDF), "„ohne-endung“: Die Datei hat keine Endung."),
        (
            SimpleUploadedFile("falsch.pdf", b"<html>nein</html>"),
            "„falsch.pdf“: Der Inhalt passt nicht zur Endung „.pdf“",
        ),
        (
            SimpleUploadedFile("gross.pdf", PDF + b"0" * 2 * 1024 * 1024),
            "erlaubt sind höchstens 1,0 MB.",
        ),
    ],
)
def test_rejected_attachment_gets_a_german_message_and_keeps_the_text(
    client, member_user, inquiry, settings, upload, message
):
    settings.ANSWER_ATTACHMENT_MAX_MB = 1
    client.force_login(member_user)
    response = client.post(
        inquiry.get_absolute_url(), {"text": "Mein sorgfältiger Text", "attachments": [upload]}
    )
    assert response.status_code == 400
    assert message in response.text
    assert "Mein sorgfältiger Text" in response.text
    assert not Answer.objects.exists()


def test_an_answer_has_at_most_five_attachments(member_user, inquiry):
    files = [pdf(f"teil-{n}.pdf") for n in range(6)]
    with pytest.raises(ValidationError, match="höchstens 5 Anhänge"):
        answer_save(inquiry=inquiry, user=member_user, text="Viele Anhänge", files=files)
    assert not Answer.objects.exists()


# Asking


def test_member_asks_and_every_other_active_member_is_mailed_once(
    client, member_user, mailoutbox, django_capture_on_commit_callbacks
):
    koeln = MemberFactory(name="Köln", slug="koeln")
    ContactPersonFactory(member=koeln, email="praevention@koeln.example")
    ContactPersonFactory(member=koeln, email="")
    UserFactory(member=koeln, email="Praevention@Koeln.example")  # the same address
    UserFactory(member=koeln, email="ruhestand@koeln.example", is_active=False)
    ContactPersonFactory(member=member_user.member, email="kpr@essen.example")
    former = MemberFactory(left_on=TODAY() - 10 * DAY, joined_on=datetime.date(2012, 1, 1))
    ContactPersonFactory(member=former, email="ehemals@altstadt.example")
    UserFactory(member=former, email="konto@altstadt.example")
    future = MemberFactory(joined_on=TODAY() + 10 * DAY)
    ContactPersonFactory(member=future, email="bald@neustadt.example")
    UserFactory(member=None, email="buero@defus.example", is_staff=True)

    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mitgliederbereich/abfragen/neu/",
            {
                "title": "Alkoholkonsumverbote am Bahnhof",
                "context": "Welche Regeln gelten bei Ihnen?",
                "deadline": (TODAY() + 14 * DAY).isoformat(),
            },
        )
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response.url == inquiry.get_absolute_url()
    assert inquiry.asked_by_member == member_user.member
    assert inquiry.asked_by == member_user
    questions = [m for m in mailoutbox if m.subject.startswith("DEFUS-Abfrage")]
    # The asking city (Essen) is not mailed its own question; the asker gets a copy.
    assert [address for message in questions for address in message.to] == [
        "praevention@koeln.example"
    ]
    (copy,) = [m for m in mailoutbox if m.subject.startswith("Kopie")]
    assert copy.to == ["mitglied@stadt.example"]
    assert "dies ist Ihre Kopie" in copy.body
    assert "Ihr eigenes Mitglied erhält sie nicht" in copy.body
    assert len(mailoutbox) == 2
    message = questions[0]
    assert message.subject == "DEFUS-Abfrage: Alkoholkonsumverbote am Bahnhof"
    assert f"http://testserver/mitgliederbereich/abfragen/{inquiry.pk}/" in message.body
    assert "Stadt Essen fragt das DEFUS-Netzwerk" in message.body


def test_no_mail_leaves_when_asking_fails(member_user, mailoutbox):
    with pytest.raises(ValidationError):
        inquiry_ask(
            user=member_user,
            member=member_user.member,
            title="Zu spät",
            context="…",
            deadline=TODAY(),
        )
    assert mailoutbox == []
    assert not Inquiry.objects.exists()


def test_recipients_are_deduplicated_case_insensitively(member):
    ContactPersonFactory(member=member, email="Team@Essen.example")
    ContactPersonFactory(member=member, email="team@essen.example")
    UserFactory(member=member, email="team@ESSEN.example".lower())
    assert inquiry_recipients() == ["team@essen.example"]


def test_office_asks_as_the_defus_office(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/mitgliederbereich/abfragen/neu/",
            {
                "title": "Stand der Kommunalen Prävention",
                "context": "Was sind Ihre größten Herausforderungen?",
                "deadline": (TODAY() + 7 * DAY).isoformat(),
            },
        )
    inquiry = Inquiry.objects.get()
    assert inquiry.asked_by_member is None
    assert "DEFUS-Geschäftsstelle" in client.get(inquiry.get_absolute_url()).text


@pytest.mark.parametrize("days", [0, -1, -365])
def test_deadline_must_lie_in_the_future_and_the_input_is_kept(client, member_user, days):
    client.force_login(member_user)
    response = client.post(
        "/mitgliederbereich/abfragen/neu/",
        {
            "title": "Alkoholkonsumverbote am Bahnhof",
            "context": "Welche Regeln gelten bei Ihnen?",
            "deadline": (TODAY() + days * DAY).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Die Frist muss in der Zukunft liegen" in response.text
    assert 'value="Alkoholkonsumverbote am Bahnhof"' in response.text
    assert "Welche Regeln gelten bei Ihnen?</textarea>" in response.text
    assert not Inquiry.objects.exists()


def test_answer_typed_after_the_deadline_is_shown_back_not_thrown_away(
    client, member_user, inquiry
):
    """Issue 8, finding 7: the page was open before midnight, the answer is sent after."""
    client.force_login(member_user)
    assert 'name="text"' in client.get(inquiry.get_absolute_url()).text
    Inquiry.objects.filter(pk=inquiry.pk).update(deadline=TODAY() - DAY)
    typed = "In Essen gilt seit 2023 eine Dienstanweisung für Bodycams im Ordnungsdienst."
    response = client.post(inquiry.get_absolute_url(), {"text": typed})
    assert response.status_code == 400
    assert f"{typed}</textarea>" in response.text
    assert f"Die Frist ist am {(TODAY() - DAY):%d.%m.%Y} abgelaufen" in response.text
    assert "Ihr Text ist nicht gespeichert" in response.text
    assert not Answer.objects.exists()
    # An empty form after the deadline says why, too.
    response = client.post(inquiry.get_absolute_url(), {"text": ""})
    assert "abgelaufen" in response.text


def test_may_be_answered_by_is_the_one_rule(
    inquiry, member_user, staff_user, staff_without_second_factor, former_member_user
):
    assert inquiry.may_be_answered_by(member_user)
    assert not inquiry.may_be_answered_by(member_user, today=inquiry.deadline + DAY)
    assert inquiry.may_be_answered_by(member_user, today=inquiry.deadline)
    for user in [staff_user, staff_without_second_factor, former_member_user, AnonymousUser()]:
        assert not inquiry.may_be_answered_by(user), user
    inquiry.asked_by_member = member_user.member
    assert "eigene Abfrage" in inquiry.answer_refusal(member_user)


@pytest.mark.parametrize("deadline", ["9999-12-31", "2999-01-01", "+1y+1d"])
def test_deadline_at_most_a_year_ahead_and_the_input_is_kept(client, member_user, deadline):
    if deadline == "+1y+1d":
        deadline = (TODAY() + 367 * DAY).isoformat()
    client.force_login(member_user)
    response = client.post(
        "/mitgliederbereich/abfragen/neu/",
        {"title": "Bodycams", "context": "Welche Regeln gelten bei Ihnen?", "deadline": deadline},
    )
    assert response.status_code == 200
    latest = (TODAY() + 366 * DAY).strftime("%d.%m.%Y")
    assert (
        f"Die Frist darf höchstens ein Jahr nach der Abfrage liegen, also spätestens am {latest}"
        in response.text
    )
    assert 'value="Bodycams"' in response.text
    assert not Inquiry.objects.exists()
    with pytest.raises(ValidationError, match="höchstens ein Jahr"):
        inquiry_ask(user=member_user, member=member_user.member, title="Bodycams",
                    context="Regeln?", deadline=datetime.date(9999, 12, 31))  # fmt: skip


def test_deadline_bound_holds_in_the_admin_too(inquiry):
    inquiry.deadline = datetime.date(9999, 12, 31)
    with pytest.raises(ValidationError, match="höchstens ein Jahr"):
        inquiry.full_clean()


def test_invalid_deadline_gets_a_german_message(client, member_user):
    client.force_login(member_user)
    response = client.post(
        "/mitgliederbereich/abfragen/neu/",
        {"title": "Frage", "context": "Kontext", "deadline": "morgen"},
    )
    assert response.status_code == 200
    assert "Bitte ein gültiges Datum eingeben" in response.text


# Admin and demo


def test_office_sees_inquiries_and_answers_in_the_admin(client, superuser, attachment):
    client.force_login(superuser)
    inquiry = attachment.answer.inquiry
    assert client.get("/verwaltung/inquiries/inquiry/").status_code == 200
    assert client.get(f"/verwaltung/inquiries/inquiry/{inquiry.pk}/change/").status_code == 200
    response = client.get(f"/verwaltung/inquiries/answer/{attachment.answer.pk}/change/")
    assert response.status_code == 200
    assert attachment.get_absolute_url() in response.text


def test_a_line_break_in_the_title_cannot_break_the_mail_headers(
    member_user, mailoutbox, django_capture_on_commit_callbacks
):
    ContactPersonFactory(email="praevention@koeln.example")
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_ask(
            user=member_user,
            member=member_user.member,
            title="Grillen\nBcc: alle@example.org",
            context="…",
            deadline=TODAY() + 7 * DAY,
        )
    assert sorted(message.subject for message in mailoutbox) == [
        "DEFUS-Abfrage: Grillen Bcc: alle@example.org",
        "Kopie: DEFUS-Abfrage: Grillen Bcc: alle@example.org",
    ]
    assert all(message.bcc == [] for message in mailoutbox)


def test_a_member_user_asks_only_for_its_own_member(member_user):
    other = MemberFactory()
    for member in (other, None):
        with pytest.raises(ValidationError, match="eigenes Mitglied"):
            inquiry_ask(
                user=member_user,
                member=member,
                title="Frage",
                context="…",
                deadline=TODAY() + 7 * DAY,
            )
