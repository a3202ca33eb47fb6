"""The budget follow-up page: Finnish money figures, over-budget warnings in words, and the
SVG charts each with a title and the table behind them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from hanke.finance.services import cost_entry_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """reverse() and the pages in Finnish, whatever an earlier test left active."""
    from django.utils import translation

    with translation.override("fi"):
        yield


def test_follow_up_shows_the_figures_and_the_charts_with_their_tables(
    client, personas, running_project, read_page
):
    cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category="staff",
        entry_date=datetime.date(2024, 3, 1),
        description="Palkat",
        amount=Decimal("50000"),
    )
    client.force_login(personas.officer)
    page = read_page(reverse("finance:overview", args=[running_project.pk]))
    assert "364 645 €" in page.html
    assert "510 503 €" in page.html
    assert "50 000 €" in page.html
    assert page.html.count('<svg class="chart" role="img"') == 3
    assert page.html.count("<title id=") == 3
    assert "<caption>" in page.html and 'scope="row"' in page.html
    assert "3/2024" in page.text  # month table
    assert "style=" not in page.html  # CSP: no inline styles
    # CSP: no inline scripts (only static files with src)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.html)


def test_over_budget_is_said_in_words(client, personas, running_project, read_page):
    cost_entry_create(
        user=personas.applicant,
        project=running_project,
        category="staff",
        entry_date=datetime.date(2024, 3, 1),
        description="Liikaa",
        amount=Decimal("400000"),
    )
    client.force_login(personas.applicant)
    page = read_page(f"/en/projects/{running_project.pk}/finance/")
    assert "over budget" in page.text


def test_the_follow_up_downloads(client, personas, running_project):
    client.force_login(personas.officer)
    url = reverse("finance:follow_up_export", args=[running_project.pk, "xlsx"])
    response = client.get(url)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="hanke-{running_project.pk}-seuranta.xlsx"'
    )
    assert response.content[:2] == b"PK"
    assert (
        client.get(
            reverse("finance:follow_up_export", args=[running_project.pk, "doc"])
        ).status_code
        == 404
    )
