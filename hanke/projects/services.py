"""Writes of projects and applications. Each takes the acting user, checks the rules and the
user's rights, records the event on the project's timeline and leaves messages to the views."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hanke.accounts import roles
from hanke.accounts.roles import has_role

from . import activity, workflow
from .application import application_snapshot, section_problems
from .models import ApplicationVersion, Project
from .permissions import can_transition_project


@transaction.atomic
def project_transition(
    *,
    user,
    project: Project,
    target: str,
    kind: str = activity.STATUS,
    message: str = "",
    version=None,
) -> Project:
    """Move a project to another lifecycle state, if the workflow allows it and the user may,
    and record it on the project's timeline.

    The row is re-read under a lock and the update is conditional on the state it was read in,
    so two officers clicking at once cannot both move it."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    transition = workflow.find_transition(project.status, target)
    if transition is None:
        raise ValidationError(
            _("A project cannot move from “%(source)s” to “%(target)s”.")
            % {
                "source": workflow.STATES[project.status],
                "target": workflow.STATES.get(target, target),
            }
        )
    if not can_transition_project(user, project, transition):
        raise PermissionDenied(
            _("You may not do this: “%(action)s”.") % {"action": transition.label}
        )
    updated = Project.objects.filter(pk=project.pk, status=transition.source).update(status=target)
    if updated != 1:
        raise ValidationError(
            _("The project was changed by someone else; reload the page and try again.")
        )
    project.refresh_from_db()
    activity.record(
        project=project,
        kind=kind,
        actor=user,
        message=message,
        from_status=transition.source,
        to_status=target,
        version=version,
    )
    return project


@transaction.atomic
def application_create(*, user, call, organisation=None, name: str = "") -> Project:
    """Start a draft application against an open call, for an organisation the user works for."""
    if not has_role(user, roles.APPLICANT):
        raise PermissionDenied(_("Only an applicant's staff can start an application."))
    memberships = user.memberships.select_related("organisation")
    if organisation is None:
        if memberships.count() != 1:
            raise ValidationError({"organisation": _("Choose the organisation that applies.")})
        organisation = memberships.get().organisation
    elif not memberships.filter(organisation=organisation).exists():
        raise PermissionDenied(_("You can apply only for an organisation you work for."))
    if not call.is_open_on(timezone.localdate()):
        raise ValidationError(_("The call is not open for applications."))
    objectives = list(call.specific_objectives.all())
    funds = list(call.funds.all())
    project = Project.objects.create(
        name_fi=name,
        status=workflow.DRAFT,
        is_public=False,
        implementer=organisation,
        call=call,
        funding_authority=call.authority,
        programme=call.programme,
        fund=funds[0] if len(funds) == 1 else None,
        specific_objective=objectives[0] if len(objectives) == 1 else None,
        original_language="fi",
    )
    activity.record(project=project, kind=activity.CREATED, actor=user)
    return project


@transaction.atomic
def application_submit(*, user, project: Project) -> ApplicationVersion:
    """Check that the application is complete, freeze it as a new numbered version and send it
    to the funder. A resubmission after a return makes the next version."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.status not in workflow.EDITABLE_STATES:
        raise ValidationError(_("The application has already been submitted."))
    problems = section_problems(project)
    if problems:
        raise ValidationError(
            {
                section: [str(message) for message in messages]
                for section, messages in problems.items()
            }
        )
    resubmission = project.status == workflow.RETURNED
    number = (project.application_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ApplicationVersion.objects.create(
        project=project,
        number=number,
        submitted_at=timezone.now(),
        submitted_by=user,
        snapshot=application_snapshot(project),
    )
    project_transition(
        user=user,
        project=project,
        target=workflow.SUBMITTED,
        kind=activity.RESUBMITTED if resubmission else activity.SUBMITTED,
        version=version,
    )
    return version


@transaction.atomic
def application_return(*, user, project: Project, message: str) -> Project:
    """Send the application back to the applicant for additions, saying what is needed."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Tell the applicant what to add or correct.")})
    return project_transition(
        user=user,
        project=project,
        target=workflow.RETURNED,
        kind=activity.RETURNED,
        message=message,
    )


