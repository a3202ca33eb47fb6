"""Records as the API shows them: plain dicts in the shapes of `schemas`.

Only what the public pages show is here: no personal data (participants, registrations, users),
no assessment scores by person, nothing of projects that are not public. Every function reads
what its caller already fetched (select_related / prefetch_related in the selectors), so a list
costs a fixed number of queries whatever its length."""

from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hanke.core.money import CENT
from hanke.finance.models import CostCategory, CostModel, FundingSource
from hanke.programmes.models import FundingAuthority, Indicator, MeetingKind, SelectionCriterion
from hanke.projects import workflow
from hanke.projects.models import Deliverable, ProjectLink, ProjectPartner, ProjectSection

LANGUAGES = [code for code, _name in settings.LANGUAGES]

_label_cache: dict = {}


def text(obj, field: str) -> dict:
    """A translated field in every language; None where a language has no text."""
    return {code: (getattr(obj, f"{field}_{code}", "") or None) for code in LANGUAGES}


def labels(label) -> dict:
    """A (lazy) UI label in every language. Catalogues don't change while the process runs, so
    each label is translated once per process."""
    key = tuple(label._args) if isinstance(label, Promise) else ("", str(label))
    if key not in _label_cache:
        result = {}
        for code in LANGUAGES:
            with translation.override(code):
                result[code] = str(label)
        _label_cache[key] = result
    return _label_cache[key]


def coded(code: str, label) -> dict:
    return {"code": code, "label": labels(label)}


def choice(choices_class, value: str) -> dict:
    """A TextChoices value with its label; an unknown stored value keeps its code as label."""
    try:
        return coded(value, choices_class(value).label)
    except ValueError:
        return {"code": value, "label": dict.fromkeys(LANGUAGES, value)}


def money(value) -> str | None:
    if value is None:
        return None
    return format(Decimal(value).quantize(CENT), "f")


def one_decimal(value) -> str | None:
    if value is None:
        return None
    return format(Decimal(value).quantize(Decimal("0.1")), "f")


def local(value):
    return timezone.localtime(value) if value is not None else None


def or_none(value):
    return value or None


class Links:
    """Absolute addresses of the public web pages, in each language."""

    def __init__(self, request):
        self.base = request.build_absolute_uri("/")[:-1]

    def page(self, name: str, pk: int) -> dict:
        result = {}
        for code in LANGUAGES:
            with translation.override(code):
                result[code] = self.base + reverse(name, kwargs={"pk": pk})
        return result


# --- Shared references --------------------------------------------------------------------------


def ref(obj, field: str = "name") -> dict:
    return {"id": obj.pk, "name": text(obj, field)}


def organisation_ref(org) -> dict | None:
    if org is None:
        return None
    return {"id": org.pk, "name": text(org, "name"), "business_id": or_none(org.business_id)}


def fund(obj) -> dict | None:
    if obj is None:
        return None
    return {
        "id": obj.pk,
        "code": obj.code,
        "abbreviation": text(obj, "abbreviation"),
        "name": text(obj, "name"),
    }


def programme(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.pk, "code": obj.code, "name": text(obj, "name")}


def specific_objective(obj) -> dict | None:
    if obj is None:
        return None
    axis = obj.priority_axis
    return {
        "id": obj.pk,
        "code": obj.code,
        "name": text(obj, "name"),
        "priority_axis": {"number": axis.number, "name": text(axis, "name")},
    }


def authority(obj) -> dict | None:
    if obj is None:
        return None
    return {
        "id": obj.pk,
        "name": text(obj, "name"),
        "kind": choice(FundingAuthority.Kind, obj.kind),
    }


def region(obj) -> dict:
    return {
        "id": obj.pk,
        "code": obj.code,
        "nuts3_code": or_none(obj.nuts3_code),
        "name": text(obj, "name"),
    }


def municipality(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.pk, "code": obj.code, "name": text(obj, "name"), "region_id": obj.region_id}


def theme(obj) -> dict:
    return {"id": obj.pk, "slug": obj.slug, "name": text(obj, "name")}


def status(project) -> dict:
    return coded(project.status, workflow.STATES[project.status])


