"""Demo calls of the North Ostrobothnia ELY Centre: the 2023 JTF 7.1 call that seed 002's
application answered (closed), and an open continuous call so that a newcomer can try applying.

Seed 002 gives the score 20.5/39 but not the criteria. The criteria here follow DOMAIN.md's
reading of that total: six content and call-specific criteria scored 0–5 and three horizontal
criteria scored 0–3 (JTF has no Baltic Sea strategy criterion), 6 × 5 + 3 × 3 = 39."""

import datetime
from decimal import Decimal

from hanke.programmes.models import (
    Call,
    CallCostModel,
    CallCutOff,
    DecisionStep,
    MeetingKind,
    SelectionCriterion,
)

from .upsert import translated as t
from .upsert import upsert

GENERAL = [
    (
        "Hanke on ohjelman ja erityistavoitteen mukainen.",
        "The project is in line with the programme and the specific objective.",
        "Projektet är förenligt med programmet och det specifika målet.",
    ),
    (
        "Hakijalla on riittävät taloudelliset ja hallinnolliset edellytykset toteuttaa hanke.",
        "The applicant has the financial and administrative capacity to carry out the project.",
        "Sökanden har ekonomiska och administrativa förutsättningar att genomföra projektet.",
    ),
    (
        "Hankkeen kustannukset ovat kohtuulliset ja rahoitussuunnitelma realistinen.",
        "The costs are reasonable and the financing plan is realistic.",
        "Kostnaderna är skäliga och finansieringsplanen realistisk.",
    ),
    (
        "Hankkeen tulokset ovat hyödynnettävissä myös hankkeen päätyttyä.",
        "The results can be used after the project has ended.",
        "Resultaten kan utnyttjas även efter att projektet har avslutats.",
    ),
]
SPECIAL = [
    # group, max score, fi, en, sv
    (
        "content",
        5,
        "Hanke tukee turpeen energiakäytöstä luopumisen vaikutuksista kärsiviä alueita ja aloja.",
        "The project supports the regions and sectors hit by the end of energy peat.",
        "Projektet stöder de regioner och branscher som drabbas av att energitorv fasas ut.",
    ),
    (
        "content",
        5,
        "Hanke vahvistaa osaamista ja työvoiman muutoskyvykkyyttä.",
        "The project strengthens skills and the workforce's ability to adapt.",
        "Projektet stärker kompetensen och arbetskraftens omställningsförmåga.",
    ),
    (
        "content",
        5,
        "Hankkeen toimenpiteet ja tavoitteet ovat selkeät ja mitattavat.",
        "The project's activities and objectives are clear and measurable.",
        "Projektets åtgärder och mål är tydliga och mätbara.",
    ),
    (
        "content",
        5,
        "Hanke tavoittaa kohderyhmänsä ja sen tulokset leviävät.",
        "The project reaches its target groups and its results spread.",
        "Projektet når sina målgrupper och resultaten sprids.",
    ),
    (
        "call_specific",
        5,
        "Hanke edistää uusien teknologioiden, kuten tekoälyn, käyttöönottoa pk-yrityksissä.",
        "The project advances the use of new technologies such as AI in SMEs.",
        "Projektet främjar användningen av ny teknik som AI i små och medelstora företag.",
    ),
    (
        "call_specific",
        5,
        "Hanke on maakuntaohjelman mukainen.",
        "The project is in line with the regional programme.",
        "Projektet är förenligt med landskapsprogrammet.",
    ),
    (
        "horizontal",
        3,
        "Sukupuolten tasa-arvo ja yhdenvertaisuus",
        "Gender equality and non-discrimination",
        "Jämställdhet och likabehandling",
    ),
    (
        "horizontal",
        3,
        "EU:n perusoikeuskirjan noudattaminen",
        "Respect for the EU Charter of Fundamental Rights",
        "Efterlevnad av EU:s stadga om de grundläggande rättigheterna",
    ),
    (
        "horizontal",
        3,
        "Kestävä kehitys",
        "Sustainable development",
        "Hållbar utveckling",
    ),
]


