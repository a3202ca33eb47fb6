from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventSpeaker, Speaker


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "timing", "recording_note")


@register(Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("bio",)


@register(EventSpeaker)
class EventSpeakerTranslation(TranslationOptions):
    fields = ("topic",)
