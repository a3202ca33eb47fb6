"""The funder's portfolio: where the programme stands, in figures.

Scope. The portfolio is the *funded* projects: statuses approved, ongoing and ended
(`FUNDED_STATES`). Every breakdown except the status one, and all money, participant, company
and deliverable figures, cover only those. The status breakdown also shows the projects in
assessment (`PORTFOLIO_STATES`), as a pipeline row, so its total can exceed `Portfolio.total`.
Drafts, submitted, returned and rejected applications are never counted.

Multi-counting. A project counts in a region when it names the region or one of the region's
municipalities, and in every theme it names: a project in two regions (or themes) is a row in each,
so the rows of `by_region` and `by_theme` can add up to more than their `total`, which is the number
of distinct projects with at least one region (theme). The other breakdowns partition their total.

Money (all Decimal, each with rows by fund that add up to its total):
- granted: the aid (`FundingSource.AID` financing line) of the in-scope projects whose budget is
  approved (`Budget.approved_at` set);
- claimed: the aid in submitted and approved payment claims, as stored in the claim's figures when
  it was submitted (`PaymentClaim.figures["aid"]`); demo claims are left out;
- paid: the approved aid (`PaymentClaim.approved_aid`) of approved claims, demo claims left out.
The programme's budget is not reported: `Programme` has no budget field yet.

Participants: every participant record of an in-scope project counts once (a participant belongs to
one project); erased participants keep their coded data and still count. Companies reached are the
distinct `company_key`s among them.

Deliverables: per type, the sum of the deliverables' targets (`deliverable_target`) and of the
achieved counts from `indicators.measures.deliverables_achieved`, which is per project, so it is
called once per in-scope project that has deliverables (a few grouped queries each). A deliverable
without a numeric target adds 0 to the target. `achieved` is None only for a type none of whose
deliverables is counted from the records (today every type is counted).
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from hanke.core.models import Region
from hanke.finance import claim_workflow
from hanke.finance.models import FinancingLine, FundingSource, PaymentClaim
from hanke.indicators.measures import deliverables_achieved
from hanke.indicators.selectors import deliverable_target
from hanke.participants.models import AgeBand, Participant
from hanke.programmes.models import Fund, SpecificObjective
from hanke.projects import workflow
from hanke.projects.models import Deliverable, Project, Theme

FUNDED_STATES = (workflow.APPROVED, workflow.ONGOING, workflow.ENDED)
PORTFOLIO_STATES = (workflow.IN_ASSESSMENT, *FUNDED_STATES)
CLAIMED_STATES = tuple(sorted(claim_workflow.LOCKING_STATES))  # submitted and approved
NOT_GIVEN = "—"  # the label of a row for projects without a fund or specific objective
ZERO = Decimal("0")


@dataclass(frozen=True)
class PortfolioFilter:
    """Which projects the portfolio covers; an empty tuple means no restriction."""

    authority_ids: tuple = ()
    programme_ids: tuple = ()
    fund_ids: tuple = ()
    specific_objective_ids: tuple = ()
    region_ids: tuple = ()
    theme_ids: tuple = ()
    statuses: tuple = ()


@dataclass(frozen=True)
class Row:
    key: object  # a status or choice value, or a pk (None: not given)
    label: str
    value: int | Decimal


@dataclass(frozen=True)
class Breakdown:
    rows: list
    total: int | Decimal

    def row(self, key) -> Row | None:
        return next((r for r in self.rows if r.key == key), None)


@dataclass(frozen=True)
class DeliverableRow:
    key: str
    label: str
    deliverables: int
    target: int
    achieved: int | None  # None when no deliverable of this type is counted from the records


@dataclass(frozen=True)
class Portfolio:
    total: int  # distinct funded projects in scope
    by_status: Breakdown  # includes projects in assessment
    by_fund: Breakdown
    by_specific_objective: Breakdown
    by_region: Breakdown  # multi-counted; total = projects with a region
    by_theme: Breakdown  # multi-counted; total = projects with a theme
    granted: Breakdown  # Decimal, by fund
    claimed: Breakdown
    paid: Breakdown
    participants_by_gender: Breakdown
    participants_by_age_band: Breakdown
    participants: int
    companies: int
    deliverables: list


def _filtered(projects, flt: PortfolioFilter):
    if flt.authority_ids:
        projects = projects.filter(funding_authority__in=flt.authority_ids)
    if flt.programme_ids:
        projects = projects.filter(programme__in=flt.programme_ids)
    if flt.fund_ids:
        projects = projects.filter(fund__in=flt.fund_ids)
    if flt.specific_objective_ids:
        projects = projects.filter(specific_objective__in=flt.specific_objective_ids)
    if flt.region_ids:
        in_region = Project.objects.filter(
            Q(regions__in=flt.region_ids) | Q(municipalities__region__in=flt.region_ids)
        )
        projects = projects.filter(pk__in=in_region.values("pk"))
    if flt.theme_ids:
        projects = projects.filter(
            pk__in=Project.objects.filter(themes__in=flt.theme_ids).values("pk")
        )
    if flt.statuses:
        projects = projects.filter(status__in=flt.statuses)
    return projects


def _grouped(queryset, field: str, measure) -> dict:
    rows = queryset.values(field).annotate(value=measure).order_by()
    return {row[field]: row["value"] for row in rows}


def _labelled(counts: dict, objects: dict, zero=0) -> list:
    """Rows in the objects' model ordering, then a 'not given' row for the None key."""
    rows = [Row(key=pk, label=str(obj), value=counts.get(pk, zero)) for pk, obj in objects.items()]
    if None in counts:
        rows.append(Row(key=None, label=NOT_GIVEN, value=counts[None]))
    return rows


