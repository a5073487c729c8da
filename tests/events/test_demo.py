import datetime

import pytest
from django.utils import timezone

from defus.demo import load_demo
from events import demo as events_demo
from events.models import Event
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def demo(db):
    MemberFactory(name="Gelsenkirchen", slug="gelsenkirchen")
    events_demo.load()


def test_demo_can_be_loaded_twice_without_duplicates(db):
    load_demo()
    count = Event.objects.count()
    load_demo()
    assert Event.objects.count() == count > 60


def test_demo_has_the_general_assemblies_of_the_seeds(demo):
    assemblies = {
        e.assembly_number: e for e in Event.objects.general_assemblies().select_related("host")
    }
    assert {26, 27, 28, 29} <= set(assemblies)
    assert (assemblies[26].starts_on, assemblies[26].online) == (D(2024, 5, 16), True)
    assert (assemblies[27].starts_on, assemblies[27].ends_on) == (D(2024, 9, 19), D(2024, 9, 20))
    assert assemblies[27].host.slug == "gelsenkirchen"
    assert assemblies[28].starts_on == D(2025, 5, 8)
    assert (assemblies[29].starts_on, assemblies[29].city) == (D(2025, 9, 16), "Stuttgart")


def test_demo_keeps_the_better_attested_siba_workshop_2025(demo):
    workshop = Event.objects.get(slug="siba-workshop-2025")
    assert (workshop.starts_on, workshop.ends_on) == (D(2025, 3, 13), D(2025, 3, 14))
    assert workshop.city == "Frankfurt am Main"
    assert "ausgebucht" in workshop.registration_closed_note
    assert not Event.objects.filter(starts_on=D(2026, 6, 15)).exists()


def test_demo_has_the_participant_counts_of_the_annual_report(demo):
    counts = set(
        Event.objects.exclude(participant_count=None).values_list("participant_count", flat=True)
    )
    assert {54, 30, 52, 25, 80, 65, 20, 35, 72, 57, 22} <= counts


def test_demo_dates_of_the_seed_home_pages_count_down_as_in_the_seeds(demo):
    seen = D(2025, 4, 6)
    countdowns = {
        e.title: e.countdown(seen)
        for e in Event.objects.filter(starts_on__in=[D(2025, 4, 9), D(2025, 9, 16)])
    }
    assert (
        countdowns["Kommunale Prävention in den DEFUS-Städten: Vernetzungstreffen und Austausch"]
        == "in 3 Tagen"
    )
    assert countdowns["DEFUS-Mitgliederversammlung"] == "in 163 Tagen"
    training = Event.objects.get(starts_on=D(2026, 1, 15))
    assert training.countdown(D(2025, 12, 17)) == "in 29 Tagen"


def test_demo_has_upcoming_dates_of_every_audience(demo):
    upcoming = Event.objects.upcoming(timezone.localdate())
    assert {e.audience for e in upcoming} == set(Event.Audience)
    assert upcoming.filter(kind=Event.Kind.GENERAL_ASSEMBLY).exists()
    assert upcoming.filter(series__slug="siba").exists()
    assert upcoming.filter(title__contains="Deutschen Präventionstag").exists()
