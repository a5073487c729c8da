"""Demo Abfragen: the seven e-mail Abfragen of 2024 listed in the annual report (seed 004),
with answers from other members and a short summary of the office, and one open Abfrage
whose deadline is two weeks after the day the demo is loaded. Idempotent."""

import datetime

from django.utils import timezone

from inquiries.models import Answer, Inquiry
from members.models import Member


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


D = datetime.date
INQUIRIES = [
    {
        "title": "Erfahrungen mit der Nutzung von Apps zur Meldung von Ordnungswidrigkeiten",
        "asked_by": "gelsenkirchen",
        "asked_on": D(2024, 1, 16),
        "deadline": D(2024, 2, 2),
        "context": (
            "Wir überlegen, ob wir für Meldungen zu wildem Müll, Falschparkern und Lärm eine App "
            "einführen oder unseren Mängelmelder im Internet ausbauen.\n\n"
            "Nutzen Sie eine App zur Meldung von Ordnungswidrigkeiten? Wenn ja: Eigenentwicklung "
            "oder Produkt eines Anbieters, wie viele Meldungen gehen ein, und wie haben Sie die "
            "Bearbeitung im Ordnungsdienst organisiert? Gab es datenschutzrechtliche Hürden?"
        ),
        "answers": [
            (
                "koeln",
                "Wir nutzen seit mehreren Jahren eine Meldeplattform mit App, über die "
                "Bürgerinnen und Bürger Anliegen zu Sauberkeit und Ordnung melden. Die Meldungen "
                "laufen automatisch an die zuständige Dienststelle; der Ordnungsdienst bekommt nur "
                "die Fälle, die ein Einschreiten vor Ort erfordern.\n\nWichtig war für uns eine "
                "Rückmeldung an die Meldenden, wenn ein Fall erledigt ist. Ohne sie sinkt die "
                "Akzeptanz schnell.",
            ),
            (
                "mannheim",
                "Mannheim arbeitet mit einem Mängelmelder eines kommerziellen Anbieters. "
                "Meldungen zu Falschparkern nehmen wir darüber bewusst nicht an, um keine "
                "„Anzeigenportale“ zu schaffen; dafür verweisen wir auf die Polizei und den "
                "Gemeindevollzugsdienst. Der Datenschutz hat vor allem Fotos mit erkennbaren Personen "
                "und Kennzeichen geprüft: Diese werden vor der Veröffentlichung verpixelt.",
            ),
            (
                "karlsruhe",
                "Unsere Erfahrung: Eine App allein bringt wenig, wenn die Bearbeitung "
                "dahinter nicht mitwächst. Wir haben ein kleines Team im Ordnungsamt, das die "
                "Meldungen sichtet und verteilt. Rund ein Drittel betrifft Müll, ein weiteres "
                "Drittel Straßenschäden und Beleuchtung. Gern schicken wir unser Konzept.",
            ),
            (
                "nuernberg",
                "Wir haben 2023 eine Ausschreibung gemacht und uns für eine Lösung "
                "entschieden, die an unser Fachverfahren angebunden ist. Die Schnittstelle war der "
                "aufwendigste Teil. Rechnen Sie mit etwa einem Jahr von der Entscheidung bis zum "
                "Start.",
            ),
        ],
        "summary": (
            "<p>Vier Mitglieder haben geantwortet. Alle nutzen Meldeplattformen, meist Produkte "
            "von Anbietern, die an die Fachverfahren angebunden sind.</p><ul><li>Entscheidend ist "
            "die Organisation der Bearbeitung, nicht die App.</li><li>Rückmeldungen an die "
            "Meldenden erhöhen die Akzeptanz.</li><li>Meldungen zu Falschparkern werden teils "
            "bewusst ausgeschlossen.</li></ul>"
        ),
    },
    {
        "title": "Provisorische und schnell umsetzbare Maßnahmen für mehr Sicherheit und "
        "Sauberkeit am Bahnhof",
        "asked_by": "gladbeck",
        "asked_on": D(2024, 2, 12),
        "deadline": D(2024, 2, 29),
        "context": (
            "Unser Bahnhofsumfeld wird seit Monaten als Angstraum wahrgenommen. Ein Umbau ist "
            "geplant, aber erst in einigen Jahren.\n\nWelche provisorischen, schnell umsetzbaren "
            "Maßnahmen haben Sie an Bahnhöfen ergriffen (Beleuchtung, Rückschnitt, mobile "
            "Toiletten, Präsenz, Kooperation mit der Deutschen Bahn und der Bundespolizei)? "
            "Was hat gewirkt, was nicht?"
        ),
        "answers": [
            (
                "duesseldorf",
                "Kurzfristig haben bei uns drei Dinge gewirkt: hellere Beleuchtung "
                "der Zuwegungen, der Rückschnitt von Hecken, die Sichtachsen verdeckten, und eine "
                "gemeinsame Doppelstreife von Ordnungs- und Servicedienst mit der Bundespolizei zu "
                "festen Zeiten. Eine Ordnungspartnerschaft mit der DB hilft, Zuständigkeiten an der "
                "Grundstücksgrenze zu klären.",
            ),
            (
                "essen",
                "Wir haben eine mobile Toilettenanlage und zusätzliche Papierkörbe mit "
                "häufigerer Leerung aufgestellt. Die Verschmutzung ging deutlich zurück. Zusätzlich "
                "ist die aufsuchende Sozialarbeit zweimal pro Woche vor Ort – ohne sie verdrängen "
                "reine Ordnungsmaßnahmen die Probleme nur um eine Straßenecke.",
            ),
            (
                "freiburg",
                "Gute Erfahrungen haben wir mit einer temporären Platzgestaltung "
                "gemacht: Pflanzkübel, Sitzgelegenheiten und ein Kiosk mit verlängerten "
                "Öffnungszeiten. Belebung schafft soziale Kontrolle. Videoüberwachung haben wir "
                "geprüft, aber wegen der rechtlichen Hürden zurückgestellt.",
            ),
        ],
        "summary": (
            "<p>Drei Städte haben geantwortet. Schnell wirksam waren Beleuchtung, Rückschnitt, "
            "Sanitäranlagen, häufigere Reinigung und gemeinsame Präsenz mit Bundespolizei und DB. "
            "Alle betonen, Ordnungsmaßnahmen mit aufsuchender Sozialarbeit zu verbinden.</p>"
        ),
    },
    {
        "title": "Maßnahmen gegen K.O. Tropfen",
        "asked_by": "freiburg",
        "asked_on": D(2024, 3, 5),
        "deadline": D(2024, 3, 22),
        "context": (
            "Im Nachtleben unserer Stadt häufen sich Berichte über K.O.-Tropfen. Wir planen eine "
            "Kampagne mit Clubs, Bars und Beratungsstellen.\n\nWelche Maßnahmen haben Sie "
            "ergriffen (Aufklärung, Schulung von Personal, Testmöglichkeiten, Abdeckungen für "
            "Gläser, Rettungskette)? Gibt es Materialien, die Sie teilen können?"
        ),
        "answers": [
            (
                "heidelberg",
                "Heidelberg hat zusammen mit der Nachtbürgermeisterei und dem "
                "Frauennotruf Schulungen für Tür- und Thekenpersonal angeboten. Zentral ist eine "
                "klare Rettungskette: Wer bemerkt etwas, wer ruft wen, wohin wird die betroffene "
                "Person gebracht. Unsere Handreichung hängen wir gern an.",
            ),
            (
                "stuttgart",
                "Wir verteilen Glasabdeckungen und Teststreifen über teilnehmende "
                "Bars. Die Teststreifen erkennen nicht alle Substanzen; darauf weisen wir deutlich "
                "hin, damit keine falsche Sicherheit entsteht. Die Kampagne läuft unter dem Dach "
                "unseres Sicherheitspartnerschaftsprojekts für das Nachtleben.",
            ),
            (
                "koeln",
                "Die Erfahrung aus dem Karneval: Aufklärung wirkt, wenn sie dort "
                "stattfindet, wo gefeiert wird. Wir arbeiten mit Awareness-Teams, die an "
                "erkennbaren Ständen ansprechbar sind. Wichtig ist auch, Krankenhäuser und "
                "Rettungsdienst für schnelle Urinproben zu sensibilisieren – die Substanzen sind "
                "nur wenige Stunden nachweisbar.",
            ),
            (
                "goettingen",
                "Als Universitätsstadt setzen wir auf die Zusammenarbeit mit dem "
                "Studierendenwerk und den Fachschaften. Plakate und Social-Media-Beiträge zu "
                "Semesterbeginn erreichen die Zielgruppe am besten.",
            ),
            (
                "mannheim",
                "In Mannheim gibt es seit einigen Jahren das Siegel für sichere "
                "Clubs: Betriebe verpflichten sich zu Schulungen und einem Notfallplan. Die "
                "Teilnahme ist freiwillig, wird aber von den Betreiberinnen und Betreibern gut "
                "angenommen.",
            ),
        ],
        "summary": (
            "<p>Fünf Mitglieder haben geantwortet. Bewährt haben sich Schulungen des Personals, "
            "eine verabredete Rettungskette, Awareness-Teams und freiwillige Siegel für Clubs. "
            "Teststreifen sind umstritten, weil sie nicht alle Substanzen erkennen.</p>"
        ),
    },
    {
        "title": "Präventive und intervenierende Maßnahmen sowie Projekte gegen das Mitführen "
        "von Messern bei Kindern und Jugendlichen",
        "asked_by": "stuttgart",
        "asked_on": D(2024, 4, 9),
        "deadline": D(2024, 4, 26),
        "context": (
            "Die Zahl der Fälle, in denen Kinder und Jugendliche Messer mit sich führen, ist "
            "gestiegen. Wir suchen Ansätze für Schulen, Jugendhilfe und den öffentlichen Raum.\n\n"
            "Welche präventiven Projekte oder intervenierenden Maßnahmen (Waffenverbotszonen, "
            "Gefährderansprachen, Schulprojekte) nutzen Sie, und wie bewerten Sie sie?"
        ),
        "answers": [
            (
                "essen",
                "Wir kombinieren eine Waffenverbotszone in der Innenstadt mit einem "
                "Schulprojekt, in dem Polizei und Jugendhilfe gemeinsam über Folgen von "
                "Messerangriffen sprechen. Die Verbotszone allein halten wir für wenig wirksam; sie "
                "schafft aber einen Anlass für Kontrollen und Gespräche.",
            ),
            (
                "koeln",
                "In Köln arbeitet ein Projekt der Jugendhilfe mit jungen Menschen, die "
                "bereits mit einem Messer aufgefallen sind. Im Mittelpunkt stehen Gründe wie Angst "
                "und das Gefühl, sich schützen zu müssen. Eine Evaluation läuft.",
            ),
            (
                "lpr-niedersachsen",
                "Der Landespräventionsrat verweist auf die Beccaria-Standards "
                "und die Grüne Liste Prävention: Dort sind evaluierte Programme zur Gewaltprävention "
                "für Schulen gelistet, die sich auch für das Thema Messer anpassen lassen.",
            ),
            (
                "berlin",
                "Berlin hat in einigen Bezirken Messerverbotsbereiche im öffentlichen "
                "Nahverkehr eingeführt. Parallel bieten wir Fortbildungen für Lehrkräfte an, damit "
                "Warnsignale früh erkannt werden.",
            ),
        ],
        "summary": (
            "<p>Vier Antworten zeigen: Verbotszonen wirken vor allem als Anlass für Kontrollen "
            "und Gespräche. Nachhaltiger sind Projekte, die nach den Gründen für das Mitführen "
            "fragen, und evaluierte Programme der Gewaltprävention an Schulen.</p>"
        ),
    },
    {
        "title": "Konflikt- und Gewaltprävention in Freibädern",
        "asked_by": "berlin",
        "asked_on": D(2024, 5, 14),
        "deadline": D(2024, 5, 31),
        "context": (
            "Vor der Badesaison bereiten wir uns auf Konflikte in Freibädern vor. Welche "
            "Maßnahmen setzen Sie ein (Sicherheitsdienst, Ausweiskontrolle, Konfliktlotsinnen "
            "und -lotsen, Videoüberwachung, Zusammenarbeit mit der Polizei)? Wie hoch sind die "
            "Kosten, und wer trägt sie?"
        ),
        "answers": [
            (
                "duesseldorf",
                "Unsere Bäder setzen an heißen Tagen einen Sicherheitsdienst am "
                "Eingang ein und begrenzen die Zahl der Gäste. Online-Tickets mit Namen haben die "
                "Lage am Eingang deutlich entspannt. Die Kosten trägt die Bädergesellschaft.",
            ),
            (
                "essen",
                "Gute Erfahrungen haben wir mit jungen Konfliktlotsinnen und -lotsen aus "
                "der Jugendarbeit gemacht, die im Bad unterwegs sind und früh deeskalieren. Sie "
                "sprechen die Sprachen der Besucherinnen und Besucher und werden ernst genommen.",
            ),
            (
                "mannheim",
                "Wir haben mit der Polizei feste Ansprechpersonen für die Bäder "
                "vereinbart und eine Hausordnung in mehreren Sprachen und in Leichter Sprache "
                "ausgehängt. Hausverbote werden zwischen den Bädern abgestimmt.",
            ),
            (
                "gelsenkirchen",
                "Bei uns war die Präsenz des Kommunalen Ordnungsdienstes vor den "
                "Bädern entscheidend, weil viele Konflikte bereits in der Warteschlange entstehen. "
                "Zusätzlich verteilen wir an heißen Tagen Wasser in der Schlange.",
            ),
        ],
        "summary": (
            "<p>Vier Städte haben geantwortet. Empfohlen werden Online-Tickets und "
            "Besucherobergrenzen, Präsenz schon vor dem Eingang, Konfliktlotsinnen und -lotsen "
            "aus der Jugendarbeit, mehrsprachige Hausordnungen und abgestimmte Hausverbote.</p>"
        ),
    },
    {
        "title": "Konzepte Radikalisierungsprävention",
        "asked_by": "lippe",
        "asked_on": D(2024, 12, 3),
        "deadline": D(2024, 12, 20),
        "context": (
            "Der Kreis Lippe erarbeitet ein kommunales Konzept zur Prävention von "
            "Radikalisierung und Extremismus. Haben Sie ein solches Konzept, einen "
            "Aktionsplan oder eine Strategie? Wie ist die Arbeit organisiert (Koordinierungsstelle, "
            "Netzwerk, Beratungsangebote), und wie binden Sie die kreisangehörigen Kommunen "
            "oder Stadtbezirke ein?"
        ),
        "answers": [
            (
                "augsburg",
                "Augsburg hat eine Fachstelle für Demokratieförderung und "
                "Extremismusprävention, die ein Netzwerk aus Schulen, Jugendhilfe, Polizei und "
                "Religionsgemeinschaften koordiniert. Unser Handlungskonzept schicken wir gern.",
            ),
            (
                "nuernberg",
                "Wir arbeiten mit einem Aktionsplan, der alle zwei Jahre fortgeschrieben "
                "wird. Wichtig war die Trennung von Prävention und Sicherheitsbehörden in der "
                "Außendarstellung, damit Beratungsangebote Vertrauen genießen.",
            ),
            (
                "hannover",
                "Der Kommunale Präventionsrat Hannover hat das Thema in einer "
                "Arbeitsgruppe bearbeitet. Empfehlenswert ist eine Bestandsaufnahme der "
                "vorhandenen Angebote vor dem Konzept – oft gibt es mehr, als man denkt.",
            ),
            (
                "lpr-niedersachsen",
                "Für die Einbindung kleinerer Kommunen hat sich eine "
                "Koordinierungsstelle auf Kreisebene bewährt, die Angebote bündelt und "
                "Fortbildungen organisiert. Wir verweisen auch auf das DEFUS-Projekt Pufii.",
            ),
        ],
        "summary": (
            "<p>Vier Antworten. Bewährt haben sich eine zentrale Fach- oder "
            "Koordinierungsstelle, eine Bestandsaufnahme vor dem Konzept und ein regelmäßig "
            "fortgeschriebener Aktionsplan. Beratungsangebote brauchen Abstand zu den "
            "Sicherheitsbehörden, um Vertrauen zu gewinnen.</p>"
        ),
    },
    {
        "title": "Regelungen zum Grillen im öffentlichen Raum",
        "asked_by": "nuernberg",
        "asked_on": D(2024, 12, 10),
        "deadline": D(2025, 1, 10),
        "context": (
            "Für die kommende Saison überarbeiten wir unsere Regeln für das Grillen in Parks und "
            "an Flussufern. Wo ist Grillen bei Ihnen erlaubt, gibt es ausgewiesene Grillflächen, "
            "Einweggrill-Verbote oder Aschebehälter? Wie kontrollieren Sie, und wie hoch sind "
            "die Bußgelder?"
        ),
        "answers": [
            (
                "stuttgart",
                "Grillen ist bei uns nur auf ausgewiesenen Flächen erlaubt, die mit "
                "Schildern und in einer Online-Karte gekennzeichnet sind. Aschebehälter an jeder "
                "Fläche haben die Schäden an Rasen und Papierkörben deutlich verringert.",
            ),
            (
                "heidelberg",
                "Auf der Neckarwiese gilt eine eigene Grillordnung mit festen Zeiten. "
                "Einweggrills sind verboten, weil sie oft auf dem Rasen abgestellt werden. Der "
                "Kommunale Ordnungsdienst kontrolliert an Wochenenden abends.",
            ),
            (
                "goettingen",
                "Wir haben gute Erfahrungen mit einer Kampagne gemacht, die auf "
                "Rücksicht und Müllvermeidung setzt, statt nur Verbote aufzuzählen. Bußgelder "
                "verhängen wir vor allem bei Feuer auf dem Rasen.",
            ),
        ],
        "summary": (
            "<p>Drei Städte haben geantwortet. Üblich sind ausgewiesene Grillflächen mit "
            "Aschebehältern, teils feste Zeiten und Verbote von Einweggrills. Kampagnen zu "
            "Rücksicht und Müll ergänzen die Kontrollen.</p>"
        ),
    },
]

