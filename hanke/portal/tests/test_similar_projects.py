"""The project page lists published projects like it, with the words they share."""

import pytest

from hanke.portal.selectors import similar_projects_public
from hanke.projects import workflow
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_similar_projects_share_significant_words_and_unlike_ones_are_left_out(read_page):
    project = ProjectFactory(
        name_fi="Verkkokauppa pk-yrityksille",
        summary_fi="Pienet yritykset avaavat verkkokaupan ja oppivat digitaalista markkinointia.",
    )
    ProjectFactory(
        name_fi="Verkkokaupan kasvupolku",
        summary_fi="Yritysten verkkokauppojen ja digitaalisen markkinoinnin kehittäminen.",
    )
    ProjectFactory(
        name_fi="Verkkokauppaklubit",
        summary_fi="Klubit verkkokauppiaille.",
        status=workflow.DRAFT,
    )
    ProjectFactory(name_fi="Siltojen korjaus", summary_fi="Teiden ja siltojen kunnostaminen.")
    similar = similar_projects_public(project)
    assert [s.project.name_fi for s in similar] == ["Verkkokaupan kasvupolku"]
    page = read_page(f"/fi/projects/{project.pk}/")
    assert "Samankaltaiset hankkeet" in page.text
    assert "Verkkokaupan kasvupolku" in page.text
    assert "Siltojen korjaus" not in page.text
    assert "Verkkokauppaklubit" not in page.text
    assert (
        "yhteiset sanat: verkkokaupan" in page.text or "yhteiset sanat: verkkokauppa" in page.text
    )


def test_no_section_without_similar_projects(read_page):
    project = ProjectFactory(name_fi="Ainoa", summary_fi="Mitään vastaavaa ei ole.")
    assert "Samankaltaiset hankkeet" not in read_page(f"/fi/projects/{project.pk}/").text
