"""Shared pytest fixtures: the fixed people of Hanke's behaviour tests."""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction

from hanke.accounts import roles


@pytest.fixture
def personas(db):
    """An applicant, a funder officer, an assessor, a committee member and an outsider (a
    logged-in user with no role). Each is in the role group the data migration created."""
    from hanke.accounts.tests.factories import UserFactory

    return SimpleNamespace(
        applicant=UserFactory(username="hakija", roles=[roles.APPLICANT]),
        officer=UserFactory(username="virkailija", roles=[roles.FUNDER_OFFICER]),
        assessor=UserFactory(username="arvioija", roles=[roles.ASSESSOR]),
        committee_member=UserFactory(username="myr-jasen", roles=[roles.COMMITTEE_MEMBER]),
        outsider=UserFactory(username="ulkopuolinen"),
    )


@pytest.fixture
def read_page(client):
    """Fetch a page and return what a reader sees: `.html` (no-break spaces as plain spaces),
    `.text` (the same without tags, whitespace collapsed) and the `.response`."""
    import re

    def read(url: str, status: int = 200):
        response = client.get(url)
        assert response.status_code == status, f"{url} gave {response.status_code}, not {status}"
        html = response.content.decode().replace("\u00a0", " ")
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        text = re.sub(r" ([.,:;)])", r"\1", text)
        return SimpleNamespace(response=response, html=html, text=text)

    return read


@pytest.fixture
def world(personas):
    """The funder's workflow set up: an ELY centre whose officer is `personas.officer`, an
    applicant organisation whose staff is `personas.applicant`, and an open call of the ELY centre
    (see `programmes.tests.factories.open_call`). A second officer works for another authority."""
    from hanke.accounts.models import Membership, Organisation
    from hanke.accounts.tests.factories import UserFactory
    from hanke.programmes.models import FundingAuthority
    from hanke.programmes.tests.factories import open_call

    ely = Organisation.objects.create(
        name_fi="Pohjois-Pohjanmaan ELY-keskus", org_type=Organisation.Type.STATE_AUTHORITY
    )
    authority = FundingAuthority.objects.create(
        name_fi=ely.name_fi, kind=FundingAuthority.Kind.ELY_CENTRE, organisation=ely
    )
    Membership.objects.create(user=personas.officer, organisation=ely)
    applicant_org = Organisation.objects.create(
        name_fi="Oulun ammattikorkeakoulu Oy",
        business_id="0737510-4",
        org_type=Organisation.Type.UNIVERSITY_OF_APPLIED_SCIENCES,
    )
    Membership.objects.create(user=personas.applicant, organisation=applicant_org)
    other_org = Organisation.objects.create(
        name_fi="Lapin liitto", org_type=Organisation.Type.REGIONAL_COUNCIL
    )
    other_authority = FundingAuthority.objects.create(
        name_fi="Lapin liitto", kind=FundingAuthority.Kind.REGIONAL_COUNCIL, organisation=other_org
    )
    other_officer = UserFactory(username="toinen-virkailija", roles=[roles.FUNDER_OFFICER])
    Membership.objects.create(user=other_officer, organisation=other_org)
    second_assessor = UserFactory(username="arvioija2", roles=[roles.ASSESSOR])
    call = open_call(authority=authority)
    return SimpleNamespace(
        **vars(personas),
        authority=authority,
        applicant_org=applicant_org,
        other_authority=other_authority,
        other_officer=other_officer,
        second_assessor=second_assessor,
        call=call,
    )


@pytest.fixture(scope="module")
def demo_in_module(django_db_setup, django_db_blocker):
    """The demo loaded once per test module, in a transaction rolled back after the module:
    each test runs in a savepoint inside it, so tests stay independent and the demo (a few
    seconds to load) is not loaded again for every test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
