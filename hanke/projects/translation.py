from modeltranslation.translator import TranslationOptions, register

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


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("name", "summary", "results", "source_notes")


@register(ProjectLink)
class ProjectLinkTranslation(TranslationOptions):
    fields = ("label",)


@register(ProjectSection)
class ProjectSectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(WorkPackage)
class WorkPackageTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("description",)


@register(Deliverable)
class DeliverableTranslation(TranslationOptions):
    fields = ("title",)


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(ProjectPartner)
class ProjectPartnerTranslation(TranslationOptions):
    fields = ("description",)
