"""Reads of document imports for the pages: batches a user may see, a document's values with
their source in context, and the consistency warnings on the figures."""

from dataclasses import dataclass

from hanke.programmes.permissions import officer_authority_ids

from .models import ExtractedValue, ImportBatch, ImportDocument

CONTEXT_CHARS = 100


def batches_for(user):
    """The batches the user may see, newest first (see permissions.can_view_batch)."""
    batches = ImportBatch.objects.select_related("created_by")
    ids = officer_authority_ids(user)
    if ids is None:
        return batches
    from django.db.models import Q

    return batches.filter(
        Q(created_by=user)
        | Q(created_by__memberships__organisation__funding_authority__in=ids)
        | Q(created_by__is_superuser=True)
    ).distinct()


def value_as_text(field: str, value) -> str:
    """A value as an officer reads and edits it: lists one item a line, financing and target
    groups as `name: number` lines."""
    if value is None:
        return ""
    if field == "financing" and isinstance(value, dict):
        return "\n".join(f"{source}: {amount}" for source, amount in value.items())
    if field == "target_groups" and isinstance(value, list):
        lines = []
        for group in value:
            if isinstance(group, dict):
                count = group.get("count")
                lines.append(
                    f"{group.get('name', '')}: {count}"
                    if count is not None
                    else str(group.get("name", ""))
                )
            else:
                lines.append(str(group))
        return "\n".join(lines)
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value)


@dataclass
class ValueRow:
    value: ExtractedValue
    label: str
    text: str  # the extracted value as text
    final_text: str  # what applying writes (the edited value when edited)
    before: str
    snippet: str
    after: str
    multiline: bool


def review_rows(document: ImportDocument) -> list[ValueRow]:
    from .extract import FIELD_LABELS

    text = document.text
    rows = []
    for value in document.values.select_related("decided_by"):
        shown = value_as_text(value.field, value.value)
        rows.append(
            ValueRow(
                value=value,
                label=str(FIELD_LABELS.get(value.field, value.field)),
                text=shown,
                final_text=value_as_text(value.field, value.final_value),
                before=("…" if value.start > CONTEXT_CHARS else "")
                + text[max(0, value.start - CONTEXT_CHARS) : value.start],
                snippet=text[value.start : value.end],
                after=text[value.end : value.end + CONTEXT_CHARS]
                + ("…" if value.end + CONTEXT_CHARS < len(text) else ""),
                multiline="\n" in shown or len(shown) > 80,
            )
        )
    return rows


def document_values(document: ImportDocument, taken_only: bool = False) -> dict:
    """Field → value (the first of each field): every value, or only the accepted and edited."""
    values: dict = {}
    for value in document.values.all():
        if taken_only and not value.is_taken:
            continue
        values.setdefault(value.field, value.final_value if taken_only else value.value)
    return values


def document_warnings(document: ImportDocument) -> list[str]:
    """The consistency checks on the figures as they stand: edited values count as edited,
    rejected values are left out."""
    from .checks import consistency_warnings

    values: dict = {}
    for value in document.values.all():
        if value.decision == ExtractedValue.Decision.REJECTED:
            continue
        values.setdefault(value.field, value.final_value)
    try:
        return list(consistency_warnings(values))
    except Exception:  # noqa: BLE001  a check must never break the review page
        return []


def apply_preview(document: ImportDocument) -> dict:
    rows = review_rows(document)
    return {
        "taken": [r for r in rows if r.value.is_taken],
        "pending": [r for r in rows if r.value.decision == ExtractedValue.Decision.PENDING],
        "rejected": [r for r in rows if r.value.decision == ExtractedValue.Decision.REJECTED],
    }
