"""The admin shows the assessment records read-only where they carry a signature (scores,
statements, decisions): those are written through the assessment pages and their services."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    AgendaItem,
    Assessment,
    AssessorAssignment,
    CriterionScore,
    EligibilityCheck,
    FundingDecision,
    Meeting,
)


@admin.register(Assessment)
class AssessmentAdmin(TranslationAdmin):
    list_display = ["project", "score", "max_score", "recommendation"]


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "project", "statement", "statement_text", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    raw_id_fields = ["project"]


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin):
    list_display = ["name", "date", "kind", "authority"]
    list_filter = ["kind", "authority"]
    filter_horizontal = ["participants"]
    inlines = [AgendaItemInline]


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "score", "justification"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AssessorAssignment)
class AssessorAssignmentAdmin(admin.ModelAdmin):
    list_display = ["project", "assessor", "submitted_at"]
    readonly_fields = ["submitted_at"]
    inlines = [CriterionScoreInline]


@admin.register(EligibilityCheck)
class EligibilityCheckAdmin(admin.ModelAdmin):
    list_display = ["project", "criterion", "passed", "checked_by", "checked_at"]
    readonly_fields = ["checked_by", "checked_at"]


@admin.register(FundingDecision)
class FundingDecisionAdmin(admin.ModelAdmin):
    list_display = ["project", "outcome", "granted_amount", "aid_rate", "decided_on"]
    list_filter = ["outcome"]

    def has_change_permission(self, request, obj=None):
        return False
