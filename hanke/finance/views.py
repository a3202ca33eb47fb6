"""The finance pages: budget follow-up, budget and change requests, cost entries and receipts,
staff, and payment claims. Views stay thin: they check the permission, parse the form, call a
selector or a service, and render. Every rule is in `finance.services`."""

import datetime
import mimetypes
import os
from decimal import Decimal
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hanke.core.formatting import format_money, format_month, format_number, format_percent
from hanke.core.money import share_percent, to_decimal
from hanke.core.views import signed_in_view
from hanke.projects.models import Project

from . import charts, claim_workflow, selectors, services
from .forms import (
    ChangeDecisionForm,
    ChangeRequestForm,
    ClaimApproveForm,
    ClaimCreateForm,
    ClaimReturnForm,
    CostEntryForm,
    CostFilterForm,
    StaffMemberForm,
)
from .models import Budget, ChangeRequest, CostCategory, CostEntry, FundingSource, PaymentClaim
from .permissions import can_decide_budget, can_edit_costs, can_transition_claim, can_view_finances

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


# --- Access ------------------------------------------------------------------------------------


def _project(request, pk, check=can_view_finances):
    project = get_object_or_404(Project.objects.select_related("implementer"), pk=pk)
    if not check(request.user, project):
        raise PermissionDenied(_("You do not have access to this project's finances."))
    return project


def _require(condition, message):
    if not condition:
        raise PermissionDenied(message)


def _budget(project):
    return Budget.objects.filter(project=project).first()


def _context(request, project, section, **extra):
    return {
        "project": project,
        "section": section,
        "can_edit": can_edit_costs(request.user, project),
        "is_officer": can_decide_budget(request.user),
        **extra,
    }


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Overview: budget follow-up ----------------------------------------------------------------


def _month_rows(by_month):
    rows = []
    for month, amount, cumulative in by_month:
        year, number = (int(part) for part in month.split("-"))
        rows.append((datetime.date(year, number, 1), amount, cumulative))
    return rows


@signed_in_view
def overview(request, pk):
    project = _project(request, pk)
    follow_up = selectors.budget_follow_up(project)
    context = _context(request, project, "overview", follow_up=follow_up)
    if follow_up is not None:
        spent = share_percent(follow_up.total.actual, follow_up.total.budget)
        months = _month_rows(follow_up.by_month)
        context.update(
            spent_percent=spent,
            paid_percent=share_percent(follow_up.paid_to_date, follow_up.aid_granted),
            months=months,
            behind_pace=(
                follow_up.elapsed_percent is not None
                and spent is not None
                and spent > follow_up.elapsed_percent
            ),
            category_chart=charts.category_bars(follow_up.rows),
            cumulative_chart=charts.cumulative_spending(
                [(format_month(m), a, c) for m, a, c in months], follow_up.total.budget
            ),
            pace_chart=charts.pace_bar(follow_up.elapsed_percent, spent),
        )
    return render(request, "finance/overview.html", context)


@signed_in_view
def follow_up_export(request, pk, fmt):
    project = _project(request, pk)
    if _budget(project) is None or fmt not in ("xlsx", "pdf"):
        raise Http404
    from . import exports

    if fmt == "xlsx":
        return _download(exports.follow_up_xlsx(project), XLSX, f"hanke-{project.pk}-seuranta.xlsx")
    return _download(exports.follow_up_pdf(project), PDF, f"hanke-{project.pk}-seuranta.pdf")


# --- Budget, versions and change requests -------------------------------------------------------


@signed_in_view
def budget(request, pk):
    project = _project(request, pk)
    budget = _budget(project)
    context = _context(request, project, "budget", budget=budget)
    if budget is not None:
        pending = budget.change_requests.filter(status=ChangeRequest.Status.SUBMITTED).first()
        context.update(
            summary=selectors.budget_summary(project),
            versions=budget.versions.select_related("approved_by"),
            change_requests=budget.change_requests.all(),
            pending=pending,
            can_request_change=(
                context["can_edit"] and budget.approved_at is not None and pending is None
            ),
            can_approve_budget=context["is_officer"] and budget.approved_at is None,
        )
    return render(request, "finance/budget.html", context)


