from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Assessment, Meeting


@admin.register(Assessment)
class AssessmentAdmin(TranslationAdmin):
    list_display = ["project", "score", "max_score", "recommendation"]


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin):
    list_display = ["name", "date", "kind", "project"]
    list_filter = ["kind"]
