"""Seed 000: HEHKU (TEQU, Lapland), an English project page. ESF, North Ostrobothnia ELY Centre."""

import datetime
from decimal import Decimal

from hanke.accounts.models import Organisation
from hanke.events.models import Event
from hanke.finance.models import CostModel, FundingSource
from hanke.projects import workflow
from hanke.projects.models import Deliverable, Project, ProjectLink, ProjectSection, Theme

from .budgets import ensure_budget
from .upsert import translated as t
from .upsert import upsert, upsert_deliverable

SOURCE = "seeds/000_641497b59f3b4df2.txt"

BACKGROUND = (
    "Even digitalization has been a hot topic in the recent years, many of the Finnish and Lappish companies "
    "still struggle to take full advantage of the possibilities it offers. There are still plenty of room for "
    "improvement when it comes to digital sales, marketing, new types of business models and finding skilled "
    "workforce."
)
SUMMARY = (
    "Hehku project was developed to offer solutions to these challenges. It shares knowledge, tips and lectures "
    "that are carried out in all regions of Lapland to help develop the digital business skills of our local "
    "workforce.\n\n"
    "There are eight different events aimed to train and develop Lappish workforce’s digital business skills. "
    "Four of them are organized in the smaller regions of Lapland and four main events are held at Rovaniemi. "
    "The regional events consist of lectures and workshops, employing remote consultants and TEQU project "
    "personnel. The events organized in Rovaniemi will each have four keynote speakers, sharing their knowledge "
    "and inspiring the participants on site."
)
OBJECTIVE = (
    "The project will create targeted expertise in digital business skills for the benefit of the Lapland "
    "workforce to create new companies, acquire digital skills from global resource pools, create more digital "
    "sales and a sustainable competitive advantage through customer data management. Project boosts the growth "
    "of Lapland’s and Finland’s competitive advantage and promotes sustainable growth and job creation."
)
IMPLEMENTATION = (
    "Project started as early as spring 2020 with the “Covid19-Package”, which provided six webinars on e-sales "
    "and business related to companies, as well as one network workshop to develop e-sales for SMEs in the region.\n\n"
    "You can find the full online sales education in the form of recordings on TEQU’s YouTube -channel.\n\n"
    "Education events will continue in spring 2021."
)
THEMES = [  # (slug, English as in the source, Finnish, Swedish)
    ("digi-startup", "Digi Startup", "Digi Startup", "Digi Startup"),
    (
        "digital-marketing-and-sales",
        "Digital marketing and sales",
        "Digitaalinen markkinointi ja myynti",
        "Digital marknadsföring och försäljning",
    ),
    (
        "global-digital-resources",
        "Global digital resources",
        "Globaalit digitaaliset resurssit",
        "Globala digitala resurser",
    ),
    (
        "data-and-customer-relationships",
        "Data and customer relationships",
        "Data ja asiakassuhteet",
        "Data och kundrelationer",
    ),
]


