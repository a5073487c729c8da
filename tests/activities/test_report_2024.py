"""The Jahresbericht 2024 generated from the demo against the annual report (seed 004), and
the PDF made from it."""

import datetime
import re
import subprocess
import time

import pytest

from activities.models import Guideline
from activities.report import annual_report
from demo.loader import load_demo
from members.models import Member, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    load_demo()
    return annual_report(2024)


def texts(report, key):
    return [line.text for line in report.section(key).lines]


def whens(report, key):
    return [line.when for line in report.section(key).lines]


def test_report_2024_tells_the_year_as_seed_004_does(report):
    # Netzwerk und Mitglieder: Kaiserslautern and the LPR NRW join in January 2025; the count is
    # the home page's. (Seed 004 says 19 cities and three organisations; the demo knows 17 of
    # the cities by name, so it counts 17 and 3.)
    assert texts(report, "netzwerk") == [
        "Stadt Kaiserslautern",
        "Landespräventionsrat Nordrhein-Westfalen",
    ]
    counts = Member.objects.active_on(datetime.date(2025, 1, 1)).counts()
    assert (
        f"{counts['cities']} Mitgliedsstädte und {counts['organisations']} Organisationen"
        in report.section("netzwerk").sentence
    )

    assemblies = [g.title for g in report.section("mitgliederversammlungen").groups]
    assert assemblies == [
        "26. Mitgliederversammlung: 16.05.2024, online",
        "27. Mitgliederversammlung: 19.09.2024 – 20.09.2024, Gelsenkirchen",
    ]
    assert "Leitgedanken" in report.section("mitgliederversammlungen").groups[1].text

    assert [g.title for g in report.section("themen").groups] == [
        "Strategische Ausrichtung der Kommunalen (Kriminal-)Prävention",
        "Leitgedanken marginalisierte Gruppen im öffentlichen Raum",
        "DEFUS-Studienreise nach Zürich",
        "Digitalisierung der Sexarbeit",
        "Kommunales Krisenmanagement und kommunale Resilienz",
    ]

    # E-Mail-Abfragen: the seven, with their months.
    assert whens(report, "abfragen") == [
        "Januar", "Februar", "März", "April", "Mai", "Dezember", "Dezember"
    ]  # fmt: skip
    for line, words in zip(
        texts(report, "abfragen"),
        ["Apps", "Bahnhof", "K.O. Tropfen", "Messern", "Freibädern", "Radikalisierungsprävention",
         "Grillen"],
        strict=True,
    ):  # fmt: skip
        assert words in line

    # Veranstaltungen für DEFUS-Mitglieder: the eight.
    assert whens(report, "mitgliederveranstaltungen") == [
        "Februar in Mannheim", "Februar, online", "Mai, online", "Juni, online",
        "Juni in Cottbus", "Juni, online", "Juli in Zürich", "September in Gelsenkirchen",
    ]  # fmt: skip

    # Austausch mit DEFUS-Mitgliedsstädten: the seven, the LPR NRW in August and December.
    exchanges = dict(zip(texts(report, "austausch"), whens(report, "austausch"), strict=True))
    assert exchanges == {
        "Ausschuss Sicherheit und Ordnung Kaiserslautern (vor Ort)": "Januar",
        "Austausch mit der Stadt Düsseldorf (online)": "Februar",
        "Austausch mit der Stadt Augsburg (online)": "August",
        "Austausch mit dem LPR Nordrhein-Westfalen (online)": "August & Dezember",
        "Austausch mit der Stadt Gladbeck (vor Ort)": "September",
        "AK Sicherheit und Sauberkeit Nürnberg (online)": "November",
        "Austausch mit der Stadt Göttingen (vor Ort)": "November",
    }

    # Informationssammlungen: five new beside fifteen older ones.
    assert (
        "bestehenden 15 Informationssammlungen sind 5 neue" in report.section("sammlungen").sentence
    )
    assert set(texts(report, "sammlungen")) == {
        "Sammlung Desinformation, Hass und Polarisierung",
        "Sammlung Marginalisierte Gruppen im öffentlichen Raum",
        "Strategische Weiterentwicklung der kommunalen Prävention",
        "Organisierte Kriminalität",
        "Digitalisierung der Sexarbeit und Herausforderungen für die Kommunen",
    }

    # Öffentliche Veranstaltungen with their participant counts.
    counts = [
        int(re.search(r"\((\d+) Teilnehmende\)", t).group(1)) for t in texts(report, "oeffentlich")
    ]
    assert sorted(counts) == sorted([54, 30, 52, 25, 80, 65, 20])

    projects = [g.title.split(" – ")[0] for g in report.section("projekte").groups]
    assert projects == ["COSECUR", "PanReflex", "LegiNot", "Pufii"]
    panreflex = [line.text for line in report.section("projekte").groups[1].lines]
    assert any("(35 Teilnehmende)" in t for t in panreflex)
    assert any("(72 Teilnehmende)" in t for t in panreflex)
    assert any("(57 Teilnehmende)" in t for t in panreflex)

    bodies = " ".join(texts(report, "gremien"))
    for body in ["ICPC", "Landesgeschäftsführer", "Kommunale Fachberatung",
                 "Community Safety Monitoring", "EQUAL", "KN:IX", "CPTED", "ForAn"]:  # fmt: skip
        assert body in bodies
    assert len(texts(report, "gremien")) == 8

    assert whens(report, "dritte") == [
        "April in Hannover", "Juni in Cottbus", "September in Köln", "November", "November"
    ]  # fmt: skip

    media = texts(report, "medien")
    assert len(media) == 4
    assert [w for w in whens(report, "medien")][:2] == ["14.03.2024", "23.07.2024"]
    assert "22.11.2024" in whens(report, "medien")
    assert any("ZDF Plan B" in m for m in media)

    assert texts(report, "fachartikel") == [
        "Anna Rau: Urbane Räume – Vielfältig, voll und sicher?",
        "Anna Rau, Janina Hentschel: Kommunale Prävention im Wandel! – Wie kann Veränderung gelingen?",
        "Forschungsverbund PanReflex: Fachartikel aus dem Forschungsprojekt PanReflex",
    ]
    assert whens(report, "fachartikel")[1] == "im Erscheinen: DPT-Band 2025"

    efus = {g.title: [line.text for line in g.lines] for g in report.section("efus").groups}
    events = efus["DEFUS auf Efus-Veranstaltungen"]
    assert [e.split(" (")[0] for e in events] == [
        "Efus-Konferenz: Security, Democracy and Cities",
        "Efus-Generalversammlung",
        "IcARUS-Abschlusskonferenz",
        "Treffen des Efus-Exekutivkomitees",
    ]
    assert events[0].endswith(
        "(Stadt Augsburg, Hauptstadt Berlin, Deutscher Präventionstag, Stadt Essen, "
        "Stadt Freiburg im Breisgau, Landespräventionsrat Niedersachsen, Stadt Mannheim, "
        "Landeshauptstadt Stuttgart)"
    )
    assert efus["Efus-Projekte mit deutscher Beteiligung"] == [
        "IcARUS: Landeshauptstadt Stuttgart",
        "RiskPACC: Stadt Heidelberg, Stadt Karlsruhe",
        "TRANSCEND: Stadt Mannheim",
    ]

    assert whens(report, "drittmittel") == [
        "Warteliste", "Rückmeldung noch ausstehend", "Rückmeldung noch ausstehend"
    ]  # fmt: skip
    assert "Stadt Essen" in texts(report, "drittmittel")[0]
    assert (
        "DEFUS-Geschäftsstelle, Stadt Freiburg im Breisgau, Stadt Mannheim"
        in texts(report, "drittmittel")[1]
    )
    assert "Stadt Köln" in texts(report, "drittmittel")[2]

    # Ausblick: every date of the report's outlook on 2025 (the demo knows a few more, from
    # the home page of April 2025).
    outlook = " | ".join(whens(report, "ausblick"))
    for date in ["22.01.2025", "12.02.2025", "06.03.2025", "13.03.2025 – 14.03.2025",
                 "03.04.2025", "03.04.2025 – 04.04.2025", "15.05.2025 – 16.05.2025",
                 "16.09.2025 – 17.09.2025"]:  # fmt: skip
        assert date in outlook

    assert texts(report, "team") == [
        "Christian Kromberg", "Dr. Volker Proffen", "Anna Rau", "Dr. Meike Hecker",
        "Margo Molkenbur", "Kristina Kutz", "Rolf Grimmer", "Hane Barrazinji",
    ]  # fmt: skip
    assert "7000 Visits" in report.section("oeffentlichkeitsarbeit").intro

    guideline = Guideline.objects.with_signature_counts().get()
    assert (guideline.signed_count, guideline.planned_count) == (15, 3)
    assert guideline.assembly.assembly_number == 27