# --- The applicant's sections -------------------------------------------------------------------
#
# One write per section of the application, `application_<section>_set(*, user, project, data)`,
# and its check without writing, `application_<section>_validate(*, project, data)`. The check
# raises one ValidationError keyed by field; rows of a list are keyed `<row>.<field>` (and a work
# package's deliverables `<row>.deliverables.<n>.<field>`), counting from 0 in the order given.
# An empty value clears what was there: the applicant drafts the application section by section,
# and `application.section_problems` says what is still missing before it can be submitted.


def _content_language(project) -> str:
    """The language the application is written in: the project's original language."""
    return project.original_language or "fi"


def _editable(user, project) -> Project:
    """The project re-read under a lock, if the user may edit its application now."""
    from .permissions import can_edit_application

    locked = (
        Project.objects.select_for_update(of=("self",))
        .select_related("call", "programme", "implementer")
        .get(pk=project.pk)
    )
    if not can_edit_application(user, locked):
        if locked.status not in workflow.EDITABLE_STATES:
            raise PermissionDenied(
                _("The application has been submitted; it can be edited only if it is returned.")
            )
        raise PermissionDenied(
            _("Only the applicant organisation's staff can edit the application.")
        )
    return locked


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _text_value(data, key) -> str:
    return (data.get(key) or "").strip()


def _sync(existing: list, wanted: list, update, create, delete) -> None:
    """Bring a list of rows in line with `wanted` by position: the n-th existing row takes the n-th
    wanted values, extra wanted rows are created and surplus rows deleted. Saving the same data
    twice changes nothing, so an autosave can repeat itself safely."""
    for row, values in zip(existing, wanted, strict=False):
        update(row, values)
    for values in wanted[len(existing) :]:
        create(values)
    surplus = existing[len(wanted) :]
    if surplus:
        delete(surplus)


def _set_section_text(project, kind: str, text: str, lang: str) -> None:
    from .models import ProjectSection

    section = project.sections.filter(kind=kind).order_by("order", "pk").first()
    if section is None:
        if text:
            ProjectSection.objects.create(
                project=project,
                kind=kind,
                order=list(ProjectSection.Kind.values).index(kind),
                **{f"body_{lang}": text},
            )
        return
    setattr(section, f"body_{lang}", text)
    if any(getattr(section, f"body_{code}") for code in ("fi", "en", "sv")):
        section.save()
    else:
        section.delete()


# basic ------------------------------------------------------------------------------------------


def application_basic_validate(*, project, data: dict) -> None:
    errors = {}
    if len(_text_value(data, "name")) > 300:
        errors["name"] = _("The name can be at most 300 characters long.")
    if data.get("kind") not in Project.Kind.values:
        errors["kind"] = _("Choose whether this is a development or an investment project.")
    objective = data.get("specific_objective")
    if (
        objective is not None
        and project.call_id
        and not project.call.specific_objectives.filter(pk=objective.pk).exists()
    ):
        errors["specific_objective"] = _("Choose one of the call's specific objectives.")
    _raise(errors)


@transaction.atomic
def application_basic_set(*, user, project, data: dict) -> Project:
    """Name, acronym, kind, specific objective, regions, municipalities and themes."""
    project = _editable(user, project)
    application_basic_validate(project=project, data=data)
    setattr(project, f"name_{_content_language(project)}", _text_value(data, "name"))
    project.acronym = _text_value(data, "acronym")
    project.kind = data["kind"]
    project.specific_objective = data.get("specific_objective")
    project.save()
    project.regions.set(data.get("regions") or [])
    project.municipalities.set(data.get("municipalities") or [])
    project.themes.set(data.get("themes") or [])
    return project


# partners ---------------------------------------------------------------------------------------


def application_partners_validate(*, project, data: list) -> None:
    from hanke.core.business_id import normalise_business_id

    from .models import ProjectPartner

    errors = {}
    seen = {}
    for n, row in enumerate(data):
        business_id = _text_value(row, "business_id")
        if not _text_value(row, "name"):
            errors[f"{n}.name"] = _("Give the organisation's name.")
        if not business_id:
            errors[f"{n}.business_id"] = _("Give the organisation's business ID (Y-tunnus).")
        else:
            try:
                business_id = normalise_business_id(business_id)
            except ValidationError as error:
                errors[f"{n}.business_id"] = error.messages
                business_id = None
        if row.get("role") not in ProjectPartner.Role.values:
            errors[f"{n}.role"] = _(
                "Choose whether the organisation is a co-implementer or a partner."
            )
        if not business_id:
            continue
        if project.implementer_id and project.implementer.business_id == business_id:
            errors[f"{n}.business_id"] = _(
                "This is the applicant organisation itself; list only the other organisations."
            )
        elif (business_id, row.get("role")) in seen:
            errors[f"{n}.business_id"] = _(
                "The organisation %(business_id)s is already listed in row %(row)s with the same role."
            ) % {"business_id": business_id, "row": seen[(business_id, row.get("role"))] + 1}
        else:
            seen[(business_id, row.get("role"))] = n
    _raise(errors)


