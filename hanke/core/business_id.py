"""Finnish business ID (Y-tunnus) validation, by python-stdnum's check-digit algorithm."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus


def normalise_business_id(value: str) -> str:
    """Return the business ID in its canonical form `1234567-1`, or raise ValidationError."""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except StdnumError as exc:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid business ID (Y-tunnus). Use the form 1234567-1; the last digit is a check digit."
            ),
            code="invalid_business_id",
            params={"value": value},
        ) from exc


def validate_business_id(value: str) -> None:
    normalise_business_id(value)