OPEN_INQUIRY = {
    "title": "Bodycams für den Kommunalen Ordnungsdienst",
    "asked_by": "mannheim",
    "context": (
        "Wir prüfen, unseren Kommunalen Ordnungsdienst mit Bodycams auszustatten.\n\n"
        "Setzen Sie Bodycams ein oder haben Sie den Einsatz geprüft? Auf welcher Rechtsgrundlage, "
        "mit welcher Dienstanweisung, und wie sind Ihre Erfahrungen mit Deeskalation und "
        "Akzeptanz bei den Mitarbeitenden?"
    ),
    "answers": [
        (
            "duesseldorf",
            "Unser Ordnungs- und Servicedienst trägt seit einem Pilotprojekt "
            "Bodycams. Die Aufnahme wird nur in konkreten Konfliktlagen gestartet und vorher "
            "angekündigt. Die Mitarbeitenden berichten, dass allein die Ankündigung oft "
            "deeskaliert. Unsere Dienstanweisung schicken wir gern.",
        ),
        (
            "koeln",
            "Wir haben den Einsatz geprüft und mit dem Datenschutz abgestimmt; die "
            "Entscheidung im Rat steht noch aus. Die Personalvertretung war früh beteiligt, das "
            "hat die Akzeptanz deutlich erhöht.",
        ),
    ],
}


