"""The project's lifecycle, declared as data: states, their labels, and who may move a project
from one state to another. One project record lives from draft application to ended project."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hanke.accounts import roles

DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
IN_ASSESSMENT = "in_assessment"
APPROVED = "approved"
REJECTED = "rejected"
ONGOING = "ongoing"
ENDED = "ended"

STATES = {
    DRAFT: _("Draft"),
    SUBMITTED: _("Submitted"),
    RETURNED: _("Returned for additions"),
    IN_ASSESSMENT: _("In assessment"),
    APPROVED: _("Approved"),
    REJECTED: _("Rejected"),
    ONGOING: _("Ongoing"),
    ENDED: _("Ended"),
}
STATUS_CHOICES = list(STATES.items())

# States whose projects are shown to the public. Drafts and submitted applications are not.
PUBLIC_STATES = {IN_ASSESSMENT, APPROVED, ONGOING, ENDED}
# States in which the applicant may edit the application.
EDITABLE_STATES = {DRAFT, RETURNED}
# States in which the funder handles the application.
UNDER_REVIEW_STATES = {SUBMITTED, IN_ASSESSMENT}


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str
    roles: frozenset


TRANSITIONS = [
    Transition(DRAFT, SUBMITTED, _("Submit"), frozenset({roles.APPLICANT})),
    Transition(RETURNED, SUBMITTED, _("Resubmit"), frozenset({roles.APPLICANT})),
    Transition(SUBMITTED, IN_ASSESSMENT, _("Start assessment"), frozenset({roles.FUNDER_OFFICER})),
    Transition(SUBMITTED, REJECTED, _("Reject as ineligible"), frozenset({roles.FUNDER_OFFICER})),
    Transition(SUBMITTED, RETURNED, _("Return for additions"), frozenset({roles.FUNDER_OFFICER})),
    Transition(
        IN_ASSESSMENT, RETURNED, _("Return for additions"), frozenset({roles.FUNDER_OFFICER})
    ),
    Transition(IN_ASSESSMENT, APPROVED, _("Approve"), frozenset({roles.FUNDER_OFFICER})),
    Transition(IN_ASSESSMENT, REJECTED, _("Reject"), frozenset({roles.FUNDER_OFFICER})),
    Transition(
        APPROVED,
        ONGOING,
        _("Start implementation"),
        frozenset({roles.APPLICANT, roles.FUNDER_OFFICER}),
    ),
    Transition(ONGOING, ENDED, _("Close project"), frozenset({roles.FUNDER_OFFICER})),
]


def transitions_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == state]


def find_transition(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)
