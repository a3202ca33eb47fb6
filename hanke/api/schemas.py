"""The shapes of the API's answers, as the OpenAPI schema publishes them.

Conventions, the same in every answer:

- A text that may be translated is an object `{"fi": …, "en": …, "sv": …}`, `null` where the
  language has no text; the record's `original_language` says which one it was written in.
- Labels of coded values (status, type, cost category …) are `{"code": …, "label": {"fi", "en",
  "sv"}}`; the code is stable, the labels are the user interface's.
- Money is a decimal string with two decimals (`"510503.00"`), never a number, so no client
  parses it into a binary float. Percentages are strings with two decimals (`"80.00"`).
- Dates are ISO 8601 (`2024-03-05`); times are ISO 8601 with the Finnish offset
  (`2024-03-05T13:00:00+02:00`).
"""

import datetime
from typing import Annotated

from ninja import Field, Schema

MONEY_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
Money = Annotated[
    str,
    Field(pattern=MONEY_PATTERN, description="Euros, two decimals", examples=["510503.00"]),
]
Percent = Annotated[
    str, Field(pattern=MONEY_PATTERN, description="Percent, two decimals", examples=["80.00"])
]


class Text(Schema):
    """A translated text: each language's version, null where there is none."""

    fi: str | None
    en: str | None
    sv: str | None


class Labels(Schema):
    """A user interface label in the three languages."""

    fi: str
    en: str
    sv: str


class Coded(Schema):
    code: str
    label: Labels


class PageLinks(Schema):
    """The public web page of a record in each language."""

    fi: str
    en: str
    sv: str


# --- Errors -------------------------------------------------------------------------------------


class ParameterErrorOut(Schema):
    parameter: str = Field(description="The query or path parameter that is wrong")
    message: str


class ErrorOut(Schema):
    """Every error: `detail` for people, `errors` per parameter for programs (4xx only)."""

    detail: str
    errors: list[ParameterErrorOut] = Field(default_factory=list)


# --- Shared references --------------------------------------------------------------------------


class Ref(Schema):
    """A record named by another: its id and name."""

    id: int
    name: Text


class OrganisationRef(Schema):
    id: int
    name: Text
    business_id: str | None = Field(description="Y-tunnus, 1234567-1")


class FundOut(Schema):
    id: int
    code: str = Field(examples=["ERDF"])
    abbreviation: Text
    name: Text


class ProgrammeRef(Schema):
    id: int
    code: str
    name: Text


class PriorityAxisOut(Schema):
    number: str
    name: Text


class SpecificObjectiveOut(Schema):
    id: int
    code: str = Field(examples=["7.1"])
    name: Text
    priority_axis: PriorityAxisOut


class AuthorityOut(Schema):
    id: int
    name: Text
    kind: Coded


class RegionOut(Schema):
    id: int
    code: str
    nuts3_code: str | None
    name: Text


class MunicipalityOut(Schema):
    id: int
    code: str
    name: Text
    region_id: int


class ThemeOut(Schema):
    id: int
    slug: str
    name: Text


class Paging(Schema):
    count: int = Field(description="How many records match, on all pages")
    page: int
    page_size: int
    pages: int
    next: str | None = Field(description="Address of the next page, null on the last")
    previous: str | None = Field(description="Address of the previous page, null on the first")


# --- Projects -----------------------------------------------------------------------------------


class ProjectListItem(Schema):
    id: int
    code: str | None = Field(description="EURA project code, e.g. S30355")
    name: Text
    acronym: str | None
    summary: Text
    original_language: str
    status: Coded
    implementer: OrganisationRef | None
    fund: FundOut | None
    funding_authority: AuthorityOut | None
    programme: ProgrammeRef | None
    specific_objective: SpecificObjectiveOut | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    date_precision: str = Field(description="`day`, or `month` when only the month is known")
    total_cost: Money | None = Field(description="Total eligible costs")
    eu_and_state_funding: Money | None = Field(
        description="The aid: EU and state funding in the financing plan"
    )
    web_page: PageLinks


class ProjectList(Paging):
    results: list[ProjectListItem]


class PartnerOut(Schema):
    organisation: OrganisationRef
    role: Coded
    description: Text


class SectionOut(Schema):
    kind: Coded
    title: Text
    body: Text


class LinkOut(Schema):
    kind: Coded
    label: Text
    url: str | None = Field(description="null when the source names the place but no address")


class AmountRow(Schema):
    code: str = Field(description="cost category, `flat_rate`, or funding source")
    label: Labels
    amount: Money
    share_percent: Percent | None = Field(description="Share of the total eligible costs")
    computed: bool = Field(description="True for the flat rate, computed from the staff costs")


class FinancingRow(Schema):
    source: Coded
    amount: Money
    share_percent: Percent | None
    note: Text


class FinancingOut(Schema):
    """The cost estimate and financing plan, as on the public project page."""

    cost_model: Coded
    total_cost: Money = Field(description="Total eligible costs")
    costs: list[AmountRow]
    financing: list[FinancingRow]
    financing_total: Money
    eu_and_state_funding: Money = Field(description="The aid")
    aid_rate_percent: Percent | None = Field(description="The aid's share of the total")
    max_aid_rate_percent: Percent
    public_funding_total: Money
    aid_granted_by: str | None


class TargetGroupOut(Schema):
    name: Text
    target_count: int | None
    unit: Coded
    subgroups: list["TargetGroupOut"]


