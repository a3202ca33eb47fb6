"""Submitting: an incomplete application is not sent and the page says what is missing per
section; a complete one becomes version 1, submitted; after that the applicant can no longer edit."""

import pytest

from hanke.projects import workflow
from hanke.projects.models import ApplicationVersion, SectionDraft
from hanke.projects.services import application_return, application_submit
from hanke.projects.tests.conftest import autosave_url, section_url
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


def submit(client, project):
    return client.post(f"/en/applications/{project.pk}/submit/")


def test_an_incomplete_application_lists_the_problems_and_changes_nothing(applicant_client, draft):
    response = submit(applicant_client, draft)
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert "The application was not submitted" in html
    assert 'href="#section-basic"' in html and 'href="#section-costs"' in html
    basic = html[html.index('id="section-basic"') : html.index('id="section-partners"')]
    assert "Give the project's name." in basic and 'class="field-error"' in basic
    costs = html[html.index('id="section-costs"') : html.index('id="section-financing"')]
    assert "Fill in the cost estimate." in costs
    draft.refresh_from_db()
    assert draft.status == workflow.DRAFT
    assert not ApplicationVersion.objects.exists()
    assert draft.timeline.count() == 1  # only "created"


def test_an_unsaved_section_blocks_submission(applicant_client, draft):
    fill_application(draft)
    applicant_client.post(
        autosave_url(draft, "timetable"), {"start_date": "2020-01-01"}, HTTP_HX_REQUEST="true"
    )
    assert SectionDraft.objects.filter(project=draft).exists()
    html = submit(applicant_client, draft).content.decode()
    assert "changes that were not saved because of errors" in html
    draft.refresh_from_db()
    assert draft.status == workflow.DRAFT


def test_a_complete_application_becomes_version_1_and_submitted(applicant_client, draft):
    fill_application(draft)
    response = submit(applicant_client, draft)
    assert response.status_code == 302
    assert response["Location"] == f"/en/applications/{draft.pk}/"
    draft.refresh_from_db()
    assert draft.status == workflow.SUBMITTED
    version = ApplicationVersion.objects.get(project=draft)
    assert version.number == 1
    html = applicant_client.get(response["Location"]).content.decode()
    assert "Application submitted as version 1." in html


def test_editing_after_submission_is_refused(applicant_client, draft):
    fill_application(draft)
    submit(applicant_client, draft)
    response = applicant_client.get(section_url(draft, "basic"))
    assert response.status_code == 403
    assert "The application has been submitted" in response.content.decode()
    response = applicant_client.post(
        section_url(draft, "basic"), {"name": "Uusi nimi", "kind": "development"}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.name_fi == "Tekoälystä kasvua verkkokauppaan"
    # a second submit only says so
    response = submit(applicant_client, draft)
    assert response.status_code == 302
    assert ApplicationVersion.objects.count() == 1


def test_a_returned_application_is_edited_and_resubmitted_as_version_2(
    applicant_client, draft, world
):
    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    draft.refresh_from_db()
    application_return(user=world.officer, project=draft, message="Lisää aikataulu.")
    response = applicant_client.post(
        section_url(draft, "summary"), {"summary": "Tarkennettu tiivistelmä."}
    )
    assert response.status_code == 302
    assert submit(applicant_client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.status == workflow.SUBMITTED
    assert list(draft.application_versions.values_list("number", flat=True)) == [1, 2]


def test_only_the_applicants_staff_can_submit(client, draft, world, personas):
    fill_application(draft)
    client.force_login(world.officer)
    assert submit(client, draft).status_code == 403
    client.force_login(personas.outsider)
    assert submit(client, draft).status_code == 403
    draft.refresh_from_db()
    assert draft.status == workflow.DRAFT
    client.logout()
    response = submit(client, draft)
    assert response.status_code == 302 and "/en/login/" in response["Location"]