@transaction.atomic
def application_partners_set(*, user, project, data: list) -> Project:
    """The co-implementers and partners, each `{name, business_id, role, description}`. An
    organisation already known by its business ID is used as it is; an unknown one is created."""
    from django.utils import translation

    from hanke.accounts.models import Organisation
    from hanke.accounts.services import organisation_create
    from hanke.core.business_id import normalise_business_id

    from .models import ProjectPartner

    project = _editable(user, project)
    application_partners_validate(project=project, data=data)
    lang = _content_language(project)
    wanted = {}
    for row in data:
        business_id = normalise_business_id(_text_value(row, "business_id"))
        organisation = Organisation.objects.filter(business_id=business_id).first()
        if organisation is None:
            # the name goes to the column of the language it is written in
            with translation.override(lang):
                organisation = organisation_create(
                    user=user,
                    name=_text_value(row, "name"),
                    org_type=Organisation.Type.OTHER,
                    business_id=business_id,
                    original_language=lang,
                )
        wanted[(organisation.pk, row["role"])] = _text_value(row, "description")
    for partner in project.partners.all():
        key = (partner.organisation_id, partner.role)
        if key not in wanted:
            partner.delete()
            continue
        setattr(partner, f"description_{lang}", wanted.pop(key))
        partner.save()
    for (organisation_pk, role), description in wanted.items():
        ProjectPartner.objects.create(
            project=project,
            organisation_id=organisation_pk,
            role=role,
            **{f"description_{lang}": description},
        )
    return project


# summary and description ------------------------------------------------------------------------


def application_summary_validate(*, project, data: dict) -> None:
    return None


@transaction.atomic
def application_summary_set(*, user, project, data: dict) -> Project:
    project = _editable(user, project)
    setattr(project, f"summary_{_content_language(project)}", _text_value(data, "summary"))
    project.save()
    return project


DESCRIPTION_KINDS = ("background", "objectives", "implementation")


def application_description_validate(*, project, data: dict) -> None:
    return None


@transaction.atomic
def application_description_set(*, user, project, data: dict) -> Project:
    """The background, the objectives and (optionally) how the project is implemented."""
    project = _editable(user, project)
    lang = _content_language(project)
    for kind in DESCRIPTION_KINDS:
        _set_section_text(project, kind, _text_value(data, kind), lang)
    return project


# target groups ----------------------------------------------------------------------------------


def application_target_groups_validate(*, project, data: list) -> None:
    from .models import TargetGroup

    errors = {}
    for n, row in enumerate(data):
        if not _text_value(row, "name"):
            errors[f"{n}.name"] = _("Give the target group's name.")
        count = row.get("target_count")
        if count is not None and count < 0:
            errors[f"{n}.target_count"] = _("The target cannot be negative.")
        if row.get("unit") not in TargetGroup.Unit.values:
            errors[f"{n}.unit"] = _("Choose the unit.")
    _raise(errors)


@transaction.atomic
def application_target_groups_set(*, user, project, data: list) -> Project:
    """The target groups in order, each `{name, target_count, unit}`."""
    from .models import TargetGroup

    project = _editable(user, project)
    application_target_groups_validate(project=project, data=data)
    lang = _content_language(project)

    def update(group, values):
        setattr(group, f"name_{lang}", _text_value(values, "name"))
        group.target_count = values.get("target_count")
        group.unit = values["unit"]
        group.order = values["order"]
        group.save()

    def create(values):
        update(TargetGroup(project=project), values)

    def delete(groups):
        # a group that was part of a removed one stays, on its own
        TargetGroup.objects.filter(part_of__in=groups).update(part_of=None)
        TargetGroup.objects.filter(pk__in=[g.pk for g in groups]).delete()

    wanted = [{**row, "order": n} for n, row in enumerate(data)]
    _sync(list(project.target_groups.order_by("order", "pk")), wanted, update, create, delete)
    return project


