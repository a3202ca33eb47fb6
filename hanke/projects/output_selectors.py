"""Reads of a project's published outputs: its publication deliverables by work package with the
number published so far, and the publications themselves."""

from dataclasses import dataclass, field

from django.db.models import Count, F

from .models import PUBLICATION_TYPES, Deliverable, Publication, WorkPackage


@dataclass
class OutputGroup:
    """The publication deliverables of one work package (or of none)."""

    work_package: WorkPackage | None
    deliverables: list = field(default_factory=list)


def publication_deliverables(*, project):
    """The deliverables a publication can count towards: this project's, of publication types."""
    return (
        Deliverable.objects.filter(project=project, deliverable_type__in=PUBLICATION_TYPES)
        .select_related("work_package")
        .order_by(F("work_package__number").asc(nulls_last=True), "work_package_id", "order", "pk")
    )


def deliverable_outputs(*, project) -> list[OutputGroup]:
    """The project's publication deliverables grouped by work package in order (those of no work
    package last), each with `published` (how many are recorded) and `target_reached` (the
    published count is at least the target's minimum)."""
    groups: dict[int | None, OutputGroup] = {}
    for deliverable in publication_deliverables(project=project).annotate(
        published=Count("publications")
    ):
        deliverable.target_reached = (
            deliverable.target_min is not None and deliverable.published >= deliverable.target_min
        )
        key = deliverable.work_package_id
        if key not in groups:
            groups[key] = OutputGroup(work_package=deliverable.work_package)
        groups[key].deliverables.append(deliverable)
    return [g for k, g in groups.items() if k is not None] + (
        [groups[None]] if None in groups else []
    )


def publication_list(*, project):
    """The project's publications, newest first."""
    return Publication.objects.filter(project=project).select_related("deliverable__work_package")


def publication_get(*, project, pk: int) -> Publication | None:
    return publication_list(project=project).filter(pk=pk).first()
