from django.contrib import admin

from .models import IndicatorTarget


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(admin.ModelAdmin):
    list_display = ["project", "indicator", "target"]
    list_filter = ["indicator__programme"]
