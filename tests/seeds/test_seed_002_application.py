"""Seed 002: the JTF 7.1 application summary (AI and e-commerce skills training)."""

import pytest

from hanke.projects.models import Project

from .conftest import assert_all_present

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(demo):
    return Project.objects.get(source_document="seeds/002_1fd54de9332bf4bc.txt")


def test_finnish_page_shows_every_fact(application, page_text):
    text = page_text(f"/fi/projects/{application.pk}/")
    assert_all_present(
        text,
        [
            # money, to the euro, with shares
            "364 645 €",
            "145 858 €",
            "510 503 €",
            "408 403 €",
            "102 100 €",
            "80,00 %",
            "20,00 %",
            # programme and funder
            "Oikeudenmukaisen siirtymän rahasto",
            "7.1",
            "Turpeesta luopumisen alueellisesti oikeudenmukainen siirtymä",
            "Uudistuva ja osaava Suomi 2021–2027",
            "Pohjois-Pohjanmaan ELY-keskus",
            "Pohjois-Pohjanmaa",
            "BusinessOulu",
            # target groups
            "Yritykset",
            "50",
            "Osallistujat kaikista kohderyhmistä",
            "170",
            "18–29-vuotiaat",
            "34",
            "Työssä olevat henkilöt, ml. yrittäjät",
            "140",
            "Oppilaitosten opettajat",
            "45",
            # work packages and deliverables
            "Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä",
            "viidestä 6:n viikon (5 op) mittaisesta itsenäisestä opintomoduulista",
            "30 op",
            "vähintään 100",
            "vähintään 15",
            "noin 100",
            "25–30",
            "Verkkoliiketoiminnan suunnittelu tekoälyn aikakautena -työkirja",
            "10–15",
            "verkkokauppaklubeja",
            "kevät 2026",
            # assessment and decision chain
            "20,5/39",
            "Pohjois-Pohjanmaan ELY-keskuksen EURA-rahoituskokous",
            "9.8.2023",
            "18.8.2023",
            "19.9.2023",
            "28.9.2023",
            "Pohjois-Pohjanmaan MYR-sihteeristö",
            "Rahoittaja puoltaa hakemuksen hyväksymistä",
            "MAKO KT 3 B",
            # hyphenation joined
            "pk-yritykset voivat parantaa tuottavuuttaan",
        ],
    )


def test_the_page_says_the_source_names_no_applicant_and_no_project(application, page_text):
    text = page_text(f"/fi/projects/{application.pk}/")
    assert "ei kerro hakijaa eikä hankkeen nimeä" in text
    en = page_text(f"/en/projects/{application.pk}/")
    assert "Untitled project (the source document gives no name)" in en
    assert "names neither the applicant nor the project" in en


def test_meetings_are_listed_in_date_order(application, page_text):
    text = page_text(f"/fi/projects/{application.pk}/")
    positions = [text.index(date) for date in ("9.8.2023", "18.8.2023", "19.9.2023", "28.9.2023")]
    assert positions == sorted(positions)


def test_english_page_shows_the_score_and_money_in_english_format(application, page_text):
    text = page_text(f"/en/projects/{application.pk}/")
    assert_all_present(
        text, ["20.5/39", "€510,503", "€145,858", "80.00%", "9 Aug 2023", "28 Sep 2023"]
    )


def test_the_application_passed_its_call_s_decision_chain_with_the_source_s_score(application):
    from decimal import Decimal

    from hanke.accounts.models import User
    from hanke.assessment import selectors
    from hanke.projects import workflow

    assert application.call.name_fi == "JTF 7.1 Pohjois-Pohjanmaa, haku 2023"
    assert application.status == workflow.IN_ASSESSMENT
    assert all(check.passed for check in application.eligibility_checks.all())
    assert application.eligibility_checks.count() == 4
    officer = User.objects.get(username="virkailija")
    table = selectors.score_table(project=application, viewer=officer)
    assert (table.average, table.max_total) == (Decimal("20.5"), Decimal("39"))
    assert table.threshold_met is True
    assert table.submitted_count == 2
    chain = selectors.chain_progress(application)
    assert [step.step.meeting_kind for step in chain] == [
        "funding_meeting",
        "theme_group",
        "myr_secretariat",
        "myr",
    ]
    assert all(step.done for step in chain)
    assert [step.latest.meeting.date.isoformat() for step in chain] == [
        "2023-08-09",
        "2023-08-18",
        "2023-09-19",
        "2023-09-28",
    ]
    assert application.assessment.get_recommendation_display() == (
        "The funder recommends approving the application"
    )


def test_the_demo_has_an_open_call_to_apply_to(demo, page_text):
    text = page_text("/en/calls/")
    assert "AI and skills – JTF 7.1 continuous call" in text
    assert "JTF 7.1 North Ostrobothnia, call 2023" not in text
