from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hanke.core.formatting import format_date, format_money
from hanke.core.money import cents, percent_of

from . import claim_workflow
from .calculations import PlanCheck, check_cost_lines, check_financing, compute_costs
from .models import (
    FLAT_RATE_COVERS_ALL_OTHER_COSTS,
    AnnualAmount,
    Budget,
    BudgetVersion,
    ChangeRequest,
    ClaimReduction,
    CostCategory,
    CostEntry,
    CostLine,
    CostModel,
    FinancingLine,
    PaymentClaim,
    StaffMember,
)
from .permissions import can_decide_budget, can_edit_costs, can_transition_claim
from .selectors import (
    budget_snapshot,
    budget_summary,
    claim_compute,
    claim_entry_totals,
    max_aid_rate_for,
)


def budget_validate(
    *,
    project,
    cost_model: str,
    cost_lines: dict | None = None,
    total_cost: Decimal | None = None,
    financing: dict | None = None,
) -> Decimal:
    """Check every money rule of a cost estimate and financing plan without writing anything.

    Returns the total eligible costs (computed from the cost lines and the flat rate when they are
    given). Raises ValidationError with messages keyed by field: `cost_<category>`,
    `source_<source>`, `total_cost`, or `financing` / `cost_lines` for the plan as a whole."""
    check = PlanCheck()
    cost_lines = {k: v for k, v in (cost_lines or {}).items() if v is not None}
    financing = {k: v for k, v in (financing or {}).items() if v is not None}
    check_cost_lines(cost_model, cost_lines, check)
    if check.ok and cost_lines:
        figures = compute_costs(cost_model, cost_lines)
        if total_cost is not None and cents(total_cost) != figures.total:
            check.add(
                "total_cost",
                _(
                    "The stated total %(stated)s does not match the cost lines and flat rate, which add up to %(computed)s."
                )
                % {
                    "stated": format_money(cents(total_cost)),
                    "computed": format_money(figures.total),
                },
            )
        total = figures.total
    elif total_cost is not None:
        total = cents(total_cost)
        if total < 0:
            check.add("total_cost", _("The total cost cannot be negative."))
    else:
        total = Decimal("0")
        if not check.errors:
            check.add("total_cost", _("Give the cost lines or the total cost."))
    if check.ok:
        check_financing(total, financing, max_aid_rate_for(project), check)
    if not check.ok:
        raise ValidationError(check.errors)
    return total


@transaction.atomic
def budget_set(
    *,
    user,
    project,
    cost_model: str,
    cost_lines: dict | None = None,
    total_cost: Decimal | None = None,
    financing: dict | None = None,
    aid_granted_by: str = "",
) -> Budget:
    """Replace a project's cost estimate and financing plan after checking every money rule.

    Give `cost_lines` (category → amount) when the costs are itemised: the flat rate and the total
    are computed. Give only `total_cost` when the source states just the total. Raises
    ValidationError with a message per field and changes nothing when any rule fails.
    """
    existing = Budget.objects.filter(project=project).first()
    if existing is not None and existing.approved_at is not None:
        raise ValidationError(
            _(
                "The budget was approved in the funding decision; it changes only through a change request."
            )
        )
    cost_lines = {k: v for k, v in (cost_lines or {}).items() if v is not None}
    financing = {k: v for k, v in (financing or {}).items() if v is not None}
    total = budget_validate(
        project=project,
        cost_model=cost_model,
        cost_lines=cost_lines,
        total_cost=total_cost,
        financing=financing,
    )

    return _budget_write(
        project=project,
        cost_model=cost_model,
        total=total,
        cost_lines=cost_lines,
        financing=financing,
        aid_granted_by=aid_granted_by,
    )