# --- Projects -----------------------------------------------------------------------------------


def project_item(project, links: Links, *, total=None, eu=None) -> dict:
    """A project as a search result. `total` and `eu` come from `project_search`'s annotations
    (or, for the detail, from the budget)."""
    return {
        "id": project.pk,
        "code": or_none(project.code),
        "name": text(project, "name"),
        "acronym": or_none(project.acronym),
        "summary": text(project, "summary"),
        "original_language": project.original_language,
        "status": status(project),
        "implementer": organisation_ref(project.implementer),
        "fund": fund(project.fund),
        "funding_authority": authority(project.funding_authority),
        "programme": programme(project.programme),
        "specific_objective": specific_objective(project.specific_objective),
        "start_date": project.start_date,
        "end_date": project.end_date,
        "date_precision": project.date_precision,
        "total_cost": money(total),
        "eu_and_state_funding": money(eu),
        "web_page": links.page("portal:project_detail", project.pk),
    }


def search_result(project, links: Links) -> dict:
    return project_item(
        project,
        links,
        total=getattr(project, "total_amount", None),
        eu=getattr(project, "eu_amount", None),
    )


def _deliverable(d) -> dict:
    return {
        "title": text(d, "title"),
        "type": choice(Deliverable.Type, d.deliverable_type),
        "target_qualifier": choice(Deliverable.Qualifier, d.target_qualifier),
        "target_min": d.target_min,
        "target_max": d.target_max,
    }


def _target_group(group) -> dict:
    from hanke.projects.models import TargetGroup

    return {
        "name": text(group, "name"),
        "target_count": group.target_count,
        "unit": choice(TargetGroup.Unit, group.unit),
        "subgroups": [_target_group(sub) for sub in group.subgroups.all()],
    }


def _cost_label(code: str, cost_model: str):
    if code == "flat_rate":
        return CostModel(cost_model).label
    return CostCategory(code).label


def financing(summary, budget) -> dict | None:
    """`finance.selectors.budget_summary` as the API shows it (the budget gives the notes of the
    financing lines in every language)."""
    if summary is None:
        return None
    lines = {line.source: line for line in budget.financing_lines.all()}
    return {
        "cost_model": choice(CostModel, summary.cost_model),
        "total_cost": money(summary.total_cost),
        "costs": [
            {
                "code": row.key,
                "label": labels(_cost_label(row.key, summary.cost_model)),
                "amount": money(row.amount),
                "share_percent": money(row.percent),
                "computed": row.computed,
            }
            for row in summary.cost_rows
        ],
        "financing": [
            {
                "source": choice(FundingSource, row.key),
                "amount": money(row.amount),
                "share_percent": money(row.percent),
                "note": text(lines[row.key], "note"),
            }
            for row in summary.financing_rows
        ],
        "financing_total": money(summary.financing_total),
        "eu_and_state_funding": money(summary.aid),
        "aid_rate_percent": money(summary.aid_rate),
        "max_aid_rate_percent": money(summary.max_aid_rate),
        "public_funding_total": money(summary.public_total),
        "aid_granted_by": or_none(summary.aid_granted_by),
    }


def indicator_target(target) -> dict:
    ind = target.indicator
    return {
        "indicator": {
            "id": ind.pk,
            "code": ind.code,
            "name": text(ind, "name"),
            "kind": choice(Indicator.Kind, ind.kind),
            "unit": text(ind, "unit"),
        },
        "target": money(target.target),
    }