# work packages ----------------------------------------------------------------------------------


def deliverable_errors(row: dict) -> dict:
    """Errors by field of one deliverable, by the rules the database also enforces."""
    from .models import Deliverable

    q = Deliverable.Qualifier
    errors = {}
    if not _text_value(row, "title"):
        errors["title"] = _("Give the deliverable's title.")
    if row.get("deliverable_type") not in Deliverable.Type.values:
        errors["deliverable_type"] = _("Choose the type of the deliverable.")
    qualifier, low, high = row.get("target_qualifier"), row.get("target_min"), row.get("target_max")
    if qualifier not in q.values:
        errors["target_qualifier"] = _("Choose how the target is meant.")
    elif qualifier == q.NONE:
        if low is not None or high is not None:
            errors["target_qualifier"] = _(
                "You gave a number: choose whether the target is exactly, at least, about or a "
                "range of that number."
            )
    elif qualifier == q.RANGE:
        if low is None:
            errors["target_min"] = _("Give the lower end of the range.")
        if high is None:
            errors["target_max"] = _("Give the upper end of the range.")
        if low is not None and high is not None and low > high:
            errors["target_max"] = _(
                "The upper end of the range (%(max)s) must not be below its lower end (%(min)s)."
            ) % {"max": high, "min": low}
    else:
        if low is None:
            errors["target_min"] = _("Give the target number.")
        if high is not None:
            errors["target_max"] = _(
                "Only a range has an upper end: leave this empty or choose “range”."
            )
    for key, value in (("target_min", low), ("target_max", high)):
        if value is not None and value < 0 and key not in errors:
            errors[key] = _("The target cannot be negative.")
    return errors


def application_work_packages_validate(*, project, data: list) -> None:
    errors = {}
    numbers = {}
    for n, row in enumerate(data):
        number = row.get("number")
        if number is None or number < 1:
            errors[f"{n}.number"] = _("Give the work package's number (1, 2, 3 …).")
        elif number in numbers:
            errors[f"{n}.number"] = _(
                "Work package %(number)s is already given in row %(row)s; each number is used once."
            ) % {"number": number, "row": numbers[number] + 1}
        else:
            numbers[number] = n
        if not _text_value(row, "title"):
            errors[f"{n}.title"] = _("Give the work package's title.")
        for m, deliverable in enumerate(row.get("deliverables") or []):
            for field, message in deliverable_errors(deliverable).items():
                errors[f"{n}.deliverables.{m}.{field}"] = message
    _raise(errors)


@transaction.atomic
def application_work_packages_set(*, user, project, data: list) -> Project:
    """The work packages in order, each `{number, title, description, activities: [text, …],
    deliverables: [{deliverable_type, title, target_qualifier, target_min, target_max}, …]}`."""
    from .models import Activity, Deliverable, WorkPackage

    project = _editable(user, project)
    application_work_packages_validate(project=project, data=data)
    lang = _content_language(project)
    existing = list(project.work_packages.order_by("number", "pk"))
    # free the numbers first: the rows are renumbered by position
    WorkPackage.objects.filter(project=project).update(number=None)

    def sync_package(package, values):
        package.number = values["number"]
        setattr(package, f"title_{lang}", _text_value(values, "title"))
        setattr(package, f"description_{lang}", _text_value(values, "description"))
        package.save()

        def update_activity(activity, text):
            setattr(activity, f"description_{lang}", text["text"])
            activity.order = text["order"]
            activity.save()

        _sync(
            list(package.activities.order_by("order", "pk")),
            [
                {"text": text.strip(), "order": m}
                for m, text in enumerate(t for t in values.get("activities") or [] if t.strip())
            ],
            update_activity,
            lambda values: update_activity(Activity(work_package=package), values),
            lambda rows: Activity.objects.filter(pk__in=[r.pk for r in rows]).delete(),
        )

        def update_deliverable(deliverable, row):
            deliverable.deliverable_type = row["deliverable_type"]
            setattr(deliverable, f"title_{lang}", _text_value(row, "title"))
            deliverable.target_qualifier = row["target_qualifier"]
            deliverable.target_min = row.get("target_min")
            deliverable.target_max = row.get("target_max")
            deliverable.order = row["order"]
            deliverable.save()

        _sync(
            list(package.deliverables.order_by("order", "pk")),
            [{**row, "order": m} for m, row in enumerate(values.get("deliverables") or [])],
            update_deliverable,
            lambda row: update_deliverable(Deliverable(project=project, work_package=package), row),
            lambda rows: Deliverable.objects.filter(pk__in=[r.pk for r in rows]).delete(),
        )

    _sync(
        existing,
        list(data),
        sync_package,
        lambda values: sync_package(WorkPackage(project=project), values),
        lambda rows: WorkPackage.objects.filter(pk__in=[r.pk for r in rows]).delete(),
    )
    return project


