from modeltranslation.translator import TranslationOptions, register

from .models import Assessment, Meeting


@register(Assessment)
class AssessmentTranslation(TranslationOptions):
    fields = ("funder_assessment", "justification")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("name", "statement")