class DeliverableOut(Schema):
    title: Text
    type: Coded
    target_qualifier: Coded
    target_min: int | None
    target_max: int | None


class WorkPackageOut(Schema):
    number: int | None
    title: Text
    description: Text
    activities: list[Text]
    deliverables: list[DeliverableOut]


class IndicatorOut(Schema):
    id: int
    code: str
    name: Text
    kind: Coded
    unit: Text


class IndicatorTargetOut(Schema):
    indicator: IndicatorOut
    target: Money = Field(description="The target value, two decimals (not money)")


class TargetsOut(Schema):
    target_groups: list[TargetGroupOut]
    deliverables: list[DeliverableOut] = Field(
        description="Deliverables outside any work package (those inside are in work_packages)"
    )
    indicators: list[IndicatorTargetOut]


class EventRef(Schema):
    id: int
    title: Text
    starts_at: datetime.datetime | None


class NewsRef(Schema):
    id: int
    title: Text
    published_on: datetime.date | None


class ProjectDetail(ProjectListItem):
    kind: Coded
    results: Text
    source_notes: Text = Field(description="What the source document does not say")
    source_document: str | None
    homepage: str | None
    call: Ref | None
    regions: list[RegionOut]
    municipalities: list[MunicipalityOut]
    themes: list[ThemeOut]
    partners: list[PartnerOut]
    sections: list[SectionOut]
    links: list[LinkOut]
    financing: FinancingOut | None
    targets: TargetsOut
    work_packages: list[WorkPackageOut]
    events: list[EventRef]
    news: list[NewsRef]


class ProjectFilterValues(Schema):
    """The values the project filters accept, with their ids."""

    funds: list[FundOut]
    programmes: list[ProgrammeRef]
    specific_objectives: list[SpecificObjectiveOut]
    authorities: list[AuthorityOut]
    regions: list[RegionOut]
    municipalities: list[MunicipalityOut]
    themes: list[ThemeOut]
    statuses: list[Coded]
    sorts: list[Coded]


# --- Organisations ------------------------------------------------------------------------------


class OrganisationListItem(Schema):
    id: int
    name: Text
    original_language: str
    business_id: str | None = Field(description="Y-tunnus, 1234567-1")
    type: Coded
    municipality: MunicipalityOut | None
    website: str | None


class OrganisationList(Paging):
    results: list[OrganisationListItem]


class OrganisationProject(Schema):
    id: int
    name: Text
    role: Coded = Field(
        description="implementer, co_implementer, partner or funding_authority",
    )


class OrganisationDetail(OrganisationListItem):
    projects: list[OrganisationProject]


# --- Calls --------------------------------------------------------------------------------------


class CallListItem(Schema):
    id: int
    name: Text
    description: Text
    authority: AuthorityOut
    programme: ProgrammeRef
    funds: list[FundOut]
    specific_objectives: list[SpecificObjectiveOut]
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    is_continuous: bool
    is_open: bool = Field(description="Takes applications today")
    next_cut_offs: list[datetime.date]
    max_aid_rate_percent: Percent
    web_page: PageLinks


class CallList(Paging):
    results: list[CallListItem]


class CriterionOut(Schema):
    text: Text
    max_score: str | None = Field(description="Maximum score, one decimal; null for pass/fail")


class CriteriaGroupOut(Schema):
    group: Coded
    criteria: list[CriterionOut]
    max_total: str


class DecisionStepOut(Schema):
    order: int
    meeting: Coded


class CallDetail(CallListItem):
    cost_models: list[Coded]
    general_criteria: list[CriterionOut]
    scored_criteria: list[CriteriaGroupOut]
    max_total_score: str
    score_threshold: str | None
    decision_steps: list[DecisionStepOut]


# --- Events -------------------------------------------------------------------------------------


class EventListItem(Schema):
    id: int
    title: Text
    description: Text
    original_language: str
    type: Coded
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    timing: Text = Field(description="When the exact time is not known, e.g. 'Spring 2020'")
    is_online: bool
    venue: str | None
    municipality: MunicipalityOut | None
    language: str | None = Field(description="fi, en or sv; null when not given")
    project: Ref
    themes: list[ThemeOut]
    recording_url: str | None
    web_page: PageLinks


class EventList(Paging):
    results: list[EventListItem]


class SpeakerOut(Schema):
    name: str
    organisation: str | None
    is_keynote: bool
    topic: Text


class RegistrationOut(Schema):
    state: str = Field(description="not_offered, not_yet_open, open, full (waiting list), closed")
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    capacity: int | None
    seats_left: int | None


class WorkPackageRef(Schema):
    number: int | None
    title: Text


class EventDetail(EventListItem):
    online_url: str | None
    recording_note: Text
    work_package: WorkPackageRef | None
    speakers: list[SpeakerOut]
    keynote_speakers_announced: int | None
    registration: RegistrationOut


# --- News ---------------------------------------------------------------------------------------


class NewsListItem(Schema):
    id: int
    title: Text
    excerpt: Text
    original_language: str
    is_excerpt_truncated: bool = Field(description="The source gives only the beginning")
    published_on: datetime.date | None
    publisher: OrganisationRef | None
    publisher_name: str | None = Field(description="The publisher as the source writes it")
    projects: list[Ref] = Field(description="The public projects the item is about")
    web_page: PageLinks


class NewsList(Paging):
    results: list[NewsListItem]


class NewsDetail(NewsListItem):
    body: Text
