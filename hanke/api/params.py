"""The API's query parameters: typed and validated here, in one place, before any read.

A wrong value is answered with **422** and a message that names the parameter (see
`api.parameter_errors_response`); nothing a client sends reaches the database unchecked.
`ProjectFilters.to_query()` turns the project filters into the portal search's `ProjectQuery`,
so the API searches exactly as the search page does."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Schema
from pydantic import AfterValidator, field_validator

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.events.models import Event
from hanke.portal.selectors import SORTS, ProjectQuery
from hanke.programmes.models import Fund, FundingAuthority, Programme, SpecificObjective
from hanke.projects import workflow
from hanke.projects.models import Project, Theme

# Ids are database keys (64-bit); a larger number can't be one, and would overflow SQLite.
MAX_ID = 2**63 - 1
MAX_VALUES = 50  # values of one facet
MAX_TEXT = 200
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)


class ParameterError(Exception):
    """One or more parameters are wrong: [(parameter, message), …]. Answered with 422."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors))


def _no_control_characters(value: str) -> str:
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise ValueError(_("The text contains control characters."))
    return value.strip()


def _sane_date(value: datetime.date) -> datetime.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(_("Give a date between the years 1900 and 2100."))
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
SearchText = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_no_control_characters)]
Day = Annotated[datetime.date, AfterValidator(_sane_date)] | None
Amount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)] | None
PublicStatus = Literal[tuple(s for s in workflow.STATES if s in workflow.PUBLIC_STATES)]
Sort = Literal[tuple(SORTS)]


def _not_before(info, value, lower_name: str, upper_name: str, lower_label: str = ""):
    """The upper end of a range (`upper_name`) is not below its lower end (the field
    `lower_name`, called `lower_label` in the query when it has an alias)."""
    lower = info.data.get(lower_name)
    if value is not None and lower is not None and value < lower:
        names = {"upper": upper_name, "lower": lower_label or lower_name}
        if isinstance(value, datetime.date):
            raise ValueError(_("%(upper)s is earlier than %(lower)s.") % names)
        raise ValueError(_("%(upper)s is less than %(lower)s.") % names)
    return value


def _check_ids(checks: list[tuple[str, object, list[int]]]) -> None:
    """Every id names an existing record of its model, else 422 naming the parameter."""
    errors = []
    for name, queryset, ids in checks:
        wanted = set(ids)
        if not wanted:
            continue
        found = set(queryset.filter(pk__in=wanted).values_list("pk", flat=True))
        missing = sorted(wanted - found)
        if missing:
            errors.append(
                (
                    name,
                    ngettext(
                        "There is no record with the id %(ids)s.",
                        "There are no records with the ids %(ids)s.",
                        len(missing),
                    )
                    % {"ids": ", ".join(str(pk) for pk in missing)},
                )
            )
    if errors:
        raise ParameterError(errors)


class Paging(Schema):
    page: int = Field(1, ge=1, le=MAX_ID, description="Page number, from 1")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Records per page, at most 100"
    )


# facet parameter -> the records its ids name (the same facets as the search page)
FACETS = {
    "funds": Fund.objects.all(),
    "programmes": Programme.objects.all(),
    "specific_objectives": SpecificObjective.objects.all(),
    "authorities": FundingAuthority.objects.all(),
    "regions": Region.objects.all(),
    "municipalities": Municipality.objects.all(),
    "themes": Theme.objects.all(),
    "implementers": Organisation.objects.all(),
}


def _ids(description: str):
    return Field(default_factory=list, max_length=MAX_VALUES, description=description)


