from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    Call,
    CallCostModel,
    CallCutOff,
    DecisionStep,
    Fund,
    FundingAuthority,
    Indicator,
    PriorityAxis,
    Programme,
    SelectionCriterion,
    SpecificObjective,
)


@admin.register(Fund)
class FundAdmin(TranslationAdmin):
    list_display = ["code", "abbreviation", "name", "project_code_prefix"]


@admin.register(FundingAuthority)
class FundingAuthorityAdmin(TranslationAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PriorityAxisInline(TranslationTabularInline):
    model = PriorityAxis
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ["name", "code", "period_start", "period_end"]
    inlines = [PriorityAxisInline]


@admin.register(SpecificObjective)
class SpecificObjectiveAdmin(TranslationAdmin):
    list_display = ["code", "name", "priority_axis"]
    list_filter = ["priority_axis__programme"]


class CutOffInline(admin.TabularInline):
    model = CallCutOff
    extra = 0


class CostModelInline(admin.TabularInline):
    model = CallCostModel
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "cost_model":
            from django import forms

            from hanke.finance.models import CostModel

            return forms.ChoiceField(
                label=db_field.verbose_name,
                choices=[(c.value, c.label) for c in CostModel if c != CostModel.NOT_KNOWN],
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class CriterionInline(TranslationTabularInline):
    model = SelectionCriterion
    extra = 0


class DecisionStepInline(admin.TabularInline):
    model = DecisionStep
    extra = 0


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = [
        "name",
        "authority",
        "programme",
        "opens_on",
        "closes_on",
        "is_continuous",
        "max_aid_rate",
        "is_published",
    ]
    list_filter = ["authority", "programme", "is_published"]
    filter_horizontal = ["specific_objectives", "funds"]
    inlines = [CutOffInline, CostModelInline, CriterionInline, DecisionStepInline]


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["code", "name", "kind", "unit", "programme"]
    list_filter = ["programme", "kind"]