def _configure(call, *, chain, cut_offs=()):
    for model in ("flat_40", "real"):
        upsert(CallCostModel, {"call": call, "cost_model": model})
    for order, (fi, en, sv) in enumerate(GENERAL, start=1):
        upsert(
            SelectionCriterion,
            {"call": call, "kind": "general", "order": order},
            {"group": "general", "max_score": Decimal("0"), **t("text", fi, en, sv)},
        )
    for order, (group, top, fi, en, sv) in enumerate(SPECIAL, start=1):
        upsert(
            SelectionCriterion,
            {"call": call, "kind": "special", "order": order},
            {"group": group, "max_score": Decimal(top), **t("text", fi, en, sv)},
        )
    for order, kind in enumerate(chain, start=1):
        upsert(DecisionStep, {"call": call, "order": order}, {"meeting_kind": kind})
    for day in cut_offs:
        upsert(CallCutOff, {"call": call, "date": day})


def load(ref):
    authority = ref["authorities"]["pp_ely"]
    programme = ref["programmes"]["2021"]
    objective = ref["objectives"]["7.1"]
    jtf = ref["funds"]["JTF"]
    closed = upsert(
        Call,
        {"authority": authority, "name_fi": "JTF 7.1 Pohjois-Pohjanmaa, haku 2023"},
        {
            "programme": programme,
            **t(
                "name",
                "JTF 7.1 Pohjois-Pohjanmaa, haku 2023",
                "JTF 7.1 North Ostrobothnia, call 2023",
                "FRO 7.1 Norra Österbotten, ansökan 2023",
            ),
            "opens_on": datetime.date(2023, 3, 1),
            "closes_on": datetime.date(2023, 6, 30),
            "is_continuous": False,
            "is_published": True,
            "max_aid_rate": Decimal("80.00"),
            "score_threshold": Decimal("19.5"),
        },
        m2m={"specific_objectives": [objective], "funds": [jtf]},
    )
    _configure(
        closed,
        chain=[
            MeetingKind.FUNDING_MEETING,
            MeetingKind.THEME_GROUP,
            MeetingKind.MYR_SECRETARIAT,
            MeetingKind.MYR,
        ],
    )
    open_call = upsert(
        Call,
        {"authority": authority, "name_fi": "Tekoäly ja osaaminen – JTF 7.1 jatkuva haku"},
        {
            "programme": programme,
            **t(
                "name",
                "Tekoäly ja osaaminen – JTF 7.1 jatkuva haku",
                "AI and skills – JTF 7.1 continuous call",
                "AI och kompetens – FRO 7.1 fortlöpande ansökan",
            ),
            **t(
                "description",
                "Haussa rahoitetaan hankkeita, jotka vahvistavat pk-yritysten ja niiden henkilöstön "
                "tekoäly- ja digiosaamista turpeesta luopumisen vaikutusalueilla. Hakemukset "
                "käsitellään käsittelyynottopäivittäin.",
                "The call funds projects that build the AI and digital skills of SMEs and their "
                "staff in the regions affected by the end of energy peat. Applications are "
                "assessed by cut-off dates.",
                "Ansökan finansierar projekt som stärker små och medelstora företags och deras "
                "personals AI- och digitala kompetens i de regioner som påverkas av att torven "
                "fasas ut. Ansökningarna behandlas per sista behandlingsdag.",
            ),
            "opens_on": datetime.date(2026, 1, 1),
            "closes_on": datetime.date(2027, 12, 31),
            "is_continuous": True,
            "is_published": True,
            "max_aid_rate": Decimal("80.00"),
            "score_threshold": Decimal("19.5"),
        },
        m2m={"specific_objectives": [objective], "funds": [jtf]},
    )
    _configure(
        open_call,
        chain=[MeetingKind.FUNDING_MEETING, MeetingKind.MYR_SECRETARIAT, MeetingKind.MYR],
        cut_offs=[
            datetime.date(2026, 3, 31),
            datetime.date(2026, 9, 30),
            datetime.date(2027, 3, 31),
            datetime.date(2027, 9, 30),
        ],
    )
    return {"jtf_2023": closed, "open": open_call}
