"""Events and trainings in the administration site. Registrations and participants are not here:
they hold personal data, which is shown only on the project's pages that log every view."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    Cohort,
    Event,
    EventSpeaker,
    SmallGroup,
    Speaker,
    TrainingModule,
    TrainingProgramme,
)


class EventSpeakerInline(admin.TabularInline):
    model = EventSpeaker
    extra = 0


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "event_type", "starts_at", "timing", "capacity", "project"]
    list_filter = ["event_type", "registration_enabled", "project"]
    search_fields = ["title_fi", "title_en", "title_sv"]
    inlines = [EventSpeakerInline]


@admin.register(Speaker)
class SpeakerAdmin(TranslationAdmin):
    search_fields = ["name"]


class TrainingModuleInline(TranslationTabularInline):
    model = TrainingModule
    extra = 0


@admin.register(TrainingProgramme)
class TrainingProgrammeAdmin(TranslationAdmin):
    list_display = ["name", "project", "work_package"]
    inlines = [TrainingModuleInline]


@admin.register(Cohort)
class CohortAdmin(TranslationAdmin):
    list_display = ["module", "year", "starts_on", "ends_on", "capacity"]
    list_filter = ["year"]


@admin.register(SmallGroup)
class SmallGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "year"]
    exclude = ["members"]
