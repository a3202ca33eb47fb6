"""The meeting pages and the funding decision page: an officer sets up a meeting and its agenda in
the order of the call's decision chain, the secretary records the statements (the applicant hears
of them), participants read the agenda, and the officer decides once the chain is complete. The
services' refusals appear next to the field they concern."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from hanke.accounts import roles
from hanke.accounts.tests.factories import UserFactory
from hanke.assessment import selectors, services
from hanke.assessment.models import AgendaItem, FundingDecision, Meeting
from hanke.projects import activity, workflow
from hanke.projects.services import application_create, application_submit
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """reverse() and the pages in English (the source language of the messages)."""
    with translation.override("en"):
        yield


@pytest.fixture
def application(world):
    """An application of the applicant's organisation in assessment: eligible, scored 10 and 9
    out of 13 by the two assessors (threshold 6), its decision chain not started."""
    project = application_create(user=world.applicant, call=world.call)
    fill_application(project)
    application_submit(user=world.applicant, project=project)
    project.refresh_from_db()
    project = services.eligibility_record(
        user=world.officer,
        project=project,
        results={c.pk: (True, "") for c in selectors.general_criteria(world.call)},
    )
    criteria = selectors.special_criteria(world.call)
    for assessor, values in ((world.assessor, "442"), (world.second_assessor, "342")):
        assignment = services.assessor_assign(
            user=world.officer, project=project, assessor=assessor
        )
        services.scores_save(
            user=assessor,
            assignment=assignment,
            scores={c.pk: (v, "Perustelu.") for c, v in zip(criteria, values, strict=True)},
            submit=True,
        )
    project.refresh_from_db()
    assert project.status == workflow.IN_ASSESSMENT
    return project


@pytest.fixture
def secretary(db):
    return UserFactory(
        username="sihteeri",
        first_name="Sanna",
        last_name="Sihteeri",
        roles=[roles.COMMITTEE_MEMBER],
    )


def meeting(world, kind, *, secretary=None, days=14):
    item = services.meeting_create(
        user=world.officer,
        authority=world.authority,
        kind=kind,
        date=timezone.localdate() + datetime.timedelta(days=days),
        secretary=secretary,
        participants=[world.committee_member],
    )
    return item


def html(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def error_of(response, field_id) -> str:
    """The error text shown next to a field (`<p class="field-error" id="<id>-error">`)."""
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', html(response))
    assert match, f"no error shown next to {field_id}"
    return match.group(1)


# --- Meetings --------------------------------------------------------------------------------------


def test_an_officer_creates_a_meeting_and_a_bad_date_is_shown_next_to_the_field(
    client, world, secretary
):
    client.force_login(world.officer)
    url = reverse("assessment:meeting_new")
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="kind"' in html(page) and 'name="date"' in html(page)
    data = {
        "authority": world.authority.pk,
        "kind": "funding_meeting",
        "date": "2026-02-31",
        "name": "Rahoituskokous 1/2027",
        "secretary": secretary.pk,
        "participants": [world.committee_member.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "valid date" in error_of(response, "id_date")
    assert 'aria-describedby="id_date-error"' in html(response)
    assert not Meeting.objects.exists()

    data["date"] = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    response = client.post(url, data)
    created = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment:meeting", args=[created.pk])
    assert created.authority == world.authority and created.secretary == secretary
    assert list(created.participants.all()) == [world.committee_member]

    listing = client.get(reverse("assessment:meeting_list"))
    assert "Rahoituskokous 1/2027" in html(listing)
    assert reverse("assessment:meeting_new") in html(listing)


def test_a_committee_member_sees_the_meeting_list_without_the_new_meeting_link(client, world):
    meeting(world, "funding_meeting")
    client.force_login(world.committee_member)
    listing = client.get(reverse("assessment:meeting_list"))
    assert listing.status_code == 200
    assert "Funding meeting" in html(listing)
    assert reverse("assessment:meeting_new") not in html(listing)


def test_applications_join_the_agenda_in_the_order_of_the_decision_chain(
    client, world, application
):
    funding = meeting(world, "funding_meeting")
    myr = meeting(world, "myr", days=30)
    client.force_login(world.officer)

    page = client.get(reverse("assessment:meeting", args=[funding.pk]))
    assert f'<option value="{application.pk}">' in html(page)
    assert f'<option value="{application.pk}">' not in html(
        client.get(reverse("assessment:meeting", args=[myr.pk]))
    )

    response = client.post(
        reverse("assessment:meeting_agenda_add", args=[myr.pk]), {"project": application.pk}
    )
    assert response.status_code == 200
    assert "next step is “Funding meeting”" in error_of(response, "id_project")
    assert not AgendaItem.objects.exists()

    response = client.post(
        reverse("assessment:meeting_agenda_add", args=[funding.pk]), {"project": application.pk}
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.meeting, item.project, item.position) == (funding, application, 1)
    page = client.get(reverse("assessment:meeting", args=[funding.pk]))
    text = html(page)
    assert "Tekoälystä kasvua verkkokauppaan" in text
    assert "Oulun ammattikorkeakoulu Oy" in text
    assert "€100,000" in text and "€80,000" in text  # total costs and aid applied
    assert "9.5 / 13" in text  # the average of 10 and 9


def test_the_secretary_records_a_favourable_statement_and_the_applicant_hears_of_it(
    client, world, application, secretary, django_capture_on_commit_callbacks
):
    funding = meeting(world, "funding_meeting", secretary=secretary)
    item = services.agenda_add(user=world.officer, meeting=funding, project=application)
    client.force_login(secretary)
    url = reverse("assessment:meeting_statement", args=[funding.pk, item.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {f"item-{item.pk}-statement": "favourable", f"item-{item.pk}-text": ""}
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.statement == AgendaItem.Statement.FAVOURABLE and item.recorded_by == secretary
    entry = application.timeline.get(kind=activity.STATEMENT)
    assert "Favourable" in entry.message
    assert mail.outbox[-1].to == [world.applicant.email]

    page = html(client.get(reverse("assessment:meeting", args=[funding.pk])))
    assert "Recorded by Sanna Sihteeri" in page
    assert f'name="item-{item.pk}-statement"' not in page  # recorded once


def test_a_postponed_statement_without_reasons_is_refused_next_to_the_text(
    client, world, application, secretary
):
    funding = meeting(world, "funding_meeting", secretary=secretary)
    item = services.agenda_add(user=world.officer, meeting=funding, project=application)
    client.force_login(secretary)
    response = client.post(
        reverse("assessment:meeting_statement", args=[funding.pk, item.pk]),
        {f"item-{item.pk}-statement": "postponed", f"item-{item.pk}-text": "  "},
    )
    assert response.status_code == 200
    assert "Give the reasons" in error_of(response, f"id_item-{item.pk}-text")
    assert f'aria-describedby="id_item-{item.pk}-text-error' in html(response)
    item.refresh_from_db()
    assert item.statement == AgendaItem.Statement.PENDING


def test_a_participant_reads_the_agenda_but_cannot_record_statements(
    client, world, application, secretary
):
    funding = meeting(world, "funding_meeting", secretary=secretary)
    item = services.agenda_add(user=world.officer, meeting=funding, project=application)
    client.force_login(world.committee_member)
    page = client.get(reverse("assessment:meeting", args=[funding.pk]))
    assert page.status_code == 200
    assert "Tekoälystä kasvua verkkokauppaan" in html(page)
    assert reverse("projects:application", args=[application.pk]) in html(page)
    assert f'name="item-{item.pk}-statement"' not in html(page)
    assert 'name="project"' not in html(page)  # no agenda form either
    response = client.post(
        reverse("assessment:meeting_statement", args=[funding.pk, item.pk]),
        {f"item-{item.pk}-statement": "favourable"},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("assessment:meeting_agenda_add", args=[funding.pk]), {"project": application.pk}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.statement == AgendaItem.Statement.PENDING

    outsider = UserFactory(username="toinen-jasen", roles=[roles.COMMITTEE_MEMBER])
    client.force_login(outsider)
    assert client.get(reverse("assessment:meeting", args=[funding.pk])).status_code == 403


def test_the_printable_minutes_show_the_statements(client, world, application, secretary):
    funding = meeting(world, "funding_meeting", secretary=secretary)
    item = services.agenda_add(user=world.officer, meeting=funding, project=application)
    services.statement_record(
        user=secretary, item=item, statement="unfavourable", text="Vaikuttavuus jää epäselväksi."
    )
    client.force_login(world.committee_member)
    page = html(client.get(reverse("assessment:meeting_minutes", args=[funding.pk])))
    assert "Unfavourable" in page and "Vaikuttavuus jää epäselväksi." in page
    assert "<form" not in page.split('<main id="main"')[1]


# --- Funding decision ------------------------------------------------------------------------------


def pass_chain(world, project):
    for kind in ("funding_meeting", "myr"):
        item = services.agenda_add(
            user=world.officer, meeting=meeting(world, kind), project=project
        )
        services.statement_record(user=world.officer, item=item, statement="favourable")


def approval(project, **extra):
    return {
        "decision": "approve",
        "decided_on": timezone.localdate().isoformat(),
        "granted_amount": "80 000",
        "eligible_from": project.start_date.isoformat(),
        "eligible_until": project.end_date.isoformat(),
        "conditions": "Raportoi puolivuosittain.",
        **extra,
    }


def test_the_decision_page_refuses_approval_before_the_chain_is_complete_and_approves_after(
    client, world, application
):
    client.force_login(world.officer)
    url = reverse("assessment:decision", args=[application.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = html(page)
    assert "not on any meeting's agenda yet" in text
    assert 'value="80000"' in text  # the planned aid is the default
    assert f'value="{application.start_date.isoformat()}"' in text
    assert "9.5 / 13" in text

    response = client.post(url, approval(application))
    assert response.status_code == 200
    assert "has not passed its decision chain: Funding meeting" in html(response)
    application.refresh_from_db()
    assert application.status == workflow.IN_ASSESSMENT

    pass_chain(world, application)
    response = client.post(url, approval(application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == workflow.ONGOING and application.is_public
    decision = FundingDecision.objects.get(project=application)
    assert decision.outcome == FundingDecision.Outcome.APPROVED
    assert decision.conditions == "Raportoi puolivuosittain."

    summary = html(client.get(url))
    assert "Decision: Approved" in summary
    assert application.get_absolute_url() in summary
    assert 'name="decision"' not in summary
    client.logout()
    assert client.get(application.get_absolute_url()).status_code == 200


def test_a_granted_amount_other_than_the_planned_aid_is_shown_next_to_the_amount(
    client, world, application
):
    pass_chain(world, application)
    client.force_login(world.officer)
    url = reverse("assessment:decision", args=[application.pk])
    response = client.post(url, approval(application, granted_amount="90 000"))
    assert response.status_code == 200
    assert "€80,000" in error_of(response, "id_granted_amount")
    assert not FundingDecision.objects.exists()


def test_a_rejection_needs_its_grounds(client, world, application):
    client.force_login(world.officer)
    url = reverse("assessment:decision", args=[application.pk])
    data = {"decision": "reject", "decided_on": timezone.localdate().isoformat(), "reason": ""}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "grounds for rejecting" in error_of(response, "id_reason")
    assert 'aria-describedby="id_reason-error' in html(response)
    assert not FundingDecision.objects.exists()

    data["reason"] = "Hanke ei vastaa haun tavoitteita."
    assert client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.status == workflow.REJECTED
    page = html(client.get(url))
    assert "Decision: Rejected" in page and "Hanke ei vastaa haun tavoitteita." in page
