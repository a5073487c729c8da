"""DEFUS's projects, from the 2024 annual report (seed 004) and the home page of December 2025
(seed 001). Where the report gives only years, the first or last day of that year stands in."""

import datetime

from projects.models import Project
from themes.models import Theme

D = datetime.date
PROJECTS = [
    {
        "slug": "cosecur",
        "acronym": "COSECUR",
        "title": "Soziale Innovationen in der städtischen Sicherheit",
        "subtitle": "Co-creating urban security solutions",
        "funder": "Europäische Union",
        "funding_line": "Horizon Europe",
        "starts_on": D(2023, 1, 1),
        "ends_on": D(2026, 12, 31),
        "consortium_lead": "Kveloce (Spanien)",
        "partner_count": 10,
        "defus_role": "Partner, seit Januar 2024",
        "website": "https://www.cosecur.eu",
        "lead": "CO-SECUR will das Sicherheitsempfinden und das Sicherheitshandeln auf öffentlichen Plätzen und bei Großveranstaltungen verbessern – mit Maßnahmen, die von und mit betroffenen Menschen entwickelt werden.",
        "description": "<p>Im von Kveloce (Spanien) angeführten Konsortium sind zehn Partner aus neun EU-Ländern vertreten. Das internationale Team erstellt ein Portfolio internationaler Sicherheitslösungen, die soziale Veränderungen bewirken können, und präsentiert evidenzbasierte Maßnahmen, um ihre Reichweite und Übertragbarkeit zu verbessern.</p><p>Sicherheit wird als Gemeinschaftsprojekt betrachtet, das das Zusammenspiel von Politik, Wissenschaft, Industrie, Medien und Zivilgesellschaft erfordert. Die leitende Frage: Welche Rahmenbedingungen braucht es, um soziale Innovationen in der städtischen Sicherheit zu fördern, zu planen und umzusetzen?</p>",
        "themes": ["oeffentlicher-raum"],
    },
    {
        "slug": "panreflex",
        "acronym": "PanReflex",
        "title": "Stärkung städtischer Resilienz am Beispiel von Pandemien: Reflexionsräume für kommunales Krisenmanagement",
        "funder": "Bundesministerium für Bildung und Forschung (BMBF)",
        "funding_line": "Forschung für die zivile Sicherheit",
        "starts_on": D(2022, 3, 1),
        "ends_on": D(2025, 2, 28),
        "extended_until": D(2025, 5, 31),
        "consortium_lead": "",
        "partner_count": 5,
        "defus_role": "Konsortialpartner gemeinsam mit dem Deutschen Institut für Urbanistik (Difu)",
        "website": "https://www.kommunaleskrisenmanagement.de",
        "lead": "PanReflex reflektiert das kommunale Krisenhandeln in der Pandemie in fünf Partnerstädten in Nordrhein-Westfalen und macht die Erkenntnisse für die Praxis nutzbar.",
        "description": "<p>Zentrales Produkt ist die Wissensplattform Kommunales Krisenmanagement, die Forschungsergebnisse, Literatur und Praxisbeispiele zum kommunalen Krisenmanagement und zur urbanen Resilienz bündelt.</p><p>Für die Partnerkommunen hat das Projektteam ein Fortbildungskonzept mit zwei Modulen erarbeitet: ein Modul für Führungskräfte zu den acht Resilienzfaktoren und eine halbtägige Inhouse-Fortbildung. Dazu kommen das Seminar „Verwaltung kann Krise!“ und die Webinarreihe „Lernen aus der Pandemie für eine resiliente Kommune“. Das Projekt wurde um drei Monate bis Ende Mai 2025 verlängert.</p>",
        "themes": ["urbane-resilienz"],
    },
    {
        "slug": "leginot",
        "acronym": "LegiNot",
        "title": "Legitimation des Notfalls – Legitimationswandel im Notfall",
        "subtitle": "Aus Krisen lernen",
        "funder": "Bundesministerium für Bildung und Forschung (BMBF)",
        "funding_line": "Forschung für die zivile Sicherheit",
        "starts_on": D(2022, 1, 1),
        "ends_on": D(2025, 3, 31),
        "defus_role": "Forschungspartner",
        "website": "https://www.leginot.de",
        "lead": "LegiNot untersucht, wie sich die Legitimation staatlichen Handelns im Notfall wandelt. DEFUS organisierte als Forschungspartner die Fachtagung „Doing Crisis“.",
        "description": "<p>Die Fachtagung „Doing Crisis: Politik, Praxis und Wissenschaft im Dialog“ fand am 21. November 2024 in Hannover statt. Im Vordergrund stand der Austausch zwischen Politik, Wissenschaft und kommunaler Praxis und die gemeinsame Suche nach Antworten auf aktuelle Herausforderungen des Krisenmanagements.</p>",
        "themes": ["urbane-resilienz"],
    },
    {
        "slug": "pufii",
        "acronym": "Pufii",
        "title": "Prävention von Diskriminierung und Demokratiefeindlichkeit",
        "funder": "Deutscher Präventionstag, DEFUS und zahlende Partner",
        "starts_on": D(2015, 1, 1),
        "ends_on": None,
        "consortium_lead": "Deutscher Präventionstag",
        "defus_role": "Mitträger",
        "website": "https://www.pufii.de",
        "lead": "Die Informationsplattform Pufii macht die Schnittstellen zwischen Prävention und Integration sichtbar und richtet sich seit dem Rebranding im Oktober 2024 auf die Prävention von Diskriminierung, Extremismus und Demokratiefeindlichkeit aus.",
        "description": "<p>Pufii wurde 2015 gegründet, um die Arbeit der Aktiven der Flüchtlingshilfe zu stärken. Mit 50.000 Visits pro Monat und 570 Abonnent*innen des Newsletters ist die Reichweite hoch. Um die Finanzierung auf sicherere Beine zu stellen, gewinnt das Projekt zahlende Partner.</p>",
        "themes": ["friedliches-zusammenleben"],
    },
    {
        "slug": "siba",
        "acronym": "SiBa",
        "title": "Sicherheit im Bahnhofsviertel",
        "subtitle": "und die Community of Practice",
        "funder": "Bundesministerium für Bildung und Forschung (BMBF)",
        "funding_line": "Forschung für die zivile Sicherheit",
        "starts_on": D(2017, 1, 1),
        "ends_on": D(2020, 12, 31),
        "defus_role": "Forschungspartner; seit 2021 Mitorganisator der Community of Practice",
        "lead": "Aus dem 2020 beendeten Forschungsprojekt ist eine große und lebendige Community of Practice entstanden, für die DEFUS mit Prof. Dr. Rita Haverkamp und Dr. Tim Lukas Webinare und Workshops organisiert.",
        "description": "<p>Gemeinsam mit Prof. Dr. Rita Haverkamp (Universität Tübingen) und Dr. Tim Lukas (Universität Wuppertal) organisiert DEFUS die SiBa-Webinare und -Workshops, etwa „Sichere Bahnhöfe für Alle“, „Toleranz und Sicherheit“ in Bremen oder den SiBa-Workshop 2025 zum Frankfurter Bahnhofsviertel.</p>",
        "themes": ["oeffentlicher-raum"],
    },
    {
        "slug": "so-par",
        "acronym": "so-par",
        "title": "Risiko- und Krisenmanagement mit der niedrigschwelligen Suchthilfe",
        "starts_on": D(2025, 1, 1),
        "ends_on": None,
        "defus_role": "Begleitung der Pilotstädte",
        "lead": "In so-par arbeiten Vertreter:innen der Kommunalverwaltung und der niedrigschwelligen Suchthilfe aus Pilotstädten gemeinsam am Risiko- und Krisenmanagement.",
        "description": "<p>Mit dem ersten städteübergreifenden Treffen am 19.11.2025 in Hannover startete die aktive Arbeitsphase von so-par für die Vertreter:innen der Pilotstädte.</p>",
        "themes": ["oeffentlicher-raum", "urbane-resilienz"],
    },
    {
        "slug": "equal",
        "acronym": "EQUAL",
        "title": "Beziehungen zwischen Ordnungskräften und Zivilbevölkerung verbessern",
        "starts_on": D(2023, 1, 1),
        "ends_on": D(2024, 12, 31),
        "defus_role": "Fachbeirat",
        "lead": "Ein quartiersbezogenes Austausch- und Lernprogramm, das das wechselseitige Verständnis von Polizei, Ordnungsdienst und Stadtgesellschaft in der DEFUS-Mitgliedsstadt Düsseldorf fördert.",
        "description": "<p>Das Projekt endete nach zweijähriger Laufzeit. Die Ergebnisse wurden den DEFUS-Mitgliedern exklusiv am 12. Februar 2025 online vorgestellt.</p>",
        "themes": ["sicherheitsverwaltung"],
    },
]


def load() -> None:
    for data in PROJECTS:
        values = {key: value for key, value in data.items() if key not in {"slug", "themes"}}
        project, _ = Project.objects.update_or_create(slug=data["slug"], defaults=values)
        project.themes.set(Theme.objects.filter(slug__in=data["themes"]))
