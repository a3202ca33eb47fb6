import io
import json

import pytest
from django.core.management import call_command

from hanke.accounts import roles
from hanke.accounts.models import User
from hanke.events.models import Event
from hanke.portal.models import NewsItem
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

APPS = [
    "core",
    "accounts",
    "programmes",
    "projects",
    "finance",
    "assessment",
    "events",
    "participants",
    "indicators",
    "portal",
    "auth",
]


def snapshot():
    out = io.StringIO()
    call_command("dumpdata", *APPS, stdout=out, indent=None)
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(out.getvalue()))


def test_loading_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first


def test_every_demo_record_names_its_source_document():
    call_command("load_demo", stdout=io.StringIO())
    # HEHKU, Growth through cooperation, the application, two from the news, and the DEMO project
    assert Project.objects.count() == 6
    for model in (Project, Event, NewsItem):
        for record in model.objects.all():
            assert record.source_document.startswith("seeds/00") or (
                record.source_document == "demo"
            ), record
    invented = Project.objects.get(source_document="demo")
    assert invented.name_fi.startswith("DEMO – ") and invented.name_en.startswith("DEMO – ")
    assert all(event.title_fi.startswith("DEMO") for event in invented.events.all())
    assert all(event.title_en.startswith("DEMO") for event in invented.events.all())


def test_demo_users_for_every_role_and_the_accounts_are_printed():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    # two assessors, so that the scores of seed 002 average as in the source
    expected = {role: 2 if role == roles.ASSESSOR else 1 for role in roles.ROLES}
    for role, count in expected.items():
        assert User.objects.filter(groups__name=role).count() == count, role
    for username in ("virkailija", "arvioija", "arvioija2", "hakija", "myr"):
        assert username in out.getvalue()
    assert "hanke-demo-2026" in out.getvalue()


def test_the_two_hehku_projects_stay_separate():
    call_command("load_demo", stdout=io.StringIO())
    hehkus = Project.objects.filter(acronym="HEHKU").select_related("implementer").order_by("pk")
    assert [p.implementer.name_fi for p in hehkus] == ["TEQU", "Itä-Lapin kuntayhtymä"]
    assert hehkus[0].source_document != hehkus[1].source_document


def test_no_scrape_debris_or_hyphenation_reaches_the_records():
    call_command("load_demo", stdout=io.StringIO())
    text = json.dumps(snapshot(), ensure_ascii=False)
    for debris in ("fbpx", "Siirry sisältöön", "voi-\\n", "[…]", "voi- vat"):
        assert debris not in text
    assert "voivat parantaa" in text


def test_growth_through_cooperation_has_a_labelled_demo_claim_with_traceable_figures():
    from decimal import Decimal

    from hanke.finance.models import PaymentClaim

    call_command("load_demo", stdout=io.StringIO())
    claim = PaymentClaim.objects.get(project__source_document__startswith="seeds/001", is_demo=True)
    assert all(entry.description.startswith("DEMO") for entry in claim.entries.all())
    # staff: 2 × (4 000 + 21 %) + 62,5 h × 21,00 € = 10 992,50; other costs 450 − 150 reduced
    assert claim.figures["by_category"]["staff"] == "10992.50"
    assert claim.approved_eligible == Decimal("15197.10")
    assert claim.approved_aid == Decimal("12157.68")  # 80,00 % of the decision
    assert claim.reductions.get().reason.startswith("DEMO")


# The DEMO project: invented, clearly labelled, with dates relative to the day of loading -------


@pytest.fixture
def demo_project(demo_in_module, db):
    """The demo, loaded once for this module (see the root conftest)."""
    return Project.objects.get(source_document="demo")


def test_the_demo_project_is_labelled_invented_and_runs_around_today(demo_project):
    import datetime

    from django.utils import timezone

    from hanke.projects import workflow

    today = timezone.localdate()
    assert demo_project.name_fi == "DEMO – Digiosaaminen ja verkkokauppa 2026"
    assert demo_project.name_en == "DEMO – Digital skills and e-commerce 2026"
    assert "keksitty demohanke" in demo_project.source_notes_fi
    assert "invented demo project" in demo_project.source_notes_en
    assert demo_project.status == workflow.ONGOING and demo_project.is_public
    assert demo_project.fund.code == "ESF+"
    assert demo_project.implementer.name_fi == "Lapin kauppakamari"
    assert demo_project.funding_authority.name_fi == "Pohjois-Pohjanmaan ELY-keskus"
    assert (
        today - datetime.timedelta(days=400)
        < demo_project.start_date
        < today - datetime.timedelta(days=330)
    )
    assert (
        today + datetime.timedelta(days=330)
        < demo_project.end_date
        < today + datetime.timedelta(days=400)
    )
    assert demo_project.work_packages.count() == 2
    blog = demo_project.deliverables.get(deliverable_type="blog_post")
    assert (blog.target_min, blog.target_max) == (10, 12)
    assert demo_project.deliverables.filter(deliverable_type="workbook").exists()
    webinars = demo_project.deliverables.get(deliverable_type="event")
    assert (webinars.target_qualifier, webinars.target_min) == ("at_least", 6)
    assert all(group.measure for group in demo_project.target_groups.all())