# timetable --------------------------------------------------------------------------------------


def application_timetable_validate(*, project, data: dict) -> None:
    from .application import check_dates

    _raise(check_dates(project, data.get("start_date"), data.get("end_date")))


@transaction.atomic
def application_timetable_set(*, user, project, data: dict) -> Project:
    """Start and end dates (inside the call's and the programme's period) and the timetable."""
    project = _editable(user, project)
    application_timetable_validate(project=project, data=data)
    project.start_date = data.get("start_date")
    project.end_date = data.get("end_date")
    project.date_precision = Project.DatePrecision.DAY
    project.save()
    _set_section_text(
        project, "timetable", _text_value(data, "timetable"), _content_language(project)
    )
    return project


# cost estimate and financing plan ---------------------------------------------------------------


def allowed_cost_models(project) -> list[str]:
    """The cost models an application may use: the call's, or every known one without a call."""
    from hanke.finance.models import CostModel

    if project.call_id:
        allowed = [m.cost_model for m in project.call.cost_models.all()]
        if allowed:
            return [m for m in CostModel.values if m in allowed]
    return [m for m in CostModel.values if m != CostModel.NOT_KNOWN]


def application_costs_validate(*, project, data: dict) -> None:
    from hanke.finance.services import budget_validate

    cost_model = data.get("cost_model")
    if cost_model not in allowed_cost_models(project):
        raise ValidationError({"cost_model": _("Choose one of the cost models the call allows.")})
    budget = getattr(project, "budget", None)
    if budget is not None and budget.approved_at is not None:
        raise ValidationError(
            _(
                "The budget was approved in the funding decision; it changes only through a change request."
            )
        )
    lines = {k: v for k, v in (data.get("cost_lines") or {}).items() if v is not None}
    if lines:
        budget_validate(project=project, cost_model=cost_model, cost_lines=lines)


@transaction.atomic
def application_costs_set(*, user, project, data: dict):
    """The cost model and the cost lines `{category: amount}`; the flat rate and the total are
    computed. The financing plan is kept as it is: whether it still adds up to the new total is
    the financing section's check, so a changed cost estimate never loses the typed financing."""
    from hanke.finance.services import budget_draft_costs_set

    project = _editable(user, project)
    application_costs_validate(project=project, data=data)
    return budget_draft_costs_set(
        project=project, cost_model=data["cost_model"], cost_lines=data.get("cost_lines") or {}
    )


def _saved_costs(project):
    """(cost model, cost lines, total) of the saved cost estimate, or None without one."""
    from hanke.finance.models import Budget

    budget = Budget.objects.filter(project=project).first()
    if budget is None:
        return None
    lines = {line.category: line.amount for line in budget.cost_lines.all()}
    if not lines and not budget.total_cost:
        return None
    return budget, lines


def application_financing_validate(*, project, data: dict) -> None:
    from hanke.finance.services import budget_validate

    saved = _saved_costs(project)
    if saved is None:
        raise ValidationError(
            _("Fill in the cost estimate first: the financing plan must add up to its total.")
        )
    budget, lines = saved
    budget_validate(
        project=project,
        cost_model=budget.cost_model,
        cost_lines=lines,
        total_cost=None if lines else budget.total_cost,
        financing={k: v for k, v in (data.get("financing") or {}).items() if v is not None},
    )


