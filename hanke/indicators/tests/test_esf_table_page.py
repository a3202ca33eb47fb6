"""The ESF+ participant indicator table of a project and period, always by gender, counted from
the participants who entered the project in the period."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.indicators.selectors import esf_table
from hanke.participants.models import Participant
from hanke.participants.tests.factories import ParticipantFactory
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

D = datetime.date
P = Participant
G, L, E, A = P.Gender, P.LabourStatus, P.Education, P.Answer


def known_people(project):
    """Six people who entered in 2024, one in 2023, one in 2025 and one never."""
    rows = [
        # gender, labour status, age band, education, disability, entered
        (G.WOMAN, L.UNEMPLOYED, "18_29", E.ISCED_3_4, A.YES, D(2024, 2, 1)),
        (G.WOMAN, L.LONG_TERM_UNEMPLOYED, "30_54", E.ISCED_0_2, A.NO, D(2024, 3, 1)),
        (G.WOMAN, L.EMPLOYED, "30_54", E.ISCED_5_8, A.NOT_ANSWERED, D(2024, 4, 1)),
        (G.MAN, L.EMPLOYED, "55_plus", E.ISCED_5_8, A.NO, D(2024, 5, 1)),
        (G.NON_BINARY, L.INACTIVE, "under_18", E.ISCED_0_2, A.NO, D(2024, 6, 1)),
        (G.NOT_SAID, L.EMPLOYED, "18_29", E.ISCED_3_4, A.NOT_ANSWERED, D(2024, 12, 31)),
        (G.MAN, L.EMPLOYED, "30_54", E.ISCED_5_8, A.NO, D(2023, 12, 31)),
        (G.MAN, L.UNEMPLOYED, "18_29", E.ISCED_3_4, A.NO, D(2025, 1, 1)),
        (G.WOMAN, L.EMPLOYED, "18_29", E.ISCED_3_4, A.NO, None),
    ]
    for gender, labour, band, education, disability, entered in rows:
        ParticipantFactory(
            project=project,
            gender=gender,
            labour_status=labour,
            age_band=band,
            education=education,
            disability=disability,
            third_country_national=A.NO,
            foreign_background=A.NOT_ANSWERED,
            minority=A.NO,
            entered_on=entered,
        )


@pytest.fixture
def project(world):
    project = ProjectFactory(
        code="S30355",
        implementer=world.applicant_org,
        funding_authority=world.authority,
        start_date=D(2024, 1, 1),
        end_date=D(2026, 6, 30),
    )
    known_people(project)
    return project


def url(project, lang="en", **params):
    with translation.override(lang):
        base = reverse("indicators:esf", args=[project.pk])
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{base}?{query}" if query else base


def cells(page, label):
    """The numbers of the row headed `label`: women, men, non-binary, not said, total."""
    match = re.search(
        rf"<tr[^>]*>\s*<td>[^<]*</td>\s*<th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>",
        page.html,
        re.S,
    )
    assert match, f"no row {label}"
    return [
        int(n.replace(" ", "")) for n in re.findall(r"<td[^>]*>(?:<strong>)?([\d ]+)", match[1])
    ]


def test_the_table_for_a_year_by_gender(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, start="2024-01-01", end="2024-12-31"))

    assert "Participants who entered the project 1 Jan 2024–31 Dec 2024, by gender" in page.text
    for heading in ("Women", "Men", "Non-binary", "Prefer not to say", "Total"):
        assert f'<th scope="col" class="num">{heading}</th>' in page.html
    assert cells(page, "Participants, total") == [3, 1, 1, 1, 6]
    assert cells(page, "Unemployed, incl. long-term unemployed") == [2, 0, 0, 0, 2]
    assert cells(page, "of whom long-term unemployed") == [1, 0, 0, 0, 1]
    assert cells(page, "Inactive") == [0, 0, 1, 0, 1]
    assert cells(page, "Employed, incl. self-employed") == [1, 1, 0, 1, 3]
    assert cells(page, "Under 18 years") == [0, 0, 1, 0, 1]
    assert cells(page, "18–29 years") == [1, 0, 0, 1, 2]
    assert cells(page, "30–54 years") == [2, 0, 0, 0, 2]
    assert cells(page, "55 years and over") == [0, 1, 0, 0, 1]
    assert cells(page, "Lower secondary education or less (ISCED 0–2)") == [1, 0, 1, 0, 2]
    assert cells(page, "Upper secondary or post-secondary education (ISCED 3–4)") == [1, 0, 0, 1, 2]
    assert cells(page, "Tertiary education (ISCED 5–8)") == [1, 1, 0, 0, 2]
    assert cells(page, "Participants with disabilities") == [1, 0, 0, 0, 1]
    assert cells(page, "Disability: answered no") == [1, 1, 1, 0, 3]
    assert cells(page, "Disability: preferred not to answer") == [1, 0, 0, 1, 2]
    assert cells(page, "Third-country nationals") == [0, 0, 0, 0, 0]
    assert cells(page, "Participants with a foreign background") == [0, 0, 0, 0, 0]
    assert cells(page, "Foreign background: preferred not to answer") == [3, 1, 1, 1, 6]
    assert cells(page, "Minorities (incl. marginalised communities such as the Roma)") == [
        0,
        0,
        0,
        0,
        0,
    ]
    assert "EECO01" in page.text and "EECO12" in page.text
    assert "Labour-market status not known" not in page.text  # shown only when someone is


def test_the_default_period_is_from_the_project_start_to_today(client, world, project, read_page):
    client.force_login(world.officer)
    page = read_page(url(project))

    # entered 2024 and on 1 Jan 2025 (today is later); not the one of 2023 nor the one never
    assert cells(page, "Participants, total")[-1] == 7
    assert 'value="2024-01-01"' in page.html


def test_a_period_reaching_past_today_is_counted_up_to_today(project):
    today = D(2024, 6, 15)
    table = esf_table(project, start=D(2024, 1, 1), end=D(2024, 12, 31), today=today)
    assert table.counted_until == today
    assert table.total == 5


def test_a_period_typed_the_finnish_way(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, start="1.1.2024", end="31.12.2024"))
    assert cells(page, "Participants, total")[-1] == 6


def test_the_form_in_finnish_has_labels_and_the_table_a_caption(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, "fi"))
    assert re.search(r'<label for="id_start">', page.html)
    assert re.search(r'<label for="id_end">', page.html)
    assert "<caption>" in page.html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2024-12-31", "end": "2024-01-01"}, "cannot be before its start"),
        ({"start": "31.13.2024", "end": "2024-12-31"}, "Enter the start date as a date"),
        ({"start": "2024-01-01", "end": "eilen"}, "Enter the end date as a date"),
        ({"start": "99999-01-01"}, "Enter the start date as a date"),
    ],
)
def test_a_bad_period_gives_a_form_error_not_a_500(
    client, world, project, read_page, params, message
):
    client.force_login(world.applicant)
    page = read_page(url(project, **params))
    assert message in page.text
    assert 'aria-invalid="true"' in page.html
    assert 'class="error-summary"' in page.html
    assert "Participants, total" not in page.text  # no table for a bad period


def test_who_may_see_the_table(client, world, project):
    target = url(project, "fi")
    response = client.get(target)
    assert response.status_code == 302 and "/login/" in response["Location"]
    for user in (world.applicant, world.officer):
        client.force_login(user)
        assert client.get(target).status_code == 200
    for user in (world.other_officer, world.outsider):
        client.force_login(user)
        assert client.get(target).status_code == 403
