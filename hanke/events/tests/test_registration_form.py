"""The public registration form: every field checked with a clear message next to it, nothing
stored on an error, the consent shown word for word, and closed registration said plainly."""

import datetime

import pytest
from django.utils import timezone, translation

from hanke.events.models import Registration
from hanke.events.tests.factories import EventFactory
from hanke.participants.models import AgeBand, Participant
from hanke.participants.services import consent_text

pytestmark = pytest.mark.django_db


def in_days(days, hour=12):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def form_data(**overrides):
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.fi",
        "labour_status": "employed",
        "birth_year": "1990",
        "gender": "woman",
        "education": "isced_5_8",
        "disability": "not_answered",
        "third_country_national": "no",
        "foreign_background": "no",
        "minority": "not_answered",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def event():
    return EventFactory(starts_at=in_days(14), registration_enabled=True, capacity=20)


@pytest.fixture
def post(client, event, django_capture_on_commit_callbacks):
    def send(lang="en", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/{lang}/events/{event.pk}/register/", form_data(**overrides))
        assert response.status_code == 200
        return response.content.decode().replace("\u00a0", " ")

    return send


def nothing_stored():
    return Participant.objects.count() == 0 and Registration.objects.count() == 0


def test_form_shows_the_exact_consent_text_and_why_the_data_is_asked(client, event):
    html = client.get(f"/en/events/{event.pk}/register/").content.decode()
    with translation.override("en"):
        consent = consent_text(event.project)
    assert consent.replace("'", "&#x27;") in html
    assert "European Social Fund Plus (ESF+)" in html
    assert "Only aggregate figures leave the project" in html
    for question in ("disability", "third_country_national", "foreign_background", "minority"):
        assert f'value="not_answered" id="id_{question}_2" checked' in html
    for choice in ("woman", "man", "non_binary", "not_said"):
        assert f'value="{choice}"' in html
    for level in ("isced_0_2", "isced_3_4", "isced_5_8"):
        assert f'value="{level}"' in html


def test_valid_registration_stores_the_start_data_and_the_consent(post, event):
    html = post(birth_year="2000", disability="yes")
    assert "Registration confirmed" in html
    participant = Participant.objects.get()
    assert participant.project == event.project
    assert participant.birth_year == 2000
    assert participant.age_band in (AgeBand.AGE_18_29, AgeBand.AGE_30_54)
    assert participant.age_band == (
        AgeBand.AGE_18_29 if timezone.localdate().year - 2000 < 30 else AgeBand.AGE_30_54
    )
    assert participant.gender == "woman"
    assert participant.labour_status == "employed"
    assert participant.education == "isced_5_8"
    assert participant.disability == "yes"
    assert participant.third_country_national == "no"
    assert participant.business_id == "" and participant.company_key == ""
    with translation.override("en"):
        assert participant.consent_text == consent_text(event.project)
    registration = Registration.objects.get()
    assert registration.event == event
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == "en"


def test_unanswered_optional_questions_are_stored_as_prefer_not_to_answer(post):
    post(disability=None, third_country_national=None, foreign_background=None, minority=None)
    participant = Participant.objects.get()
    assert {
        participant.disability,
        participant.third_country_national,
        participant.foreign_background,
        participant.minority,
    } == {Participant.Answer.NOT_ANSWERED}


def test_missing_consent(post):
    html = post(consent=None)
    assert "You can register only if you agree to this." in html
    assert 'aria-describedby="id_consent-error"' in html
    assert '<a href="#id_consent">Consent: You can register only if you agree to this.</a>' in html
    assert nothing_stored()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Give your name."),
        ("email", "", "Give your e-mail address."),
        ("email", "maija(at)example.fi", "Give a valid e-mail address, e.g. name@example.fi."),
        ("email", "maija@", "Give a valid e-mail address, e.g. name@example.fi."),
        ("birth_year", "", "Give your birth year."),
        ("birth_year", "nineteen", "Give your birth year as four digits, e.g. 1985."),
        ("birth_year", "1899", "Give a birth year between 1900 and"),
        ("birth_year", str(timezone.localdate().year + 1), "Give a birth year between 1900 and"),
        ("gender", None, "Choose your gender, or “Prefer not to say”."),
        ("gender", "other", "Select a valid choice."),
        ("labour_status", None, "Choose your labour-market status."),
        ("education", None, "Choose your highest completed education."),
    ],
)
def test_each_field_is_checked(post, field, value, message):
    html = post(**{field: value})
    assert message in html
    assert f'aria-describedby="id_{field}' in html or f"id_{field}_0" in html
    assert "Please correct the following" in html
    assert nothing_stored()


