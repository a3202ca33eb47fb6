"""What must always hold is guarded by the database itself, whatever code writes the row."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from hanke.assessment.models import Assessment
from hanke.finance.models import Budget, CostLine, FinancingLine
from hanke.projects.models import Deliverable, Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return Project.objects.create(name_fi="Rajoitehanke")


def assert_refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_money_cannot_be_negative(project):
    budget = Budget.objects.create(project=project, total_cost=Decimal("10"))
    assert_refused(
        lambda: CostLine.objects.create(budget=budget, category="staff", amount=Decimal("-1"))
    )
    assert_refused(
        lambda: FinancingLine.objects.create(budget=budget, source="aid", amount=Decimal("-1"))
    )


def test_a_source_appears_once_in_a_plan(project):
    budget = Budget.objects.create(project=project, total_cost=Decimal("10"))
    FinancingLine.objects.create(budget=budget, source="aid", amount=Decimal("5"))
    assert_refused(
        lambda: FinancingLine.objects.create(budget=budget, source="aid", amount=Decimal("5"))
    )


def test_project_cannot_end_before_it_starts():
    assert_refused(
        lambda: Project.objects.create(
            name_fi="Väärin päin",
            start_date=datetime.date(2023, 1, 31),
            end_date=datetime.date(2020, 4, 9),
        )
    )


def test_project_codes_are_unique_but_may_be_missing():
    Project.objects.create(name_fi="A", code="S30355")
    Project.objects.create(name_fi="B", code="")
    Project.objects.create(name_fi="C", code="")
    assert_refused(lambda: Project.objects.create(name_fi="D", code="S30355"))


def test_deliverable_target_range_is_ordered_and_matches_its_qualifier(project):
    assert_refused(
        lambda: Deliverable.objects.create(
            project=project,
            deliverable_type="blog_post",
            title_fi="x",
            target_qualifier="range",
            target_min=30,
            target_max=25,
        )
    )
    assert_refused(
        lambda: Deliverable.objects.create(
            project=project,
            deliverable_type="blog_post",
            title_fi="x",
            target_qualifier="range",
            target_min=25,
        )
    )
    ok = Deliverable.objects.create(
        project=project,
        deliverable_type="blog_post",
        title_fi="x",
        target_qualifier="range",
        target_min=25,
        target_max=30,
    )
    assert ok.target_display == "25–30"


def test_score_cannot_exceed_the_maximum(project):
    assert_refused(
        lambda: Assessment.objects.create(
            project=project, score=Decimal("40"), max_score=Decimal("39")
        )
    )
