"""Starting an application from a call, and the application page: what it shows and to whom."""

import pytest

from hanke.accounts.models import Membership, Organisation
from hanke.projects import workflow
from hanke.projects.models import Project
from hanke.projects.services import application_return, application_submit
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


def start(client, call, **data):
    return client.post(f"/en/applications/new/{call.pk}/", data)


def test_an_applicant_starts_an_application_and_lands_in_the_editor(applicant_client, world):
    response = start(applicant_client, world.call)
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/applications/{project.pk}/edit/basic/"
    assert project.status == workflow.DRAFT
    assert project.implementer == world.applicant_org
    assert project.call == world.call
    assert project.timeline.get().kind == "created"


def test_an_applicant_of_several_organisations_chooses_one(applicant_client, world):
    second = Organisation.objects.create(name_fi="Toinen ry")
    Membership.objects.create(user=world.applicant, organisation=second)
    response = start(applicant_client, world.call)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The organisation that applies" in html
    assert f'value="{second.pk}"' in html and f'value="{world.applicant_org.pk}"' in html
    assert not Project.objects.exists()

    response = start(applicant_client, world.call, choosing="1")
    assert "Choose the organisation that applies." in response.content.decode()
    assert not Project.objects.exists()

    response = start(applicant_client, world.call, organisation=second.pk)
    assert response.status_code == 302
    assert Project.objects.get().implementer == second


def test_an_organisation_the_user_does_not_work_for_is_refused(applicant_client, world):
    other = Organisation.objects.create(name_fi="Vieras ry")
    response = start(applicant_client, world.call, organisation=other.pk)
    assert "Choose one of your organisations." in response.content.decode()
    assert not Project.objects.exists()


def test_starting_needs_a_login_and_the_applicant_role(client, world):
    response = start(client, world.call)
    assert response.status_code == 302 and "/en/login/" in response["Location"]
    client.force_login(world.officer)
    assert start(client, world.call).status_code == 403
    assert not Project.objects.exists()


def test_a_closed_call_takes_no_applications(applicant_client, world):
    import datetime

    from django.utils import timezone

    world.call.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    world.call.save()
    response = start(applicant_client, world.call)
    assert response.status_code == 302
    assert response["Location"] == f"/en/calls/{world.call.pk}/"
    assert not Project.objects.exists()


def test_starting_is_a_post(applicant_client, world):
    assert applicant_client.get(f"/en/applications/new/{world.call.pk}/").status_code == 405


# --- the application page ------------------------------------------------------------------------


def test_the_page_lists_the_sections_with_their_problems(applicant_client, draft, read_page):
    page = read_page(f"/en/applications/{draft.pk}/")
    text = page.text
    assert "Draft" in text
    assert "Osaamisen kehittämisen jatkuva haku" in text
    assert "Oulun ammattikorkeakoulu Oy" in text
    assert "Basic data" in text and "Financing plan" in text and "Attachments" in text
    assert "Give the project" in text
    assert "Fill in the cost estimate." in text
    assert f'href="/en/applications/{draft.pk}/edit/basic/"' in page.html
    assert f'action="/en/applications/{draft.pk}/submit/"' in page.html


def test_a_complete_application_has_no_problems(applicant_client, draft, read_page):
    fill_application(draft)
    text = read_page(f"/en/applications/{draft.pk}/").text
    assert "Every section is complete: you can submit the application." in text


def test_the_funders_officer_sees_the_application_without_edit_links(client, draft, world):
    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    client.force_login(world.officer)
    html = client.get(f"/en/applications/{draft.pk}/").content.decode()
    assert "Submitted" in html
    assert "/edit/basic/" not in html
    assert "/submit/" not in html
    assert "Application submitted" in html  # the timeline


def test_an_outsider_gets_403_and_an_anonymous_user_the_login(client, draft, world, personas):
    client.force_login(personas.outsider)
    response = client.get(f"/en/applications/{draft.pk}/")
    assert response.status_code == 403
    assert "No access" in response.content.decode()
    client.force_login(world.other_officer)
    assert client.get(f"/en/applications/{draft.pk}/").status_code == 403
    client.logout()
    response = client.get(f"/en/applications/{draft.pk}/")
    assert response.status_code == 302 and "/en/login/" in response["Location"]


def test_a_returned_application_shows_the_funders_message(
    applicant_client, draft, world, read_page
):
    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    draft.refresh_from_db()
    application_return(
        user=world.officer, project=draft, message="Täydennä kustannusarvion perustelut."
    )
    text = read_page(f"/en/applications/{draft.pk}/").text
    assert "Returned for additions" in text
    assert "Täydennä kustannusarvion perustelut." in text
    assert "Resubmit the application" in text


def test_the_versions_are_listed_with_their_print(applicant_client, draft, world, read_page):
    fill_application(draft)
    application_submit(user=world.applicant, project=draft)
    page = read_page(f"/en/applications/{draft.pk}/")
    assert f'href="/en/applications/{draft.pk}/print/?version=1"' in page.html
    assert "hakija" in page.text


def test_my_projects_lists_the_applications_and_links_to_open_calls(applicant_client, draft, world):
    html = applicant_client.get("/en/my/projects/").content.decode()
    assert f'href="/en/applications/{draft.pk}/"' in html
    assert 'href="/en/calls/"' in html
    assert "Draft" in html
