from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Call, Fund, FundingAuthority, PriorityAxis, Programme, SpecificObjective


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


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = ["name", "authority", "programme", "opens_on", "closes_on", "max_aid_rate"]
    list_filter = ["authority", "programme"]