@signed_in_view
@require_POST
def budget_approve(request, pk):
    project = _project(request, pk)
    _require(can_decide_budget(request.user), _("Only the funder's officer approves a budget."))
    try:
        services.budget_approve(user=request.user, project=project)
    except (ValidationError, Budget.DoesNotExist) as exc:
        for message in getattr(exc, "messages", [_("The project has no budget.")]):
            messages.error(request, message)
    else:
        messages.success(request, _("The budget was approved as in the funding decision."))
    return redirect("finance:budget", pk=project.pk)


@signed_in_view
def change_request_new(request, pk):
    project = _project(request, pk, check=can_edit_costs)
    budget = _budget(project)
    if budget is None or budget.approved_at is None:
        messages.error(request, _("Only an approved budget is changed by a change request."))
        return redirect("finance:budget", pk=project.pk)
    form = ChangeRequestForm(request.POST or None, budget=budget)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.change_request_submit(
                user=request.user, project=project, **form.service_arguments()
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("The change request was sent to the funder."))
            return redirect("finance:change_request", pk=project.pk, change_pk=change.pk)
    return render(
        request,
        "finance/change_request_form.html",
        _context(request, project, "budget", form=form, summary=selectors.budget_summary(project)),
    )


def _proposed_rows(change):
    proposed = change.proposed
    rows = [
        (c.label, Decimal(proposed["cost_lines"][c]))
        for c in CostCategory
        if c in proposed.get("cost_lines", {})
    ]
    rows.append((_("Total eligible costs"), Decimal(proposed["total_cost"])))
    rows += [
        (s.label, Decimal(proposed["financing"][s]))
        for s in FundingSource
        if s in proposed.get("financing", {})
    ]
    return rows