@transaction.atomic
def budget_draft_costs_set(*, project, cost_model: str, cost_lines: dict) -> Budget:
    """Replace the cost estimate of an application's draft budget and keep its financing lines
    as typed, even if they no longer add up to the new total: the applicant fixes the financing
    in its own section, and submitting checks that the plan adds up (`section_problems`).
    The cost lines themselves must pass every rule. An approved budget is never touched."""
    existing = Budget.objects.filter(project=project).first()
    if existing is not None and existing.approved_at is not None:
        raise ValidationError(
            _(
                "The budget was approved in the funding decision; it changes only through a change request."
            )
        )
    cost_lines = {k: v for k, v in (cost_lines or {}).items() if v is not None}
    total = (
        budget_validate(project=project, cost_model=cost_model, cost_lines=cost_lines)
        if cost_lines
        else Decimal("0")
    )
    return _budget_write(
        project=project,
        cost_model=cost_model,
        total=total,
        cost_lines=cost_lines,
        financing=(
            {line.source: line.amount for line in existing.financing_lines.all()}
            if existing
            else {}
        ),
        aid_granted_by=existing.aid_granted_by if existing else "",
    )


def _budget_write(*, project, cost_model, total, cost_lines, financing, aid_granted_by) -> Budget:
    budget, _created = Budget.objects.update_or_create(
        project=project,
        defaults={"cost_model": cost_model, "total_cost": total, "aid_granted_by": aid_granted_by},
    )
    budget.cost_lines.all().delete()
    CostLine.objects.bulk_create(
        [
            CostLine(budget=budget, category=category, amount=cents(amount))
            for category, amount in cost_lines.items()
        ]
    )
    budget.financing_lines.all().delete()
    FinancingLine.objects.bulk_create(
        [
            FinancingLine(budget=budget, source=source, amount=cents(amount))
            for source, amount in financing.items()
        ]
    )
    return budget


# --- Approval and change requests -------------------------------------------------------------


def _require(condition: bool, message) -> None:
    if not condition:
        raise PermissionDenied(message)


@transaction.atomic
def budget_approve(*, user, project, note: str = "") -> Budget:
    """Fix the budget as approved in the funding decision: the aid rate is set from the plan and
    an immutable version 1 is kept. After this the figures change only by change request."""
    _require(can_decide_budget(user), _("Only the funder's officer approves a budget."))
    budget = Budget.objects.select_for_update().get(project=project)
    if budget.approved_at is not None:
        raise ValidationError(_("The budget has already been approved."))
    summary = budget_summary(project)
    if not summary.financing_rows or summary.financing_total != summary.total_cost:
        raise ValidationError(
            _("The financing plan must add up to the total cost before approval.")
        )
    budget.approved_at = timezone.now()
    budget.aid_rate = summary.aid_rate
    budget.save(update_fields=["approved_at", "aid_rate", "updated_at"])
    BudgetVersion.objects.create(
        budget=budget,
        number=1,
        figures=budget_snapshot(budget),
        approved_at=budget.approved_at,
        approved_by=user,
        note=note,
    )
    return budget


def _json_amounts(amounts: dict) -> dict:
    return {str(key): str(cents(value)) for key, value in amounts.items() if value is not None}


@transaction.atomic
def change_request_submit(
    *,
    user,
    project,
    reason: str,
    cost_lines: dict | None = None,
    total_cost=None,
    financing: dict | None = None,
) -> ChangeRequest:
    """Propose new figures for an approved budget. The cost model cannot change."""
    budget = Budget.objects.filter(project=project).first()
    if budget is None or budget.approved_at is None:
        raise ValidationError(_("Only an approved budget is changed by a change request."))
    _require(can_edit_costs(user, project), _("Only the project's own staff can request a change."))
    if not reason.strip():
        raise ValidationError({"reason": [_("Explain why the budget should change.")]})
    if budget.change_requests.filter(status=ChangeRequest.Status.SUBMITTED).exists():
        raise ValidationError(_("A change request is already waiting for a decision."))
    total = budget_validate(
        project=project,
        cost_model=budget.cost_model,
        cost_lines=cost_lines,
        total_cost=total_cost,
        financing=financing,
    )
    return ChangeRequest.objects.create(
        budget=budget,
        reason=reason.strip(),
        created_by=user,
        before=budget_snapshot(budget),
        proposed={
            "cost_model": budget.cost_model,
            "total_cost": str(total),
            "cost_lines": _json_amounts(cost_lines or {}),
            "financing": _json_amounts(financing or {}),
        },
    )


