"""Writes on a project's trainings: programmes, their modules, the modules' yearly cohorts and the
programmes' small groups (e.g. e-commerce clubs). Enrolments themselves are registrations
(hanke.events.services): registration_create, registration_promote and enrolment_complete.

Every write takes the user and checks that they may run the project's events and trainings; a
rule broken raises a ValidationError keyed by field, and nothing is saved."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hanke.core.i18n import LANGUAGE_CODES
from hanke.participants.models import Participant

from .models import Cohort, Registration, SmallGroup, TrainingModule, TrainingProgramme
from .permissions import can_manage_events
from .services import registration_promote

TRANSLATED = {
    TrainingProgramme: ("name", "description"),
    TrainingModule: ("name", "description"),
    Cohort: ("timing",),
}
YEAR_MIN, YEAR_MAX = 2000, 2100


def _require(user, project) -> None:
    if not can_manage_events(user, project):
        raise PermissionDenied(_("Only the project's own staff can change its trainings."))


def _texts(model, data: dict) -> dict:
    return {
        f"{name}_{code}": (data.get(f"{name}_{code}") or "").strip()
        for name in TRANSLATED[model]
        for code in LANGUAGE_CODES
    }


def _needs_name(values: dict, errors: dict) -> None:
    if not any(values.get(f"name_{code}") for code in LANGUAGE_CODES):
        errors.setdefault("name_fi", []).append(
            _("Give the name in at least one language (Finnish, English or Swedish).")
        )


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


# Programmes ------------------------------------------------------------------------------------


def _programme_values(project, data: dict) -> dict:
    values = _texts(TrainingProgramme, data)
    errors: dict = {}
    _needs_name(values, errors)
    package = data.get("work_package")
    if package is not None and package.project_id != project.pk:
        errors["work_package"] = [_("Choose a work package of this project.")]
    _raise(errors)
    values["work_package"] = package
    return values


@transaction.atomic
def programme_create(*, user, project, data: dict) -> TrainingProgramme:
    _require(user, project)
    values = _programme_values(project, data)
    language = next((c for c in LANGUAGE_CODES if values.get(f"name_{c}")), "fi")
    programme = TrainingProgramme(project=project, original_language=language, **values)
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_update(*, user, programme: TrainingProgramme, data: dict) -> TrainingProgramme:
    _require(user, programme.project)
    for name, value in _programme_values(programme.project, data).items():
        setattr(programme, name, value)
    programme.full_clean()
    programme.save()
    return programme


# Modules ---------------------------------------------------------------------------------------


def _module_values(programme, data: dict, module=None) -> dict:
    values = _texts(TrainingModule, data)
    errors: dict = {}
    _needs_name(values, errors)
    number = data.get("number")
    if number is None or number < 1:
        errors["number"] = [_("Give the module a number of 1 or more.")]
    elif (
        TrainingModule.objects.filter(programme=programme, number=number)
        .exclude(pk=module.pk if module else None)
        .exists()
    ):
        errors["number"] = [
            _("This programme already has a module number %(number)s.") % {"number": number}
        ]
    credits = data.get("credits")
    if credits is None or credits <= 0:
        errors["credits"] = [_("The credits (op) must be more than 0.")]
    elif credits >= 1000 or credits != credits.quantize(Decimal("0.1")):
        errors["credits"] = [_("Give the credits with at most one decimal, e.g. 5 or 2,5.")]
    weeks = data.get("duration_weeks")
    if weeks is not None and weeks <= 0:
        errors["duration_weeks"] = [_("The duration must be more than 0 weeks.")]
    workshops = data.get("contact_workshops")
    if workshops is not None and workshops < 0:
        errors["contact_workshops"] = [_("The number of contact workshops cannot be negative.")]
    _raise(errors)
    values.update(
        number=number,
        credits=credits,
        duration_weeks=weeks,
        online_theory=bool(data.get("online_theory")),
        contact_workshops=workshops,
    )
    return values


@transaction.atomic
def module_create(*, user, programme: TrainingProgramme, data: dict) -> TrainingModule:
    _require(user, programme.project)
    programme = TrainingProgramme.objects.select_for_update().get(pk=programme.pk)
    module = TrainingModule(programme=programme, **_module_values(programme, data))
    module.full_clean()
    module.save()
    return module


@transaction.atomic
def module_update(*, user, module: TrainingModule, data: dict) -> TrainingModule:
    programme = TrainingProgramme.objects.select_for_update().get(pk=module.programme_id)
    _require(user, programme.project)
    for name, value in _module_values(programme, data, module).items():
        setattr(module, name, value)
    module.full_clean()
    module.save()
    return module


# Cohorts ---------------------------------------------------------------------------------------


def _cohort_values(data: dict) -> dict:
    values = _texts(Cohort, data)
    errors: dict = {}
    year = data.get("year")
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if year is None or not YEAR_MIN <= year <= YEAR_MAX:
        errors["year"] = [
            _("Give the year as four digits, e.g. %(year)s.") % {"year": 2025},
        ]
    elif starts_on is not None and starts_on.year != year:
        errors["starts_on"] = [
            _("The cohort of %(year)s must start in %(year)s.") % {"year": year},
        ]
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The cohort cannot end before it starts.")]
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        errors["capacity"] = [
            _("The capacity must be at least 1; leave it empty when there is no limit.")
        ]
    opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = [_("Registration must close after it opens.")]
    _raise(errors)
    values.update(
        year=year,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        registration_enabled=bool(data.get("registration_enabled")),
        registration_opens_at=opens,
        registration_closes_at=closes,
    )
    return values


@transaction.atomic
def cohort_create(*, user, module: TrainingModule, data: dict) -> Cohort:
    _require(user, module.programme.project)
    cohort = Cohort(module=module, **_cohort_values(data))
    cohort.full_clean()
    cohort.save()
    return cohort


@transaction.atomic
def cohort_update(*, user, cohort: Cohort, data: dict) -> tuple[Cohort, list[Registration]]:
    """Save the cohort; when its capacity grew (or the limit was removed), people on the waiting
    list are confirmed into the new seats in their order. Returns the cohort and those promoted."""
    cohort = (
        Cohort.objects.select_for_update()
        .select_related("module__programme__project")
        .get(pk=cohort.pk)
    )
    _require(user, cohort.module.programme.project)
    old_capacity = cohort.capacity
    for name, value in _cohort_values(data).items():
        setattr(cohort, name, value)
    cohort.full_clean()
    cohort.save()
    grew = old_capacity is not None and (cohort.capacity is None or cohort.capacity > old_capacity)
    promoted = registration_promote(target=cohort) if grew else []
    return cohort, promoted


# Small groups ----------------------------------------------------------------------------------


@transaction.atomic
def small_group_create(*, user, programme: TrainingProgramme, year, name: str) -> SmallGroup:
    _require(user, programme.project)
    name = (name or "").strip()
    errors: dict = {}
    if not name:
        errors["name"] = [_("Give the group a name, e.g. Verkkokauppaklubi.")]
    elif SmallGroup.objects.filter(programme=programme, year=year, name__iexact=name).exists():
        errors["name"] = [
            _("There is already a group called “%(name)s” in %(year)s.")
            % {"name": name, "year": year}
        ]
    if not Cohort.objects.filter(module__programme=programme, year=year).exists():
        errors["year"] = [_("The programme has no cohorts in that year.")]
    _raise(errors)
    group = SmallGroup(programme=programme, year=year, name=name)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def small_group_delete(*, user, group: SmallGroup) -> None:
    _require(user, group.programme.project)
    group.delete()


@transaction.atomic
def small_group_member_add(*, user, group: SmallGroup, participant: Participant) -> None:
    """Add a person enrolled (confirmed) in a cohort of the group's programme in the group's year."""
    programme = group.programme
    _require(user, programme.project)
    enrolled = Registration.objects.filter(
        participant=participant,
        participant__project_id=programme.project_id,
        cohort__module__programme=programme,
        cohort__year=group.year,
        status=Registration.Status.CONFIRMED,
    ).exists()
    if not enrolled:
        raise ValidationError(
            {
                "participant": [
                    _(
                        "Only people enrolled in this programme's cohorts in %(year)s can join "
                        "its groups of that year."
                    )
                    % {"year": group.year}
                ]
            }
        )
    group.members.add(participant)


@transaction.atomic
def small_group_member_remove(*, user, group: SmallGroup, participant: Participant) -> None:
    _require(user, group.programme.project)
    group.members.remove(participant)
