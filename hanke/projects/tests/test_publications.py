"""A project's outputs page: the publication deliverables by work package with target and
published count, and the publications, which the project's staff add, edit and delete. A
publication counts towards its deliverable by being recorded; bad input gets a clear message and
changes nothing; officers of the funding authority only read."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from hanke.projects.models import Deliverable, Publication
from hanke.projects.output_services import (
    publication_create,
    publication_delete,
    publication_update,
)
from hanke.projects.tests.factories import (
    DeliverableFactory,
    ProjectFactory,
    WorkPackageFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def url(name, *args):
    with translation.override("en"):
        return reverse(f"projects:{name}", args=args)


@pytest.fixture
def project(world):
    return ProjectFactory(implementer=world.applicant_org, funding_authority=world.authority)


@pytest.fixture
def blogs(project):
    """Seed 002's WP3: 25–30 blog posts and a workbook."""
    package = WorkPackageFactory(project=project, number=3, title_fi="Viestintä ja materiaalit")
    return DeliverableFactory(
        project=project,
        work_package=package,
        deliverable_type=Deliverable.Type.BLOG_POST,
        title_fi="Blogikirjoitukset",
        target_qualifier=Deliverable.Qualifier.RANGE,
        target_min=25,
        target_max=30,
    )


@pytest.fixture
def workbook(blogs):
    return DeliverableFactory(
        project=blogs.project,
        work_package=blogs.work_package,
        deliverable_type=Deliverable.Type.WORKBOOK,
        title_fi="Työkirja",
        target_qualifier=Deliverable.Qualifier.EXACTLY,
        target_min=1,
    )


@pytest.fixture
def post(project, blogs):
    return Publication.objects.create(
        project=project,
        deliverable=blogs,
        title="Tekoäly verkkokaupan apuna",
        published_on=datetime.date(2024, 5, 2),
        url="https://example.fi/blogi/tekoaly",
    )


def form_data(**overrides):
    data = {
        "title": "Asiakasdata haltuun",
        "published_on": "2024-06-10",
        "url": "https://example.fi/blogi/asiakasdata",
        "deliverable": "",
    }
    data.update(overrides)
    return data


def published(response, deliverable):
    for group in response.context["groups"]:
        for d in group.deliverables:
            if d.pk == deliverable.pk:
                return d.published
    raise AssertionError(f"{deliverable} is not on the page")


# --- The page ----------------------------------------------------------------------------------


