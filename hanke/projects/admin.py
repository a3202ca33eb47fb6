from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import workflow
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

    def get_readonly_fields(self, request, obj=None):
        # After creation the status moves only through the lifecycle (the actions below).
        return ["status"] if obj else []

    def get_actions(self, request):
        actions = super().get_actions(request)
        for target in dict.fromkeys(t.target for t in workflow.TRANSITIONS):
            name = f"move_to_{target}"
            description = _("Move to: %(state)s") % {"state": workflow.STATES[target]}
            actions[name] = (_transition_action(target), name, description)
        return actions


def _transition_action(target):
    from .services import project_transition

    def action(modeladmin, request, queryset):
        moved = 0
        for project in queryset:
            try:
                project_transition(user=request.user, project=project, target=target)
                moved += 1
            except (ValidationError, PermissionDenied) as error:
                text = (
                    " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                )
                modeladmin.message_user(request, f"{project}: {text}", messages.ERROR)
        if moved:
            modeladmin.message_user(
                request,
                gettext("%(count)s project(s) moved to “%(state)s”.")
                % {"count": moved, "state": workflow.STATES[target]},
                messages.SUCCESS,
            )

    return action


class ActivityInline(TranslationTabularInline):
    model = Activity
    extra = 0


@admin.register(WorkPackage)
class WorkPackageAdmin(TranslationAdmin):
    list_display = ["__str__", "project"]
    list_filter = ["project"]
    inlines = [ActivityInline]
