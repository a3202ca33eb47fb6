"""Writes of document imports: create a batch, read its documents (the background task's body),
decide extracted values, and apply a reviewed document to the live records.

Nothing reaches a project, organisation or budget except through `document_apply`, which writes
only the values an officer accepted or edited (or, with `import_documents --accept`, every value of
a trusted batch). A new project gets the status "ended" when its accepted status says so and is a
draft otherwise: the importer records the document's facts and never guesses a lifecycle state.
A project found by the same code (or the same name and implementer) is updated; a project with the
same name but another implementer is only flagged, and applying creates a new project."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hanke.accounts.models import Organisation
from hanke.core.business_id import normalise_business_id
from hanke.core.formatting import format_money
from hanke.finance.models import FLAT_RATES, CostCategory, CostModel, FundingSource
from hanke.programmes.models import Fund, FundingAuthority, Programme, SpecificObjective
from hanke.projects import workflow
from hanke.projects.models import Project, ProjectPartner, TargetGroup, Theme, WorkPackage

from . import permissions
from .models import ExtractedValue, ImportBatch, ImportDocument

MAX_FILES = 20
MAX_FILE_BYTES = 10 * 1024 * 1024
EXTENSIONS = (".html", ".htm", ".pdf", ".docx", ".txt")

# How each field's value is shaped (for editing and for applying).
TEXT_FIELDS = {
    "code",
    "name",
    "implementer",
    "business_id",
    "funding_authority",
    "fund",
    "programme",
    "priority_axis",
    "specific_objective",
    "summary",
    "status",
    "cost_model",
}
DATE_FIELDS = {"start_date", "end_date"}
AMOUNT_FIELDS = {"total_budget", "staff_costs", "flat_rate", "max_aid_rate"}
LIST_FIELDS = {"co_implementers", "work_packages", "themes"}
CODE_RE = re.compile(r"^[SAJ]\d{4,}$")


# --- batches ---------------------------------------------------------------------------------


def batch_create(*, user, files: list[tuple[str, bytes]], process: bool = True) -> ImportBatch:
    """Store the files as one batch and queue its reading (`tasks.process_batch`). With the
    immediate task backend (tests, `make run`) the batch is read before this returns."""
    if not permissions.can_import_documents(user):
        raise PermissionDenied(_("Only a funder's officer can import documents."))
    if not files:
        raise ValidationError(_("Choose at least one file."))
    with transaction.atomic():
        batch = ImportBatch.objects.create(created_by=user, total=len(files))
        ImportDocument.objects.bulk_create(
            ImportDocument(batch=batch, filename=name[:255], size=len(data), data=data)
            for name, data in files
        )
    if process:
        from .tasks import process_batch

        process_batch.enqueue(batch.pk)
        batch.refresh_from_db()
    return batch


def batch_process(batch: ImportBatch) -> ImportBatch:
    """Read, clean and extract every queued document of the batch, one at a time, counting each
    so the progress bar moves. A document that cannot be read gets its reader's message and the
    batch goes on."""
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    try:
        for document_id in batch.documents.filter(status=ImportDocument.Status.QUEUED).values_list(
            "pk", flat=True
        ):
            document = ImportDocument.objects.get(pk=document_id)
            document_read(document)
            ImportBatch.objects.filter(pk=batch.pk).update(
                processed=batch.documents.exclude(status=ImportDocument.Status.QUEUED).count()
            )
    except Exception as error:  # noqa: BLE001  the batch must end in a known state
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.DONE, finished_at=timezone.now()
    )
    batch.refresh_from_db()
    return batch


def document_read(document: ImportDocument) -> ImportDocument:
    """Read one document into cleaned text and extracted values, and look for duplicates. Any
    failure (the reader's ReadError, or anything unexpected in reading or extracting) fails this
    document alone with a message for the officer; its partial results are rolled back."""
    from .readers import ReadError

    try:
        with transaction.atomic():
            return _read(document)
    except ReadError as error:
        message = str(error.args[0] if error.args else error)
    except Exception:  # noqa: BLE001  a damaged file must not stop the batch
        message = _("The document could not be read: its content is damaged or unusual.")
    ImportDocument.objects.filter(pk=document.pk).update(
        status=ImportDocument.Status.FAILED, error=message, data=b""
    )
    document.refresh_from_db()
    return document


def _read(document: ImportDocument) -> ImportDocument:
    from .cleaning import clean_text
    from .extract import extract
    from .language import detect_language
    from .readers import ReadError, read_document

    read = read_document(bytes(document.data), document.filename)
    text = clean_text(read.text)
    if not text.strip():
        raise ReadError(_("The document has no text to import."))
    document.format = read.format
    document.text = text
    document.language = detect_language(text)
    document.status = ImportDocument.Status.READ
    document.error = ""
    document.data = b""
    extracted = list(extract(text, document.language))
    document.save()
    document.values.all().delete()
    ExtractedValue.objects.bulk_create(
        ExtractedValue(
            document=document,
            field=item.field,
            value=item.value,
            start=item.start,
            end=item.end,
            snippet=item.snippet,
            order=order,
        )
        for order, item in enumerate(extracted)
    )
    _find_duplicate(document)
    return document


def _name_q(value: str, field: str = "name") -> Q:
    value = value.strip()
    return (
        Q(**{f"{field}_fi__iexact": value})
        | Q(**{f"{field}_en__iexact": value})
        | Q(**{f"{field}_sv__iexact": value})
    )


def _first(document, field):
    return next((v.value for v in document.values.all() if v.field == field), None)


def _find_duplicate(document: ImportDocument) -> None:
    code = _first(document, "code")
    name = _first(document, "name")
    implementer = _first(document, "implementer")
    found, kind = None, ""
    if isinstance(code, str) and code:
        found = Project.objects.filter(code__iexact=code.strip()).first()
        kind = ImportDocument.Duplicate.SAME_CODE if found else ""
    if found is None and isinstance(name, str) and name.strip():
        short = _short_name(name)
        same_name = _name_q(name) | _name_q(short) | Q(acronym__iexact=short)
        for project in Project.objects.filter(same_name).select_related("implementer"):
            if _same_organisation(project.implementer, implementer):
                found, kind = project, ImportDocument.Duplicate.SAME_NAME_SAME_IMPLEMENTER
                break
            if found is None:
                found, kind = project, ImportDocument.Duplicate.SAME_NAME_OTHER_IMPLEMENTER
    document.duplicate_of = found
    document.duplicate_kind = kind
    document.save(update_fields=["duplicate_of", "duplicate_kind"])


def _short_name(name: str) -> str:
    """The name's first part, usually the acronym: "HEHKU – Arktista osaamista Lapista" → "HEHKU"."""
    return re.split(r"\s+[–—-]\s+|:\s", name.strip(), maxsplit=1)[0].strip()


def _same_organisation(organisation, name) -> bool:
    if organisation is None or not isinstance(name, str) or not name.strip():
        return False
    wanted = name.strip().casefold()
    return any(
        (getattr(organisation, f"name_{lang}", "") or "").strip().casefold() == wanted
        for lang in ("fi", "en", "sv")
    )


# --- review ----------------------------------------------------------------------------------


def _require_open(user, document: ImportDocument) -> None:
    if not permissions.can_review_document(user, document):
        raise PermissionDenied(_("You may not review this document."))
    if document.status != ImportDocument.Status.READ:
        raise ValidationError(
            _("The document was already %(status)s; it can no longer be changed.")
            % {"status": document.get_status_display().lower()}
        )


def parse_value(field: str, text: str):
    """An officer's edited value, typed as text, in the shape the field's values have. Raises
    ValidationError with a message that says what form is expected."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Type a value, or reject the field instead."))
    if field in DATE_FIELDS:
        for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise ValidationError(_("Type a date such as 31.12.2022."))
    if field in AMOUNT_FIELDS:
        return str(_decimal(text, _("Type a number such as 170250 or 80,5.")))
    if field in LIST_FIELDS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field == "financing":
        amounts = {}
        for line in text.splitlines():
            if not line.strip():
                continue
            source, _sep, amount = line.partition(":")
            source = source.strip()
            if source not in FundingSource.values or not amount.strip():
                raise ValidationError(
                    _("Write one source a line as “source: amount”; the sources are %(sources)s.")
                    % {"sources": ", ".join(FundingSource.values)}
                )
            amounts[source] = str(
                _decimal(amount, _("“%(text)s” is not an amount.") % {"text": amount.strip()})
            )
        return amounts
    if field == "target_groups":
        groups = []
        for line in text.splitlines():
            if not line.strip():
                continue
            name, _sep, count = line.rpartition(":") if ":" in line else (line, "", "")
            count = count.strip()
            if count and not count.isdigit():
                raise ValidationError(
                    _("Write one group a line as “name: number”, the number optional.")
                )
            groups.append({"name": name.strip(), "count": int(count) if count else None})
        return groups
    if field == "code":
        code = text.upper().replace(" ", "")
        if not CODE_RE.match(code):
            raise ValidationError(_("A project code is S, A or J followed by digits, e.g. S30355."))
        return code
    if field == "business_id":
        return normalise_business_id(text)
    if field == "status":
        if text.casefold() not in ("ended", str(workflow.STATES[workflow.ENDED]).casefold()):
            raise ValidationError(_("The only status an import records is “ended”."))
        return "ended"
    if field == "cost_model":
        if text not in CostModel.values:
            raise ValidationError(
                _("Choose one of the cost models: %(models)s.")
                % {"models": ", ".join(CostModel.values)}
            )
        return text
    return text


def _decimal(text, message) -> Decimal:
    cleaned = str(text).replace("\u00a0", "").replace(" ", "").replace("€", "").replace("%", "")
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(message) from None
    if not value.is_finite() or value < 0:
        raise ValidationError(message)
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def value_decide(*, user, value: ExtractedValue, decision: str, edited=None) -> ExtractedValue:
    """Accept, edit (with `edited` typed as text) or reject one extracted value; `pending` undoes."""
    document = ImportDocument.objects.select_for_update().get(pk=value.document_id)
    _require_open(user, document)
    if decision not in ExtractedValue.Decision.values:
        raise ValidationError(_("Choose accept, edit or reject."))
    value.edited_value = None
    if decision == ExtractedValue.Decision.EDITED:
        value.edited_value = parse_value(value.field, edited if isinstance(edited, str) else "")
    value.decision = decision
    pending = decision == ExtractedValue.Decision.PENDING
    value.decided_by = None if pending else user
    value.decided_at = None if pending else timezone.now()
    value.save()
    return value


@transaction.atomic
def document_reject(*, user, document: ImportDocument) -> ImportDocument:
    """Reject the whole document: nothing of it reaches the live records."""
    document = ImportDocument.objects.select_for_update().get(pk=document.pk)
    _require_open(user, document)
    document.status = ImportDocument.Status.REJECTED
    document.decided_by = user
    document.decided_at = timezone.now()
    document.save()
    return document


@transaction.atomic
def document_accept_all(*, user, document: ImportDocument) -> int:
    """Accept every value not yet decided (the command's `--accept` for trusted batches)."""
    _require_open(user, document)
    return document.values.filter(decision=ExtractedValue.Decision.PENDING).update(
        decision=ExtractedValue.Decision.ACCEPTED, decided_by=user, decided_at=timezone.now()
    )


# --- applying --------------------------------------------------------------------------------


def document_apply(*, user, document: ImportDocument) -> Project:
    """Write the accepted and edited values to the live records in one transaction: a new
    project, or the existing one with the same code (or name and implementer). Any rule that
    refuses (an invalid business ID, the financing plan's rules in `budget_set`, the database's
    constraints) raises ValidationError and nothing is written."""
    from hanke.portal import search

    with search.deferred():
        return _apply(user=user, document=document)


@transaction.atomic
def _apply(*, user, document: ImportDocument) -> Project:
    document = ImportDocument.objects.select_for_update().get(pk=document.pk)
    _require_open(user, document)
    target = document.duplicate_of if document.updates_existing else None
    if target is not None and not permissions.can_update_project(user, target):
        raise PermissionDenied(
            _("“%(project)s” is handled by another funding authority; you may not update it.")
            % {"project": target.display_name}
        )
    values = list(document.values.all())
    taken: dict[str, object] = {}
    for value in values:
        if value.is_taken and value.field not in taken:
            taken[value.field] = value.final_value
    lang = document.language if document.language in ("fi", "en", "sv") else "fi"
    notes: list[str] = []

    project = target or Project(original_language=lang, status=workflow.DRAFT)
    if "code" in taken:
        project.code = str(taken["code"])
    if "name" in taken:
        setattr(project, f"name_{lang}", str(taken["name"])[:300])
    if "summary" in taken:
        setattr(project, f"summary_{lang}", str(taken["summary"]))
    if "start_date" in taken:
        project.start_date = datetime.date.fromisoformat(str(taken["start_date"]))
    if "end_date" in taken:
        project.end_date = datetime.date.fromisoformat(str(taken["end_date"]))
    if taken.get("status") == "ended":
        project.status = workflow.ENDED
    if "implementer" in taken:
        project.implementer = _organisation(
            user, str(taken["implementer"]), taken.get("business_id")
        )
    elif "business_id" in taken:
        notes.append(_("The business ID was accepted without an implementer, so it was not used."))
    _link(project, "funding_authority", FundingAuthority, taken, notes, _find_authority)
    _link(project, "fund", Fund, taken, notes, _find_fund)
    _link(project, "programme", Programme, taken, notes, _find_programme)
    _link(project, "specific_objective", SpecificObjective, taken, notes, _find_objective)
    project.source_document = document.filename[:255]
    project.source_notes = ""  # set below, after the budget is known
    try:
        project.full_clean(validate_unique=True)
    except ValidationError as error:
        raise ValidationError(error.messages) from None
    project.save()

    if "co_implementers" in taken:
        for name in taken["co_implementers"] or []:
            organisation = _organisation(user, str(name), None)
            ProjectPartner.objects.get_or_create(
                project=project,
                organisation=organisation,
                defaults={"role": ProjectPartner.Role.CO_IMPLEMENTER},
            )
    if "themes" in taken:
        for name in taken["themes"] or []:
            slug = slugify(str(name))[:80] or "theme"
            theme, _created = Theme.objects.get_or_create(
                slug=slug, defaults={f"name_{lang}": str(name)[:150], "name": str(name)[:150]}
            )
            project.themes.add(theme)
    if "work_packages" in taken:
        for number, title in enumerate(taken["work_packages"] or [], start=1):
            WorkPackage.objects.update_or_create(
                project=project, number=number, defaults={f"title_{lang}": str(title)[:300]}
            )
    if "target_groups" in taken:
        for order, group in enumerate(taken["target_groups"] or []):
            group = group if isinstance(group, dict) else {"name": str(group)}
            TargetGroup.objects.update_or_create(
                project=project,
                order=order,
                part_of=None,
                defaults={
                    f"name_{lang}": str(group.get("name") or "")[:300],
                    "target_count": group.get("count"),
                },
            )
    _apply_budget(user, project, taken, notes)

    rejected = [v for v in values if v.decision == ExtractedValue.Decision.REJECTED]
    pending = [v for v in values if v.decision == ExtractedValue.Decision.PENDING]
    found = {v.field for v in values}
    from .extract import FIELD_LABELS, FIELDS

    def label(field):
        return str(FIELD_LABELS.get(field, field))

    if rejected:
        notes.append(
            _("Rejected in review: %(fields)s.")
            % {"fields": ", ".join(sorted({label(v.field) for v in rejected}))}
        )
    if pending:
        notes.append(
            _("Not reviewed, so not imported: %(fields)s.")
            % {"fields": ", ".join(sorted({label(v.field) for v in pending}))}
        )
    missing = [label(f) for f in FIELDS if f not in found]
    if missing:
        notes.append(_("Not found in the document: %(fields)s.") % {"fields": ", ".join(missing)})
    header = _("Imported from %(file)s.") % {"file": document.filename}
    setattr(project, f"source_notes_{lang}", "\n".join([header, *notes]))
    project.save()

    document.project = project
    document.status = ImportDocument.Status.APPLIED
    document.decided_by = user
    document.decided_at = timezone.now()
    document.save()
    return project


def _organisation(user, name: str, business_id) -> Organisation:
    from hanke.accounts.services import organisation_create

    name = name.strip()[:255]
    business_id = normalise_business_id(str(business_id)) if business_id else ""
    if business_id:
        found = Organisation.objects.filter(business_id=business_id).first()
        if found:
            return found
    found = Organisation.objects.filter(_name_q(name)).first()
    if found:
        if business_id and not found.business_id:
            found.business_id = business_id
            found.save(update_fields=["business_id"])
        return found
    return organisation_create(
        user=user,
        name=name,
        org_type=Organisation.Type.OTHER,
        business_id=business_id,
        **{"name_fi": name},
    )


def _link(project, attribute, model, taken, notes, finder) -> None:
    if attribute not in taken:
        return
    text = str(taken[attribute]).strip()
    found = finder(text, project)
    if found is None:
        notes.append(
            _("%(what)s “%(text)s” is not among the %(plural)s, so it was not linked.")
            % {
                "what": str(model._meta.verbose_name).capitalize(),
                "text": text,
                "plural": model._meta.verbose_name_plural,
            }
        )
        return
    setattr(project, attribute, found)


def _find_authority(text, project):
    return FundingAuthority.objects.filter(_name_q(text)).first() or (
        FundingAuthority.objects.filter(name__icontains=text).first() if len(text) > 4 else None
    )


def _find_fund(text, project):
    return Fund.objects.filter(
        Q(code__iexact=text) | _name_q(text, "abbreviation") | _name_q(text)
    ).first()


def _find_programme(text, project):
    return Programme.objects.filter(Q(code__iexact=text) | _name_q(text)).first()


def _find_objective(text, project):
    code = text.split()[0].rstrip(".") if text.split() else ""
    objectives = SpecificObjective.objects.filter(code=code)
    if project.programme_id:
        objectives = objectives.filter(priority_axis__programme_id=project.programme_id)
    return objectives.first() if objectives.count() == 1 else None


def _apply_budget(user, project, taken, notes) -> None:
    """The total and the financing through `finance.services.budget_set`, with its rules."""
    from hanke.finance.services import budget_set

    if "total_budget" not in taken and "financing" not in taken:
        return
    financing = {
        source: Decimal(str(amount))
        for source, amount in (taken.get("financing") or {}).items()
        if source in FundingSource.values
    }
    total = Decimal(str(taken["total_budget"])) if "total_budget" in taken else None
    if total is None:
        total = sum(financing.values(), Decimal("0"))
    remainder = total - sum(financing.values(), Decimal("0"))
    if not financing:
        financing = {FundingSource.UNSPECIFIED.value: total}
        notes.append(_("The document gives no financing by source; the total is not itemised."))
    elif remainder > 0 and FundingSource.UNSPECIFIED.value not in financing:
        # The sources named leave part of the total unexplained: that part is recorded as
        # "other funding, not itemised in the source" (as the demo data does for HEHKU).
        financing[FundingSource.UNSPECIFIED.value] = remainder
        notes.append(
            _("The sources named leave %(amount)s of the total unexplained; it is not itemised.")
            % {"amount": format_money(remainder)}
        )
    cost_model = taken.get("cost_model")
    if cost_model not in CostModel.values:
        cost_model = CostModel.NOT_KNOWN.value
    cost_lines = None
    if "staff_costs" in taken and cost_model in FLAT_RATES:
        # Staff costs and a flat rate: the total is computed and must match the stated one.
        cost_lines = {CostCategory.STAFF.value: Decimal(str(taken["staff_costs"]))}
    try:
        budget_set(
            user=user,
            project=project,
            cost_model=cost_model,
            cost_lines=cost_lines,
            total_cost=total,
            financing=financing,
        )
    except ValidationError as error:
        raise ValidationError(
            [_("The budget could not be saved: %(reason)s") % {"reason": " ".join(error.messages)}]
        ) from None
