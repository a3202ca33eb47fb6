from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Municipality, Region


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["name", "code", "nuts3_code"]
    search_fields = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(TranslationAdmin):
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
