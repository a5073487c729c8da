"""Demo members, people and logins, from the DEFUS pages and the 2024 annual report.

The seeds name these seventeen cities and districts and three organisations as members
(seed 003 says "17 Städte und 3 Organisationen"; the others say 20, 21 or 22 and are
not backed by names). Where a seed gives no join date, the founding day of DEFUS,
10 May 2010, stands in.
"""

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from members.models import ContactPerson, FederalState, Member, Person, User
from members.services import office_group_sync

FOUNDED = datetime.date(2010, 5, 10)
SUMMER_2017 = datetime.date(2017, 7, 1)
JANUARY_2025 = datetime.date(2025, 1, 1)
DEMO_PASSWORD = "DEFUS-demo-2026"
# The demo office login's authenticator app, so that the admin can be tried without scanning
# a QR code: `oathtool --totp -b <secret>` or any authenticator app with this key.
DEMO_TOTP_SECRET = "DEFUSGESCHAEFTSSTELLEHANNOVERXYZ"

K = Member.Kind
S = FederalState
MEMBERS = [
    # slug, kind, short name, designation, state, joined, website
    ("augsburg", K.CITY, "Augsburg", "Stadt Augsburg", S.BY, FOUNDED, "https://www.augsburg.de"),
    ("berlin", K.CAPITAL, "Berlin", "Hauptstadt Berlin", S.BE, FOUNDED, "https://www.berlin.de"),
    ("duesseldorf", K.STATE_CAPITAL, "Düsseldorf", "Landeshauptstadt Düsseldorf", S.NW, FOUNDED, "https://www.duesseldorf.de"),
    ("essen", K.CITY, "Essen", "Stadt Essen", S.NW, FOUNDED, "https://www.essen.de"),
    ("freiburg", K.CITY, "Freiburg", "Stadt Freiburg im Breisgau", S.BW, FOUNDED, "https://www.freiburg.de"),
    ("gelsenkirchen", K.CITY, "Gelsenkirchen", "Stadt Gelsenkirchen", S.NW, SUMMER_2017, "https://www.gelsenkirchen.de"),
    ("gladbeck", K.CITY, "Gladbeck", "Stadt Gladbeck", S.NW, FOUNDED, "https://www.gladbeck.de"),
    ("goettingen", K.CITY, "Göttingen", "Stadt Göttingen", S.NI, FOUNDED, "https://www.goettingen.de"),
    ("hannover", K.STATE_CAPITAL, "Hannover", "Landeshauptstadt Hannover", S.NI, FOUNDED, "https://www.hannover.de"),
    ("heidelberg", K.CITY, "Heidelberg", "Stadt Heidelberg", S.BW, FOUNDED, "https://www.heidelberg.de"),
    ("kaiserslautern", K.CITY, "Kaiserslautern", "Stadt Kaiserslautern", S.RP, JANUARY_2025, "https://www.kaiserslautern.de"),
    ("karlsruhe", K.CITY, "Karlsruhe", "Stadt Karlsruhe", S.BW, FOUNDED, "https://www.karlsruhe.de"),
    ("koeln", K.CITY, "Köln", "Stadt Köln", S.NW, FOUNDED, "https://www.stadt-koeln.de"),
    ("lippe", K.DISTRICT, "Lippe", "Kreis Lippe", S.NW, SUMMER_2017, "https://www.kreis-lippe.de"),
    ("mannheim", K.CITY, "Mannheim", "Stadt Mannheim", S.BW, FOUNDED, "https://www.mannheim.de"),
    ("nuernberg", K.CITY, "Nürnberg", "Stadt Nürnberg", S.BY, FOUNDED, "https://www.nuernberg.de"),
    ("stuttgart", K.STATE_CAPITAL, "Stuttgart", "Landeshauptstadt Stuttgart", S.BW, FOUNDED, "https://www.stuttgart.de"),
    ("deutscher-praeventionstag", K.ORGANISATION, "Deutscher Präventionstag", "Deutscher Präventionstag", S.NI, FOUNDED, "https://www.praeventionstag.de"),
    ("lpr-niedersachsen", K.ORGANISATION, "LPR Niedersachsen", "Landespräventionsrat Niedersachsen", S.NI, FOUNDED, "https://www.lpr.niedersachsen.de"),
    ("lpr-nrw", K.ORGANISATION, "LPR Nordrhein-Westfalen", "Landespräventionsrat Nordrhein-Westfalen", S.NW, JANUARY_2025, "https://www.lpr.nrw.de"),
]  # fmt: skip