def load() -> None:
    members = Member.objects.in_bulk(field_name="slug")
    for data in INQUIRIES:
        asked_at = _at(data["asked_on"])
        inquiry, _ = Inquiry.objects.update_or_create(
            title=data["title"],
            defaults={
                "asked_by_member": members[data["asked_by"]],
                "context": data["context"],
                "deadline": data["deadline"],
                "created_at": asked_at,
                "summary": data["summary"],
                "summary_published_at": _at(data["deadline"] + datetime.timedelta(days=10)),
            },
        )
        _answers(inquiry, data["answers"], members, first_day=data["asked_on"])
    today = timezone.localdate()
    inquiry, _ = Inquiry.objects.update_or_create(
        title=OPEN_INQUIRY["title"],
        defaults={
            "asked_by_member": members[OPEN_INQUIRY["asked_by"]],
            "context": OPEN_INQUIRY["context"],
            "deadline": today + datetime.timedelta(days=14),
            "created_at": _at(today - datetime.timedelta(days=3)),
            "summary": "",
            "summary_published_at": None,
        },
    )
    _answers(
        inquiry, OPEN_INQUIRY["answers"], members, first_day=today - datetime.timedelta(days=3)
    )


def _answers(inquiry, answers, members, *, first_day: datetime.date) -> None:
    for position, (slug, text) in enumerate(answers):
        answered_at = _at(first_day + datetime.timedelta(days=1 + position), hour=9 + position)
        Answer.objects.update_or_create(
            inquiry=inquiry,
            member=members[slug],
            defaults={"text": text, "created_at": answered_at, "updated_at": answered_at},
        )
