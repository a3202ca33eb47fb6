from django.db import transaction

from hanke.core.business_id import normalise_business_id

from .models import Organisation


@transaction.atomic
def organisation_create(
    *, user, name: str, org_type: str, business_id: str = "", **fields
) -> Organisation:
    """Create an organisation; the business ID is validated by its check digit and normalised.
    `user` is the person acting (recorded by the audit trail once it exists)."""
    if business_id:
        business_id = normalise_business_id(business_id)
    organisation = Organisation(name=name, org_type=org_type, business_id=business_id, **fields)
    organisation.full_clean()
    organisation.save()
    return organisation
