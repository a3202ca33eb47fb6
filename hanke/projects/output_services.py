"""Writes of a project's published outputs: blog posts, the workbook, studies, videos,
infographic packages. A publication counts towards its deliverable's target by being recorded;
nobody types in the count. Only the project's own staff record them (`can_manage_events`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PUBLICATION_TYPES, Publication

TITLE_MAX_LENGTH = Publication._meta.get_field("title").max_length
URL_MAX_LENGTH = Publication._meta.get_field("url").max_length


def _require_staff(user, project) -> None:
    from hanke.events.permissions import can_manage_events

    if not can_manage_events(user, project):
        raise PermissionDenied(_("Only the project's own staff can record its publications."))


def _checked(*, project, title, published_on, url, deliverable) -> dict:
    """The fields cleaned, or a ValidationError naming every field that is wrong."""
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = _("Give the title of the publication.")
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("The title can be at most %(limit)d characters long.") % {
            "limit": TITLE_MAX_LENGTH
        }
    if published_on is None:
        errors["published_on"] = _("Give the date of publication.")
    elif published_on > timezone.localdate():
        errors["published_on"] = _(
            "The date of publication cannot be in the future: record the publication once it "
            "is out."
        )
    url = (url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = _(
                "Give a web address that starts with http:// or https://, for example "
                "https://example.fi/blog/post."
            )
        else:
            if len(url) > URL_MAX_LENGTH:
                errors["url"] = _("The link can be at most %(limit)d characters long.") % {
                    "limit": URL_MAX_LENGTH
                }
    if deliverable is not None and (
        deliverable.project_id != project.pk
        or deliverable.deliverable_type not in PUBLICATION_TYPES
    ):
        errors["deliverable"] = _("Choose one of this project's publication deliverables.")
    if errors:
        raise ValidationError(errors)
    return {"title": title, "published_on": published_on, "url": url, "deliverable": deliverable}


@transaction.atomic
def publication_create(
    *, user, project, title: str, published_on, url: str = "", deliverable=None
) -> Publication:
    """Record a published output of the project."""
    _require_staff(user, project)
    fields = _checked(
        project=project, title=title, published_on=published_on, url=url, deliverable=deliverable
    )
    return Publication.objects.create(project=project, **fields)


@transaction.atomic
def publication_update(
    *, user, publication: Publication, title: str, published_on, url: str = "", deliverable=None
) -> Publication:
    publication = (
        Publication.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=publication.pk)
    )
    _require_staff(user, publication.project)
    fields = _checked(
        project=publication.project,
        title=title,
        published_on=published_on,
        url=url,
        deliverable=deliverable,
    )
    for name, value in fields.items():
        setattr(publication, name, value)
    publication.save(update_fields=[*fields])
    return publication


@transaction.atomic
def publication_delete(*, user, publication: Publication) -> None:
    publication = (
        Publication.objects.select_for_update(of=("self",))
        .select_related("project")
        .filter(pk=publication.pk)
        .first()
    )
    if publication is None:
        return
    _require_staff(user, publication.project)
    publication.delete()
