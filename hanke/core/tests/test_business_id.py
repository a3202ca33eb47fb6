import pytest
from django.core.exceptions import ValidationError

from hanke.accounts.models import Organisation
from hanke.accounts.services import organisation_create
from hanke.core.business_id import normalise_business_id


def test_valid_business_id_is_normalised():
    assert normalise_business_id("0201256-6") == "0201256-6"
    assert normalise_business_id("02012566") == "0201256-6"


@pytest.mark.parametrize("value", ["0201256-7", "1234567", "abcdefg-h", ""])
def test_wrong_check_digit_or_form_is_refused_with_a_clear_message(value):
    with pytest.raises(ValidationError) as excinfo:
        normalise_business_id(value)
    assert "Y-tunnus" in str(excinfo.value) or "Y-tunnus" in excinfo.value.messages[0]


@pytest.mark.django_db
def test_organisation_is_created_with_a_checked_business_id():
    organisation = organisation_create(
        user=None, name="Testi Oy", org_type=Organisation.Type.COMPANY, business_id="02012566"
    )
    assert organisation.business_id == "0201256-6"


@pytest.mark.django_db
def test_organisation_with_a_bad_business_id_is_not_created():
    with pytest.raises(ValidationError):
        organisation_create(
            user=None, name="Testi Oy", org_type=Organisation.Type.COMPANY, business_id="0201256-7"
        )
    assert not Organisation.objects.filter(name_fi="Testi Oy").exists()
