"""The participant list is minimal (name, e-mail, registrations, entry date, erasure) and
searchable by name or e-mail; one person's page shows everything held on them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.events.models import Registration
from hanke.events.tests.factories import CohortFactory, EventFactory, RegistrationFactory
from hanke.participants.models import Participant
from hanke.participants.services import participant_erase
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def url(name, *args, query=""):
    with translation.override("en"):
        return reverse(f"participants:{name}", args=args) + query


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


@pytest.fixture
def maija(project):
    person = ParticipantFactory(
        project=project,
        name="Maija Meikäläinen",
        email="Maija.M@Example.fi",
        email_key="maija.m@example.fi",
        birth_year=1996,
        age_band="18_29",
        labour_status=Participant.LabourStatus.LONG_TERM_UNEMPLOYED,
        education=Participant.Education.ISCED_3_4,
        entered_on=datetime.date(2024, 3, 5),
        consent_text="Suostun tietojeni käsittelyyn.",
    )
    RegistrationFactory(
        participant=person, event=EventFactory(project=project, title_fi="Verkkokaupan webinaari")
    )
    RegistrationFactory(
        participant=person,
        event=EventFactory(project=project, title_fi="Peruttu tapahtuma"),
        status=Registration.Status.CANCELLED,
    )
    RegistrationFactory(
        participant=person,
        event=None,
        cohort=CohortFactory(
            module__programme__project=project,
            module__programme__name_fi="Tekoäly ja verkkokauppa",
            module__name_fi="Asiakasdata",
            year=2025,
        ),
    )
    return person


def rows(response):
    return list(response.context["page"].object_list)


def test_the_list_shows_only_the_minimum(client, world, project, maija):
    client.force_login(world.applicant)
    response = client.get(url("list", project.pk))
    html = response.content.decode()
    assert "Maija Meikäläinen" in html
    assert "Maija.M@Example.fi" in html
    assert "5 Mar 2024" in html
    assert rows(response)[0].registration_count == 2  # the cancelled one is not counted
    for start_data in ("1996", "18–29", "Long-term unemployed", "ISCED", "Suostun"):
        assert start_data not in html, start_data


@pytest.mark.parametrize(
    "query", ["meikä", "MEIKÄLÄINEN", "maija meikäläinen", "maija.m@", "EXAMPLE.FI"]
)
def test_search_by_name_or_e_mail(client, world, project, maija, query):
    ParticipantFactory(project=project, name="Matti Virtanen", email="matti@toinen.fi")
    client.force_login(world.officer)
    response = client.get(url("list", project.pk, query=f"?q={query}"))
    assert [p.name for p in rows(response)] == ["Maija Meikäläinen"]
    assert "Matti Virtanen" not in response.content.decode()


def test_search_with_no_match_says_so(client, world, project, maija):
    client.force_login(world.officer)
    response = client.get(url("list", project.pk, query="?q=nobody"))
    assert rows(response) == []
    assert "No one matches the search." in response.content.decode()


def test_the_list_is_paged_and_the_search_is_kept_on_the_next_page(
    client, world, project, settings
):
    settings.HANKE_PAGE_SIZE = 3
    for n in range(5):
        ParticipantFactory(project=project, name=f"Henkilö {n}")
    ParticipantFactory(project=project, name="Muu")
    client.force_login(world.applicant)
    first = client.get(url("list", project.pk))
    assert len(rows(first)) == 3
    assert first.context["page"].paginator.count == 6
    searched = client.get(url("list", project.pk, query="?q=Henkil"))
    assert searched.context["page"].paginator.count == 5
    assert "q=Henkil&amp;page=2" in searched.content.decode()
    second = client.get(url("list", project.pk, query="?q=Henkil&page=2"))
    assert [p.name for p in rows(second)] == ["Henkilö 3", "Henkilö 4"]


def test_the_list_shows_only_this_projects_people(client, world, project, maija):
    ParticipantFactory(project=ProjectFactory(), name="Toisen Hankkeen Henkilö")
    client.force_login(world.applicant)
    html = client.get(url("list", project.pk)).content.decode()
    assert "Toisen Hankkeen Henkilö" not in html


def test_the_erased_are_marked_and_listed_last(client, world, project, maija):
    ParticipantFactory(project=project, name="Örjan Öhman")
    participant_erase(user=world.applicant, participant=maija, reason="Pyyntö")
    client.force_login(world.applicant)
    response = client.get(url("list", project.pk))
    assert [p.name for p in rows(response)] == ["Örjan Öhman", ""]
    html = response.content.decode()
    assert "(erased)" in html
    assert "Erased" in html


def test_the_persons_page_shows_all_their_data(client, world, project, maija):
    client.force_login(world.officer)
    html = client.get(url("detail", project.pk, maija.pk)).content.decode()
    for text in (
        "Maija Meikäläinen",
        "Maija.M@Example.fi",
        "1996",
        "18–29",
        "Long-term unemployed",
        "ISCED 3–4",
        "Suostun tietojeni käsittelyyn.",
        "Verkkokaupan webinaari",
        "Peruttu tapahtuma",
        "Cancelled",
        "Tekoäly ja verkkokauppa",
        "Asiakasdata",
        "2025",
    ):
        assert text in html, text
    assert url("export", project.pk, maija.pk) in html
    assert url("erase", project.pk, maija.pk) in html


def test_the_workspace_navigation_marks_the_participants_page(client, world, project, maija):
    client.force_login(world.applicant)
    html = client.get(url("list", project.pk)).content.decode()
    assert f'href="{url("list", project.pk)}" aria-current="page"' in html