def project_detail(page, links: Links, *, indicator_targets, news) -> dict:
    """`projects.selectors.project_page_get`'s page (already known to be public) in full."""
    project = page.project
    budget = page.budget
    item = project_item(
        project,
        links,
        total=budget.total_cost if budget else None,
        # as in the search results: the aid line's amount, None without one
        eu=next((row.amount for row in budget.financing_rows if row.key == "aid"), None)
        if budget
        else None,
    )
    financing_out = financing(budget, getattr(project, "budget", None))
    item.update(
        kind=choice(project.Kind, project.kind),
        results=text(project, "results"),
        source_notes=text(project, "source_notes"),
        source_document=or_none(project.source_document),
        homepage=or_none(project.homepage),
        call=ref(project.call) if project.call else None,
        regions=[region(r) for r in project.regions.all()],
        municipalities=[municipality(m) for m in project.municipalities.all()],
        themes=[theme(t) for t in project.themes.all()],
        partners=[
            {
                "organisation": organisation_ref(p.organisation),
                "role": choice(ProjectPartner.Role, p.role),
                "description": text(p, "description"),
            }
            for p in page.co_implementers + page.partners
        ],
        sections=[
            {
                "kind": choice(ProjectSection.Kind, s.kind),
                "title": text(s, "title"),
                "body": text(s, "body"),
            }
            for s in project.sections.all()
        ],
        links=[
            {
                "kind": choice(ProjectLink.Kind, link.kind),
                "label": text(link, "label"),
                "url": or_none(link.url),
            }
            for link in project.links.all()
        ],
        financing=financing_out,
        targets={
            "target_groups": [_target_group(g) for g in page.target_groups],
            "deliverables": [_deliverable(d) for d in page.loose_deliverables],
            "indicators": [indicator_target(t) for t in indicator_targets],
        },
        work_packages=[
            {
                "number": wp.number,
                "title": text(wp, "title"),
                "description": text(wp, "description"),
                "activities": [text(a, "description") for a in wp.activities.all()],
                "deliverables": [_deliverable(d) for d in wp.deliverables.all()],
            }
            for wp in page.work_packages
        ],
        events=[
            {"id": e.pk, "title": text(e, "title"), "starts_at": local(e.starts_at)}
            for e in page.events
        ],
        news=[
            {"id": n.pk, "title": text(n, "title"), "published_on": n.published_on} for n in news
        ],
    )
    return item


def filter_values(values: dict) -> dict:
    from hanke.portal.selectors import SORTS

    return {
        "funds": [fund(f) for f in values["funds"]],
        "programmes": [programme(p) for p in values["programmes"]],
        "specific_objectives": [specific_objective(o) for o in values["specific_objectives"]],
        "authorities": [authority(a) for a in values["authorities"]],
        "regions": [region(r) for r in values["regions"]],
        "municipalities": [municipality(m) for m in values["municipalities"]],
        "themes": [theme(t) for t in values["themes"]],
        "statuses": [coded(s, workflow.STATES[s]) for s in values["statuses"]],
        "sorts": [coded(key, label) for key, label in SORTS.items()],
    }


# --- Organisations ------------------------------------------------------------------------------


def organisation_item(org) -> dict:
    from hanke.accounts.models import Organisation

    return {
        "id": org.pk,
        "name": text(org, "name"),
        "original_language": org.original_language,
        "business_id": or_none(org.business_id),
        "type": choice(Organisation.Type, org.org_type),
        "municipality": municipality(org.municipality),
        "website": or_none(org.website),
    }


ROLES = {
    "implementer": _("Implementer"),
    "co_implementer": ProjectPartner.Role.CO_IMPLEMENTER.label,
    "partner": ProjectPartner.Role.PARTNER.label,
    "funding_authority": _("Funding authority"),
}


def organisation_detail(org, roles: list[tuple]) -> dict:
    """`roles`: (project, role code) for each public project the organisation is in."""
    item = organisation_item(org)
    item["projects"] = [
        {"id": project.pk, "name": text(project, "name"), "role": coded(code, ROLES[code])}
        for project, code in roles
    ]
    return item


# --- Calls --------------------------------------------------------------------------------------


def call_item(call, links: Links, *, day, next_cut_offs=None) -> dict:
    """A call; `next_cut_offs` (dates) default to the prefetched `call.next_cut_offs`."""
    if next_cut_offs is None:
        next_cut_offs = [c.date for c in call.next_cut_offs]
    return {
        "id": call.pk,
        "name": text(call, "name"),
        "description": text(call, "description"),
        "authority": authority(call.authority),
        "programme": programme(call.programme),
        "funds": [fund(f) for f in call.funds.all()],
        "specific_objectives": [specific_objective(o) for o in call.specific_objectives.all()],
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "is_continuous": call.is_continuous,
        "is_open": call.is_open_on(day),
        "next_cut_offs": next_cut_offs,
        "max_aid_rate_percent": money(call.max_aid_rate),
        "web_page": links.page("portal:call_detail", call.pk),
    }


