from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from .models import (
    Activity,
    Deliverable,
    Project,
    ProjectLink,
    ProjectPartner,
    ProjectSection,
    TargetGroup,
    Theme,
    WorkPackage,
)


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PartnerInline(admin.TabularInline):
    model = ProjectPartner
    extra = 0
    autocomplete_fields = ["organisation"]


class LinkInline(TranslationTabularInline):
    model = ProjectLink
    extra = 0


class SectionInline(TranslationStackedInline):
    model = ProjectSection
    extra = 0


class TargetGroupInline(TranslationTabularInline):
    model = TargetGroup
    extra = 0
    fk_name = "project"


class DeliverableInline(TranslationTabularInline):
    model = Deliverable
    extra = 0


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = [
        "display_name",
        "code",
        "status",
        "fund",
        "funding_authority",
        "start_date",
        "end_date",
        "is_public",
    ]
    list_filter = ["status", "fund", "funding_authority", "is_public"]
    search_fields = ["name_fi", "name_en", "name_sv", "code", "acronym"]
    autocomplete_fields = ["implementer"]
    filter_horizontal = ["regions", "municipalities", "themes"]
    inlines = [PartnerInline, LinkInline, SectionInline, TargetGroupInline, DeliverableInline]


class ActivityInline(TranslationTabularInline):
    model = Activity
    extra = 0


@admin.register(WorkPackage)
class WorkPackageAdmin(TranslationAdmin):
    list_display = ["__str__", "project"]
    list_filter = ["project"]
    inlines = [ActivityInline]
