from modeltranslation.translator import TranslationOptions, register

from .models import FinancingLine


@register(FinancingLine)
class FinancingLineTranslation(TranslationOptions):
    fields = ("note",)
