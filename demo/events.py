"""Demo Termine: every dated event and meeting in the seeds, plus a few upcoming ones.

Sources: the home page seen on 06.04.2025 (seed 000), the home page seen on 17.12.2025
(seed 001) and the 2024 annual report with its outlook on 2025 (seed 004).

- Where the annual report gives only a month ("Februar, online"), the day here is a plausible
  weekday in that month, chosen for the demo; the month, the place and the participant count
  are the report's. Those entries are marked ``# day chosen``.
- The seeds do not number the 2025 general assemblies; 28 (08.05.2025) and 29
  (16.–17.09.2025, Stuttgart) follow the 26th and 27th of 2024.
- Contradiction: seed 001 lists a "SiBa-Workshop 2025" for 15.06.2026 with only "Weitere
  Informationen folgen". Seed 004 gives the SiBa Workshop 2025 with dates (13.–14.03.2025),
  place (Frankfurt am Main), programme and a booked-out note. The report is better attested,
  so only its version is kept; the 2026 listing is taken for a placeholder.
- Seed 004 dates the Pufii training 03.–04.04.2025 in Hannover; seed 000, seen on 06.04.2025,
  lists the same training for 08.05.2025. A page seen after the first date only shows what is
  still to come, so both dates are kept, as two runs of the training.
- Seed 001 dates "DEFUS auf dem Deutschen Präventionstag" 13.04.2026; the place, Hannover
  Congress Centrum, is from the DPT's own news in seed 000.
- Not here: member cities' own events from their news (Essen, Hannover), and the e-mail
  Abfragen of 004, which are not meetings.

Projects are linked only when the project exists (its loader may run later or not at all).
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from events.models import Event, Series
from members.models import Member
from projects.models import Project

K = Event.Kind
A = Event.Audience
R = Event.OrganiserRole
D = datetime.date
T = datetime.time

SERIES = [
    (
        "siba",
        "SiBa",
        "Aus dem 2020 beendeten Projekt Sicherheit im Bahnhofsviertel ist eine große Community "
        "of Practice entstanden: Webinare und Workshops mit Prof. Dr. Rita Haverkamp "
        "(Universität Tübingen) und Dr. Tim Lukas (Universität Wuppertal).",
    ),
    (
        "panreflex-webinarreihe",
        "PanReflex Webinarreihe",
        "„Lernen aus der Pandemie für eine resiliente Kommune“: Webinare des Forschungsprojekts "
        "PanReflex.",
    ),
    (
        "difu-defus-seminar",
        "Difu & DEFUS Seminar",
        "Das gemeinsame Seminar mit dem Deutschen Institut für Urbanistik, jedes Jahr in Berlin.",
    ),
]

AGENDA_26 = (
    "<ol><li>Bericht der Kassenprüfer</li><li>Entlastung des Vorstands</li>"
    "<li>Demokratische Resilienz: die Rolle der Kommunen in Zeiten steigender "
    "Demokratiefeindlichkeit (Kurt Faller)</li></ol>"
)
AGENDA_27 = (
    "<h3>19. September</h3><ol><li>Das Projekt „Wahrung des sozialen Friedens“: Fachbereiche "
    "der Stadtverwaltung Gelsenkirchen berichten</li><li>Stadtrundfahrt und Besichtigung von "
    "Maßnahmen vor Ort</li></ol>"
    "<h3>20. September</h3><ol><li>Wahl des Vorstands</li>"
    "<li>Aktivitätenbericht der Geschäftsstelle</li>"
    "<li>Verabschiedung der Leitgedanken zu marginalisierten Gruppen im öffentlichen Raum</li>"
    "<li>Jugendkriminalität (Prof. Dr. Susann Prätor)</li>"
    "<li>„KI meets Ordnung“ – ein Projekt der Stadt Gelsenkirchen</li>"
    "<li>ELSA, ein evidenzbasiertes Frühwarnsystem zur Risikobewertung von Stadtquartieren</li>"
    "</ol>"
)
SIBA_2025_CLOSED = (
    "Anmeldungen sind nicht mehr möglich, da der Workshop ausgebucht ist. Sehr gerne können "
    "Sie Ihr Teilnahmeinteresse per Mail an team@defus.de bekunden, und wir setzen Sie auf "
    "die Warteliste."
)


def _seed_events() -> list[dict]:
    """The events of seeds 000, 001 and 004, oldest first."""
    return [
        # --- 2024, from the annual report (004) ---
        dict(title="CO-SECUR Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 1, 23), city="Valencia", organiser_role=R.PARTICIPANT, project="cosecur"),  # day chosen
        dict(title="Ausschuss Sicherheit und Ordnung Kaiserslautern: DEFUS stellt sich vor", kind=K.EXCHANGE, starts_on=D(2024, 1, 25), city="Kaiserslautern", host="kaiserslautern", audience=A.INTERNAL),  # day chosen
        dict(title="PanReflex Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 2, 8), city="Hannover", project="panreflex"),  # day chosen
        dict(title="Austausch mit der Stadt Düsseldorf", kind=K.EXCHANGE, starts_on=D(2024, 2, 14), online=True, host="duesseldorf", audience=A.INTERNAL),  # day chosen
        dict(title="DEFUS-Workshop: Strategische Weiterentwicklung der kommunalen Prävention", kind=K.WORKSHOP, starts_on=D(2024, 2, 15), city="Mannheim", host="mannheim", audience=A.MEMBERS,
             description="<p>Vertreter*innen aus acht DEFUS-Mitgliedsstädten und Wissenschaftler*innen diskutierten, wie die Kommunale Prävention sich strategisch weiterentwickeln muss, um den zahlreichen Herausforderungen gerecht zu werden.</p>"),
        dict(title="SiBa-Webinar: Sichere Bahnhöfe für Alle", kind=K.WEBINAR, series="siba", starts_on=D(2024, 2, 21), online=True, participant_count=54, partners="Universität Tübingen, Universität Wuppertal", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="DEFUS-Austausch: Umsetzung der Istanbul Konvention", kind=K.EXCHANGE, starts_on=D(2024, 2, 27), online=True, audience=A.MEMBERS),  # day chosen
        dict(title="LegiNot Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 3, 12), online=True, organiser_role=R.PARTICIPANT, project="leginot"),  # day chosen
        dict(title="Sitzung des ICPC-Vorstands", starts_on=D(2024, 3, 14), online=True, organiser_role=R.PARTICIPANT, partners="International Centre for the Prevention of Crime (ICPC)", audience=A.INTERNAL),  # day chosen
        dict(title="Fachbeirat des EQAL-Projekts", starts_on=D(2024, 3, 19), online=True, organiser_role=R.PARTICIPANT, audience=A.INTERNAL, project="equal"),  # day chosen
        dict(title="Efus-Konferenz: Security, Democracy and Cities", kind=K.CONFERENCE, starts_on=D(2024, 3, 20), ends_on=D(2024, 3, 22), city="Brüssel", organiser_role=R.PARTICIPANT, partners="Efus", participant_count=700,
             description="<p>Alle drei Jahre organisiert Efus die größte europäische Konferenz zum Thema Urbane Sicherheit. Rund 700 Teilnehmende aus Europa und der Welt tauschten sich drei Tage zu Herausforderungen des friedlichen Zusammenlebens in Städten, der urbanen Sicherheit und der Prävention aus. Die DEFUS-Mitglieder Augsburg, Berlin, Essen, Freiburg, Mannheim und Stuttgart sowie der LPR Niedersachsen und der Deutsche Präventionstag waren vertreten.</p>"),
        dict(title="Board Meeting Community Safety Monitoring", starts_on=D(2024, 3, 26), online=True, organiser_role=R.PARTICIPANT, partners="Canadian Centre for Safer Communities", audience=A.INTERNAL),  # day chosen
        dict(title="AK Öffentliche Sicherheit Hannover", starts_on=D(2024, 4, 10), city="Hannover", organiser_role=R.PARTICIPANT),  # day chosen
        dict(title="Fachbeirat „Kommunale Fachberatung: Prävention und gesellschaftlicher Zusammenhalt“", starts_on=D(2024, 4, 16), online=True, organiser_role=R.PARTICIPANT, audience=A.INTERNAL),  # day chosen
        dict(title="SiBa-Workshop: Toleranz und Sicherheit", kind=K.WORKSHOP, series="siba", starts_on=D(2024, 4, 18), city="Bremen", participant_count=30, partners="Universität Tübingen, Universität Wuppertal", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="PanReflex Innovationsworkshop", kind=K.WORKSHOP, starts_on=D(2024, 4, 24), city="Arnshausen", project="panreflex"),  # day chosen
        dict(title="DEFUS-Mitgliederversammlung", kind=K.GENERAL_ASSEMBLY, assembly_number=26, starts_on=D(2024, 5, 16), online=True, audience=A.MEMBERS, agenda=AGENDA_26,
             description="<p>Neben dem Bericht der Kassenprüfer und der Entlastung des Vorstands stand das Thema der demokratischen Resilienz im Vordergrund. Kurt Faller gab einen Einblick in das Konzept und die damit verbundene Rolle von Kommunen in der Stärkung der demokratischen Resilienz in Zeiten steigender Demokratiefeindlichkeit.</p>"),
        dict(title="DEFUS-Austausch: Aktuelle Informationen und Projekte zu Hass und Hetze gegen Amtsträger*innen und Mitarbeitende in der Kommune", kind=K.EXCHANGE, starts_on=D(2024, 6, 4), online=True, audience=A.MEMBERS),  # day chosen
        dict(title="DEFUS und Efus auf dem Deutschen Präventionstag in Cottbus", kind=K.CONFERENCE, starts_on=D(2024, 6, 10), ends_on=D(2024, 6, 11), city="Cottbus", organiser_role=R.PARTICIPANT, host="deutscher-praeventionstag",
             description="<p>DEFUS und Efus waren wie jedes Jahr auf dem Deutschen Präventionstag mit einem Stand und diversen Vorträgen vertreten.</p>"),
        dict(title="Runde der Landesgeschäftsführer der Präventionsräte, ProPK und DFK", starts_on=D(2024, 6, 10), city="Cottbus", organiser_role=R.PARTICIPANT, audience=A.INTERNAL),
        dict(title="Workshop: Weiterentwicklung der Kommunalen Prävention auf dem DPT in Cottbus", kind=K.WORKSHOP, starts_on=D(2024, 6, 11), city="Cottbus", organiser_role=R.CO_ORGANISER, partners="Stadt Augsburg", participant_count=25,
             description="<p>Gemeinsam mit der Stadt Augsburg bot DEFUS auf dem Deutschen Präventionstag einen Workshop zur Weiterentwicklung der kommunalen Prävention an.</p>"),  # day chosen within the DPT
        dict(title="CO-SECUR Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 6, 13), city="Helsinki", organiser_role=R.PARTICIPANT, project="cosecur"),  # day chosen
        dict(title="Sitzung des ICPC-Vorstands", starts_on=D(2024, 6, 14), online=True, organiser_role=R.PARTICIPANT, partners="International Centre for the Prevention of Crime (ICPC)", audience=A.INTERNAL),  # day chosen
        dict(title="DEFUS-Austausch: Mit Trick 17 gegen Polarisierung und Extremismus – Aufsuchende Präventionsarbeit im öffentlichen Raum", kind=K.EXCHANGE, starts_on=D(2024, 6, 18), online=True, audience=A.MEMBERS),  # day chosen
        dict(title="Board Meeting Community Safety Monitoring", starts_on=D(2024, 6, 19), online=True, organiser_role=R.PARTICIPANT, partners="Canadian Centre for Safer Communities", audience=A.INTERNAL),  # day chosen
        dict(title="PanReflex Webinar: Soziale Kohäsion und Resilienz", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2024, 6, 20), online=True, participant_count=35, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="Efus-Generalversammlung", kind=K.EVENT, starts_on=D(2024, 6, 25), city="Liège", organiser_role=R.PARTICIPANT, partners="Efus",
             description="<p>Vertreter*innen der Städte Berlin, Köln, Mannheim und Stuttgart gewannen Einblicke in die Arbeit der nationalen Foren und die Forschungsprojekte unter Efus-Federführung.</p>"),
        dict(title="IcARUS-Abschlusskonferenz", kind=K.CONFERENCE, starts_on=D(2024, 6, 26), city="Liège", organiser_role=R.PARTICIPANT, partners="Efus"),
        dict(title="DEFUS-Studienreise nach Zürich", kind=K.STUDY_TRIP, starts_on=D(2024, 7, 4), ends_on=D(2024, 7, 5), city="Zürich", audience=A.MEMBERS, participant_count=22,
             description="<p>22 Teilnehmende aus 13 deutschen Städten lernten in Zürich Ansätze zum pragmatischen und akzeptierenden Umgang mit Sucht und Drogen, zum Kampf gegen Diskriminierung im öffentlichen Raum und zu Sicherheitsberichten als strategischem Steuerungsinstrument kennen.</p>"),
        dict(title="Austausch mit der Stadt Augsburg", kind=K.EXCHANGE, starts_on=D(2024, 8, 14), online=True, host="augsburg", audience=A.INTERNAL),  # day chosen
        dict(title="Austausch mit dem LPR Nordrhein-Westfalen", kind=K.EXCHANGE, starts_on=D(2024, 8, 21), online=True, host="lpr-nrw", audience=A.INTERNAL),  # day chosen
        dict(title="PanReflex Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 8, 28), city="Köln", project="panreflex"),  # day chosen
        dict(title="DEFUS-Difu Seminar: Verwaltung kann Krise!", kind=K.SEMINAR, series="difu-defus-seminar", starts_on=D(2024, 9, 5), city="Berlin", participant_count=20, organiser_role=R.CO_ORGANISER, partners="Deutsches Institut für Urbanistik (Difu)", project="panreflex"),  # day chosen
        dict(title="Fachtagung Digitalisierung der Sexarbeit", kind=K.SYMPOSIUM, starts_on=D(2024, 9, 10), city="Essen", host="essen", participant_count=80,
             description="<p>Kommunen brauchen pragmatische Lösungen, um mit Menschen in der Sexarbeit in Kontakt zu kommen. Finanziert von der Stadt Essen richtete DEFUS eine Fachtagung zum Austausch über mögliche Lösungen aus.</p>"),  # day chosen
        dict(title="Austausch mit der Stadt Gladbeck", kind=K.EXCHANGE, starts_on=D(2024, 9, 17), city="Gladbeck", host="gladbeck", audience=A.INTERNAL),  # day chosen
        dict(title="Sitzung des ICPC-Vorstands", starts_on=D(2024, 9, 18), online=True, organiser_role=R.PARTICIPANT, partners="International Centre for the Prevention of Crime (ICPC)", audience=A.INTERNAL),  # day chosen
        dict(title="DEFUS-Mitgliederversammlung", kind=K.GENERAL_ASSEMBLY, assembly_number=27, starts_on=D(2024, 9, 19), ends_on=D(2024, 9, 20), city="Gelsenkirchen", host="gelsenkirchen", audience=A.MEMBERS, agenda=AGENDA_27,
             description="<p>Das persönliche Treffen begann mit dem Projekt „Wahrung des sozialen Friedens“, einer Stadtrundfahrt und Besichtigungen von Maßnahmen vor Ort. Am zweiten Tag wählten die Mitglieder Christian Kromberg zum Vorsitzenden und Dr. Volker Proffen zum stellvertretenden Vorsitzenden und verabschiedeten die Leitgedanken zu marginalisierten Gruppen im öffentlichen Raum.</p>"),
        dict(title="Innenstadtforum zu sicheren Innenstädten des Stadtmarketings Köln", starts_on=D(2024, 9, 24), city="Köln", organiser_role=R.PARTICIPANT),  # day chosen
        dict(title="LegiNot Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 10, 8), city="Freiburg", organiser_role=R.PARTICIPANT, project="leginot"),  # day chosen
        dict(title="CO-SECUR Projekttreffen", kind=K.PROJECT_MEETING, starts_on=D(2024, 10, 16), city="Porto", organiser_role=R.PARTICIPANT, project="cosecur"),  # day chosen
        dict(title="PanReflex Webinar: Lernen aus der Pandemie – After Action Review und Pandemieplanung", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2024, 10, 17), online=True, participant_count=72, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="Abschlussveranstaltung des Kompetenznetzwerks Islamistischer Extremismus (KN:IX)", starts_on=D(2024, 10, 29), online=True, organiser_role=R.PARTICIPANT),  # day chosen
        dict(title="SiBa-Webinar: Dortmunder Sonderstab Ordnung und Stadtleben", kind=K.WEBINAR, series="siba", starts_on=D(2024, 11, 6), online=True, participant_count=52, partners="Universität Tübingen, Universität Wuppertal", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="AK Sicherheit und Sauberkeit Nürnberg", kind=K.EXCHANGE, starts_on=D(2024, 11, 12), online=True, host="nuernberg", audience=A.INTERNAL),  # day chosen
        dict(title="Board Meeting Community Safety Monitoring", starts_on=D(2024, 11, 13), online=True, organiser_role=R.PARTICIPANT, partners="Canadian Centre for Safer Communities", audience=A.INTERNAL),  # day chosen
        dict(title="LegiNot-Webinar: Kommunen in der Polykrise", kind=K.WEBINAR, starts_on=D(2024, 11, 14), online=True, organiser_role=R.PARTICIPANT, project="leginot",
             description="<p>Mit einem Input beteiligte sich Anna Rau an dem Webinar des Forschungsprojekts LegiNot.</p>"),
        dict(title="Austausch mit der Stadt Göttingen", kind=K.EXCHANGE, starts_on=D(2024, 11, 19), city="Göttingen", host="goettingen", audience=A.INTERNAL),  # day chosen
        dict(title="Fachtagung „Doing Crisis: Politik, Praxis und Wissenschaft im Dialog“", kind=K.SYMPOSIUM, starts_on=D(2024, 11, 21), city="Hannover", participant_count=65, project="leginot",
             description="<p>Die Fachtagung des Forschungsprojekts LegiNot stellte den Austausch zwischen Politik, Wissenschaft und kommunaler Praxis und die gemeinsame Suche nach Antworten auf aktuelle Herausforderungen des Krisenmanagements in den Vordergrund.</p>"),
        dict(title="Fachbeirat des EQAL-Projekts", starts_on=D(2024, 11, 26), city="Düsseldorf", organiser_role=R.PARTICIPANT, audience=A.INTERNAL, project="equal"),  # day chosen
        dict(title="KOMPASS-Tagung Hessen", starts_on=D(2024, 11, 27), organiser_role=R.PARTICIPANT),  # day chosen
        dict(title="Runde der Landesgeschäftsführer der Präventionsräte, ProPK und DFK", starts_on=D(2024, 12, 3), online=True, organiser_role=R.PARTICIPANT, audience=A.INTERNAL),  # day chosen
        dict(title="Efus-Exekutivkomitee in Köln", starts_on=D(2024, 12, 5), city="Köln", host="koeln", organiser_role=R.PARTICIPANT, partners="Efus", participant_count=40,
             description="<p>Oberbürgermeisterin Henriette Reker begrüßte rund 40 Vertreter*innen aus zehn Ländern. Die Teilnehmenden verabschiedeten eine Resolution zur Drogenkrise und das Manifest „Sicherheit, Demokratie und Städte“.</p>"),
        dict(title="Austausch mit dem LPR Nordrhein-Westfalen", kind=K.EXCHANGE, starts_on=D(2024, 12, 10), online=True, host="lpr-nrw", audience=A.INTERNAL),  # day chosen
        dict(title="Fachbeirat „Kommunale Fachberatung: Prävention und gesellschaftlicher Zusammenhalt“", starts_on=D(2024, 12, 11), online=True, organiser_role=R.PARTICIPANT, audience=A.INTERNAL),  # day chosen
        dict(title="PanReflex Webinar: Inklusiver Katastrophenschutz", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2024, 12, 12), online=True, participant_count=57, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER),  # day chosen
        dict(title="Sitzung des ICPC-Vorstands", starts_on=D(2024, 12, 17), online=True, organiser_role=R.PARTICIPANT, partners="International Centre for the Prevention of Crime (ICPC)", audience=A.INTERNAL),  # day chosen
        # --- 2025, from the report's outlook (004) and the home page of April 2025 (000) ---
        dict(title="PanReflex Webinarreihe: Auf dem Weg zur resilienten Kommune – gute Beispiele und neue Ideen: Psychosoziales Lagebild", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2025, 1, 22), starts_at_time=T(14), ends_at_time=T(15), online=True, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER),
        dict(title="DEFUS-Webaustausch: Vorstellung EQUAL-Projekt – Beziehungen zwischen Ordnungskräften und Zivilbevölkerung verbessern", kind=K.EXCHANGE, starts_on=D(2025, 2, 12), starts_at_time=T(14), ends_at_time=T(15), online=True, audience=A.MEMBERS, project="equal",
             description="<p>Das Projekt entwickelt für die Mitgliedsstadt Düsseldorf ein quartiersbezogenes Austausch- und Lernprogramm für das wechselseitige Verständnis von Polizei, Ordnungsdienst und Stadtgesellschaft. Die Ergebnisse werden exklusiv den DEFUS-Mitgliedern vorgestellt.</p>"),
        dict(title="PanReflex Webinarreihe: Aus der Coronapandemie lernen: Konzepte des flexiblen Personaleinsatzes", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2025, 3, 6), starts_at_time=T(14), ends_at_time=T(15), online=True, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER),
        dict(slug="siba-workshop-2025", title="SiBa Workshop 2025: Das Frankfurter Bahnhofsviertel – Gemeinsam Lösungsideen für verzwickte Probleme finden", kind=K.WORKSHOP, series="siba", starts_on=D(2025, 3, 13), ends_on=D(2025, 3, 14), city="Frankfurt am Main", partners="Universität Tübingen, Universität Wuppertal", organiser_role=R.CO_ORGANISER, registration_closed_note=SIBA_2025_CLOSED),
        dict(title="PanReflex Webinarreihe: Auf dem Weg zur resilienten Kommune – gute Beispiele und neue Ideen: Schließen der Risk Perception Action Gap", kind=K.WEBINAR, series="panreflex-webinarreihe", starts_on=D(2025, 4, 3), starts_at_time=T(14), ends_at_time=T(15), online=True, project="panreflex", partners="Difu", organiser_role=R.CO_ORGANISER,
             description="<p>Dr. Maike Vollmer (Fraunhofer-Institut für Trendanalysen INT) und Andrea Caspar-Thron (Bevölkerungsschutz, Stadt Heidelberg) zum Projekt RiskPACC und der Erhöhung der gesamtgesellschaftlichen Resilienz durch das Schließen der Risk Perception Action Gap.</p>"),
        dict(title="Pufii Training: Demokratische Resilienz – Professionelles Verhalten in emotionalisierten Debatten", kind=K.TRAINING, starts_on=D(2025, 4, 3), ends_on=D(2025, 4, 4), city="Hannover", project="pufii", partners="CommunAid gGmbH", organiser_role=R.CO_ORGANISER,
             description="<p>Ein sachliches Gespräch ist nur dann zu führen, wenn gleichzeitig klug auf die begleitenden Emotionen eingegangen wird. Dazu bieten Dorothea Faller, Kurt Faller und Winfried Kneip (CommunAid) ein Kommunikationstraining an.</p>"),
        dict(title="Kommunale Prävention in den DEFUS-Städten: Vernetzungstreffen und Austausch", kind=K.EXCHANGE, starts_on=D(2025, 4, 9), audience=A.MEMBERS),
        dict(slug="pufii-training-2025-05-08", title="Pufii Training: Demokratische Resilienz – Professionelles Verhalten in emotionalisierten Debatten", kind=K.TRAINING, starts_on=D(2025, 5, 8), project="pufii", partners="CommunAid gGmbH", organiser_role=R.CO_ORGANISER),
        dict(title="DEFUS-Mitgliederversammlung", kind=K.GENERAL_ASSEMBLY, assembly_number=28, starts_on=D(2025, 5, 8), audience=A.MEMBERS),
        dict(title="Difu & DEFUS Seminar: Sichere Städte – marginalisierte Gruppen im öffentlichen Raum", kind=K.SEMINAR, series="difu-defus-seminar", starts_on=D(2025, 5, 15), ends_on=D(2025, 5, 16), city="Berlin", organiser_role=R.CO_ORGANISER, partners="Deutsches Institut für Urbanistik (Difu)",
             description="<p>Die Bedürfnisse und Verhaltensweisen marginalisierter Gruppen im öffentlichen Raum beschäftigen Kommunalverwaltungen in zunehmendem Maße. Das Seminar greift planerische sowie sozial- und ordnungspolitische Lösungsansätze auf, mit denen sich „Sicherheit für Alle!“ im öffentlichen Raum verwirklichen lassen soll.</p>"),
        dict(title="DEFUS-Mitgliederversammlung", kind=K.GENERAL_ASSEMBLY, assembly_number=29, starts_on=D(2025, 9, 16), ends_on=D(2025, 9, 17), city="Stuttgart", host="stuttgart", audience=A.MEMBERS),
        # --- late 2025 and 2026, from the home page of December 2025 (001) ---
        dict(title="so-par Städtetreffen: gemeinsamer Einstieg in Risiko- und Krisenmanagement", kind=K.PROJECT_MEETING, starts_on=D(2025, 11, 19), city="Hannover", project="so-par",
             description="<p>Mit dem ersten städteübergreifenden Treffen startet die aktive Arbeitsphase von so-par für die Vertreter:innen der Pilotstädte aus Kommunalverwaltung und niedrigschwelliger Suchthilfe.</p>"),
        dict(title="Schulung: KI für die kommunale Präventions- und Sicherheitsarbeit nutzen", kind=K.TRAINING, starts_on=D(2026, 1, 15), organiser_role=R.CO_ORGANISER, partners="Efus"),
        dict(title="DEFUS auf dem Deutschen Präventionstag", kind=K.CONFERENCE, starts_on=D(2026, 4, 13), venue="Hannover Congress Centrum", city="Hannover", organiser_role=R.PARTICIPANT, host="deutscher-praeventionstag"),
    ]  # fmt: skip


def _upcoming_events(today: datetime.date) -> list[dict]:
    """A few plausible dates after ``today``, so /termine/ shows what a visitor would see."""

    def weekday(days: int) -> datetime.date:
        day = today + datetime.timedelta(days=days)
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        return day

    assembly_day = weekday(70)
    dpt_day = weekday(140)
    return [
        dict(slug="sitzung-des-defus-vorstands", title="Sitzung des DEFUS-Vorstands", starts_on=weekday(5), starts_at_time=T(10), ends_at_time=T(12), online=True, audience=A.INTERNAL,
             description="<p>Vorbereitung der nächsten Mitgliederversammlung und Planung der Angebote für die Mitglieder.</p>"),
        dict(slug="defus-austausch-messergewalt", title="DEFUS-Austausch: Prävention gegen das Mitführen von Messern bei Kindern und Jugendlichen", kind=K.EXCHANGE, starts_on=weekday(12), starts_at_time=T(14), ends_at_time=T(15, 30), online=True, audience=A.MEMBERS,
             description="<p>Die Mitgliedsstädte berichten aus ihren präventiven und intervenierenden Maßnahmen und Projekten; Anlass ist die Mailabfrage der Geschäftsstelle zu diesem Thema.</p>"),
        dict(slug="siba-webinar-naechstes", title="SiBa-Webinar: Sicherheit und Aufenthaltsqualität im Bahnhofsumfeld", kind=K.WEBINAR, series="siba", starts_on=weekday(25), starts_at_time=T(14), ends_at_time=T(15), online=True, partners="Universität Tübingen, Universität Wuppertal", organiser_role=R.CO_ORGANISER,
             description="<p>Ein weiteres Webinar der Community of Practice „Sicherheit im Bahnhofsviertel“: Praxisbeispiele aus den Städten und Ergebnisse aus der Forschung.</p>"),
        dict(slug="30-mitgliederversammlung", title="DEFUS-Mitgliederversammlung", kind=K.GENERAL_ASSEMBLY, assembly_number=30, starts_on=assembly_day, ends_on=assembly_day + datetime.timedelta(days=1), city="Hannover", host="hannover", audience=A.MEMBERS,
             agenda="<ol><li>Bericht des Vorstands und Aktivitätenbericht der Geschäftsstelle</li><li>Bericht der Kassenprüfer</li><li>Entlastung des Vorstands</li><li>Haushalt und Arbeitsplanung</li><li>Austausch zu aktuellen Themen der Mitglieder</li></ol>"),
        dict(slug="defus-auf-dem-naechsten-deutschen-praeventionstag", title="DEFUS-Stand auf dem Deutschen Präventionstag", kind=K.CONFERENCE, starts_on=dpt_day, ends_on=dpt_day + datetime.timedelta(days=1), venue="Hannover Congress Centrum", city="Hannover", organiser_role=R.PARTICIPANT, host="deutscher-praeventionstag",
             description="<p>DEFUS und Efus sind wie jedes Jahr mit einem Stand und Vorträgen auf dem Deutschen Präventionstag vertreten. Besuchen Sie uns!</p>"),
    ]  # fmt: skip


GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _slug(fields: dict) -> str:
    if "slug" in fields:
        return fields["slug"]
    if fields.get("assembly_number"):
        return f"{fields['assembly_number']}-mitgliederversammlung"
    title = fields["title"][:70].translate(GERMAN_LETTERS)
    return slugify(f"{title} {fields['starts_on']:%Y-%m-%d}")


def load(today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    series = {
        slug: Series.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )[0]
        for slug, name, description in SERIES
    }
    members = {member.slug: member for member in Member.objects.all()}
    projects = {project.slug: project for project in Project.objects.all()}
    for fields in _seed_events() + _upcoming_events(today):
        fields = dict(fields)
        slug = _slug(fields)
        fields.pop("slug", None)
        fields["series"] = series.get(fields.pop("series", None))
        fields["host"] = members.get(fields.pop("host", None))
        fields["project"] = projects.get(fields.pop("project", None))
        Event.objects.update_or_create(slug=slug, defaults=fields)