def test_every_line_of_the_report_links_to_its_record(report):
    for section in report.sections:
        for line in section.lines + [line for group in section.groups for line in group.lines]:
            assert line.url.startswith("/verwaltung/"), (section.key, line.text)


def test_the_pdf_renders_fast_with_a_table_of_contents_and_every_heading(report, tmp_path):
    import weasyprint  # noqa: F401  (loading Pango and its stylesheets is not rendering)

    from activities.pdf import report_pdf

    # CPU time: up to eight engineers share the machine's two cores, so the wall clock
    # measures the neighbours as much as the renderer.
    started = time.process_time()
    pdf = report_pdf(report, base_url="http://testserver/")
    seconds = time.process_time() - started
    assert seconds < 5, f"{seconds:.1f} s"
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "jahresbericht.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Jahresbericht 2024" in text
    for section in report.sections:
        assert section.title in text
        # the table of contents gives each section its page number
        assert re.search(re.escape(section.title) + r"\s*\.+\s*\d+", text), section.title


def test_office_staff_get_the_report_as_html_and_pdf(report, client):
    # the demo has its own office login, buero@defus.example: the staff_user fixture's address
    client.force_login(User.objects.get(email="buero@defus.example"))
    response = client.get("/verwaltung/jahresbericht/2024/")
    assert response.status_code == 200
    for section in report.sections:
        assert section.title in response.text
    response = client.get("/verwaltung/jahresbericht/2024/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_odt_holds_every_section_for_final_editing(report, client):
    import io
    import zipfile
    from xml.etree import ElementTree

    client.force_login(User.objects.get(email="buero@defus.example"))
    response = client.get("/verwaltung/jahresbericht/2024/odt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    odt = zipfile.ZipFile(io.BytesIO(response.content))
    first = odt.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    content = ElementTree.fromstring(odt.read("content.xml"))
    headings = [h.text for h in content.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h")]
    for section in report.sections:
        assert section.title in headings
    assert (
        "Austausch mit der Stadt Gladbeck (vor Ort) – September" in odt.read("content.xml").decode()
    )