@signed_in_view
def change_request(request, pk, change_pk):
    project = _project(request, pk)
    change = get_object_or_404(ChangeRequest, pk=change_pk, budget__project=project)
    pending = change.status == ChangeRequest.Status.SUBMITTED
    form = None
    if pending and can_decide_budget(request.user):
        form = ChangeDecisionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.change_request_decide(
                    user=request.user,
                    change_request=change,
                    approve=form.cleaned_data["decision"] == "approve",
                    note=form.cleaned_data["decision_note"],
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(request, _("The decision was saved."))
                return redirect("finance:budget", pk=project.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("Only the funder's officer decides on change requests."))
    return render(
        request,
        "finance/change_request.html",
        _context(
            request,
            project,
            "budget",
            change=change,
            pending=pending,
            diff=selectors.change_request_diff(change) if pending or change.before else None,
            proposed_rows=None if pending else _proposed_rows(change),
            form=form,
        ),
    )


# --- Cost entries and receipts -------------------------------------------------------------------


def entry_basis(entry) -> str:
    """How a staff cost was computed, so that the figure can be checked by hand."""
    if entry.hours is not None and entry.hourly_rate is not None:
        return _("%(hours)s h × %(rate)s = %(amount)s") % {
            "hours": format_number(entry.hours, 2),
            "rate": format_money(entry.hourly_rate),
            "amount": format_money(entry.amount),
        }
    if entry.salary is not None:
        return _("%(salary)s + on-costs %(percent)s = %(amount)s") % {
            "salary": format_money(entry.salary),
            "percent": format_percent(entry.on_cost_percent or Decimal("0")),
            "amount": format_money(entry.amount),
        }
    return ""


def _with_basis(entries):
    entries = list(entries)
    for entry in entries:
        entry.basis = entry_basis(entry)
    return entries


@signed_in_view
def costs(request, pk):
    project = _project(request, pk)
    entries = project.cost_entries.select_related("staff_member", "claim")
    form = CostFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("date_from"):
            entries = entries.filter(entry_date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(entry_date__lte=data["date_to"])
        if data.get("category"):
            entries = entries.filter(category=data["category"])
    total = entries.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    return render(
        request,
        "finance/costs.html",
        _context(request, project, "costs", entries=_with_basis(entries), form=form, total=total),
    )


def _save_entry(request, project, form, entry=None):
    """Create or update through the services; their errors go next to the fields."""
    arguments = form.service_arguments()
    receipt = form.cleaned_data.get("receipt") or None
    try:
        if entry is None:
            return services.cost_entry_create(
                user=request.user, project=project, receipt=receipt, **arguments
            )
        if receipt is not None:
            arguments["receipt"] = receipt
        return services.cost_entry_update(user=request.user, entry=entry, **arguments)
    except ValidationError as exc:
        form.add_service_errors(exc)
        return None


@signed_in_view
def cost_add(request, pk):
    project = _project(request, pk, check=can_edit_costs)
    form = CostEntryForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        entry = _save_entry(request, project, form)
        if entry is not None:
            messages.success(request, _("The cost was saved."))
            return redirect("finance:cost_detail", pk=project.pk, entry_pk=entry.pk)
    return render(request, "finance/cost_form.html", _context(request, project, "costs", form=form))


def _entry(project, entry_pk):
    return get_object_or_404(
        CostEntry.objects.select_related("staff_member", "claim"), pk=entry_pk, project=project
    )


@signed_in_view
def cost_detail(request, pk, entry_pk):
    project = _project(request, pk)
    entry = _entry(project, entry_pk)
    on_costs = entry.amount - entry.salary if entry.salary is not None else None
    entry.basis = entry_basis(entry)
    return render(
        request,
        "finance/cost_detail.html",
        _context(
            request,
            project,
            "costs",
            entry=entry,
            on_costs=on_costs,
            hours=None if entry.hours is None else format_number(entry.hours, 2),
        ),
    )


@signed_in_view
def cost_edit(request, pk, entry_pk):
    project = _project(request, pk, check=can_edit_costs)
    entry = _entry(project, entry_pk)
    initial = {
        "category": entry.category,
        "entry_date": entry.entry_date,
        "description": entry.description,
        "staff_member": entry.staff_member_id,
        "hours": entry.hours,
        "salary": entry.salary,
        "amount": None if entry.staff_member_id else entry.amount,
    }
    form = CostEntryForm(
        request.POST or None, request.FILES or None, project=project, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_entry(request, project, form, entry=entry)
        if saved is not None:
            messages.success(request, _("The cost was saved."))
            return redirect("finance:cost_detail", pk=project.pk, entry_pk=saved.pk)
    return render(
        request,
        "finance/cost_form.html",
        _context(request, project, "costs", form=form, entry=entry),
    )


@signed_in_view
def cost_delete(request, pk, entry_pk):
    project = _project(request, pk, check=can_edit_costs)
    entry = _entry(project, entry_pk)
    if request.method == "POST":
        try:
            services.cost_entry_delete(user=request.user, entry=entry)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("finance:cost_detail", pk=project.pk, entry_pk=entry.pk)
        messages.success(request, _("The cost was deleted."))
        return redirect("finance:costs", pk=project.pk)
    return render(
        request, "finance/cost_delete.html", _context(request, project, "costs", entry=entry)
    )


@signed_in_view
def receipt(request, pk, entry_pk):
    project = _project(request, pk)
    entry = _entry(project, entry_pk)
    if not entry.receipt:
        raise Http404
    try:
        handle = entry.receipt.open("rb")
    except OSError as exc:
        raise Http404 from exc
    filename = os.path.basename(entry.receipt.name)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Staff ---------------------------------------------------------------------------------------


@signed_in_view
def staff(request, pk):
    project = _project(request, pk)
    form = StaffMemberForm(request.POST or None, project=project)
    if request.method == "POST":
        _require(
            can_edit_costs(request.user, project),
            _("Only the project's own staff can add staff members."),
        )
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.staff_member_create(
                    user=request.user,
                    project=project,
                    name=data["name"],
                    title=data.get("title", ""),
                    method=data["method"],
                    annual_salary=data.get("annual_salary"),
                    on_cost_percent=data.get("on_cost_percent") or Decimal("0"),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The staff member was added."))
                return redirect("finance:staff", pk=project.pk)
    return render(
        request,
        "finance/staff.html",
        _context(request, project, "staff", form=form, members=project.staff.all()),
    )


# --- Payment claims -------------------------------------------------------------------------------


@signed_in_view
def claims(request, pk):
    project = _project(request, pk)
    form = ClaimCreateForm(request.POST or None)
    if request.method == "POST":
        _require(
            can_edit_costs(request.user, project),
            _("Only the project's own staff can make a payment claim."),
        )
        if form.is_valid():
            try:
                claim = services.payment_claim_create(
                    user=request.user, project=project, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(request, _("The payment claim was created."))
                return redirect("finance:claim", pk=project.pk, claim_pk=claim.pk)
    follow_up = selectors.budget_follow_up(project)
    budget = _budget(project)
    return render(
        request,
        "finance/claims.html",
        _context(
            request,
            project,
            "claims",
            form=form,
            claims=project.payment_claims.order_by("-number"),
            follow_up=follow_up,
            budget_approved=budget is not None and budget.approved_at is not None,
        ),
    )


def _figures(claim):
    """The figures to show: live for a draft or returned claim, as stored once submitted."""
    live = claim.status in claim_workflow.EDITABLE_STATES or not claim.figures
    data = selectors.claim_compute(claim).as_json() if live else claim.figures
    by_category = data["by_category"]
    reductions = {r.category: r for r in claim.reductions.all()}
    rows = []
    for category in CostCategory:
        if category == CostCategory.REVENUES or category not in by_category:
            continue
        claimed = Decimal(by_category[category])
        reduction = reductions.get(category)
        rows.append(
            SimpleNamespace(
                key=category.value,
                label=category.label,
                claimed=claimed,
                reduction=reduction,
                approved=claimed - (reduction.amount if reduction else Decimal("0")),
            )
        )

    def dec(name):
        value = data.get(name)
        return None if value is None else Decimal(value)

    return SimpleNamespace(
        live=live,
        rows=rows,
        staff=Decimal(by_category.get(CostCategory.STAFF, "0")),
        flat_rate_percent=dec("flat_rate_percent"),
        flat_rate_amount=dec("flat_rate_amount"),
        revenues=dec("revenues"),
        eligible=dec("eligible"),
        aid_rate=dec("aid_rate"),
        aid_before_cap=dec("aid_before_cap"),
        aid=dec("aid"),
        aid_remaining_before=dec("aid_remaining_before"),
        capped=bool(data.get("capped")),
        own_financing=dec("own_financing"),
        by_category=by_category,
    )


def _claim_context(request, project, claim, approve_form=None, return_form=None):
    figures = _figures(claim)
    approved = None
    if claim.status == claim_workflow.APPROVED:
        approved = selectors.claim_compute(claim)
        this_by_category, this_flat = approved.by_category, approved.flat_rate_amount
    else:
        this_by_category, this_flat = figures.by_category, figures.flat_rate_amount
    user = request.user

    def allowed(target):
        transition = claim_workflow.find_transition(claim.status, target)
        return transition is not None and can_transition_claim(user, claim, transition)

    can_review = allowed(claim_workflow.APPROVED)
    if can_review and approve_form is None:
        approve_form = ClaimApproveForm(claimed=selectors.claim_entry_totals(claim))
    if allowed(claim_workflow.RETURNED) and return_form is None:
        return_form = ClaimReturnForm()
    return _context(
        request,
        project,
        "claims",
        claim=claim,
        figures=figures,
        approved_figures=(
            SimpleNamespace(
                flat_rate_percent=approved.flat_rate_percent,
                flat_rate_amount=approved.flat_rate_amount,
                staff=approved.by_category.get(CostCategory.STAFF, Decimal("0")),
            )
            if approved
            else None
        ),
        cumulative=selectors.claim_cumulative(claim, this_by_category, this_flat),
        entries=_with_basis(claim.entries.select_related("staff_member")),
        can_submit=allowed(claim_workflow.SUBMITTED),
        can_review=can_review,
        approve_form=approve_form if can_review else None,
        return_form=return_form if allowed(claim_workflow.RETURNED) else None,
        status_label=claim_workflow.STATES[claim.status],
    )


def _claim(project, claim_pk):
    return get_object_or_404(
        PaymentClaim.objects.select_related("project__budget"), pk=claim_pk, project=project
    )


@signed_in_view
def claim(request, pk, claim_pk):
    project = _project(request, pk)
    claim = _claim(project, claim_pk)
    return render(request, "finance/claim.html", _claim_context(request, project, claim))


@signed_in_view
@require_POST
def claim_submit(request, pk, claim_pk):
    project = _project(request, pk)
    claim = _claim(project, claim_pk)
    try:
        services.payment_claim_submit(user=request.user, claim=claim)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The payment claim was submitted to the funder."))
    return redirect("finance:claim", pk=project.pk, claim_pk=claim.pk)


@signed_in_view
@require_POST
def claim_approve(request, pk, claim_pk):
    project = _project(request, pk)
    claim = _claim(project, claim_pk)
    _require(can_decide_budget(request.user), _("Only the funder's officer approves a claim."))
    form = ClaimApproveForm(request.POST, claimed=selectors.claim_entry_totals(claim))
    if form.is_valid():
        try:
            services.payment_claim_approve(
                user=request.user,
                claim=claim,
                reductions=form.reductions(),
                note=form.cleaned_data.get("note") or "",
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("The payment claim was approved."))
            return redirect("finance:claim", pk=project.pk, claim_pk=claim.pk)
    claim.refresh_from_db()
    return render(
        request,
        "finance/claim.html",
        _claim_context(request, project, claim, approve_form=form),
    )


@signed_in_view
@require_POST
def claim_return(request, pk, claim_pk):
    project = _project(request, pk)
    claim = _claim(project, claim_pk)
    _require(can_decide_budget(request.user), _("Only the funder's officer returns a claim."))
    form = ClaimReturnForm(request.POST)
    if form.is_valid():
        try:
            services.payment_claim_return(
                user=request.user, claim=claim, message=form.cleaned_data["decision_note"]
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(request, _("The payment claim was returned to the project."))
            return redirect("finance:claim", pk=project.pk, claim_pk=claim.pk)
    claim.refresh_from_db()
    return render(
        request,
        "finance/claim.html",
        _claim_context(request, project, claim, return_form=form),
    )


@signed_in_view
def claim_export(request, pk, claim_pk, fmt):
    project = _project(request, pk)
    claim = _claim(project, claim_pk)
    if fmt not in ("xlsx", "pdf"):
        raise Http404
    from . import exports

    name = f"hanke-{project.pk}-maksatushakemus-{claim.number}"
    if fmt == "xlsx":
        return _download(exports.claim_xlsx(claim), XLSX, f"{name}.xlsx")
    return _download(exports.claim_pdf(claim), PDF, f"{name}.pdf")


@signed_in_view
def budget_by_year(request, pk):
    """The budget broken down by year: every cost line and source, one amount per year."""
    project = _project(request, pk)
    budget = _budget(project)
    if budget is None:
        raise Http404
    years = selectors.budget_years(project)
    rows = selectors.budget_by_year(project)
    can_edit = budget.approved_at is None and (
        can_edit_costs(request.user, project) or can_decide_budget(request.user)
    )
    errors, values = {}, {}
    if request.method == "POST":
        _require(
            can_edit, _("The budget by year can be changed only before the budget is approved.")
        )
        costs, financing = {}, {}
        for row in rows:
            for year in years:
                name = f"{row.kind}_{row.key}_{year}"
                raw = request.POST.get(name, "").strip()
                values[name] = raw
                if not raw:
                    continue
                try:
                    amount = to_decimal(raw)
                except ValueError:
                    errors.setdefault(f"{row.kind}_{row.key}", []).append(
                        _("“%(value)s” is not an amount.") % {"value": raw}
                    )
                    continue
                target = costs if row.kind == "cost" else financing
                target[(row.key, year)] = amount
        if not errors:
            try:
                services.budget_set_annual(
                    user=request.user, project=project, costs=costs, financing=financing
                )
            except ValidationError as exc:
                errors = exc.message_dict
            else:
                messages.success(request, _("The budget by year was saved."))
                return redirect("finance:budget_by_year", pk=project.pk)
    table = [
        {
            "row": row,
            "error_key": f"{row.kind}_{row.key}",
            "errors": errors.get(f"{row.kind}_{row.key}", []),
            "cells": [
                {
                    "year": year,
                    "name": f"{row.kind}_{row.key}_{year}",
                    "value": values.get(f"{row.kind}_{row.key}_{year}", row.by_year.get(year, "")),
                }
                for year in years
            ],
        }
        for row in rows
    ]
    return render(
        request,
        "finance/budget_by_year.html",
        _context(
            request,
            project,
            "budget",
            budget=budget,
            years=years,
            table=table,
            errors=errors,
            can_edit_years=can_edit,
        ),
    )
