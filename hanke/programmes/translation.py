from modeltranslation.translator import TranslationOptions, register

from .models import (
    Call,
    Fund,
    FundingAuthority,
    Indicator,
    PriorityAxis,
    Programme,
    SelectionCriterion,
    SpecificObjective,
)


@register(Fund)
class FundTranslation(TranslationOptions):
    fields = ("name", "abbreviation")


@register(FundingAuthority)
class FundingAuthorityTranslation(TranslationOptions):
    fields = ("name",)


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name",)


@register(PriorityAxis)
class PriorityAxisTranslation(TranslationOptions):
    fields = ("name",)


@register(SpecificObjective)
class SpecificObjectiveTranslation(TranslationOptions):
    fields = ("name",)


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("name", "description")


@register(SelectionCriterion)
class SelectionCriterionTranslation(TranslationOptions):
    fields = ("text",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit")
