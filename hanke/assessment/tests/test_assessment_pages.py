"""The officer's and assessors' pages, used as a browser would: the inbox, the case page with its
eligibility check, assessors, scores, funder's assessment and return, the assessor's scoring form
(which never shows another assessor's scores before one's own are submitted), and the diff between
two submitted versions. Everyone else is refused."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from hanke.assessment import selectors, services
from hanke.assessment.models import AssessorAssignment, EligibilityCheck
from hanke.projects import workflow
from hanke.projects.models import Project
from hanke.projects.services import (
    application_create,
    application_submit,
    application_summary_set,
)
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    with translation.override("fi"):
        yield


@pytest.fixture
def submitted(world):
    project = application_create(user=world.applicant, call=world.call)
    fill_application(project)
    application_submit(user=world.applicant, project=project)
    project.refresh_from_db()
    return project


@pytest.fixture
def in_assessment(world, submitted):
    return services.eligibility_record(
        user=world.officer,
        project=submitted,
        results={c.pk: (True, "") for c in selectors.general_criteria(world.call)},
    )


@pytest.fixture
def two_assessors(world, in_assessment):
    services.assessor_assign(user=world.officer, project=in_assessment, assessor=world.assessor)
    services.assessor_assign(
        user=world.officer, project=in_assessment, assessor=world.second_assessor
    )
    return in_assessment


def special(world):
    return selectors.special_criteria(world.call)


def general(world):
    return selectors.general_criteria(world.call)


def case_url(project):
    return reverse("assessment:application", args=[project.pk])


def score_url(project):
    return reverse("assessment:score", args=[project.pk])


def html_of(response) -> str:
    return response.content.decode().replace("\u00a0", " ")


def error_text(html: str, field_id: str) -> str:
    """The text of the error shown next to a field (`<p … id="<field id>-error">`)."""
    match = re.search(rf'id="{re.escape(field_id)}-error">([^<]*)<', html)
    assert match, f"no error shown next to {field_id}"
    return match.group(1)


def score_data(world, values, justification="Perustelu.", save="draft"):
    data = {"save": save}
    for criterion, value in zip(special(world), values, strict=True):
        data[f"score_{criterion.pk}"] = value
        data[f"justification_{criterion.pk}"] = justification
    return data


# --- Access ----------------------------------------------------------------------------------------


def all_urls(project):
    return [
        reverse("assessment:inbox"),
        case_url(project),
        score_url(project),
        reverse("assessment:version_diff", args=[project.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, two_assessors):
    for url in all_urls(two_assessors):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/fi/login/?next=")
    response = client.post(case_url(two_assessors), {"action": "return", "message": "x"})
    assert response.status_code == 302


def test_an_outsider_is_refused_every_page(client, world, two_assessors):
    client.force_login(world.outsider)
    for url in all_urls(two_assessors):
        assert client.get(url).status_code == 403, url
    response = client.post(case_url(two_assessors), {"action": "return", "message": "Lisää."})
    assert response.status_code == 403
    two_assessors.refresh_from_db()
    assert two_assessors.status == workflow.IN_ASSESSMENT


def test_officer_of_another_authority_and_the_applicant_cannot_open_the_case(
    client, world, submitted
):
    for user in (world.other_officer, world.applicant):
        client.force_login(user)
        assert client.get(case_url(submitted)).status_code == 403
        response = client.post(
            case_url(submitted),
            {"action": "eligibility", **{f"criterion_{c.pk}": "met" for c in general(world)}},
        )
        assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED


def test_an_assessor_not_assigned_cannot_score(client, world, in_assessment):
    services.assessor_assign(user=world.officer, project=in_assessment, assessor=world.assessor)
    client.force_login(world.second_assessor)
    assert client.get(score_url(in_assessment)).status_code == 403
    response = client.post(score_url(in_assessment), score_data(world, ["1", "1", "1"]))
    assert response.status_code == 403
    # An assessor is not the officer: the case page is not theirs either.
    client.force_login(world.assessor)
    assert client.get(case_url(in_assessment)).status_code == 403


# --- Inbox -----------------------------------------------------------------------------------------


def test_the_inbox_lists_the_officer_s_authority_s_applications_only(client, world, submitted):
    Project.objects.create(
        name_fi="Lapin matkailuhakemus",
        status=workflow.SUBMITTED,
        funding_authority=world.other_authority,
    )
    client.force_login(world.officer)
    html = html_of(client.get(reverse("assessment:inbox")))
    assert submitted.name_fi in html
    assert world.applicant_org.name_fi in html
    assert case_url(submitted) in html
    assert "Lapin matkailuhakemus" not in html

    client.force_login(world.other_officer)
    html = html_of(client.get(reverse("assessment:inbox")))
    assert "Lapin matkailuhakemus" in html
    assert submitted.name_fi not in html


def test_the_inbox_filters_by_call_and_status_and_survives_bad_values(client, world, submitted):
    client.force_login(world.officer)
    inbox = reverse("assessment:inbox")
    html = html_of(client.get(inbox, {"call": world.call.pk, "status": workflow.SUBMITTED}))
    assert submitted.name_fi in html
    html = html_of(client.get(inbox, {"status": workflow.IN_ASSESSMENT}))
    assert submitted.name_fi not in html
    for bad in ({"status": "kaikki"}, {"call": "abc"}, {"call": "999999"}):
        response = client.get(inbox, bad)
        assert response.status_code == 200
        html = html_of(response)
        assert 'class="messages"' in html
        assert submitted.name_fi in html  # shown unfiltered


def test_the_assessor_sees_the_queue_to_score_and_submitted(client, world, two_assessors):
    client.force_login(world.assessor)
    response = client.get(reverse("assessment:inbox"))
    assert response.status_code == 200
    assert response.context["to_score"][0].project == two_assessors
    assert score_url(two_assessors) in html_of(response)
    assert "is_officer" in response.context and not response.context["is_officer"]
    client.post(score_url(two_assessors), score_data(world, ["4", "3", "2"], save="submit"))
    response = client.get(reverse("assessment:inbox"))
    assert not response.context["to_score"]
    assert response.context["scored"][0].project == two_assessors


# --- Eligibility -----------------------------------------------------------------------------------


def test_all_criteria_met_starts_the_assessment(client, world, submitted):
    client.force_login(world.officer)
    page = client.get(case_url(submitted))
    assert page.status_code == 200
    html = html_of(page)
    for criterion in general(world):
        assert f'name="criterion_{criterion.pk}"' in html
    response = client.post(
        case_url(submitted),
        {"action": "eligibility", **{f"criterion_{c.pk}": "met" for c in general(world)}},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == workflow.IN_ASSESSMENT
    assert EligibilityCheck.objects.filter(project=submitted, passed=True).count() == 2


def test_a_failed_criterion_without_a_note_is_refused_next_to_the_field(client, world, submitted):
    first, second = general(world)
    client.force_login(world.officer)
    response = client.post(
        case_url(submitted),
        {
            "action": "eligibility",
            f"criterion_{first.pk}": "met",
            f"criterion_{second.pk}": "not_met",
            f"note_{second.pk}": "  ",
        },
    )
    assert response.status_code == 200
    html = html_of(response)
    assert error_text(html, f"id_criterion_{second.pk}")
    assert f'aria-describedby="id_criterion_{second.pk}-error"' in html
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED
    assert not EligibilityCheck.objects.filter(project=submitted).exists()

    response = client.post(
        case_url(submitted),
        {
            "action": "eligibility",
            f"criterion_{first.pk}": "met",
            f"criterion_{second.pk}": "not_met",
            f"note_{second.pk}": "Hakijalla ei ole osaamista.",
        },
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == workflow.REJECTED
    html = html_of(client.get(case_url(submitted)))
    assert "Hakijalla ei ole osaamista." in html  # the recorded checks and the timeline


def test_an_unanswered_criterion_is_shown_next_to_its_radio_group(client, world, submitted):
    first, second = general(world)
    client.force_login(world.officer)
    response = client.post(
        case_url(submitted), {"action": "eligibility", f"criterion_{first.pk}": "met"}
    )
    assert error_text(html_of(response), f"id_criterion_{second.pk}")
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED


# --- Assessors and scores ---------------------------------------------------------------------------


def test_the_officer_assigns_assessors(client, world, in_assessment):
    client.force_login(world.officer)
    html = html_of(client.get(case_url(in_assessment)))
    assert f'value="{world.assessor.pk}"' in html
    assert f'value="{world.outsider.pk}"' not in html  # not an assessor
    response = client.post(
        case_url(in_assessment), {"action": "assign", "assessor": world.assessor.pk}
    )
    assert response.status_code == 302
    client.post(case_url(in_assessment), {"action": "assign", "assessor": world.second_assessor.pk})
    assert set(in_assessment.assessor_assignments.values_list("assessor", flat=True)) == {
        world.assessor.pk,
        world.second_assessor.pk,
    }
    html = html_of(client.get(case_url(in_assessment)))
    assert f'value="{world.assessor.pk}"' not in html  # already assigned, no longer offered
    # Choosing someone who is not on the list is refused next to the field.
    response = client.post(
        case_url(in_assessment), {"action": "assign", "assessor": world.outsider.pk}
    )
    assert error_text(html_of(response), "id_assessor")


def test_the_scoring_form_saves_a_draft_and_refuses_a_score_above_the_maximum(
    client, world, two_assessors
):
    first = special(world)[0]
    client.force_login(world.assessor)
    page = client.get(score_url(two_assessors))
    assert page.status_code == 200
    assert f'name="score_{first.pk}"' in html_of(page)

    response = client.post(score_url(two_assessors), score_data(world, ["3,5", "4", ""]))
    assert response.status_code == 302
    assignment = AssessorAssignment.objects.get(project=two_assessors, assessor=world.assessor)
    assert {str(s.score) for s in assignment.scores.all()} == {"3.5", "4.0"}
    assert assignment.submitted_at is None
    assert 'value="3,5"' in html_of(client.get(score_url(two_assessors)))

    response = client.post(score_url(two_assessors), score_data(world, ["6", "4", "2.5"]))
    assert response.status_code == 200
    html = html_of(response)
    assert "5" in error_text(html, f"id_score_{first.pk}")
    assert f'aria-describedby="id_score_{first.pk}-error' in html
    assert {str(s.score) for s in assignment.scores.all()} == {"3.5", "4.0"}  # unchanged


def test_submitting_needs_a_justification_for_every_score(client, world, two_assessors):
    client.force_login(world.assessor)
    response = client.post(
        score_url(two_assessors),
        score_data(world, ["4", "3", "2"], justification="", save="submit"),
    )
    assert response.status_code == 200
    html = html_of(response)
    for criterion in special(world):
        assert error_text(html, f"id_justification_{criterion.pk}")
    assignment = AssessorAssignment.objects.get(project=two_assessors, assessor=world.assessor)
    assert assignment.submitted_at is None

    response = client.post(
        score_url(two_assessors), score_data(world, ["4", "3", "2"], save="submit")
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    html = html_of(client.get(score_url(two_assessors)))
    assert f'name="score_{special(world)[0].pk}"' not in html  # read-only now
    response = client.post(score_url(two_assessors), score_data(world, ["1", "1", "1"]))
    assert response.status_code == 302
    assert sorted(str(s.score) for s in assignment.scores.all()) == ["2.0", "3.0", "4.0"]


def test_another_assessor_s_scores_stay_hidden_until_one_s_own_are_submitted(
    client, world, two_assessors
):
    secret = "Ensimmäisen arvioijan perustelu."
    client.force_login(world.assessor)
    client.post(
        score_url(two_assessors),
        score_data(world, ["4,5", "2,5", "1,5"], justification=secret, save="submit"),
    )
    client.force_login(world.second_assessor)
    for _attempt in ("before a draft", "after a draft"):
        html = html_of(client.get(score_url(two_assessors)))
        assert secret not in html
        assert "4,5" not in html and "2,5" not in html and "1,5" not in html
        assert "8,5" not in html  # nor the first assessor's total
        client.post(
            score_url(two_assessors), score_data(world, ["2", "2", "1"], justification="Oma.")
        )

    # The first assessor, who has submitted, does not see the second one's draft either.
    client.force_login(world.assessor)
    html = html_of(client.get(score_url(two_assessors)))
    assert "Oma." not in html
    client.force_login(world.second_assessor)
    client.post(
        score_url(two_assessors),
        score_data(world, ["2", "2", "1"], justification="Oma.", save="submit"),
    )
    html = html_of(client.get(score_url(two_assessors)))
    assert secret in html
    assert "4,5" in html and "8,5" in html
    assert "6,8 / 13" in html  # the average of 8,5 and 5, to one decimal


def test_the_officer_sees_every_score_and_the_average_with_a_decimal_comma(
    client, world, two_assessors
):
    client.force_login(world.assessor)
    client.post(score_url(two_assessors), score_data(world, ["4", "3,5", "2.5"], save="submit"))
    client.force_login(world.second_assessor)
    client.post(score_url(two_assessors), score_data(world, ["5", "4", "2"], save="submit"))
    client.force_login(world.officer)
    html = html_of(client.get(case_url(two_assessors)))
    assert "10,5 / 13" in html
    assert "3,5" in html and "Perustelu." in html
    assert html.count('class="result result-met"') >= 1  # the threshold 6 is met


# --- Funder's assessment and return -----------------------------------------------------------------


def test_the_funder_s_assessment_is_saved(client, world, in_assessment):
    client.force_login(world.officer)
    response = client.post(
        case_url(in_assessment), {"action": "funder_assessment", "text": "", "recommendation": ""}
    )
    assert response.status_code == 200
    html = html_of(response)
    assert error_text(html, "id_text")
    assert error_text(html, "id_recommendation")
    response = client.post(
        case_url(in_assessment),
        {
            "action": "funder_assessment",
            "text": "Hanke vastaa alueen tarpeisiin.",
            "recommendation": "recommended",
            "justification": "Hyvä suunnitelma.",
        },
    )
    assert response.status_code == 302
    in_assessment.assessment.refresh_from_db()
    assert in_assessment.assessment.funder_assessment_fi == "Hanke vastaa alueen tarpeisiin."
    assert in_assessment.assessment.recommendation == "recommended"
    assert "Hanke vastaa alueen tarpeisiin." in html_of(client.get(case_url(in_assessment)))


def test_return_for_additions_needs_a_message(client, world, submitted):
    client.force_login(world.officer)
    response = client.post(case_url(submitted), {"action": "return", "message": "   "})
    assert response.status_code == 200
    assert error_text(html_of(response), "id_message")
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED
    response = client.post(
        case_url(submitted), {"action": "return", "message": "Täydennä kustannusarvio."}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == workflow.RETURNED
    assert "Täydennä kustannusarvio." in html_of(client.get(case_url(submitted)))


def test_an_unknown_action_changes_nothing(client, world, submitted):
    client.force_login(world.officer)
    response = client.post(case_url(submitted), {"action": "delete"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == workflow.SUBMITTED


# --- Versions -----------------------------------------------------------------------------------------


def test_the_diff_after_a_return_and_resubmission_shows_the_changed_summary(
    client, world, submitted
):
    client.force_login(world.officer)
    client.post(case_url(submitted), {"action": "return", "message": "Tarkenna tiivistelmää."})
    application_summary_set(
        user=world.applicant,
        project=submitted,
        data={
            "summary": "Koulutetaan pk-yritysten henkilöstöä verkkokaupan ja robotiikan käyttöön."
        },
    )
    application_submit(user=world.applicant, project=submitted)

    html = html_of(client.get(case_url(submitted)))
    diff_url = reverse("assessment:version_diff", args=[submitted.pk])
    assert f"{diff_url}?from=1&amp;to=2" in html

    response = client.get(diff_url, {"from": 1, "to": 2})
    assert response.status_code == 200
    html = html_of(response)
    assert "<del>tekoälyn</del>" in html
    assert "<ins>robotiikan</ins>" in html
    from hanke.projects.application import SECTION_LABELS

    assert str(SECTION_LABELS["summary"]) in html
    assert "<del>" in html and 'class="diff-mark"' in html  # labelled in words, not colour only
    # Without parameters the latest two versions are compared.
    assert "<ins>robotiikan</ins>" in html_of(client.get(diff_url))


def test_bad_version_numbers_give_a_message(client, world, submitted):
    client.force_login(world.officer)
    diff_url = reverse("assessment:version_diff", args=[submitted.pk])
    for params in ({"from": 1, "to": 9}, {"from": "x", "to": "1"}, {"from": 1, "to": 1}):
        response = client.get(diff_url, params)
        assert response.status_code == 200
        html = html_of(response)
        assert 'class="messages"' in html
        assert "<ins>" not in html


def test_a_user_with_both_roles_sees_both_parts_of_the_inbox(client, world, two_assessors):
    from django.contrib.auth.models import Group

    from hanke.accounts import roles

    world.officer.groups.add(Group.objects.get(name=roles.ASSESSOR))
    services.assessor_assign(user=world.officer, project=two_assessors, assessor=world.officer)
    client.force_login(world.officer)
    response = client.get(reverse("assessment:inbox"))
    assert response.context["is_officer"] and response.context["is_assessor"]
    html = html_of(response)
    assert case_url(two_assessors) in html
    assert score_url(two_assessors) in html


def test_the_pages_have_no_inline_scripts_or_styles(client, world, two_assessors):
    """The Content-Security-Policy forbids them."""
    urls = {
        world.officer: [
            reverse("assessment:inbox"),
            case_url(two_assessors),
            reverse("assessment:version_diff", args=[two_assessors.pk]),
        ],
        world.assessor: [reverse("assessment:inbox"), score_url(two_assessors)],
    }
    for user, pages in urls.items():
        client.force_login(user)
        for url in pages:
            html = html_of(client.get(url))
            assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
            assert "style=" not in html and "<style" not in html, url
            assert "assessment/assessment.css" in html, url