@transaction.atomic
def application_financing_set(*, user, project, data: dict):
    """The financing plan `{source: amount}`, checked against the saved cost estimate: the
    sources add up to the total exactly and the aid stays within the call's maximum rate."""
    from hanke.finance.services import budget_set

    project = _editable(user, project)
    application_financing_validate(project=project, data=data)
    budget, lines = _saved_costs(project)
    return budget_set(
        user=user,
        project=project,
        cost_model=budget.cost_model,
        cost_lines=lines,
        total_cost=None if lines else budget.total_cost,
        financing={k: v for k, v in (data.get("financing") or {}).items() if v is not None},
        aid_granted_by=budget.aid_granted_by,
    )


# indicators -------------------------------------------------------------------------------------


def application_indicators_validate(*, project, data: dict) -> None:
    known = (
        set(project.programme.indicators.values_list("pk", flat=True))
        if project.programme_id
        else set()
    )
    errors = {}
    for indicator_pk, target in data.items():
        if int(indicator_pk) not in known:
            errors["indicators"] = _("An indicator is not one of the programme's indicators.")
        elif target is not None and target < 0:
            errors[f"indicator_{indicator_pk}"] = _("The target cannot be negative.")
    _raise(errors)


@transaction.atomic
def application_indicators_set(*, user, project, data: dict) -> Project:
    """A target per indicator of the programme, `{indicator pk: target or None}`; None removes
    the target."""
    from hanke.indicators.models import IndicatorTarget

    project = _editable(user, project)
    application_indicators_validate(project=project, data=data)
    for indicator_pk, target in data.items():
        if target is None:
            IndicatorTarget.objects.filter(project=project, indicator_id=indicator_pk).delete()
        else:
            IndicatorTarget.objects.update_or_create(
                project=project, indicator_id=indicator_pk, defaults={"target": target}
            )
    return project


# attachments ------------------------------------------------------------------------------------


@transaction.atomic
def application_attachment_add(*, user, project, upload, description: str = ""):
    """Attach a file, after checking its size, its name's extension and that its first bytes are
    of that type. It is stored under a random name; the uploaded name is kept for display."""
    import os

    from hanke.core.uploads import check_upload

    from .models import Attachment

    project = _editable(user, project)
    content_type = check_upload(upload)
    name = os.path.basename((upload.name or "").replace("\\", "/"))
    # shown on pages and sent back in a header: no control characters
    name = "".join(ch for ch in name if ch.isprintable())[:255] or "file"
    return Attachment.objects.create(
        project=project,
        file=upload,
        original_name=name,
        content_type=content_type,
        size=upload.size,
        description=(description or "").strip()[:300],
        uploaded_by=user,
    )


@transaction.atomic
def application_attachment_delete(*, user, project, attachment) -> None:
    project = _editable(user, project)
    if attachment.project_id != project.pk:
        raise PermissionDenied(_("The attachment belongs to another application."))
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))


# unsaved sections -------------------------------------------------------------------------------


@transaction.atomic
def application_draft_save(*, user, project, section: str, data: dict):
    """Keep what the applicant typed in a section that did not pass validation yet."""
    from .application import SECTION_KEYS
    from .models import SectionDraft

    project = _editable(user, project)
    if section not in SECTION_KEYS:
        raise ValidationError(_("Unknown section."))
    draft, _created = SectionDraft.objects.update_or_create(
        project=project, section=section, defaults={"data": data, "saved_by": user}
    )
    return draft


@transaction.atomic
def application_draft_clear(*, user, project, section: str) -> None:
    from .models import SectionDraft

    project = _editable(user, project)
    SectionDraft.objects.filter(project=project, section=section).delete()


SECTION_WRITES = {
    "basic": (application_basic_validate, application_basic_set),
    "partners": (application_partners_validate, application_partners_set),
    "summary": (application_summary_validate, application_summary_set),
    "description": (application_description_validate, application_description_set),
    "target_groups": (application_target_groups_validate, application_target_groups_set),
    "work_packages": (application_work_packages_validate, application_work_packages_set),
    "timetable": (application_timetable_validate, application_timetable_set),
    "costs": (application_costs_validate, application_costs_set),
    "financing": (application_financing_validate, application_financing_set),
    "indicators": (application_indicators_validate, application_indicators_set),
}


@transaction.atomic
def application_section_save(*, user, project, section: str, data) -> None:
    """Write a section's valid data and drop the unsaved copy of the section, in one go."""
    from .models import SectionDraft

    _validate, write = SECTION_WRITES[section]
    write(user=user, project=project, data=data)
    SectionDraft.objects.filter(project=project, section=section).delete()