def load(ref):
    tequ = upsert(
        Organisation,
        {"name_fi": "TEQU"},
        {
            "org_type": Organisation.Type.OTHER,
            "original_language": "en",
            "source_document": SOURCE,
            **t("name", "TEQU", "TEQU", "TEQU"),
        },
    )
    themes = [upsert(Theme, {"slug": slug}, t("name", fi, en, sv)) for slug, en, fi, sv in THEMES]
    project = upsert(
        Project,
        {"source_document": SOURCE, "name_en": "HEHKU"},
        {
            "original_language": "en",
            "acronym": "HEHKU",
            **t("name", "HEHKU", "HEHKU", "HEHKU"),
            **t("summary", en=SUMMARY),
            **t(
                "source_notes",
                en=(
                    "The source page gives no project code and no dates of the individual events. The financing "
                    "sources other than the ESF and government funding are not itemised in the source. The four "
                    "themes are the project's; the source does not say which event covers which theme, so the "
                    "events have no themes of their own. The source names no work packages."
                ),
                fi=(
                    "Lähdesivu ei kerro hankekoodia eikä yksittäisten tapahtumien päivämääriä. Muita rahoituslähteitä "
                    "kuin ESR- ja valtion rahoitusta ei ole eritelty lähteessä. Neljä teemaa ovat koko hankkeen "
                    "teemoja: lähde ei kerro, mitä teemaa kukin tapahtuma käsittelee, joten tapahtumille ei ole "
                    "merkitty omia teemoja. Lähde ei nimeä työpaketteja."
                ),
            ),
            "kind": Project.Kind.DEVELOPMENT,
            "status": workflow.ENDED,
            "is_public": True,
            "implementer": tequ,
            "funding_authority": ref["authorities"]["pp_ely"],
            "fund": ref["funds"]["ESF"],
            "programme": ref["programmes"]["2014"],
            "start_date": datetime.date(2020, 4, 9),
            "end_date": datetime.date(2023, 1, 31),
        },
        m2m={
            "regions": [ref["regions"]["lapland"]],
            "municipalities": [ref["municipalities"]["rovaniemi"]],
            "themes": themes,
        },
    )
    for order, (kind, title, body) in enumerate(
        [
            (ProjectSection.Kind.BACKGROUND, "Project Content", BACKGROUND),
            (ProjectSection.Kind.OBJECTIVES, "Objective of the project", OBJECTIVE),
            (ProjectSection.Kind.IMPLEMENTATION, "Project implementation", IMPLEMENTATION),
        ],
        start=1,
    ):
        upsert(
            ProjectSection,
            {"project": project, "order": order},
            {"kind": kind, **t("title", en=title), **t("body", en=body)},
        )
    upsert(
        ProjectLink,
        {"project": project, "kind": ProjectLink.Kind.VIDEO},
        {
            "url": "",
            **t(
                "label", en="TEQU’s YouTube channel: recordings of the full online sales education"
            ),
        },
    )
    for order, (dtype, title, qualifier, target) in enumerate(
        [
            (
                Deliverable.Type.EVENT,
                "Events on digital business skills (4 regional, 4 main events in Rovaniemi)",
                "exactly",
                8,
            ),
            (Deliverable.Type.EVENT, "Covid19-Package webinars on e-sales", "exactly", 6),
            (
                Deliverable.Type.EVENT,
                "Covid19-Package network workshop on e-sales for SMEs",
                "exactly",
                1,
            ),
            (
                Deliverable.Type.VIDEO,
                "Recordings of the online sales education on TEQU’s YouTube channel",
                "none",
                None,
            ),
        ],
        start=1,
    ):
        upsert_deliverable(project, order, dtype, {"en": title}, qualifier, target)
    load_events(project, ref)
    ensure_budget(
        project,
        cost_model=CostModel.NOT_KNOWN,
        total_cost=Decimal("309642"),
        financing={
            FundingSource.AID: Decimal("247714"),
            FundingSource.UNSPECIFIED: Decimal("61928"),
        },
        aid_granted_by="North Ostrobothnia Centre for Economic Development, Transport and the Environment: "
        "European Social Fund (ESF) and government funding",
    )
    return project


def load_events(project, ref):
    rovaniemi = ref["municipalities"]["rovaniemi"]
    dates_unknown = "Dates not given in the source; the education events continue in spring 2021"
    for n in range(1, 5):
        upsert(
            Event,
            {
                "project": project,
                "source_document": SOURCE,
                "title_en": f"Regional event in Lapland ({n}/4)",
            },
            {
                "original_language": "en",
                "event_type": Event.Type.LECTURES_AND_WORKSHOPS,
                **t("title", en=f"Regional event in Lapland ({n}/4)"),
                **t(
                    "description",
                    en="Lectures and workshops in one of the smaller regions of Lapland, employing "
                    "remote consultants and TEQU project personnel.",
                ),
                **t("timing", en=dates_unknown),
                "venue": "A smaller region of Lapland (not named in the source)",
            },
        )
    for n in range(1, 5):
        upsert(
            Event,
            {
                "project": project,
                "source_document": SOURCE,
                "title_en": f"Main event in Rovaniemi ({n}/4)",
            },
            {
                "original_language": "en",
                "event_type": Event.Type.KEYNOTE_EVENT,
                **t("title", en=f"Main event in Rovaniemi ({n}/4)"),
                **t(
                    "description",
                    en="Four keynote speakers share their knowledge and inspire the participants on site.",
                ),
                **t("timing", en=dates_unknown),
                "municipality": rovaniemi,
                "keynote_speakers_announced": 4,
            },
        )
    for n in range(1, 7):
        upsert(
            Event,
            {
                "project": project,
                "source_document": SOURCE,
                "title_en": f"Covid19-Package webinar on e-sales ({n}/6)",
            },
            {
                "original_language": "en",
                "event_type": Event.Type.WEBINAR,
                **t("title", en=f"Covid19-Package webinar on e-sales ({n}/6)"),
                **t("description", en="Webinar on e-sales and business related to companies."),
                **t("timing", en="Spring 2020"),
                "is_online": True,
                **t("recording_note", en="Recording on TEQU’s YouTube channel"),
            },
        )
    upsert(
        Event,
        {
            "project": project,
            "source_document": SOURCE,
            "title_en": "Covid19-Package network workshop",
        },
        {
            "original_language": "en",
            "event_type": Event.Type.NETWORK_WORKSHOP,
            **t("title", en="Covid19-Package network workshop"),
            **t("description", en="A network workshop to develop e-sales for SMEs in the region."),
            **t("timing", en="Spring 2020"),
        },
    )
