"""Similar projects for the officer: ranked by shared significant words (stemmed, so inflected
Finnish forms match), with the same applicant and overlapping periods as reasons; the project
itself, drafts and other authorities' unpublished applications are left out."""

import datetime

import pytest
from django.utils import translation

from hanke.accounts.tests.factories import OrganisationFactory
from hanke.projects import similarity, workflow
from hanke.projects.similarity import similar_projects
from hanke.projects.tests.factories import ProjectFactory, ProjectSectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def target():
    project = ProjectFactory(
        name_fi="Tekoälystä kasvua verkkokauppaan",
        summary_fi="Koulutetaan pk-yritysten henkilöstöä verkkokaupan ja tekoälyn käyttöön.",
        status=workflow.SUBMITTED,
        is_public=False,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    ProjectSectionFactory(
        project=project, kind="background", body_fi="Yrityksiltä puuttuu tekoälyosaamista."
    )
    return project


def unrelated(**extra):
    return ProjectFactory(
        name_fi="Metsäteiden kunnostus",
        summary_fi="Kunnostetaan metsäautoteitä ja siltoja syrjäisillä kylillä.",
        **extra,
    )


def test_a_project_sharing_significant_words_ranks_above_an_unrelated_one(target):
    related = ProjectFactory(
        name_fi="Verkkokauppa ja tekoäly pk-yrityksille",
        summary_fi="Tekoälyn käyttö verkkokaupassa.",
    )
    other = unrelated()
    result = similar_projects(target)
    projects = [item.project for item in result]
    assert projects[0] == related
    assert other not in projects or projects.index(other) > projects.index(related)
    assert target not in projects
    first = result[0]
    assert first.text_score > 0
    # Stemming: `verkkokaupan`, `verkkokauppa` and `verkkokaupassa` are one word; the word is
    # shown as the application under assessment writes it.
    assert "verkkokaupan" in first.shared_words or "verkkokauppaan" in first.shared_words
    with translation.override("en"):
        assert any(reason.startswith("shared words:") for reason in first.reasons)


def test_the_same_applicant_is_a_reason_even_with_different_words(target):
    same = unrelated(implementer=target.implementer)
    unrelated()  # another organisation's: nothing in common
    result = similar_projects(target)
    assert [item.project for item in result] == [same]
    assert result[0].same_implementer
    with translation.override("en"):
        assert f"same applicant: {target.implementer.name}" in result[0].reasons


def test_overlapping_periods_are_given_with_their_years(target):
    overlapping = ProjectFactory(
        name_fi="Verkkokaupan tekoälykoulutus",
        start_date=datetime.date(2023, 6, 1),
        end_date=datetime.date(2025, 5, 31),
    )
    later = ProjectFactory(
        name_fi="Verkkokaupan tekoälykoulutus jatkuu",
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2028, 12, 31),
    )
    result = {item.project: item for item in similar_projects(target)}
    assert result[overlapping].overlap == (2024, 2025)
    assert result[later].overlap is None
    with translation.override("en"):
        assert "periods overlap 2024–2025" in result[overlapping].reasons


def test_drafts_and_stop_words_do_not_count(target):
    ProjectFactory(
        name_fi="Tekoälystä kasvua verkkokauppaan",
        status=workflow.DRAFT,
        is_public=False,
    )
    only_function_words = ProjectFactory(
        name_fi="Hanke ja se on myös",
        summary_fi="Hankkeen tavoitteena on että se ja myös.",
    )
    result = similar_projects(target)
    assert [item.project for item in result] == []
    assert only_function_words.pk  # compared, but nothing significant in common


def test_an_officer_is_not_shown_another_authority_s_unpublished_application(target, world):
    hidden = ProjectFactory(
        name_fi="Tekoälystä kasvua verkkokauppaan Lapissa",
        status=workflow.SUBMITTED,
        is_public=False,
        funding_authority=world.other_authority,
    )
    own = ProjectFactory(
        name_fi="Tekoälystä kasvua verkkokauppaan Oulussa",
        status=workflow.SUBMITTED,
        is_public=False,
        funding_authority=world.authority,
    )
    public = ProjectFactory(name_fi="Tekoälystä kasvua verkkokauppaan Kainuussa")
    shown = {item.project for item in similar_projects(target, viewer=world.officer)}
    assert shown == {own, public}
    assert hidden in {item.project for item in similar_projects(target)}


def test_the_candidate_set_is_bounded_but_keeps_the_same_applicant(target, monkeypatch):
    same = ProjectFactory(
        name_fi="Tekoälyä verkkokauppaan, osa 1",
        implementer=target.implementer,
    )
    old_other = ProjectFactory(name_fi="Tekoälyä verkkokauppaan, osa 2")
    newest = ProjectFactory(name_fi="Tekoälyä verkkokauppaan, osa 3")
    monkeypatch.setattr(similarity, "CANDIDATE_LIMIT", 1)
    ids = similarity.candidate_ids(target)
    assert newest.pk in ids and same.pk in ids
    assert old_other.pk not in ids
    assert len(similar_projects(target, limit=1)) == 1


def test_many_projects_are_compared_in_a_fixed_number_of_queries(
    target, django_assert_max_num_queries
):
    implementer = OrganisationFactory()
    for n in range(30):
        ProjectFactory(
            name_fi=f"Verkkokauppahanke {n}", summary_fi="Tekoäly.", implementer=implementer
        )
    with django_assert_max_num_queries(8):
        result = similar_projects(target)
    assert len(result) == 5
