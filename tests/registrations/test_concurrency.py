import threading

import pytest
from django.db import connection

from events.models import Event
from registrations.models import Registration
from registrations.services import registration_create
from tests.factories import EventFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_registrations_for_five_seats():
    event = EventFactory(registration_mode=Event.RegistrationMode.PORTAL, capacity=5)
    users = UserFactory.create_batch(20)
    start = threading.Barrier(len(users))
    errors = []

    def register(user):
        try:
            start.wait()  # all threads hit the lock together
            registration_create(event=event, user=user, name=user.get_full_name(), email=user.email)
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    in_line = list(Registration.objects.filter(event=event).order_by("queued_at", "pk"))
    assert len(in_line) == 20
    assert [r.status for r in in_line] == ["angemeldet"] * 5 + ["warteliste"] * 15
    assert [r.waiting_position() for r in in_line[5:]] == list(range(1, 16))
    assert len({r.queued_at for r in in_line}) == 20  # a strict order, no ties
    assert Event.objects.with_seats().get(pk=event.pk).seats_taken == 5