class ProjectFilters(Paging):
    """The project search's parameters. Repeat a facet for several values (`funds=1&funds=2`):
    values of one facet are OR-ed, different facets AND-ed. The names are the search page's."""

    q: SearchText = Field(
        "",
        description="Text to search in Finnish, English or Swedish; inflected forms and "
        "compounds match (verkkokauppa finds verkkokaupan and verkkokauppaklubeja)",
    )
    funds: list[Id] = _ids("Fund ids (see /projects/filters)")
    programmes: list[Id] = _ids("Programme ids")
    specific_objectives: list[Id] = _ids("Specific objective ids")
    authorities: list[Id] = _ids("Funding authority ids")
    regions: list[Id] = _ids("Region ids (a project in a region's municipality counts)")
    municipalities: list[Id] = _ids("Municipality ids")
    themes: list[Id] = _ids("Theme ids")
    implementers: list[Id] = _ids("Implementing organisation ids (see /organisations)")
    statuses: list[PublicStatus] = Field(default_factory=list, max_length=MAX_VALUES)
    start_from: Day = Field(None, description="Starts on or after")
    start_to: Day = Field(None, description="Starts on or before")
    end_from: Day = Field(None, description="Ends on or after")
    end_to: Day = Field(None, description="Ends on or before")
    total_min: Amount = Field(None, description="Total eligible costs at least, euros")
    total_max: Amount = Field(None, description="Total eligible costs at most, euros")
    eu_min: Amount = Field(None, description="EU and state funding (the aid) at least, euros")
    eu_max: Amount = Field(None, description="EU and state funding (the aid) at most, euros")
    sort: Sort | None = Field(
        None, description="Default: relevance with a text, newest without one"
    )

    @field_validator("start_to")
    @classmethod
    def _start_range(cls, value, info):
        return _not_before(info, value, "start_from", "start_to")

    @field_validator("end_to")
    @classmethod
    def _end_range(cls, value, info):
        return _not_before(info, value, "end_from", "end_to")

    @field_validator("total_max")
    @classmethod
    def _total_range(cls, value, info):
        return _not_before(info, value, "total_min", "total_max")

    @field_validator("eu_max")
    @classmethod
    def _eu_range(cls, value, info):
        return _not_before(info, value, "eu_min", "eu_max")

    def to_query(self) -> ProjectQuery:
        """The search these parameters ask for. Raises ParameterError for unknown ids."""
        _check_ids([(name, qs, getattr(self, name)) for name, qs in FACETS.items()])
        return ProjectQuery(
            text=self.q,
            **{name: tuple(dict.fromkeys(getattr(self, name))) for name in FACETS},
            statuses=tuple(dict.fromkeys(self.statuses)),
            start_from=self.start_from,
            start_to=self.start_to,
            end_from=self.end_from,
            end_to=self.end_to,
            total_min=self.total_min,
            total_max=self.total_max,
            eu_min=self.eu_min,
            eu_max=self.eu_max,
            sort=self.sort or "",
        )


class OrganisationFilters(Paging):
    q: SearchText = Field("", description="Part of the name (any language), or a business ID")
    type: Literal[tuple(Organisation.Type.values)] | None = Field(
        None, description="Organisation type"
    )
    municipality: Id | None = None

    def check(self) -> None:
        municipalities = [self.municipality] if self.municipality else []
        _check_ids([("municipality", Municipality.objects.all(), municipalities)])


class CallFilters(Paging):
    open: bool | None = Field(
        None, description="true: only calls taking applications today; false: only others"
    )


class EventFilters(Paging):
    date_from: Day = Field(None, alias="from", description="Starts on or after (local date)")
    date_to: Day = Field(None, alias="to", description="Starts on or before (local date)")
    when: Literal["upcoming", "past", "all"] = Field(
        "all", description="upcoming (not yet ended, soonest first), past (latest first) or all"
    )
    project: Id | None = Field(None, description="A public project's id")
    region: Id | None = None
    theme: Id | None = None
    type: Literal[tuple(Event.Type.values)] | None = None

    @field_validator("date_to")
    @classmethod
    def _range(cls, value, info):
        return _not_before(info, value, "date_from", "to", lower_label="from")

    def check(self) -> None:
        _check_ids(
            [
                ("project", Project.objects.public(), [self.project] if self.project else []),
                ("region", Region.objects.all(), [self.region] if self.region else []),
                ("theme", Theme.objects.all(), [self.theme] if self.theme else []),
            ]
        )


class NewsFilters(Paging):
    project: Id | None = Field(None, description="Only news about this public project")

    def check(self) -> None:
        _check_ids([("project", Project.objects.public(), [self.project] if self.project else [])])