def test_company_participant_gives_a_valid_business_id(post):
    html = post(on_behalf_of_company="on", company_name="Verkkokauppa Oy", business_id="07375104")
    assert "Registration confirmed" in html
    participant = Participant.objects.get()
    assert participant.company_name == "Verkkokauppa Oy"
    assert participant.business_id == "0737510-4"
    assert participant.company_key


def test_company_without_business_id(post):
    html = post(on_behalf_of_company="on", company_name="Verkkokauppa Oy", business_id="")
    assert "Give the company&#x27;s business ID (Y-tunnus), e.g. 1234567-1." in html
    assert nothing_stored()


def test_company_without_name(post):
    html = post(on_behalf_of_company="on", company_name="", business_id="0737510-4")
    assert "Give the name of the company." in html
    assert nothing_stored()


def test_bad_business_id(post):
    html = post(on_behalf_of_company="on", company_name="Verkkokauppa Oy", business_id="0737510-5")
    assert "is not a valid business ID (Y-tunnus)" in html
    assert 'aria-invalid="true"' in html
    assert nothing_stored()


def test_company_details_without_the_company_box(post):
    html = post(company_name="Verkkokauppa Oy", business_id="0737510-4")
    assert "tick “I participate on behalf of a company”" in html
    assert nothing_stored()


def test_entered_values_are_kept_after_an_error(post):
    html = post(consent=None, name="Maija Meikäläinen", email="maija@example.fi")
    assert 'value="Maija Meikäläinen"' in html
    assert 'value="maija@example.fi"' in html


def test_form_in_finnish_shows_errors_and_stores_nothing(post):
    html = post(lang="fi", consent=None, email="huono")
    assert '<html lang="fi">' in html
    assert 'aria-describedby="id_email-error' in html
    assert 'aria-describedby="id_consent-error"' in html
    assert nothing_stored()


@pytest.mark.parametrize(
    "window, message",
    [
        ({"registration_enabled": False}, "Registration is not taken through this site."),
        ({"registration_closes_at": "past"}, "Registration has closed."),
        ({"registration_opens_at": "future"}, "Registration opens on"),
        ({"starts_at": "past"}, "Registration has closed."),
    ],
)
def test_no_form_and_no_registration_when_registration_is_not_open(client, window, message):
    values = {"registration_enabled": True, "starts_at": in_days(14)}
    for key, value in window.items():
        values[key] = {"past": in_days(-1), "future": in_days(3)}.get(value, value)
    event = EventFactory(**values)
    page = client.get(f"/en/events/{event.pk}/register/").content.decode()
    assert message in page
    assert 'name="consent"' not in page
    response = client.post(f"/en/events/{event.pk}/register/", form_data())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert nothing_stored()


def test_full_event_says_the_form_joins_the_waiting_list(client):
    event = EventFactory(starts_at=in_days(14), registration_enabled=True, capacity=0)
    html = client.get(f"/en/events/{event.pk}/register/").content.decode()
    assert "It is full." in html
    assert ">Join the waiting list</button>" in html


def test_registration_that_closed_while_the_form_was_open_is_a_form_error(
    client, event, monkeypatch
):
    """The page said open, the service finds it closed (the event started meanwhile)."""
    from hanke.events import services

    original = services.registration_create

    def closes_first(*, target, **kwargs):
        type(target).objects.filter(pk=target.pk).update(registration_enabled=False)
        return original(target=target, **kwargs)

    monkeypatch.setattr(services, "registration_create", closes_first)
    response = client.post(f"/en/events/{event.pk}/register/", form_data())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Registration is closed." in html
    assert "Please correct the following" in html
    assert nothing_stored()


def test_only_get_and_post(client, event):
    assert client.put(f"/en/events/{event.pk}/register/").status_code == 405