DESCRIPTIONS = {
    "gelsenkirchen": "Gastgeberin der 27. Mitgliederversammlung im September 2024 mit dem "
    "Projekt „Wahrung des sozialen Friedens“ und „KI meets Ordnung“.",
    "lippe": "Mit dem Kreis Lippe ist 2017 erstmals eine Kreisverwaltung Teil des europäischen "
    "und deutschen Netzwerkes geworden.",
    "lpr-nrw": "Das unabhängige Gremium berät die Landesregierung in übergreifenden Fragen der "
    "Kriminalprävention und bringt die Perspektive vieler Kommunen in NRW ein.",
    "deutscher-praeventionstag": "Der Deutsche Präventionstag ist der größte europäische "
    "Jahreskongress zur Kriminalprävention; mit DEFUS bildet er das „Präventionszentrum im "
    "Torhaus“ in Hannover.",
    "hannover": "Sitz der DEFUS-Geschäftsstelle. Der Kommunale Präventionsrat Hannover feierte "
    "2025 sein 30-jähriges Bestehen.",
}

CONTACTS = {
    "essen": [
        ("Christian Kromberg", "Beigeordneter für Allgemeine Verwaltung, Recht, öffentliche "
         "Sicherheit und Ordnung", "praevention@essen.example", "0201 88-00000"),
        ("Team Kommunale Prävention", "Ordnungsamt", "ordnungsamt@essen.example", ""),
    ],
    "duesseldorf": [("Christian Zaum", "Beigeordneter für Recht und Ordnung",
                     "ordnung@duesseldorf.example", "")],
    "mannheim": [("Dr. Volker Proffen", "Bürgermeister, Dezernat für Sicherheit und Ordnung",
                  "sicherheit@mannheim.example", "")],
    "hannover": [("Kommunaler Präventionsrat", "Geschäftsstelle",
                  "kpr@hannover.example", "0511 168-00000")],
    "augsburg": [("Büro für Kommunale Prävention", "Geschäftsstelle",
                  "praevention@augsburg.example", "")],
}  # fmt: skip

PEOPLE = [
    (Person.Group.BOARD, "Christian Kromberg", "Vorsitzender", "Beigeordneter der Stadt Essen"),
    (Person.Group.BOARD, "Dr. Volker Proffen", "Stellvertretender Vorsitzender",
     "Bürgermeister der Stadt Mannheim"),
    (Person.Group.TEAM, "Anna Rau", "Geschäftsführerin", ""),
    (Person.Group.TEAM, "Dr. Meike Hecker", "Wissenschaftliche Projektmitarbeiterin", ""),
    (Person.Group.TEAM, "Margo Molkenbur", "Wissenschaftliche Projektmitarbeiterin (in Elternzeit)", ""),
    (Person.Group.TEAM, "Kristina Kutz", "Buchhaltung", ""),
    (Person.Group.TEAM, "Rolf Grimmer", "IT und Internetseite", ""),
    (Person.Group.TEAM, "Hane Barrazinji", "Wissenschaftliche Hilfskraft", ""),
]  # fmt: skip


def load() -> None:
    for slug, kind, name, designation, state, joined, website in MEMBERS:
        member, _ = Member.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name": name,
                "designation": designation,
                "state": state,
                "joined_on": joined,
                "website": website,
                "efus_member": kind != K.ORGANISATION,
                "description": DESCRIPTIONS.get(slug, ""),
            },
        )
        for position, (person, role, email, phone) in enumerate(CONTACTS.get(slug, [])):
            ContactPerson.objects.update_or_create(
                member=member,
                name=person,
                defaults={"role": role, "email": email, "phone": phone, "position": position},
            )
    for position, (group, name, role, organisation) in enumerate(PEOPLE):
        Person.objects.update_or_create(
            name=name,
            defaults={
                "group": group,
                "role": role,
                "organisation": organisation,
                "position": position,
            },
        )
    office = office_group_sync()
    member_user = _demo_user(
        "mitglied@defus.example", "Mira", "Mitglied", member=Member.objects.get(slug="essen")
    )
    office_user = _demo_user("buero@defus.example", "Bernd", "Büro", is_staff=True)
    office_user.groups.add(office)
    if not Authenticator.objects.filter(user=office_user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(office_user, DEMO_TOTP_SECRET)
    return member_user, office_user


def _demo_user(email, first_name, last_name, **fields) -> User:
    user, created = User.objects.update_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **fields}
    )
    if created or not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
