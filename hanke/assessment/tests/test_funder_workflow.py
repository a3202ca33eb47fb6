"""The funder's workflow through its services: eligibility, scoring, the decision chain and the
funding decision, each rule refusing what it must and changing nothing when it does."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hanke.assessment import selectors, services
from hanke.assessment.models import AgendaItem, FundingDecision
from hanke.projects import activity, workflow
from hanke.projects.services import application_create, application_submit
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are read in English here; their translations are checked elsewhere."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def submitted(world, django_capture_on_commit_callbacks):
    project = application_create(user=world.applicant, call=world.call)
    fill_application(project)
    with django_capture_on_commit_callbacks(execute=True):
        application_submit(user=world.applicant, project=project)
    project.refresh_from_db()
    return project


def general(world):
    return selectors.general_criteria(world.call)


def special(world):
    return selectors.special_criteria(world.call)


def pass_eligibility(world, project):
    return services.eligibility_record(
        user=world.officer,
        project=project,
        results={c.pk: (True, "") for c in general(world)},
    )


def score(world, assessor, project, values, submit=True):
    assignment = project.assessor_assignments.get(assessor=assessor)
    return services.scores_save(
        user=assessor,
        assignment=assignment,
        scores={c.pk: (v, "Perustelu.") for c, v in zip(special(world), values, strict=True)},
        submit=submit,
    )


def test_submission_notifies_the_applicant_and_the_authority_s_officers(world, submitted):
    assert submitted.status == workflow.SUBMITTED
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {world.applicant.email, world.officer.email}
    assert world.other_officer.email not in mail.outbox[0].to


def test_an_officer_of_another_authority_cannot_check_eligibility(world, submitted):
    with pytest.raises(PermissionDenied):
        services.eligibility_record(
            user=world.other_officer,
            project=submitted,
            results={c.pk: (True, "") for c in general(world)},
        )


def test_a_failed_general_criterion_needs_a_note_and_rejects_the_application(world, submitted):
    first, second = general(world)
    with pytest.raises(ValidationError) as error:
        services.eligibility_record(
            user=world.officer,
            project=submitted,
            results={first.pk: (True, ""), second.pk: (False, "")},
        )
    assert f"criterion_{second.pk}" in error.value.message_dict
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED
    project = services.eligibility_record(
        user=world.officer,
        project=submitted,
        results={first.pk: (True, ""), second.pk: (False, "Hakijalla ei ole resursseja.")},
    )
    assert project.status == workflow.REJECTED
    entry = project.timeline.get(kind=activity.ELIGIBILITY_FAILED)
    assert "Hakijalla ei ole resursseja." in entry.message


def test_scores_average_with_half_points_and_are_hidden_until_own_submission(world, submitted):
    project = pass_eligibility(world, submitted)
    services.assessor_assign(user=world.officer, project=project, assessor=world.assessor)
    services.assessor_assign(user=world.officer, project=project, assessor=world.second_assessor)
    score(world, world.assessor, project, ["4", "3,5", "2.5"])  # 10
    table = selectors.score_table(project=project, viewer=world.second_assessor)
    others = [c for c in table.columns if c.assignment.assessor == world.assessor][0]
    assert not others.visible and table.average is None
    score(world, world.second_assessor, project, ["5", "4", "2"])  # 11
    table = selectors.score_table(project=project, viewer=world.second_assessor)
    assert all(c.visible for c in table.columns)
    assert table.average == Decimal("10.5")
    assert table.max_total == Decimal("13")
    assert table.threshold_met is True
    project.assessment.refresh_from_db()
    assert project.assessment.score == Decimal("10.5")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6", "from 0 to 5"),
        ("3.25", "half points"),
        ("kolme", "Enter a score"),
        ("-1", "from 0 to 5"),
    ],
)
def test_an_invalid_score_is_refused_with_its_reason(world, submitted, value, message):
    project = pass_eligibility(world, submitted)
    assignment = services.assessor_assign(
        user=world.officer, project=project, assessor=world.assessor
    )
    criterion = special(world)[0]
    with pytest.raises(ValidationError) as error:
        services.scores_save(
            user=world.assessor, assignment=assignment, scores={criterion.pk: (value, "x")}
        )
    assert message in " ".join(error.value.message_dict[f"score_{criterion.pk}"])
    assert not assignment.scores.exists()


def test_the_chain_is_passed_in_order_and_the_decision_publishes_the_project(
    world, submitted, django_capture_on_commit_callbacks
):
    project = pass_eligibility(world, submitted)
    services.assessor_assign(user=world.officer, project=project, assessor=world.assessor)
    score(world, world.assessor, project, ["4", "4", "2"])
    myr = services.meeting_create(
        user=world.officer, authority=world.authority, kind="myr", date=datetime.date(2026, 12, 10)
    )
    with pytest.raises(ValidationError, match="next step"):
        services.agenda_add(user=world.officer, meeting=myr, project=project)
    funding = services.meeting_create(
        user=world.officer,
        authority=world.authority,
        kind="funding_meeting",
        date=datetime.date(2026, 12, 1),
        secretary=world.committee_member,
    )
    item = services.agenda_add(user=world.officer, meeting=funding, project=project)
    with pytest.raises(ValidationError):
        services.funding_decision_make(
            user=world.officer,
            project=project,
            approve=True,
            granted_amount="80000",
            eligible_from=project.start_date,
            eligible_until=project.end_date,
        )
    with pytest.raises(ValidationError):
        services.statement_record(user=world.committee_member, item=item, statement="postponed")
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_record(user=world.committee_member, item=item, statement="favourable")
    assert mail.outbox[-1].to == [world.applicant.email]
    item2 = services.agenda_add(user=world.officer, meeting=myr, project=project)
    services.statement_record(
        user=world.officer, item=item2, statement="favourable", text="MYR puoltaa."
    )
    assert selectors.chain_complete(project)
    with pytest.raises(ValidationError) as error:
        services.funding_decision_make(
            user=world.officer,
            project=project,
            approve=True,
            granted_amount="90000",
            eligible_from=project.start_date,
            eligible_until=project.end_date,
        )
    assert "€80,000" in " ".join(error.value.message_dict["granted_amount"])
    decision = services.funding_decision_make(
        user=world.officer,
        project=project,
        approve=True,
        granted_amount="80 000,00",
        eligible_from=project.start_date,
        eligible_until=project.end_date,
        conditions="Raportoi puolivuosittain.",
    )
    project.refresh_from_db()
    assert decision.outcome == FundingDecision.Outcome.APPROVED
    assert decision.aid_rate == Decimal("80.00")
    assert project.status == workflow.ONGOING and project.is_public
    assert project.budget.approved_at is not None
    kinds = list(project.timeline.values_list("kind", flat=True))
    assert kinds[:3] == [activity.CREATED, activity.SUBMITTED, activity.ELIGIBILITY_PASSED]
    assert activity.DECISION_APPROVED in kinds
    assert AgendaItem.objects.filter(project=project, statement="favourable").count() == 2