def _criterion(c) -> dict:
    scored = c.kind == SelectionCriterion.Kind.SPECIAL
    return {"text": text(c, "text"), "max_score": one_decimal(c.max_score) if scored else None}


def call_detail(page, links: Links, *, day) -> dict:
    """`portal.selectors.call_page_get`'s page."""
    call = page.call
    item = call_item(call, links, day=day, next_cut_offs=page.next_cut_offs)
    item.update(
        cost_models=[
            choice(CostModel, allowed.cost_model)
            for allowed in call.cost_models.all()
            if allowed.cost_model in CostModel.values
        ],
        general_criteria=[_criterion(c) for c in page.general_criteria],
        scored_criteria=[
            {
                "group": choice(SelectionCriterion.Group, group.key),
                "criteria": [_criterion(c) for c in group.criteria],
                "max_total": one_decimal(group.max_total),
            }
            for group in page.special_groups
        ],
        max_total_score=one_decimal(page.max_total_score),
        score_threshold=one_decimal(call.score_threshold),
        decision_steps=[
            {"order": step.order, "meeting": choice(MeetingKind, step.meeting_kind)}
            for step in page.decision_steps
        ],
    )
    return item


# --- Events -------------------------------------------------------------------------------------


def event_item(event, links: Links, *, themes=None) -> dict:
    """An event; its themes are its own, or its project's when it has none (as on its page)."""
    from hanke.events.models import Event

    if themes is None:
        themes = list(event.themes.all()) or list(event.project.themes.all())
    project = event.project
    return {
        "id": event.pk,
        "title": text(event, "title"),
        "description": text(event, "description"),
        "original_language": event.original_language,
        "type": choice(Event.Type, event.event_type),
        "starts_at": local(event.starts_at),
        "ends_at": local(event.ends_at),
        "timing": text(event, "timing"),
        "is_online": event.is_online,
        "venue": or_none(event.venue),
        "municipality": municipality(event.municipality),
        "language": or_none(event.language),
        "project": {"id": project.pk, "name": text(project, "name")},
        "themes": [theme(t) for t in themes],
        "recording_url": or_none(event.recording_url),
        "web_page": links.page("events:event", event.pk),
    }


def event_detail(page, links: Links) -> dict:
    """`events.selectors.event_page`'s page: speakers by name, organisation and topic as the page
    shows them (not their bios), and the state of registration; never who registered."""
    event = page.event
    item = event_item(event, links, themes=page.themes)
    wp = event.work_package
    reg = page.registration
    item.update(
        online_url=or_none(event.online_url) if event.is_online else None,
        recording_note=text(event, "recording_note"),
        work_package={"number": wp.number, "title": text(wp, "title")} if wp else None,
        speakers=[
            {
                "name": link.speaker.name,
                "organisation": or_none(link.speaker.organisation_name),
                "is_keynote": link.is_keynote,
                "topic": text(link, "topic"),
            }
            for link in page.speakers
        ],
        keynote_speakers_announced=event.keynote_speakers_announced,
        registration={
            "state": reg.state,
            "opens_at": local(reg.opens_at),
            "closes_at": local(reg.closes_at),
            "capacity": reg.capacity,
            "seats_left": reg.seats_left,
        },
    )
    return item


# --- News ---------------------------------------------------------------------------------------


def news_item(item, links: Links) -> dict:
    return {
        "id": item.pk,
        "title": text(item, "title"),
        "excerpt": text(item, "excerpt"),
        "original_language": item.original_language,
        "is_excerpt_truncated": item.is_excerpt_truncated,
        "published_on": item.published_on,
        "publisher": organisation_ref(item.publisher),
        "publisher_name": or_none(item.publisher_name),
        "projects": [ref(p) for p in item.public_projects],
        "web_page": links.page("portal:news_detail", item.pk),
    }


def news_detail(item, links: Links) -> dict:
    result = news_item(item, links)
    result["body"] = text(item, "body")
    return result