def test_the_page_shows_deliverables_by_work_package_and_the_publications(
    client, world, project, blogs, workbook, post
):
    other_type = DeliverableFactory(
        project=project, deliverable_type=Deliverable.Type.EVENT, title_fi="Tapahtumat"
    )
    client.force_login(world.officer)
    response = client.get(url("publications", project.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Work package 3: Viestintä ja materiaalit" in html
    assert "Blogikirjoitukset" in html and "25–30" in html
    assert "Työkirja" in html
    assert other_type.title_fi not in html  # counted on the progress page
    assert "Tekoäly verkkokaupan apuna" in html
    assert 'href="https://example.fi/blogi/tekoaly"' in html
    assert "2 May 2024" in html
    assert published(response, blogs) == 1
    assert published(response, workbook) == 0
    assert f'href="{url("publications", project.pk)}" aria-current="page"' in html


def test_deliverables_of_no_work_package_come_last(client, world, project, blogs):
    loose = DeliverableFactory(
        project=project, deliverable_type=Deliverable.Type.VIDEO, title_fi="Videomateriaali"
    )
    client.force_login(world.applicant)
    response = client.get(url("publications", project.pk))
    groups = response.context["groups"]
    assert [g.work_package for g in groups] == [blogs.work_package, None]
    assert groups[1].deliverables == [loose]
    assert "Not in a work package" in response.content.decode()


def test_another_projects_publications_are_not_shown(client, world, project, blogs):
    Publication.objects.create(
        project=ProjectFactory(), title="Toisen hankkeen julkaisu", published_on=TODAY()
    )
    client.force_login(world.applicant)
    assert (
        "Toisen hankkeen julkaisu"
        not in client.get(url("publications", project.pk)).content.decode()
    )


# --- Counts ------------------------------------------------------------------------------------


def test_adding_editing_and_deleting_update_the_counts(client, world, project, blogs, workbook):
    client.force_login(world.applicant)
    page = url("publications", project.pk)
    assert published(client.get(page), blogs) == 0

    for n in range(2):
        response = client.post(
            url("publication_new", project.pk),
            form_data(title=f"Blogi {n}", deliverable=blogs.pk),
        )
        assert response.status_code == 302
        assert response["Location"] == page
    response = client.get(page)
    assert published(response, blogs) == 2
    assert "The publication was added." in response.content.decode()

    moved = Publication.objects.get(title="Blogi 1")
    client.post(
        url("publication_edit", project.pk, moved.pk),
        form_data(title="Työkirja verkkokauppiaalle", deliverable=workbook.pk),
    )
    response = client.get(page)
    assert published(response, blogs) == 1
    assert published(response, workbook) == 1
    assert "target reached" in response.content.decode()

    client.post(url("publication_delete", project.pk, moved.pk))
    response = client.get(page)
    assert published(response, workbook) == 0
    assert not Publication.objects.filter(pk=moved.pk).exists()


def test_the_form_saves_every_field(client, world, project, blogs):
    client.force_login(world.applicant)
    client.post(url("publication_new", project.pk), form_data(deliverable=blogs.pk))
    publication = Publication.objects.get()
    assert publication.project == project
    assert publication.title == "Asiakasdata haltuun"
    assert publication.published_on == datetime.date(2024, 6, 10)
    assert publication.url == "https://example.fi/blogi/asiakasdata"
    assert publication.deliverable == blogs


def test_the_edit_form_shows_the_current_values(client, world, project, post):
    client.force_login(world.applicant)
    html = client.get(url("publication_edit", project.pk, post.pk)).content.decode()
    assert 'value="Tekoäly verkkokaupan apuna"' in html
    assert 'value="2024-05-02"' in html
    assert f'<option value="{post.deliverable_id}" selected>' in html


def test_a_finnish_date_is_understood(client, world, project):
    client.force_login(world.applicant)
    with translation.override("fi"):
        new = reverse("projects:publication_new", args=[project.pk])
    client.post(new, form_data(published_on="9.4.2024"))
    assert Publication.objects.get().published_on == datetime.date(2024, 4, 9)


# --- Validation --------------------------------------------------------------------------------


def post_invalid(client, project, **overrides):
    response = client.post(url("publication_new", project.pk), form_data(**overrides))
    assert response.status_code == 200
    assert not Publication.objects.exists()
    return response.content.decode()


def test_a_date_in_the_future_is_refused(client, world, project):
    client.force_login(world.applicant)
    tomorrow = TODAY() + datetime.timedelta(days=1)
    html = post_invalid(client, project, published_on=tomorrow.isoformat())
    assert "The date of publication cannot be in the future" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_published_on-error"' in html


def test_today_is_fine(client, world, project):
    client.force_login(world.applicant)
    client.post(url("publication_new", project.pk), form_data(published_on=TODAY().isoformat()))
    assert Publication.objects.get().published_on == TODAY()


@pytest.mark.parametrize(
    "link", ["ftp://example.fi/tiedosto.pdf", "javascript:alert(1)", "example fi", "www."]
)
def test_a_link_must_be_http_or_https(client, world, project, link):
    client.force_login(world.applicant)
    html = post_invalid(client, project, url=link)
    assert "starts with http:// or https://" in html


def test_a_link_is_optional(client, world, project):
    client.force_login(world.applicant)
    client.post(url("publication_new", project.pk), form_data(url=""))
    assert Publication.objects.get().url == ""


def test_title_and_date_are_required(client, world, project):
    client.force_login(world.applicant)
    html = post_invalid(client, project, title="   ", published_on="")
    assert html.count("This field is required.") >= 2
    html = post_invalid(client, project, published_on="31.2.2024")
    assert "Enter a date, for example 9.4.2025." in html


def test_only_this_projects_publication_deliverables_can_be_chosen(client, world, project, blogs):
    event_target = DeliverableFactory(project=project, deliverable_type=Deliverable.Type.EVENT)
    elsewhere = DeliverableFactory(deliverable_type=Deliverable.Type.BLOG_POST)
    client.force_login(world.applicant)
    html = client.get(url("publication_new", project.pk)).content.decode()
    assert f'value="{blogs.pk}"' in html
    assert "Blogikirjoitukset (work package 3. Viestintä ja materiaalit)" in html
    assert f'value="{event_target.pk}"' not in html
    assert f'value="{elsewhere.pk}"' not in html
    for other in (event_target, elsewhere):
        html = post_invalid(client, project, deliverable=other.pk)
        assert "Select a valid choice" in html


def test_the_service_refuses_the_same_rules(world, project, blogs):
    elsewhere = DeliverableFactory(deliverable_type=Deliverable.Type.STUDY)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        publication_create(
            user=world.applicant,
            project=project,
            title=" ",
            published_on=TODAY() + datetime.timedelta(days=3),
            url="ftp://example.fi/x",
            deliverable=elsewhere,
        )
    assert set(caught.value.message_dict) == {"title", "published_on", "url", "deliverable"}
    assert not Publication.objects.exists()


def test_an_invalid_edit_changes_nothing(client, world, project, post):
    client.force_login(world.applicant)
    response = client.post(
        url("publication_edit", project.pk, post.pk),
        form_data(title="Uusi nimi", url="ftp://example.fi/x"),
    )
    assert response.status_code == 200
    post.refresh_from_db()
    assert post.title == "Tekoäly verkkokaupan apuna"
    assert post.url == "https://example.fi/blogi/tekoaly"


# --- Permissions -------------------------------------------------------------------------------


def pages(project, post):
    return {
        "publications": url("publications", project.pk),
        "new": url("publication_new", project.pk),
        "edit": url("publication_edit", project.pk, post.pk),
        "delete": url("publication_delete", project.pk, post.pk),
    }


def test_the_projects_staff_opens_every_page(client, world, project, post):
    client.force_login(world.applicant)
    for name, page in pages(project, post).items():
        assert client.get(page).status_code == 200, name
    html = client.get(url("publications", project.pk)).content.decode()
    assert "Add a publication" in html
    assert url("publication_edit", project.pk, post.pk) in html


def test_the_officer_reads_but_does_not_change(client, world, project, post):
    client.force_login(world.officer)
    urls = pages(project, post)
    response = client.get(urls["publications"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Add a publication" not in html
    assert urls["edit"] not in html
    for name in ("new", "edit", "delete"):
        response = client.get(urls[name])
        assert response.status_code == 403, name
        assert "Only the project&#x27;s own staff can record its publications." in (
            response.content.decode()
        )
    client.post(urls["new"], form_data())
    client.post(urls["edit"], form_data(title="Muutettu"))
    client.post(urls["delete"])
    post.refresh_from_db()
    assert post.title == "Tekoäly verkkokaupan apuna"
    assert Publication.objects.count() == 1


@pytest.mark.parametrize("who", ["other_officer", "outsider", "assessor"])
def test_others_get_the_403_page(client, world, project, post, who):
    client.force_login(getattr(world, who))
    for name, page in pages(project, post).items():
        assert client.get(page).status_code == 403, name
    client.post(pages(project, post)["delete"])
    assert Publication.objects.filter(pk=post.pk).exists()


def test_anonymous_visitors_go_to_the_login_page(client, project, post):
    for name, page in pages(project, post).items():
        response = client.get(page)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/en/login/?next=")
    client.post(pages(project, post)["delete"])
    assert Publication.objects.filter(pk=post.pk).exists()


def test_a_publication_of_another_project_is_not_found_through_this_one(client, world, project):
    foreign = Publication.objects.create(
        project=ProjectFactory(), title="Vieras", published_on=datetime.date(2024, 1, 1)
    )
    client.force_login(world.applicant)
    assert client.get(url("publication_edit", project.pk, foreign.pk)).status_code == 404
    assert client.post(url("publication_delete", project.pk, foreign.pk)).status_code == 404
    assert Publication.objects.filter(pk=foreign.pk).exists()


def test_the_services_check_the_right_too(world, project, post):
    with pytest.raises(PermissionDenied):
        publication_create(user=world.officer, project=project, title="X", published_on=TODAY())
    with pytest.raises(PermissionDenied):
        publication_update(user=world.officer, publication=post, title="X", published_on=TODAY())
    with pytest.raises(PermissionDenied):
        publication_delete(user=world.outsider, publication=post)
    post.refresh_from_db()
    assert post.title == "Tekoäly verkkokaupan apuna"
