import datetime

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from events.models import Event, Series
from members.models import ContactPerson, Member, User

PASSWORD = "Sicheres-Testpasswort-2026"
# Hashing is the slowest part of creating users; hash the test password once.
PASSWORD_HASH = make_password(PASSWORD)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ["slug"]

    kind = Member.Kind.CITY
    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    designation = factory.LazyAttribute(lambda o: f"Stadt {o.name}")
    slug = factory.Sequence(lambda n: f"musterstadt-{n}")
    state = "NI"
    joined_on = datetime.date(2015, 1, 1)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Erika Beispiel {n}")
    role = "Kommunale Prävention"
    email = factory.Sequence(lambda n: f"kontakt{n}@stadt.example")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@stadt.example")
    first_name = "Erika"
    last_name = "Beispiel"
    password = PASSWORD_HASH
    member = factory.SubFactory(MemberFactory)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Webinarreihe {n}")
    slug = factory.Sequence(lambda n: f"webinarreihe-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Austausch zur kommunalen Prävention {n}")
    slug = factory.Sequence(lambda n: f"austausch-{n}")
    kind = Event.Kind.EXCHANGE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    online = True
