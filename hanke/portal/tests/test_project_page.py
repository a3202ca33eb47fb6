"""The public project page shows everything public about a project, formatted for the reader."""

import datetime
from decimal import Decimal

import pytest

from hanke.assessment.models import AgendaItem, Assessment, Meeting
from hanke.events.tests.factories import EventFactory, EventSpeakerFactory, SpeakerFactory
from hanke.finance.models import CostModel
from hanke.finance.tests.factories import BudgetFactory
from hanke.portal.tests.factories import NewsItemFactory
from hanke.programmes.tests.factories import SpecificObjectiveFactory
from hanke.projects import workflow
from hanke.projects.models import Deliverable, ProjectLink, ProjectPartner
from hanke.projects.tests.factories import (
    ActivityFactory,
    DeliverableFactory,
    ProjectFactory,
    ProjectLinkFactory,
    ProjectPartnerFactory,
    TargetGroupFactory,
    WorkPackageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(read_page):
    def read(client, project, lang="fi"):
        return read_page(f"/{lang}/projects/{project.pk}/").text

    return read


@pytest.fixture
def jtf_project():
    """Seed 002 in miniature: 40 % flat rate, aid at exactly 80,00 %."""
    project = ProjectFactory(
        name_fi="Tekoäly ja verkkokauppa",
        implementer=None,
        specific_objective=SpecificObjectiveFactory(
            priority_axis__number="7",
            code="7.1",
            name_fi="Turpeesta luopumisen alueellisesti oikeudenmukainen siirtymä",
        ),
    )
    BudgetFactory(project=project)
    return project


def test_budget_and_financing_in_finnish_style(client, page, jtf_project):
    html = page(client, jtf_project, "fi")
    assert "364 645 €" in html
    assert "145 858 €" in html  # the flat rate, computed
    assert "510 503 €" in html
    assert "408 403 €" in html
    assert "80,00 %" in html
    assert "20,00 %" in html
    assert "laskettu" in html or "computed" in html


def test_budget_and_financing_in_english_style(client, page, jtf_project):
    html = page(client, jtf_project, "en")
    assert "€510,503" in html
    assert "€145,858" in html
    assert "80.00%" in html
    assert "80,00 %" not in html


def test_flat_rate_row_is_marked_as_computed(read_page, jtf_project):
    html = read_page(f"/en/projects/{jtf_project.pk}/").html
    row = html.split("€145,858")[0].rsplit("<tr", 1)[1]
    assert 'class="computed"' in row
    assert "computed" in row.split(">", 1)[1]


def test_total_only_budget_says_the_items_are_not_given(client, page):
    project = ProjectFactory()
    BudgetFactory(
        project=project,
        cost_model=CostModel.NOT_KNOWN,
        cost_lines=None,
        total_cost=Decimal("309642"),
        financing={"aid": Decimal("247714"), "unspecified": Decimal("61928")},
        aid_granted_by="Pohjois-Pohjanmaan ELY-keskus",
    )
    html = page(client, project, "en")
    assert "€309,642" in html
    assert "€247,714" in html
    assert "80.00%" in html
    assert "The source gives only the total cost" in html
    assert "Pohjois-Pohjanmaan ELY-keskus" in html


def test_missing_applicant_and_specific_objective(client, page, jtf_project):
    html = page(client, jtf_project, "en")
    assert "The source document does not name the applicant" in html
    assert "7.1 Turpeesta luopumisen alueellisesti oikeudenmukainen siirtymä" in html


def test_untitled_project_shows_the_untitled_label(client, page):
    project = ProjectFactory(name_fi="")
    html = page(client, project, "en")
    assert "Untitled project (the source document gives no name)" in html


def test_period_by_day_and_by_month(client, page):
    by_day = ProjectFactory(
        start_date=datetime.date(2020, 4, 9), end_date=datetime.date(2023, 1, 31)
    )
    by_month = ProjectFactory(
        start_date=datetime.date(2019, 10, 1),
        end_date=datetime.date(2022, 9, 1),
        date_precision="month",
    )
    undated = ProjectFactory(start_date=None, end_date=None)
    assert "9.4.2020–31.1.2023" in page(client, by_day, "fi")
    assert "9 Apr 2020–31 Jan 2023" in page(client, by_day, "en")
    assert "10/2019–9/2022" in page(client, by_month, "fi")
    assert "not given in the source" in page(client, undated, "en")


def test_ended_project_says_so(client, page):
    ended = ProjectFactory(status=workflow.ENDED)
    ongoing = ProjectFactory(status=workflow.ONGOING)
    assert "The project has ended" in page(client, ended, "en")
    assert "The project has ended" not in page(client, ongoing, "en")


def test_partners_work_packages_deliverables_and_target_groups(client, page):
    project = ProjectFactory()
    ProjectPartnerFactory(
        project=project, organisation__name_fi="BusinessOulu", role=ProjectPartner.Role.PARTNER
    )
    ProjectPartnerFactory(
        project=project, organisation__name_fi="Oamk", role=ProjectPartner.Role.CO_IMPLEMENTER
    )
    wp = WorkPackageFactory(project=project, number=3, title_fi="Viestintä")
    ActivityFactory(work_package=wp, description_fi="Blogikirjoitukset")
    DeliverableFactory(
        project=project,
        work_package=wp,
        title_fi="Blogikirjoitukset",
        deliverable_type=Deliverable.Type.BLOG_POST,
        target_qualifier=Deliverable.Qualifier.RANGE,
        target_min=25,
        target_max=30,
    )
    DeliverableFactory(
        project=project,
        title_fi="Barentsin investointipotentiaaliselvitys",
        deliverable_type=Deliverable.Type.STUDY,
    )
    participants = TargetGroupFactory(project=project, name_fi="osallistujat", target_count=170)
    TargetGroupFactory(
        project=project, name_fi="18–29-vuotiaita", target_count=34, part_of=participants
    )

    html = page(client, project, "en")
    assert "BusinessOulu" in html and "Oamk" in html
    assert "Viestintä" in html
    assert "25–30" in html
    assert "Barentsin investointipotentiaaliselvitys" in html
    assert "Other deliverables" in html
    assert "osallistujat: 170 persons" in html
    assert "of whom 34 18–29-vuotiaita" in html


def test_events_with_keynotes_announced_named_and_recordings(client, page):
    project = ProjectFactory()
    EventFactory(
        project=project,
        title_fi="Pääseminaari",
        starts_at=None,
        timing_fi="Kevät 2021",
        keynote_speakers_announced=4,
        is_online=False,
        venue="Rovaniemi",
    )
    named = EventFactory(
        project=project, title_fi="Verkkokauppa", recording_note_fi="TEQUn YouTube-kanava"
    )
    EventSpeakerFactory(event=named, speaker=SpeakerFactory(name="Maija Meikäläinen"))
    EventFactory(
        project=project, title_fi="Tallenne", recording_url="https://www.youtube.com/watch?v=x"
    )

    html = page(client, project, "en")
    assert "4 keynote speakers" in html
    assert "Kevät 2021" in html
    assert "Maija Meikäläinen" in html
    assert "TEQUn YouTube-kanava" in html
    assert "Recording Watch the recording" in html


def test_link_without_address_is_text(client, page):
    project = ProjectFactory()
    ProjectLinkFactory(
        project=project, label_fi="TEQUn YouTube-kanava", url="", kind=ProjectLink.Kind.VIDEO
    )
    html = page(client, project, "en")
    assert "TEQUn YouTube-kanava" in html
    assert "(address not given in the source)" in html


def test_assessment_score_recommendation_and_meetings(client, page):
    project = ProjectFactory(status=workflow.APPROVED)
    Assessment.objects.create(
        project=project,
        general_criteria_met=True,
        score=Decimal("20.5"),
        max_score=Decimal("39"),
        funder_assessment_fi="Hanke vastaa alueen tarpeisiin.",
        recommendation=Assessment.Recommendation.RECOMMENDED,
    )
    myr = Meeting.objects.create(kind="myr", name_fi="MYR", date=datetime.date(2023, 9, 28))
    AgendaItem.objects.create(
        meeting=myr,
        project=project,
        statement=AgendaItem.Statement.FAVOURABLE,
        statement_text_fi="puoltava lausunto",
    )
    funding = Meeting.objects.create(
        kind="funding_meeting", name_fi="EURA-rahoituskokous", date=datetime.date(2023, 8, 9)
    )
    AgendaItem.objects.create(
        meeting=funding, project=project, statement=AgendaItem.Statement.FAVOURABLE
    )
    # an item not yet handled is not shown
    later = Meeting.objects.create(kind="other", name_fi="Tuleva", date=datetime.date(2023, 12, 1))
    AgendaItem.objects.create(meeting=later, project=project)
    fi = page(client, project, "fi")
    assert "20,5/39" in fi
    en = page(client, project, "en")
    assert "20.5/39" in en
    assert "The funder recommends approving the application" in en
    assert "Hanke vastaa alueen tarpeisiin." in en
    # the meetings in date order
    assert en.index("EURA-rahoituskokous") < en.index("puoltava lausunto")
    assert "9 Aug 2023" in en and "28 Sep 2023" in en
    assert "favourable" in en
    assert "Tuleva" not in en


def test_source_notes_and_source_document_are_shown(client, page):
    project = ProjectFactory(
        source_notes_fi="Asiakirja ei nimeä hakijaa.",
        source_document="seeds/002_1fd54de9332bf4bc.txt",
    )
    html = page(client, project, "fi")
    assert "Asiakirja ei nimeä hakijaa." in html
    assert "seeds/002_1fd54de9332bf4bc.txt" in html


def test_related_public_news_is_listed_but_hidden_news_is_not(client, page):
    project = ProjectFactory()
    NewsItemFactory(title_fi="Julkinen uutinen", projects=[project])
    NewsItemFactory(title_fi="Piilotettu uutinen", projects=[project], is_public=False)
    html = page(client, project, "fi")
    assert "Julkinen uutinen" in html
    assert "Piilotettu uutinen" not in html
