"""One entry point for notable events in a project's life: `record()` appends the event to the
project's timeline (who, when, what) and, for the events people must hear of, e-mails them once
the transaction has committed. The e-mail backend comes from the settings: the console locally,
SMTP in production (see docs/operations.md)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hanke.accounts import roles

from .models import TimelineEntry

logger = logging.getLogger(__name__)

CREATED = "created"
SUBMITTED = "submitted"
RESUBMITTED = "resubmitted"
RETURNED = "returned"
ELIGIBILITY_PASSED = "eligibility_passed"
ELIGIBILITY_FAILED = "eligibility_failed"
ASSESSOR_ASSIGNED = "assessor_assigned"
SCORES_SUBMITTED = "scores_submitted"
FUNDER_ASSESSMENT = "funder_assessment"
ON_AGENDA = "on_agenda"
STATEMENT = "statement"
DECISION_APPROVED = "decision_approved"
DECISION_REJECTED = "decision_rejected"
STATUS = "status"

KINDS = {
    CREATED: _("Application started"),
    SUBMITTED: _("Application submitted"),
    RESUBMITTED: _("Application resubmitted with additions"),
    RETURNED: _("Returned to the applicant for additions"),
    ELIGIBILITY_PASSED: _("General criteria met; assessment started"),
    ELIGIBILITY_FAILED: _("General criteria not met; application rejected"),
    ASSESSOR_ASSIGNED: _("Assessor assigned"),
    SCORES_SUBMITTED: _("Assessor's scores submitted"),
    FUNDER_ASSESSMENT: _("Funder's assessment written"),
    ON_AGENDA: _("Placed on a meeting's agenda"),
    STATEMENT: _("Meeting statement recorded"),
    DECISION_APPROVED: _("Funding decision: approved"),
    DECISION_REJECTED: _("Funding decision: rejected"),
    STATUS: _("Status changed"),
}

# Who hears of which event by e-mail.
APPLICANTS = "applicants"
OFFICERS = "officers"
NOTIFY = {
    SUBMITTED: {APPLICANTS, OFFICERS},
    RESUBMITTED: {APPLICANTS, OFFICERS},
    RETURNED: {APPLICANTS},
    ELIGIBILITY_FAILED: {APPLICANTS},
    STATEMENT: {APPLICANTS},
    DECISION_APPROVED: {APPLICANTS, OFFICERS},
    DECISION_REJECTED: {APPLICANTS, OFFICERS},
}


def label(kind: str) -> str:
    return str(KINDS.get(kind, kind))


def record(
    *,
    project,
    kind: str,
    actor=None,
    message: str = "",
    from_status: str = "",
    to_status: str = "",
    version=None,
) -> TimelineEntry:
    entry = TimelineEntry.objects.create(
        project=project,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        message=message,
        from_status=from_status,
        to_status=to_status,
        version=version,
    )
    if kind in NOTIFY:
        transaction.on_commit(lambda: _notify(entry.pk))
    return entry


def recipients(project, groups: set) -> list[str]:
    from hanke.accounts.models import User

    addresses = set()
    if APPLICANTS in groups and project.implementer_id:
        addresses |= set(
            User.objects.filter(
                is_active=True,
                groups__name=roles.APPLICANT,
                memberships__organisation_id=project.implementer_id,
            ).values_list("email", flat=True)
        )
    if OFFICERS in groups and project.funding_authority_id:
        addresses |= set(
            User.objects.filter(
                is_active=True,
                groups__name=roles.FUNDER_OFFICER,
                memberships__organisation__funding_authority=project.funding_authority_id,
            ).values_list("email", flat=True)
        )
    return sorted(a for a in addresses if a)


def _notify(entry_pk: int) -> None:
    entry = TimelineEntry.objects.select_related("project", "actor").get(pk=entry_pk)
    to = recipients(entry.project, NOTIFY[entry.kind])
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "entry": entry,
            "project": entry.project,
            "event": label(entry.kind),
            "url": settings.SITE_URL.rstrip("/")
            + reverse("projects:application", kwargs={"pk": entry.project.pk}),
        }
        subject = render_to_string("email/timeline_subject.txt", context).strip()
        body = render_to_string("email/timeline_body.txt", context)
    try:
        send_mail(subject, body, None, to)
    except OSError:
        # The event is recorded either way; a mail server that is down must not undo it.
        logger.exception("Could not send the notification of timeline entry %s", entry_pk)
