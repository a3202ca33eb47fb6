"""The printable application summary, as an EURA application print: description, target groups,
work packages, cost estimate and financing plan, and the funder's assessment once there is one.
A submitted version prints from its frozen snapshot, whatever changed after it."""

import pytest

from hanke.assessment.models import Assessment
from hanke.projects.models import Deliverable, ProjectPartner, WorkPackage
from hanke.projects.services import application_return, application_submit
from hanke.projects.tests.factories import fill_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(draft, world):
    from hanke.accounts.models import Organisation

    fill_application(draft)
    package = WorkPackage.objects.get(project=draft)
    Deliverable.objects.create(
        project=draft,
        work_package=package,
        deliverable_type="blog_post",
        title_fi="Blogikirjoitukset",
        target_qualifier="range",
        target_min=25,
        target_max=30,
    )
    ProjectPartner.objects.create(
        project=draft,
        organisation=Organisation.objects.create(name_fi="BusinessOulu", business_id="1234567-1"),
        role="partner",
    )
    return draft


def test_the_print_has_the_sections_of_an_application(applicant_client, filled, read_page):
    page = read_page(f"/fi/applications/{filled.pk}/print/")
    text = page.text
    for expected in [
        "Tekoälystä kasvua verkkokauppaan",
        "Yrityksiltä puuttuu tekoälyosaamista.",  # background
        "Lisätään verkkokaupan osaamista.",  # objectives
        "Pk-yritysten henkilöstö",  # target group
        "Koulutus",  # work package
        "Viisi koulutusmoduulia",  # activity
        "Blogikirjoitukset (25–30)",  # deliverable
        "BusinessOulu",
        "1234567-1",
        "71 428,57 €",  # staff costs
        "28 571,43 €",  # flat rate 40 %
        "100 000 €",  # total
        "80 000 €",  # aid
        "80,00 %",
    ]:
        assert expected in text, expected
    assert "not a submitted version" in text or "ei jätetty versio" in text


def test_the_pdf_is_a_pdf(applicant_client, filled):
    response = applicant_client.get(f"/fi/applications/{filled.pk}/print.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="hakemus-{filled.pk}.pdf"'


def test_a_version_prints_from_its_frozen_snapshot(applicant_client, filled, world, read_page):
    application_submit(user=world.applicant, project=filled)
    filled.refresh_from_db()
    application_return(user=world.officer, project=filled, message="Täydennä.")
    filled.refresh_from_db()
    filled.name_fi = "Uusi nimi"
    filled.save()
    html = read_page(f"/en/applications/{filled.pk}/print/?version=1").html
    version_text = html[html.index('<article class="application-print">') :]
    assert "Tekoälystä kasvua verkkokauppaan" in version_text
    assert "Uusi nimi" not in version_text
    assert "Version 1, submitted" in version_text
    assert "Uusi nimi" in read_page(f"/en/applications/{filled.pk}/print/").text
    pdf = applicant_client.get(f"/en/applications/{filled.pk}/print.pdf?version=1")
    assert pdf.content.startswith(b"%PDF")
    assert (
        'filename="hakemus-' in pdf["Content-Disposition"]
        and '-v1.pdf"' in pdf["Content-Disposition"]
    )


def test_an_unknown_version_is_not_found(applicant_client, filled):
    assert applicant_client.get(f"/en/applications/{filled.pk}/print/?version=7").status_code == 404
    assert applicant_client.get(f"/en/applications/{filled.pk}/print/?version=x").status_code == 404


def test_the_funders_assessment_is_printed_once_it_exists(applicant_client, filled, read_page):
    assert "The funder's assessment" not in read_page(
        f"/en/applications/{filled.pk}/print/"
    ).html.replace("&#x27;", "'")
    Assessment.objects.create(project=filled, funder_assessment_fi="Hanke on ohjelman mukainen.")
    html = read_page(f"/en/applications/{filled.pk}/print/").html.replace("&#x27;", "'")
    assert "The funder's assessment" in html
    assert "Hanke on ohjelman mukainen." in html
    assert 'lang="fi"' in html


def test_the_print_is_only_for_those_who_may_see_the_application(client, filled, personas):
    client.force_login(personas.outsider)
    assert client.get(f"/en/applications/{filled.pk}/print/").status_code == 403
    assert client.get(f"/en/applications/{filled.pk}/print.pdf").status_code == 403
    client.logout()
    assert client.get(f"/en/applications/{filled.pk}/print.pdf").status_code == 302
