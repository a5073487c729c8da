import datetime
import re

import pytest
from django.utils import timezone

from events.models import Event
from members.services import office_group_sync
from news.models import Article
from tests.factories import (
    AnswerFactory,
    ArticleFactory,
    EventFactory,
    InquiryFactory,
    MemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_desk_shows_drafts_scheduled_items_open_inquiries_events_and_invitations(
    client, staff_user, django_assert_max_num_queries
):
    ArticleFactory(title="Entwurf zum Jahresbericht", status=Article.Status.DRAFT)
    ArticleFactory(
        title="Geplante Meldung", published_at=timezone.now() + datetime.timedelta(days=2)
    )
    ArticleFactory(title="Längst erschienen")
    EventFactory(title="Entwurf Fachtag", status=Event.Status.DRAFT)
    EventFactory(title="Webinar Nachtleben")
    inquiry = InquiryFactory(deadline=timezone.localdate() + datetime.timedelta(days=7))
    for _ in range(2):
        AnswerFactory(inquiry=inquiry, member=MemberFactory())
    UserFactory(email="neu@essen.example", last_login=None, password="!")
    UserFactory(email="hat-passwort@essen.example", last_login=None)
    client.force_login(staff_user)

    # The consistency guard reads each kind of content once (texts, pictures, the office);
    # one more query lists the pages with a draft.
    with django_assert_max_num_queries(27):  # with the content version
        text = client.get("/verwaltung/").text

    desk = text[text.index("Schreibtisch der Geschäftsstelle") : text.index("</section>")]
    assert "Entwurf zum Jahresbericht</a> – Entwurf" in desk
    assert "Geplante Meldung</a> – geplant für" in desk
    assert "Längst erschienen" not in desk
    assert "Entwurf Fachtag" in desk and "Webinar Nachtleben" in desk
    assert f"{inquiry.title}</a>: 2 Antworten" in desk
    assert "neu@essen.example" in desk and "hat-passwort@essen.example" not in desk
    assert "Einladung erneut senden" in desk
    assert "Unter dem Dach von DEFUS tauschen sich" in desk
    assert re.search(
        r"Benutzerkonten bei Mitgliedern: \d+ \(bei \d+ Mitglied(ern)?\) · "
        r"in den letzten 90 Tagen angemeldet: 0",
        desk,
    ), desk


@pytest.mark.parametrize("who", ["anonymous", "member", "staff_without_second_factor"])
def test_desk_is_for_the_office_only(client, member_user, who):
    if who == "member":
        client.force_login(member_user)
    if who == "staff_without_second_factor":
        staff = UserFactory(email="neu@defus.example", member=None, is_staff=True, totp=False)
        staff.groups.add(office_group_sync())
        client.force_login(staff)
    response = client.get("/verwaltung/")
    assert response.status_code == 302
    assert "Schreibtisch" not in response.text


def test_office_sends_an_invitation_again_from_the_desk(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="neu@essen.example", last_login=None, password="!")
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verwaltung/members/user/",
            {"action": "send_invitation", "_selected_action": [invitee.pk]},
        )
    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox] == [["neu@essen.example"]]


def test_desk_counts_accounts_per_member_and_recent_logins():
    from pages.desk import office_desk

    essen, bochum = MemberFactory(), MemberFactory()
    UserFactory(member=essen, last_login=timezone.now() - datetime.timedelta(days=3))
    UserFactory(member=essen, last_login=timezone.now() - datetime.timedelta(days=200))
    UserFactory(member=bochum, last_login=None)
    UserFactory(member=bochum, is_active=False)
    UserFactory(member=None, is_staff=True)

    assert office_desk()["accounts"] == {"total": 3, "members": 2, "recent": 1}


def test_consistency_guard_flags_likely_mistakes_with_a_link_to_fix_them():
    from pages.desk import consistency_warnings

    today = datetime.date(2026, 12, 1)
    christmas = EventFactory(title="Webinar Prävention", starts_on=datetime.date(2026, 12, 25))
    sunday = EventFactory(title="Netzwerktreffen", starts_on=datetime.date(2026, 12, 6))
    EventFactory(title="Pufii Training", starts_on=datetime.date(2026, 12, 2))
    second = EventFactory(title="Pufii Training", starts_on=datetime.date(2026, 12, 16))
    wrong_year = EventFactory(title="DEFUS auf dem DPT 2017", starts_on=datetime.date(2026, 12, 8))
    EventFactory(title="Fachtag 2026", starts_on=datetime.date(2026, 12, 9))

    warnings = {
        (w["message"], w["url"]) for w in consistency_warnings(today) if "/event/" in w["url"]
    }

    def url(event):
        return f"/verwaltung/events/event/{event.pk}/change/"

    assert warnings == {
        ("Termin an einem Feiertag (1. Weihnachtsfeiertag)", url(christmas)),
        ("Termin an einem Sonntag", url(sunday)),
        ("Gleicher Titel wie ein Termin wenige Wochen vorher", url(second)),
        ("Jahreszahl im Titel passt nicht zum Datum", url(wrong_year)),
    }
