"""The public call pages: open calls are listed with what an applicant needs to know, a closed or
unpublished call is not, and only a signed-in applicant can start an application."""

import datetime

import pytest
from django.utils import timezone

from hanke.programmes.models import Call
from hanke.programmes.tests.factories import open_call

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    from django.utils import translation

    with translation.override("fi"):
        yield


def test_open_calls_are_listed_and_closed_ones_not(world, read_page):
    today = timezone.localdate()
    open_call(
        authority=world.authority,
        name_fi="Päättynyt haku",
        opens_on=today - datetime.timedelta(days=90),
        closes_on=today - datetime.timedelta(days=1),
        is_continuous=False,
    )
    open_call(authority=world.authority, name_fi="Julkaisematon haku", is_published=False)
    open_call(
        authority=world.authority,
        name_fi="Tuleva haku",
        opens_on=today + datetime.timedelta(days=10),
    )
    page = read_page("/fi/calls/")
    assert "Osaamisen kehittämisen jatkuva haku" in page.text
    assert "Päättynyt haku" not in page.text
    assert "Julkaisematon haku" not in page.text
    assert "Tuleva haku" not in page.text
    assert f'href="/fi/calls/{world.call.pk}/"' in page.html


def test_the_list_shows_authority_fund_objective_cut_off_and_aid_rate(world, read_page):
    cut_off = world.call.cut_offs.get().date
    text = read_page("/fi/calls/").text
    assert "Pohjois-Pohjanmaan ELY-keskus" in text
    assert "JTF" in text
    assert f"{cut_off.day}.{cut_off.month}.{cut_off.year}" in text
    assert "80,00 %" in text
    assert "Continuous call" in read_page("/en/calls/").text


def test_no_open_calls_says_so(db, read_page):
    assert "No call is open at the moment." in read_page("/en/calls/").text


def test_call_page_shows_criteria_grouped_with_scores_threshold_and_chain(world, read_page):
    page = read_page(f"/en/calls/{world.call.pk}/")
    text = page.text
    assert "Hanke on ohjelman mukainen." in text  # a general criterion
    assert "Hankkeen vaikuttavuus" in text and "Kestävä kehitys ja yhdenvertaisuus" in text
    assert "Content" in text and "Horizontal principles" in text
    assert "Maximum total score: 13." in text
    assert "at least 6 points" in text
    assert "Funding meeting" in text and "Regional cooperation group (MYR)" in text
    assert "Flat rate 40 % of staff costs" in text and "Real costs" in text
    assert "80.00%" in text
    assert "Continuous call" in text


def test_anonymous_user_is_asked_to_log_in_to_apply(world, read_page):
    page = read_page(f"/en/calls/{world.call.pk}/")
    assert f"/en/login/?next=/en/calls/{world.call.pk}/" in page.html
    assert "Start an application" not in page.text


def test_applicant_gets_a_start_button_posting_to_the_new_application(world, client):
    client.force_login(world.applicant)
    html = client.get(f"/en/calls/{world.call.pk}/").content.decode()
    assert f'action="/en/applications/new/{world.call.pk}/"' in html
    assert 'method="post"' in html
    assert "Start an application" in html


def test_an_officer_is_told_only_applicants_apply(world, client):
    client.force_login(world.officer)
    html = client.get(f"/en/calls/{world.call.pk}/").content.decode()
    assert "Start an application" not in html
    assert "Only the staff of an applicant organisation" in html


def test_unpublished_and_unknown_calls_are_not_found(world, client):
    hidden = open_call(authority=world.authority, is_published=False)
    assert client.get(f"/fi/calls/{hidden.pk}/").status_code == 404
    assert client.get("/fi/calls/999999/").status_code == 404


def test_a_closed_call_page_has_no_start_button(world, client):
    today = timezone.localdate()
    Call.objects.filter(pk=world.call.pk).update(closes_on=today - datetime.timedelta(days=1))
    client.force_login(world.applicant)
    html = client.get(f"/en/calls/{world.call.pk}/").content.decode()
    assert "Start an application" not in html
    assert "does not take applications now" in html
