import datetime

import factory
from django.contrib.auth.hashers import make_password

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


# knowledge: collections and documents -----------------------------------------------------


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Theme"
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Collection"
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Sammlung {n}")
    slug = factory.Sequence(lambda n: f"sammlung-{n}")
    theme = factory.SubFactory(ThemeFactory)
    description = "Studien, Konzepte und Praxisbeispiele aus den Mitgliedsstädten."


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Entry"

    collection = factory.SubFactory(CollectionFactory)
    kind = "link"
    title = factory.Sequence(lambda n: f"Praxisbeispiel {n}")
    url = factory.Sequence(lambda n: f"https://www.pufii.de/beispiel-{n}")
    source = "Pufii"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "knowledge.Document"

    title = factory.Sequence(lambda n: f"Protokoll {n}")
    file = factory.django.FileField(filename="protokoll.pdf", data=b"%PDF-1.4\n%EOF\n")
    date = datetime.date(2024, 9, 20)
    visibility = "mitglieder"
