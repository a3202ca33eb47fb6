from modeltranslation.translator import TranslationOptions, register

from .models import Cohort, Event, EventSpeaker, Speaker, TrainingModule, TrainingProgramme


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "timing", "recording_note")


@register(Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("bio",)


@register(EventSpeaker)
class EventSpeakerTranslation(TranslationOptions):
    fields = ("topic",)


@register(TrainingProgramme)
class TrainingProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(TrainingModule)
class TrainingModuleTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("timing",)
