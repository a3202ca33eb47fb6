"""Idempotent writes for the demo loader: a second run changes nothing, not even timestamps."""


def upsert(model, lookup: dict, values: dict | None = None, m2m: dict | None = None):
    values = values or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**{**values, **lookup})
        obj.full_clean()
        obj.save()
    else:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
    for name, related in (m2m or {}).items():
        manager = getattr(obj, name)
        wanted = {item.pk for item in related}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(related)
    return obj


def translated(field: str, fi: str = "", en: str = "", sv: str = "") -> dict:
    """`translated("name", fi="…", en="…")` → {"name_fi": "…", "name_en": "…", "name_sv": ""}."""
    return {f"{field}_fi": fi, f"{field}_en": en, f"{field}_sv": sv}


def upsert_deliverable(
    project,
    order,
    deliverable_type,
    title: dict,
    qualifier="none",
    low=None,
    high=None,
    work_package=None,
):
    """A deliverable of a demo project, keyed by its order; `title` is {"fi": …, "en": …}."""
    from hanke.projects.models import Deliverable

    return upsert(
        Deliverable,
        {"project": project, "order": order},
        {
            "work_package": work_package,
            "deliverable_type": deliverable_type,
            "target_qualifier": qualifier,
            "target_min": low,
            "target_max": high,
            **translated("title", **title),
        },
    )
