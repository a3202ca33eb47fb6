"""The payment claim's lifecycle as data: states, labels, and who may move a claim."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hanke.accounts import roles

DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
APPROVED = "approved"

STATES = {
    DRAFT: _("Draft"),
    SUBMITTED: _("Submitted"),
    RETURNED: _("Returned for additions"),
    APPROVED: _("Approved"),
}
# While a claim is in one of these states its cost entries cannot change.
LOCKING_STATES = {SUBMITTED, APPROVED}
# Entries of claims in these states count as claimed (approved ones as paid).
EDITABLE_STATES = {DRAFT, RETURNED}


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str
    roles: frozenset


TRANSITIONS = [
    Transition(DRAFT, SUBMITTED, _("Submit"), frozenset({roles.APPLICANT})),
    Transition(RETURNED, SUBMITTED, _("Submit again"), frozenset({roles.APPLICANT})),
    Transition(SUBMITTED, APPROVED, _("Approve"), frozenset({roles.FUNDER_OFFICER})),
    Transition(SUBMITTED, RETURNED, _("Return to the project"), frozenset({roles.FUNDER_OFFICER})),
]


def find_transition(source: str, target: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)
