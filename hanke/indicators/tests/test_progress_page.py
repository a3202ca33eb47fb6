"""The progress page shows every target group, output and indicator target with its target and
the achieved number counted from the records, progress bars and a chart over time."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from hanke.accounts.models import Membership
from hanke.events.models import Event
from hanke.events.tests.factories import EventFactory, RegistrationFactory
from hanke.indicators.models import IndicatorTarget, Measure
from hanke.participants.tests.factories import ParticipantFactory
from hanke.programmes.models import Indicator, Programme
from hanke.projects.models import Deliverable, Publication
from hanke.projects.tests.factories import (
    DeliverableFactory,
    ProjectFactory,
    TargetGroupFactory,
    WorkPackageFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def at(day):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 10))


@pytest.fixture
def project(world):
    """Seed 002's plan in miniature, implemented by the applicant's organisation and funded by
    the officer's ELY centre, with a few people entered."""
    project = ProjectFactory(
        implementer=world.applicant_org,
        funding_authority=world.authority,
        start_date=D(2024, 1, 1),
        end_date=D(2026, 6, 30),
    )
    participants = TargetGroupFactory(
        project=project, name_fi="Osallistujat", target_count=170, measure=Measure.PARTICIPANTS
    )
    TargetGroupFactory(
        project=project,
        name_fi="Nuoret 18–29",
        target_count=34,
        part_of=participants,
        measure=Measure.AGE_18_29,
    )
    TargetGroupFactory(
        project=project,
        name_fi="Yritykset",
        target_count=50,
        unit="companies",
        measure=Measure.COMPANIES,
    )
    TargetGroupFactory(project=project, name_fi="Opettajat", target_count=45)

    wp3 = WorkPackageFactory(project=project, number=3, title_fi="Viestintä")
    blogs = DeliverableFactory(
        project=project,
        work_package=wp3,
        deliverable_type=Deliverable.Type.BLOG_POST,
        title_fi="Blogikirjoitukset",
        target_qualifier=Deliverable.Qualifier.RANGE,
        target_min=25,
        target_max=30,
    )
    for number in range(3):
        Publication.objects.create(
            project=project, deliverable=blogs, title=f"Blogi {number}", published_on=D(2024, 5, 1)
        )
    wp2 = WorkPackageFactory(project=project, number=2, title_fi="Tapahtumat")
    DeliverableFactory(
        project=project,
        work_package=wp2,
        deliverable_type=Deliverable.Type.EVENT,
        title_fi="Tapahtumat BusinessOulun kanssa",
        target_qualifier=Deliverable.Qualifier.AT_LEAST,
        target_min=15,
    )
    event = EventFactory(project=project, work_package=wp2, starts_at=at(D(2024, 3, 5)))
    EventFactory(project=project, work_package=wp2, starts_at=at(D(2024, 4, 9)))

    specs = [
        ("18_29", "0737510-4", D(2024, 3, 5)),
        ("18_29", "0737510-4", D(2024, 3, 5)),
        ("30_54", "2609164-1", D(2024, 5, 14)),
        ("55_plus", "", D(2024, 5, 14)),
    ]
    for band, business_id, day in specs:
        person = ParticipantFactory(
            project=project, age_band=band, business_id=business_id, entered_on=day
        )
        RegistrationFactory(participant=person, event=event, attended=True)

    programme = Programme.objects.create(
        code="UOS",
        name_fi="Uudistuva ja osaava Suomi 2021–2027",
        period_start=2021,
        period_end=2027,
    )
    counted = Indicator.objects.create(
        programme=programme,
        code="EECO01",
        name_fi="Osallistujat yhteensä",
        kind=Indicator.Kind.OUTPUT,
        unit_fi="henkilöä",
        measure=Measure.PARTICIPANTS,
    )
    reported = Indicator.objects.create(
        programme=programme,
        code="RCR01",
        name_fi="Uudet työpaikat",
        kind=Indicator.Kind.RESULT,
        unit_fi="kpl",
    )
    IndicatorTarget.objects.create(project=project, indicator=counted, target=Decimal("170"))
    IndicatorTarget.objects.create(project=project, indicator=reported, target=Decimal("12.5"))
    return project


def url(project, lang="fi"):
    with translation.override(lang):
        return reverse("indicators:progress", args=[project.pk])


def row_text(page, heading):
    """The text of the table row whose header contains `heading`."""
    match = re.search(
        rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(heading)}(?:(?!</tr>).)*</tr>", page.html, re.S
    )
    assert match, f"no row for {heading}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(0))).strip()


def test_target_groups_show_target_and_achieved(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))

    assert "counted from the project's registrations" in page.text
    assert "None of them is typed in" in page.text
    participants = row_text(page, "Osallistujat")
    assert "170 persons" in participants and " 4 " in participants
    assert "2.35%" in participants and "Not yet reached" in participants
    youth = row_text(page, "Nuoret 18–29")
    assert "of whom" in youth and "34 persons" in youth and " 2 " in youth
    companies = row_text(page, "Yritykset")
    assert "50 companies" in companies and " 2 " in companies  # two different Y-tunnus
    teachers = row_text(page, "Opettajat")
    assert "45 persons" in teachers and "Not counted automatically" in teachers


