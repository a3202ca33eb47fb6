from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "published_on", "publisher_name", "is_public"]
    filter_horizontal = ["projects"]
    search_fields = ["title_fi", "title_en", "title_sv"]
