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
