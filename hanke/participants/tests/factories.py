import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hanke.participants.models import Participant, age_band_for, company_key_for
from hanke.projects.tests.factories import ProjectFactory


def start_data(**overrides) -> dict:
    """Valid cleaned data of the public registration form (what the services take)."""
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "birth_year": 1990,
        "gender": Participant.Gender.WOMAN,
        "labour_status": Participant.LabourStatus.EMPLOYED,
        "education": Participant.Education.ISCED_5_8,
        "disability": Participant.Answer.NOT_ANSWERED,
        "third_country_national": Participant.Answer.NO,
        "foreign_background": Participant.Answer.NO,
        "minority": Participant.Answer.NOT_ANSWERED,
        "company_name": "",
        "business_id": "",
    }
    data.update(overrides)
    return data


class ParticipantFactory(DjangoModelFactory):
    """A participant with ESF+ start data; pass `entered_on` to count them as entered."""

    class Meta:
        model = Participant

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Osallistuja {n}")
    email = factory.Sequence(lambda n: f"osallistuja{n}@example.fi")
    email_key = factory.LazyAttribute(lambda o: o.email.lower())
    consent_text = "Suostun."
    consented_at = factory.LazyFunction(timezone.now)
    birth_year = 1990
    age_band = factory.LazyAttribute(lambda o: age_band_for(o.birth_year, 2024))
    gender = Participant.Gender.WOMAN
    labour_status = Participant.LabourStatus.EMPLOYED
    education = Participant.Education.ISCED_5_8
    business_id = ""
    company_key = factory.LazyAttribute(lambda o: company_key_for(o.business_id))