def test_the_demo_staff_and_officer_reach_its_pages(demo_project, client):
    from django.urls import reverse

    from hanke.events.permissions import can_manage_events, can_view_participants

    staff = User.objects.get(username="hakija")
    officer = User.objects.get(username="virkailija")
    assert can_manage_events(staff, demo_project)
    assert can_view_participants(officer, demo_project)
    assert not can_manage_events(officer, demo_project)
    for user in (staff, officer):
        client.force_login(user)
        response = client.get(reverse("trainings:list", args=[demo_project.pk]))
        assert response.status_code == 200
    assert client.get(f"/fi/projects/{demo_project.pk}/").status_code == 200


def test_upcoming_events_are_open_for_registration(demo_project):
    from django.utils import timezone

    upcoming = demo_project.events.filter(starts_at__gt=timezone.now())
    open_now = [event for event in upcoming if event.registration_is_open()]
    assert len(open_now) >= 2


def test_a_full_event_has_a_waiting_list_in_order(demo_project):
    from hanke.events.models import Registration
    from hanke.events.services import seats_left, waiting_position

    full = demo_project.events.get(capacity=3)
    assert full.registration_is_open()
    assert seats_left(full) == 0
    queue = Registration.objects.filter(event=full, status="waiting").order_by("pk")
    assert [waiting_position(r) for r in queue] == [1, 2]
    assert [r.participant.name for r in queue] == ["Demo Osallistuja 16", "Demo Osallistuja 4"]


def test_past_events_have_attended_participants_who_entered_the_project(demo_project):
    from django.utils import timezone

    from hanke.events.models import Event, Registration

    past = demo_project.events.filter(starts_at__lt=timezone.now())
    assert past.filter(event_type=Event.Type.WEBINAR).count() == 3
    teacher = past.get(event_type=Event.Type.TEACHER_TRAINING)
    assert Registration.objects.filter(event=teacher, attended=True).count() == 3
    for event in past:
        attended = Registration.objects.filter(event=event, attended=True)
        assert attended.exists(), event
        for registration in attended.select_related("participant"):
            entered = registration.participant.entered_on
            assert entered is not None
            assert entered <= timezone.localdate(event.starts_at)
    recorded = past.exclude(recording_url="")
    assert recorded.count() == 1
    assert recorded.get().recording_url.startswith("http")


def test_participants_have_varied_start_data(demo_project):
    from stdnum.fi import ytunnus

    from hanke.participants.models import AgeBand, Participant

    people = Participant.objects.filter(project=demo_project)
    assert people.count() == 16
    assert all(p.name.startswith("Demo Osallistuja ") for p in people)
    assert all(p.email.endswith("@example.invalid") for p in people)
    assert set(people.values_list("gender", flat=True)) == set(Participant.Gender.values)
    assert set(people.values_list("age_band", flat=True)) == set(AgeBand.values)
    assert set(people.values_list("labour_status", flat=True)) == set(
        Participant.LabourStatus.values
    )
    assert set(people.values_list("education", flat=True)) == set(Participant.Education.values)
    ids = [p.business_id for p in people if p.business_id]
    assert len(ids) >= 4 and all(ytunnus.is_valid(i) for i in ids)
    assert people.exclude(company_key="").values("company_key").distinct().count() == 4
    assert people.filter(disability="yes").exists()
    assert people.filter(disability="not_answered").exists()


def test_the_training_has_a_started_cohort_with_completions_and_a_small_group(demo_project):
    from django.utils import timezone

    from hanke.events.models import Cohort, Registration, SmallGroup

    cohort = Cohort.objects.get(module__programme__project=demo_project)
    assert cohort.module.programme.modules.count() == 1
    assert cohort.starts_on <= timezone.localdate()
    assert cohort.year == cohort.starts_on.year
    enrolments = Registration.objects.filter(cohort=cohort, status="confirmed")
    assert enrolments.count() == 6
    assert enrolments.filter(completed_on__isnull=False).count() == 2
    assert all(r.participant.entered_on <= cohort.starts_on for r in enrolments)
    group = SmallGroup.objects.get(programme=cohort.module.programme)
    assert group.name == "Verkkokauppaklubi" and group.members.count() == 3


def test_four_blog_posts_count_towards_the_blog_deliverable(demo_project):
    from django.utils import timezone

    blog = demo_project.deliverables.get(deliverable_type="blog_post")
    published = blog.publications.filter(published_on__lte=timezone.localdate())
    assert published.count() == 4
    assert all(p.title.startswith("DEMO") for p in published)


def test_loading_again_on_a_later_day_moves_the_dates_and_adds_nothing(demo_project):
    import datetime
    from unittest import mock

    from django.apps import apps
    from django.utils import timezone

    before = {m._meta.label: m.objects.count() for m in apps.get_models()}
    full_before = demo_project.events.get(capacity=3).starts_at
    later = timezone.now() + datetime.timedelta(days=40)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("load_demo", stdout=io.StringIO())
        full = demo_project.events.get(capacity=3)
        assert full.starts_at == full_before + datetime.timedelta(days=40)
        assert full.registration_is_open()
        assert full.registrations.filter(status="waiting").count() == 2
    after = {m._meta.label: m.objects.count() for m in apps.get_models()}
    assert after == before


@pytest.mark.django_db(transaction=True)
def test_loading_sends_no_email():
    from django.core import mail

    mail.outbox = []
    call_command("load_demo", stdout=io.StringIO())
    assert Project.objects.filter(source_document="demo").exists()
    assert mail.outbox == []