def test_outputs_by_work_package_show_target_and_achieved(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))

    assert page.text.index("Work package 2") < page.text.index("Work package 3")
    blogs = row_text(page, "Blogikirjoitukset")
    assert "25–30" in blogs and " 3 " in blogs and "12.00%" in blogs
    events = row_text(page, "Tapahtumat BusinessOulun kanssa")
    assert "at least 15" in events and " 2 " in events and "13.33%" in events


def test_indicators_counted_or_reported(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))

    counted = row_text(page, "Osallistujat yhteensä")
    assert "EECO01" in counted and "170" in counted and " 4 " in counted
    reported = row_text(page, "Uudet työpaikat")
    assert "12.50" in reported and "Reported in progress reports" in reported


def test_progress_bars_are_named_and_capped_at_the_target(client, world, project, read_page):
    for _number in range(40):  # 42 young people against the target of 34
        ParticipantFactory(project=project, age_band="18_29", entered_on=D(2024, 6, 1))
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))

    bars = re.findall(r"<progress[^>]*>", page.html)
    assert bars and all('aria-label="' in bar for bar in bars)
    youth = next(bar for bar in bars if "Nuoret" in bar)
    assert 'max="34"' in youth and 'value="34"' in youth  # the bar stops at the target
    youth_row = row_text(page, "Nuoret 18–29")
    assert "123.53%" in youth_row and "Target reached" in youth_row  # 42 / 34, exactly


def test_the_chart_over_time_and_its_table(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))

    svg = re.search(r"<svg[^>]*>.*?</svg>", page.html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "participants grew to 4" in svg and "companies to 2" in svg
    assert row_text(page, "Mar 2024").split() == ["Mar", "2024", "2", "2", "1", "1"]
    assert row_text(page, "Apr 2024").split() == ["Apr", "2024", "0", "2", "0", "1"]
    assert row_text(page, "May 2024").split() == ["May", "2024", "2", "4", "1", "2"]


def test_the_number_of_queries_does_not_grow_with_the_people(client, world, project):
    client.force_login(world.applicant)
    target = url(project, "en")
    with CaptureQueriesContext(connection) as few:
        assert client.get(target).status_code == 200
    event = EventFactory(project=project, starts_at=at(D(2024, 8, 1)))
    for number in range(25):
        person = ParticipantFactory(
            project=project, business_id="2609164-1" if number % 2 else "", entered_on=D(2024, 8, 1)
        )
        RegistrationFactory(participant=person, event=event, attended=True)
    with CaptureQueriesContext(connection) as many:
        assert client.get(target).status_code == 200
    assert len(many) == len(few)


def test_the_page_is_in_finnish_by_default(client, world, project, read_page):
    client.force_login(world.applicant)
    page = read_page(url(project))
    assert "2,35 %" in row_text(page, "Osallistujat")
    assert 'aria-current="page"' in page.html  # the workspace navigation marks the page


def test_who_may_see_the_progress_page(client, world, project):
    target = url(project)
    response = client.get(target)
    assert response.status_code == 302 and "/login/" in response["Location"]

    for user in (world.applicant, world.officer):
        client.force_login(user)
        assert client.get(target).status_code == 200

    for user in (world.other_officer, world.outsider, world.assessor):
        client.force_login(user)
        assert client.get(target).status_code == 403

    other_staff = world.committee_member
    Membership.objects.create(user=other_staff, organisation=world.authority.organisation)
    client.force_login(other_staff)  # in the authority's organisation but not an officer
    assert client.get(target).status_code == 403


def test_an_empty_project_says_what_is_missing(client, world, read_page):
    project = ProjectFactory(implementer=world.applicant_org)
    client.force_login(world.applicant)
    page = read_page(url(project, "en"))
    assert "The project has no target groups." in page.text
    assert "No one has entered the project yet." in page.text
    assert "<svg" not in page.html


def test_teacher_trainings_count_for_a_teacher_target(client, world, project, read_page):
    teachers = project.target_groups.get(name_fi="Opettajat")
    teachers.measure = Measure.TEACHER_TRAINING
    teachers.save()
    training = EventFactory(
        project=project, event_type=Event.Type.TEACHER_TRAINING, starts_at=at(D(2024, 9, 3))
    )
    for _number in range(3):
        teacher = ParticipantFactory(project=project, entered_on=D(2024, 9, 3))
        RegistrationFactory(participant=teacher, event=training, attended=True)
    client.force_login(world.officer)
    page = read_page(url(project, "en"))
    assert "45 persons 3 " in row_text(page, "Opettajat")
