from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Event, EventSpeaker, Speaker


class EventSpeakerInline(admin.TabularInline):
    model = EventSpeaker
    extra = 0


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "event_type", "starts_at", "timing", "project"]
    list_filter = ["event_type", "project"]
    inlines = [EventSpeakerInline]


@admin.register(Speaker)
class SpeakerAdmin(TranslationAdmin):
    search_fields = ["name"]