def _ordered(model, pks) -> dict:
    return {obj.pk: obj for obj in model.objects.filter(pk__in=[pk for pk in pks if pk])}


def _choice_breakdown(counts: dict, choices) -> Breakdown:
    rows = [
        Row(key=value, label=str(label), value=counts.get(value, 0)) for value, label in choices
    ]
    return Breakdown(rows=rows, total=sum(counts.values()))


def _multi(pairs: set, objects: dict) -> Breakdown:
    """Rows counting each project once per object it is linked to; the total counts it once."""
    counts: dict = defaultdict(int)
    for _project, key in pairs:
        counts[key] += 1
    rows = [Row(key=pk, label=str(obj), value=counts.get(pk, 0)) for pk, obj in objects.items()]
    return Breakdown(rows=rows, total=len({project for project, _key in pairs}))


def _money(by_fund: dict, funds: dict) -> Breakdown:
    rows = _labelled(by_fund, funds, zero=ZERO)
    return Breakdown(rows=rows, total=sum((r.value for r in rows), ZERO))


def _claimed_aid(scope) -> dict:
    claimed: dict = defaultdict(lambda: ZERO)
    claims = PaymentClaim.objects.filter(
        project__in=scope, status__in=CLAIMED_STATES, is_demo=False
    ).values_list("project__fund", "figures")
    for fund, figures in claims:
        if isinstance(figures, str):
            figures = json.loads(figures)
        claimed[fund] += Decimal((figures or {}).get("aid") or "0")
    return dict(claimed)


def _deliverables(scope) -> list:
    by_project: dict = defaultdict(list)
    for deliverable in Deliverable.objects.filter(project__in=scope).select_related("project"):
        by_project[deliverable.project_id].append(deliverable)
    achieved: dict = {}
    for deliverables in by_project.values():
        achieved.update(deliverables_achieved(deliverables[0].project, deliverables))
    rows = []
    for value, label in Deliverable.Type.choices:
        of_type = [d for items in by_project.values() for d in items if d.deliverable_type == value]
        if not of_type:
            continue
        counted = [achieved[d.pk] for d in of_type if d.pk in achieved]
        rows.append(
            DeliverableRow(
                key=value,
                label=str(label),
                deliverables=len(of_type),
                target=sum(deliverable_target(d) or 0 for d in of_type),
                achieved=sum(counted) if counted else None,
            )
        )
    return rows


def portfolio(flt: PortfolioFilter | None = None) -> Portfolio:
    """The portfolio figures of the projects `flt` selects (see the module docstring)."""
    flt = flt or PortfolioFilter()
    pipeline = _filtered(Project.objects.filter(status__in=PORTFOLIO_STATES), flt)
    scope = pipeline.filter(status__in=FUNDED_STATES)
    scope_ids = scope.values("pk")

    status_counts = _grouped(pipeline, "status", Count("pk"))
    by_status = _choice_breakdown(
        status_counts, [(s, workflow.STATES[s]) for s in PORTFOLIO_STATES]
    )

    fund_counts = _grouped(scope, "fund", Count("pk"))
    funds = _ordered(Fund, fund_counts)
    by_fund = Breakdown(rows=_labelled(fund_counts, funds), total=sum(fund_counts.values()))

    so_counts = _grouped(scope, "specific_objective", Count("pk"))
    objectives = _ordered(SpecificObjective, so_counts)
    by_so = Breakdown(rows=_labelled(so_counts, objectives), total=sum(so_counts.values()))

    region_pairs = set(
        Project.regions.through.objects.filter(project__in=scope_ids).values_list(
            "project", "region"
        )
    ) | set(
        Project.municipalities.through.objects.filter(project__in=scope_ids).values_list(
            "project", "municipality__region"
        )
    )
    by_region = _multi(region_pairs, _ordered(Region, {r for _p, r in region_pairs}))

    theme_pairs = set(
        Project.themes.through.objects.filter(project__in=scope_ids).values_list("project", "theme")
    )
    by_theme = _multi(theme_pairs, _ordered(Theme, {t for _p, t in theme_pairs}))

    granted = _grouped(
        FinancingLine.objects.filter(
            source=FundingSource.AID,
            budget__approved_at__isnull=False,
            budget__project__in=scope_ids,
        ),
        "budget__project__fund",
        Sum("amount"),
    )
    paid = _grouped(
        PaymentClaim.objects.filter(
            project__in=scope_ids, status=claim_workflow.APPROVED, is_demo=False
        ),
        "project__fund",
        Sum("approved_aid"),
    )
    paid = {fund: amount or ZERO for fund, amount in paid.items()}

    participants = Participant.objects.filter(project__in=scope_ids)
    genders = _grouped(participants, "gender", Count("pk"))
    ages = _grouped(participants, "age_band", Count("pk"))
    companies = participants.exclude(company_key="").aggregate(
        n=Count("company_key", distinct=True)
    )["n"]

    return Portfolio(
        total=by_fund.total,
        by_status=by_status,
        by_fund=by_fund,
        by_specific_objective=by_so,
        by_region=by_region,
        by_theme=by_theme,
        granted=_money(granted, funds),
        claimed=_money(_claimed_aid(scope_ids), funds),
        paid=_money(paid, funds),
        participants_by_gender=_choice_breakdown(genders, Participant.Gender.choices),
        participants_by_age_band=_choice_breakdown(ages, AgeBand.choices),
        participants=sum(genders.values()),
        companies=companies,
        deliverables=_deliverables(scope),
    )