@transaction.atomic
def change_request_decide(
    *, user, change_request: ChangeRequest, approve: bool, note: str = ""
) -> ChangeRequest:
    _require(can_decide_budget(user), _("Only the funder's officer decides on change requests."))
    change_request = ChangeRequest.objects.select_for_update().get(pk=change_request.pk)
    if change_request.status != ChangeRequest.Status.SUBMITTED:
        raise ValidationError(_("This change request has already been decided."))
    if not approve and not note.strip():
        raise ValidationError({"decision_note": [_("Give the reason for rejecting the change.")]})
    budget = change_request.budget
    if approve:
        proposed = change_request.proposed
        cost_lines = {k: Decimal(v) for k, v in proposed["cost_lines"].items()}
        financing = {k: Decimal(v) for k, v in proposed["financing"].items()}
        total = budget_validate(
            project=budget.project,
            cost_model=budget.cost_model,
            cost_lines=cost_lines,
            total_cost=None if cost_lines else Decimal(proposed["total_cost"]),
            financing=financing,
        )
        _budget_write(
            project=budget.project,
            cost_model=budget.cost_model,
            total=total,
            cost_lines=cost_lines,
            financing=financing,
            aid_granted_by=budget.aid_granted_by,
        )
        budget.refresh_from_db()
        budget.aid_rate = budget_summary(budget.project).aid_rate
        budget.save(update_fields=["aid_rate", "updated_at"])
        number = (budget.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        BudgetVersion.objects.create(
            budget=budget,
            number=number,
            figures=budget_snapshot(budget),
            approved_at=timezone.now(),
            approved_by=user,
            note=note,
        )
    change_request.status = (
        ChangeRequest.Status.APPROVED if approve else ChangeRequest.Status.REJECTED
    )
    change_request.decided_by = user
    change_request.decided_at = timezone.now()
    change_request.decision_note = note
    change_request.save()
    return change_request


@transaction.atomic
def budget_set_annual(*, user, project, costs: dict, financing: dict) -> Budget:
    """Break the budget down by year: {(category, year): amount} and {(source, year): amount}.
    Each line's years must add up to the line exactly."""
    budget = Budget.objects.get(project=project)
    _require(
        can_edit_costs(user, project) or can_decide_budget(user), _("You may not edit this budget.")
    )
    if budget.approved_at is not None:
        raise ValidationError(
            _(
                "The budget was approved in the funding decision; it changes only through a change request."
            )
        )
    check = PlanCheck()
    lines = {
        AnnualAmount.Kind.COST: {line.category: line.amount for line in budget.cost_lines.all()},
        AnnualAmount.Kind.FINANCING: {
            line.source: line.amount for line in budget.financing_lines.all()
        },
    }
    given = {AnnualAmount.Kind.COST: costs, AnnualAmount.Kind.FINANCING: financing}
    for kind, amounts in given.items():
        totals: dict = {}
        for (key, _year), amount in amounts.items():
            if key not in lines[kind]:
                check.add(
                    f"{kind}_{key}", _("“%(key)s” is not a line of the budget.") % {"key": key}
                )
                continue
            totals[key] = totals.get(key, Decimal("0")) + cents(amount)
        for key, total in totals.items():
            if total != lines[kind][key]:
                check.add(
                    f"{kind}_{key}",
                    _("The years add up to %(sum)s but the line is %(line)s.")
                    % {"sum": format_money(total), "line": format_money(lines[kind][key])},
                )
    if not check.ok:
        raise ValidationError(check.errors)
    budget.annual_amounts.all().delete()
    AnnualAmount.objects.bulk_create(
        [
            AnnualAmount(budget=budget, kind=kind, key=key, year=year, amount=cents(amount))
            for kind, amounts in given.items()
            for (key, year), amount in amounts.items()
        ]
    )
    return budget


# --- Cost entries -----------------------------------------------------------------------------


def _entry_figures(*, project, category, amount, staff_member, hours, salary):
    """Work out the amount of an entry; staff costs from hours × rate or salary + on-costs."""
    errors: dict = {}
    budget = Budget.objects.filter(project=project).first()
    cost_model = budget.cost_model if budget else CostModel.NOT_KNOWN
    if cost_model in FLAT_RATE_COVERS_ALL_OTHER_COSTS and category not in (
        CostCategory.STAFF,
        CostCategory.REVENUES,
    ):
        errors["category"] = [
            _(
                "Under the 40 %% flat rate all costs other than staff costs are covered by the flat rate; enter only staff costs and revenues."
            )
        ]
    fields = {"hourly_rate": None, "on_cost_percent": None, "hours": None, "salary": None}
    if staff_member is not None:
        if category != CostCategory.STAFF:
            errors["staff_member"] = [_("A staff member belongs to a staff cost entry.")]
        elif staff_member.project_id != project.pk:
            errors["staff_member"] = [_("This person is not on the project's staff.")]
        elif staff_member.method == StaffMember.Method.HOURLY:
            if hours is None or hours <= 0:
                errors["hours"] = [_("Give the hours worked.")]
            else:
                fields.update(hours=hours, hourly_rate=staff_member.hourly_rate)
                amount = cents(Decimal(hours) * staff_member.hourly_rate)
        else:
            if salary is None or salary < 0:
                errors["salary"] = [_("Give the salary paid for the period.")]
            else:
                fields.update(salary=cents(salary), on_cost_percent=staff_member.on_cost_percent)
                amount = cents(salary) + percent_of(salary, staff_member.on_cost_percent)
    if amount is None:
        errors.setdefault("amount", [_("Give the amount.")])
    elif cents(amount) < 0:
        errors["amount"] = [
            _("The amount cannot be negative; enter revenues in their own category.")
        ]
    if errors:
        raise ValidationError(errors)
    return cents(amount), fields


def _check_entry_date(project, entry_date):
    if (
        project.start_date
        and entry_date < project.start_date
        or project.end_date
        and entry_date > project.end_date
    ):
        raise ValidationError(
            {
                "entry_date": [
                    _("The date must be within the project's period %(start)s–%(end)s.")
                    % {
                        "start": format_date(project.start_date),
                        "end": format_date(project.end_date),
                    }
                ]
            }
        )


@transaction.atomic
def cost_entry_create(
    *,
    user,
    project,
    category,
    entry_date,
    description,
    amount=None,
    staff_member=None,
    hours=None,
    salary=None,
    receipt=None,
) -> CostEntry:
    _require(can_edit_costs(user, project), _("Only the project's own staff can enter costs."))
    _check_entry_date(project, entry_date)
    amount, fields = _entry_figures(
        project=project,
        category=category,
        amount=amount,
        staff_member=staff_member,
        hours=hours,
        salary=salary,
    )
    entry = CostEntry(
        project=project,
        category=category,
        entry_date=entry_date,
        description=description,
        amount=amount,
        staff_member=staff_member,
        receipt=receipt or "",
        created_by=user if user and user.is_authenticated else None,
        **fields,
    )
    entry.full_clean()
    entry.save()
    _attach_to_open_claim(entry)
    return entry


def _locked_error():
    return ValidationError(
        _("This cost is part of a submitted or approved payment claim and cannot be changed.")
    )


@transaction.atomic
def cost_entry_update(*, user, entry: CostEntry, **changes) -> CostEntry:
    entry = (
        CostEntry.objects.select_for_update(of=("self",))
        .select_related("claim", "project")
        .get(pk=entry.pk)
    )
    _require(
        can_edit_costs(user, entry.project), _("Only the project's own staff can change costs.")
    )
    if entry.is_locked:
        raise _locked_error()
    for name in ("category", "entry_date", "description", "staff_member", "receipt"):
        if name in changes:
            setattr(entry, name, changes[name])
    _check_entry_date(entry.project, entry.entry_date)
    amount, fields = _entry_figures(
        project=entry.project,
        category=entry.category,
        amount=changes.get("amount", entry.amount if entry.staff_member_id is None else None),
        staff_member=entry.staff_member,
        hours=changes.get("hours", entry.hours),
        salary=changes.get("salary", entry.salary),
    )
    entry.amount = amount
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean()
    entry.save()
    entry.claim = None
    CostEntry.objects.filter(pk=entry.pk).update(claim=None)
    _attach_to_open_claim(entry)
    return entry


@transaction.atomic
def cost_entry_delete(*, user, entry: CostEntry) -> None:
    entry = (
        CostEntry.objects.select_for_update(of=("self",))
        .select_related("claim", "project")
        .get(pk=entry.pk)
    )
    _require(
        can_edit_costs(user, entry.project), _("Only the project's own staff can delete costs.")
    )
    if entry.is_locked:
        raise _locked_error()
    entry.delete()


def _attach_to_open_claim(entry: CostEntry) -> None:
    """An entry dated inside the period of a draft or returned claim belongs to that claim."""
    claim = PaymentClaim.objects.filter(
        project_id=entry.project_id,
        status__in=claim_workflow.EDITABLE_STATES,
        period_start__lte=entry.entry_date,
        period_end__gte=entry.entry_date,
    ).first()
    if claim is not None:
        CostEntry.objects.filter(pk=entry.pk).update(claim=claim)
        entry.claim = claim


# --- Payment claims ---------------------------------------------------------------------------


@transaction.atomic
def payment_claim_create(
    *, user, project, period_start, period_end, is_demo: bool = False
) -> PaymentClaim:
    """Open a claim for a period; the period's unclaimed costs join it."""
    _require(
        can_edit_costs(user, project), _("Only the project's own staff can make a payment claim.")
    )
    budget = Budget.objects.filter(project=project).first()
    if budget is None or budget.approved_at is None:
        raise ValidationError(_("A payment claim needs a budget approved in the funding decision."))
    if period_start > period_end:
        raise ValidationError({"period_end": [_("The period cannot end before it starts.")]})
    _check_entry_date(project, period_start)
    _check_entry_date(project, period_end)
    overlapping = PaymentClaim.objects.filter(
        project=project, period_start__lte=period_end, period_end__gte=period_start
    ).first()
    if overlapping is not None:
        raise ValidationError(
            {
                "period_start": [
                    _("The period overlaps payment claim %(number)s (%(start)s–%(end)s).")
                    % {
                        "number": overlapping.number,
                        "start": format_date(overlapping.period_start),
                        "end": format_date(overlapping.period_end),
                    }
                ]
            }
        )
    number = (PaymentClaim.objects.filter(project=project).aggregate(n=Max("number"))["n"] or 0) + 1
    claim = PaymentClaim.objects.create(
        project=project,
        number=number,
        period_start=period_start,
        period_end=period_end,
        is_demo=is_demo,
    )
    CostEntry.objects.filter(
        project=project,
        claim__isnull=True,
        entry_date__gte=period_start,
        entry_date__lte=period_end,
    ).update(claim=claim)
    return claim


def _transition_claim(user, claim: PaymentClaim, target: str) -> PaymentClaim:
    transition = claim_workflow.find_transition(claim.status, target)
    if transition is None:
        raise ValidationError(
            _("A payment claim cannot move from “%(source)s” to “%(target)s”.")
            % {
                "source": claim_workflow.STATES[claim.status],
                "target": claim_workflow.STATES[target],
            }
        )
    _require(
        can_transition_claim(user, claim, transition),
        _("You may not do this: “%(action)s”.") % {"action": transition.label},
    )
    updated = PaymentClaim.objects.filter(pk=claim.pk, status=transition.source).update(
        status=target
    )
    if updated != 1:
        raise ValidationError(
            _("The claim was changed by someone else; reload the page and try again.")
        )
    claim.status = target
    return claim


@transaction.atomic
def payment_claim_submit(*, user, claim: PaymentClaim) -> PaymentClaim:
    """Submit: the costs are locked and the figures computed and kept as submitted."""
    claim = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
    CostEntry.objects.filter(
        project=claim.project,
        claim__isnull=True,
        entry_date__gte=claim.period_start,
        entry_date__lte=claim.period_end,
    ).update(claim=claim)
    if not claim.entries.exists():
        raise ValidationError(_("The claim has no costs: enter the period's costs first."))
    claim = _transition_claim(user, claim, claim_workflow.SUBMITTED)
    figures = claim_compute(claim)
    claim.figures = figures.as_json()
    claim.submitted_at = timezone.now()
    claim.submitted_by = user
    claim.save(update_fields=["figures", "submitted_at", "submitted_by", "updated_at"])
    return claim


@transaction.atomic
def payment_claim_return(*, user, claim: PaymentClaim, message: str) -> PaymentClaim:
    """Send the claim back for additions; its costs can be edited again."""
    if not message.strip():
        raise ValidationError({"decision_note": [_("Tell the project what to add or correct.")]})
    claim = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
    claim = _transition_claim(user, claim, claim_workflow.RETURNED)
    claim.decision_note = message.strip()
    claim.decided_by = user
    claim.decided_at = timezone.now()
    claim.save(update_fields=["decision_note", "decided_by", "decided_at", "updated_at"])
    return claim


@transaction.atomic
def payment_claim_approve(
    *, user, claim: PaymentClaim, reductions: list | None = None, note: str = ""
) -> PaymentClaim:
    """Approve the claim, reduced where the officer says so: each reduction is (category, amount,
    reason). The approved aid updates the project's paid-to-date figures."""
    claim = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
    claimed = claim_entry_totals(claim)
    errors: dict = {}
    cleaned = []
    for category, amount, reason in reductions or []:
        amount = cents(amount)
        if amount <= 0:
            continue
        if not (reason or "").strip():
            errors.setdefault(f"reduction_{category}", []).append(
                _("Give the reason for the reduction.")
            )
        if amount > claimed.get(category, Decimal("0")):
            errors.setdefault(f"reduction_{category}", []).append(
                _("The reduction %(amount)s is more than the %(claimed)s claimed.")
                % {
                    "amount": format_money(amount),
                    "claimed": format_money(claimed.get(category, Decimal("0"))),
                }
            )
        cleaned.append((category, amount, (reason or "").strip()))
    if errors:
        raise ValidationError(errors)
    claim = _transition_claim(user, claim, claim_workflow.APPROVED)
    claim.reductions.all().delete()
    ClaimReduction.objects.bulk_create(
        [ClaimReduction(claim=claim, category=c, amount=a, reason=r) for c, a, r in cleaned]
    )
    figures = claim_compute(claim)
    claim.approved_eligible = figures.eligible
    claim.approved_aid = figures.aid
    claim.decision_note = note
    claim.decided_by = user
    claim.decided_at = timezone.now()
    claim.save()
    return claim


# --- Staff ------------------------------------------------------------------------------------


@transaction.atomic
def staff_member_create(
    *,
    user,
    project,
    name: str,
    method: str,
    title: str = "",
    annual_salary=None,
    on_cost_percent=Decimal("0"),
) -> StaffMember:
    """Add a person whose salary is charged to the project; hourly staff need an annual salary."""
    _require(
        can_edit_costs(user, project), _("Only the project's own staff can add staff members.")
    )
    member = StaffMember(
        project=project,
        name=name,
        title=title,
        method=method,
        annual_salary=None if annual_salary is None else cents(annual_salary),
        on_cost_percent=cents(on_cost_percent or 0),
    )
    if method == StaffMember.Method.HOURLY and annual_salary is None:
        raise ValidationError(
            {"annual_salary": [_("The hourly rate is computed from the annual salary: give it.")]}
        )
    member.full_clean()
    member.save()
    return member
