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
    assert (
        Project.objects.count() == 5
    )  # HEHKU, Growth through cooperation, the application, and two from the news
    for model in (Project, Event, NewsItem):
        for record in model.objects.all():
            assert record.source_document.startswith("seeds/00"), record


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
