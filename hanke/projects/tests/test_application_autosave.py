"""Autosave: each section form posts itself as the applicant types (htmx). Valid data is written
and any unsaved copy dropped; invalid data is kept as the section's unsaved copy and shown again,
with its errors, when the applicant comes back, so typed text is never lost."""

import re

import pytest

from hanke.finance.models import Budget
from hanke.projects.models import SectionDraft
from hanke.projects.tests.conftest import autosave_url, section_url

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def autosave(client, project, section, data):
    return client.post(autosave_url(project, section), data, **HTMX)


def partners(row: dict) -> dict:
    data = {
        "partners-TOTAL_FORMS": "2",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    data.update({f"partners-0-{k}": v for k, v in row.items()})
    return data


def test_autosave_of_valid_data_writes_it_and_says_saved(applicant_client, draft):
    response = autosave(
        applicant_client, draft, "basic", {"name": "Tekoälyä", "kind": "development"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<span class="autosave-state autosave-saved">Saved \d\d:\d\d</span>', html)
    draft.refresh_from_db()
    assert draft.name_fi == "Tekoälyä"
    assert not SectionDraft.objects.exists()


def test_autosave_answers_with_the_status_and_error_slots_not_the_fields(applicant_client, draft):
    """The answer never contains the fields, so typing and focus are not disturbed."""
    html = autosave(
        applicant_client,
        draft,
        "partners",
        partners({"name": "Virhe Oy", "business_id": "1234567-2", "role": "partner"}),
    ).content.decode()
    assert "<input" not in html and "<textarea" not in html
    assert "Not saved yet: correct the marked fields – your text is kept." in html
    slot = re.search(
        r'<p class="field-error" id="id_partners-0-business_id-error" hx-swap-oob="true">(.*?)</p>',
        html,
    )
    assert slot and "is not a valid business ID" in slot.group(1)
    # the other fields' slots come too, empty, so that fixed errors disappear
    assert '<p class="field-error" id="id_partners-0-name-error" hx-swap-oob="true"></p>' in html


def test_invalid_data_is_kept_as_an_unsaved_copy_and_shown_again(applicant_client, draft):
    autosave(
        applicant_client,
        draft,
        "partners",
        partners(
            {
                "name": "Kesken Oy",
                "business_id": "1234567-2",
                "role": "partner",
                "description": "Pitkä kuvaus",
            }
        ),
    )
    saved = SectionDraft.objects.get(project=draft, section="partners")
    assert saved.data["partners-0-name"] == ["Kesken Oy"]
    assert "csrfmiddlewaretoken" not in saved.data
    assert not draft.partners.exists()

    html = applicant_client.get(section_url(draft, "partners")).content.decode()
    assert 'value="Kesken Oy"' in html
    assert "Pitkä kuvaus" in html
    assert "is not a valid business ID" in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_partners-0-business_id"', html)
    assert "Not saved yet" in html


def test_valid_data_after_an_unsaved_copy_clears_it(applicant_client, draft):
    autosave(
        applicant_client,
        draft,
        "partners",
        partners({"name": "Uusi Oy", "business_id": "1234567-2"}),
    )
    assert SectionDraft.objects.filter(project=draft, section="partners").exists()
    html = autosave(
        applicant_client,
        draft,
        "partners",
        partners({"name": "Uusi Oy", "business_id": "1234567-1", "role": "partner"}),
    ).content.decode()
    assert "Saved" in html
    assert not SectionDraft.objects.filter(project=draft, section="partners").exists()
    assert draft.partners.get().organisation.business_id == "1234567-1"
    # the error slot comes back empty
    assert (
        '<p class="field-error" id="id_partners-0-business_id-error" hx-swap-oob="true"></p>'
        in html
    )


def test_an_unsaved_section_is_listed_as_a_problem(applicant_client, draft):
    autosave(applicant_client, draft, "partners", partners({"name": "Uusi Oy", "business_id": "1"}))
    html = applicant_client.get(f"/en/applications/{draft.pk}/").content.decode()
    assert "This section has changes that were not saved because of errors" in html


def test_a_service_rule_is_shown_again_from_the_unsaved_copy(applicant_client, draft):
    autosave(applicant_client, draft, "costs", {"cost_model": "flat_40", "cost_staff": "364645"})
    autosave(
        applicant_client, draft, "financing", {"source_aid": "408403", "source_other_public": "1"}
    )
    assert SectionDraft.objects.filter(project=draft, section="financing").exists()
    html = applicant_client.get(section_url(draft, "financing")).content.decode()
    assert 'value="408403"' in html
    assert "the sources must match the total exactly" in html


def test_live_figures_come_with_each_autosave(applicant_client, draft):
    html = autosave(
        applicant_client, draft, "costs", {"cost_model": "flat_40", "cost_staff": "364 645"}
    ).content.decode()
    html = html.replace("\u00a0", " ")
    assert '<div id="cost-figures" class="live-figures" hx-swap-oob="true">' in html
    assert re.search(r'id="cost-flat-rate">€145,858<', html)
    assert re.search(r'id="cost-total"><strong>€510,503<', html)
    assert Budget.objects.get(project=draft).total_cost == 510503

    html = autosave(applicant_client, draft, "financing", {"source_aid": "408403"}).content.decode()
    assert re.search(r'id="financing-sum">€408,403<', html)
    assert re.search(r'id="financing-difference"><strong class="figure-bad">-€102,100<', html)
    assert re.search(r'id="financing-aid-rate">80.00%', html)


def test_the_section_form_posts_itself_with_htmx(applicant_client, draft):
    html = applicant_client.get(section_url(draft, "summary")).content.decode()
    form = re.search(r"<form[^>]*application-form[^>]*>", html).group(0)
    assert f'hx-post="{autosave_url(draft, "summary")}"' in form
    assert 'hx-trigger="input changed delay:800ms, change"' in form
    assert f'action="{section_url(draft, "summary")}"' in form
    assert (
        '<div id="autosave-status" class="autosave-status" role="status" aria-live="polite">'
        in html
    )


def test_autosave_after_submission_is_refused_and_nothing_changes(applicant_client, draft):
    from hanke.projects import workflow
    from hanke.projects.models import Project

    Project.objects.filter(pk=draft.pk).update(status=workflow.SUBMITTED)
    html = autosave(
        applicant_client, draft, "basic", {"name": "Myöhässä", "kind": "development"}
    ).content.decode()
    assert "The application has been submitted" in html
    draft.refresh_from_db()
    assert draft.name_fi == ""
    assert not SectionDraft.objects.exists()


def test_autosave_by_an_anonymous_user_redirects_the_page_to_login(client, draft):
    response = client.post(autosave_url(draft, "basic"), {"name": "x"}, **HTMX)
    assert response["HX-Redirect"].startswith("/en/login/")
