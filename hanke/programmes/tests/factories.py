import factory
from factory.django import DjangoModelFactory

from hanke.programmes.models import (
    Call,
    Fund,
    FundingAuthority,
    PriorityAxis,
    Programme,
    SpecificObjective,
)


class FundFactory(DjangoModelFactory):
    class Meta:
        model = Fund
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"F{n}")
    abbreviation_fi = factory.LazyAttribute(lambda f: f.code)
    name_fi = factory.LazyAttribute(lambda f: f"Rahasto {f.code}")
    project_code_prefix = ""


class FundingAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = FundingAuthority

    name_fi = factory.Sequence(lambda n: f"Rahoittaja {n}")
    kind = FundingAuthority.Kind.ELY_CENTRE


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"P{n}")
    name_fi = "Uudistuva ja osaava Suomi 2021–2027"
    period_start = 2021
    period_end = 2027


class PriorityAxisFactory(DjangoModelFactory):
    class Meta:
        model = PriorityAxis

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    name_fi = factory.Sequence(lambda n: f"Toimintalinja {n + 1}")


class SpecificObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = SpecificObjective

    priority_axis = factory.SubFactory(PriorityAxisFactory)
    code = factory.LazyAttribute(lambda o: f"{o.priority_axis.number}.1")
    name_fi = factory.Sequence(lambda n: f"Erityistavoite {n}")


class CallFactory(DjangoModelFactory):
    class Meta:
        model = Call

    name_fi = factory.Sequence(lambda n: f"Haku {n}")
    authority = factory.SubFactory(FundingAuthorityFactory)
    programme = factory.SubFactory(ProgrammeFactory)


def open_call(*, authority, programme=None, objective=None, **extra) -> Call:
    """A published, open call set up as a mature call is: cut-off dates, flat rate 40 % and real
    costs allowed, two general criteria, three scored criteria (5 + 5 + 3 = 13 points) with a
    threshold of 6, and a decision chain of a funding meeting and the MYR."""
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from hanke.programmes.models import (
        CallCostModel,
        CallCutOff,
        DecisionStep,
        MeetingKind,
        SelectionCriterion,
    )

    today = timezone.localdate()
    objective = objective or SpecificObjectiveFactory(
        priority_axis__programme=programme or ProgrammeFactory()
    )
    programme = objective.priority_axis.programme
    values = {
        "name_fi": "Osaamisen kehittämisen jatkuva haku",
        "authority": authority,
        "programme": programme,
        "opens_on": today - datetime.timedelta(days=30),
        "closes_on": None,
        "is_continuous": True,
        "score_threshold": Decimal("6"),
        "max_aid_rate": Decimal("80.00"),
    }
    values.update(extra)
    call = Call.objects.create(**values)
    call.specific_objectives.add(objective)
    fund = FundFactory(code="JTF", abbreviation_fi="JTF")
    call.funds.add(fund)
    CallCutOff.objects.create(call=call, date=today + datetime.timedelta(days=60))
    for model in ("flat_40", "real"):
        CallCostModel.objects.create(call=call, cost_model=model)
    general = ["Hanke on ohjelman mukainen.", "Hakijalla on edellytykset toteuttaa hanke."]
    for order, text in enumerate(general, start=1):
        SelectionCriterion.objects.create(
            call=call, kind="general", group="general", order=order, text_fi=text
        )
    special = [
        ("content", "Hankkeen vaikuttavuus", "5"),
        ("content", "Toteutuksen laatu", "5"),
        ("horizontal", "Kestävä kehitys ja yhdenvertaisuus", "3"),
    ]
    for order, (group, text, top) in enumerate(special, start=1):
        SelectionCriterion.objects.create(
            call=call,
            kind="special",
            group=group,
            order=order,
            text_fi=text,
            max_score=Decimal(top),
        )
    for order, kind in enumerate([MeetingKind.FUNDING_MEETING, MeetingKind.MYR], start=1):
        DecisionStep.objects.create(call=call, order=order, meeting_kind=kind)
    return call
