"""The reminder job counts days in Berlin, not in UTC: around midnight the two differ by a
date, in winter (UTC+1) and in summer (UTC+2)."""

import datetime

import pytest
import time_machine

from inquiries.jobs import inquiry_reminders_send
from tests.factories import ContactPersonFactory, InquiryFactory, MemberFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture
def asked_member():
    koeln = MemberFactory(name="Köln", designation="Stadt Köln", slug="koeln")
    ContactPersonFactory(member=koeln, email="praevention@koeln.example")
    return koeln


def inquiry(deadline, created_at):
    essen = MemberFactory(name="Essen", designation="Stadt Essen", slug="essen")
    return InquiryFactory(
        title="Bodycams im Ordnungsdienst",
        asked_by_member=essen,
        created_at=created_at,
        deadline=deadline,
    )


@pytest.mark.parametrize(
    ("deadline", "half_past_midnight_in_berlin"),
    [
        (datetime.date(2027, 3, 10), datetime.datetime(2027, 3, 6, 23, 30, tzinfo=UTC)),
        (datetime.date(2027, 7, 10), datetime.datetime(2027, 7, 6, 22, 30, tzinfo=UTC)),
    ],
    ids=["winter", "summer"],
)
def test_reminder_leaves_just_after_midnight_in_berlin_three_days_before(
    asked_member, deadline, half_past_midnight_in_berlin
):
    inquiry(deadline, created_at=datetime.datetime(deadline.year, deadline.month, 1, tzinfo=UTC))
    # Half an hour earlier it is still four days before the deadline in Berlin.
    with time_machine.travel(
        half_past_midnight_in_berlin - datetime.timedelta(hours=1), tick=False
    ):
        assert inquiry_reminders_send() == 0
    # In UTC it is still the evening before; in Berlin it is the third day before the deadline.
    with time_machine.travel(half_past_midnight_in_berlin, tick=False):
        assert inquiry_reminders_send() > 0


def test_no_reminder_on_the_berlin_day_the_question_was_asked(asked_member):
    # Asked at 00:10 on 7 March in Berlin (23:10 UTC on the 6th), due on the 10th.
    inquiry(
        datetime.date(2027, 3, 10),
        created_at=datetime.datetime(2027, 3, 6, 23, 10, tzinfo=UTC),
    )
    # 23:30 on 7 March in Berlin: the day of the question, so no reminder yet (in UTC the
    # question would already look a day old).
    with time_machine.travel(datetime.datetime(2027, 3, 7, 22, 30, tzinfo=UTC), tick=False):
        assert inquiry_reminders_send() == 0
    with time_machine.travel(datetime.datetime(2027, 3, 7, 23, 30, tzinfo=UTC), tick=False):
        assert inquiry_reminders_send() > 0
