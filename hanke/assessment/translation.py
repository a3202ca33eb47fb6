from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Assessment, Meeting


@register(Assessment)
class AssessmentTranslation(TranslationOptions):
    fields = ("funder_assessment", "justification")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("name",)


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("statement_text",)
