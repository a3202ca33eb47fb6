"""The participant record a registration makes: the consent names the organisation in the
reader's language, and registering again keeps the first name and start data."""

import pytest
from django.utils import translation

from hanke.accounts.tests.factories import OrganisationFactory
from hanke.participants.services import consent_text, participant_for_registration
from hanke.participants.tests.factories import start_data
from hanke.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_consent_names_the_implementer_even_when_it_has_only_a_finnish_name():
    project = ProjectFactory(implementer=OrganisationFactory(name_fi="Lapin kauppakamari"))
    with translation.override("en"):
        text = consent_text(project)
    assert text.startswith("I agree that Lapin kauppakamari stores my name")


def test_registering_again_keeps_the_first_name_and_start_data():
    project = ProjectFactory()
    first, created = participant_for_registration(project=project, data=start_data())
    assert created
    again, created = participant_for_registration(
        project=project,
        data=start_data(name="Joku Muu", email="MAIJA@example.fi", gender="man", birth_year=1950),
    )
    assert not created and again.pk == first.pk
    again.refresh_from_db()
    assert (again.name, again.gender, again.birth_year) == ("Maija Meikäläinen", "woman", 1990)
