"""Reference data the seeds refer to: regions, municipalities, funds, programmes, authorities."""

from decimal import Decimal

from hanke.accounts.models import Organisation
from hanke.core.models import Municipality, Region
from hanke.programmes.models import (
    Fund,
    FundingAuthority,
    PriorityAxis,
    Programme,
    SpecificObjective,
)

from .upsert import translated as t
from .upsert import upsert

MAX_AID_DEVELOPMENT = Decimal("80.00")


def load():
    lapland = upsert(
        Region, {"code": "19"}, {"nuts3_code": "FI1D7", **t("name", "Lappi", "Lapland", "Lappland")}
    )
    north_ostrobothnia = upsert(
        Region,
        {"code": "17"},
        {
            "nuts3_code": "FI1D9",
            **t("name", "Pohjois-Pohjanmaa", "North Ostrobothnia", "Norra Österbotten"),
        },
    )
    municipalities = {
        "rovaniemi": upsert(
            Municipality,
            {"code": "698"},
            {"region": lapland, **t("name", "Rovaniemi", "Rovaniemi", "Rovaniemi")},
        ),
        "posio": upsert(
            Municipality,
            {"code": "614"},
            {"region": lapland, **t("name", "Posio", "Posio", "Posio")},
        ),
        "utsjoki": upsert(
            Municipality,
            {"code": "890"},
            {"region": lapland, **t("name", "Utsjoki", "Utsjoki", "Utsjoki")},
        ),
        "oulu": upsert(
            Municipality,
            {"code": "564"},
            {"region": north_ostrobothnia, **t("name", "Oulu", "Oulu", "Uleåborg")},
        ),
    }

    funds = {
        "ERDF": upsert(
            Fund,
            {"code": "ERDF"},
            {
                "project_code_prefix": "A",
                **t("abbreviation", "EAKR", "ERDF", "ERUF"),
                **t(
                    "name",
                    "Euroopan aluekehitysrahasto",
                    "European Regional Development Fund",
                    "Europeiska regionala utvecklingsfonden",
                ),
            },
        ),
        "ESF": upsert(
            Fund,
            {"code": "ESF"},
            {
                "project_code_prefix": "S",
                **t("abbreviation", "ESR", "ESF", "ESF"),
                **t(
                    "name",
                    "Euroopan sosiaalirahasto",
                    "European Social Fund",
                    "Europeiska socialfonden",
                ),
            },
        ),
        "ESF+": upsert(
            Fund,
            {"code": "ESF+"},
            {
                "project_code_prefix": "S",
                **t("abbreviation", "ESR+", "ESF+", "ESF+"),
                **t(
                    "name",
                    "Euroopan sosiaalirahasto plus",
                    "European Social Fund Plus",
                    "Europeiska socialfonden plus",
                ),
            },
        ),
        "JTF": upsert(
            Fund,
            {"code": "JTF"},
            {
                "project_code_prefix": "J",
                **t("abbreviation", "JTF", "JTF", "FRO"),
                **t(
                    "name",
                    "Oikeudenmukaisen siirtymän rahasto",
                    "Just Transition Fund",
                    "Fonden för en rättvis omställning",
                ),
            },
        ),
        "NATIONAL": upsert(
            Fund,
            {"code": "NATIONAL"},
            {
                "project_code_prefix": "",
                **t("abbreviation", "Kansallinen", "National", "Nationell"),
                **t("name", "Kansallinen rahoitus", "National funding", "Nationell finansiering"),
            },
        ),
    }

    programme_2014 = upsert(
        Programme,
        {"code": "KKT-2014-2020"},
        {
            "period_start": 2014,
            "period_end": 2020,
            **t(
                "name",
                "Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma",
                "Sustainable growth and jobs 2014–2020 – Finland's structural funds programme",
                "Hållbar tillväxt och jobb 2014–2020 – Strukturfondsprogram för Finland",
            ),
        },
        m2m={"funds": [funds["ERDF"], funds["ESF"]]},
    )
    programme_2021 = upsert(
        Programme,
        {"code": "UOS-2021-2027"},
        {
            "period_start": 2021,
            "period_end": 2027,
            **t(
                "name",
                "Uudistuva ja osaava Suomi 2021–2027",
                "Innovative and skilled Finland 2021–2027",
                "Ett förnyande och kunnigt Finland 2021–2027",
            ),
        },
        m2m={"funds": [funds["ERDF"], funds["ESF+"], funds["JTF"]]},
    )
    axis_7 = upsert(
        PriorityAxis,
        {"programme": programme_2021, "number": "7"},
        t("name"),  # the source does not name the priority axis,
    )
    objective_7_1 = upsert(
        SpecificObjective,
        {"priority_axis": axis_7, "code": "7.1"},
        t(
            "name",
            "Turpeesta luopumisen alueellisesti oikeudenmukainen siirtymä",
            "Regionally just transition away from peat",
            "Regionalt rättvis omställning från torv",
        ),
        m2m={"funds": [funds["JTF"]]},
    )

    ely_org = upsert(
        Organisation,
        {"name_fi": "Pohjois-Pohjanmaan ELY-keskus"},
        {
            "org_type": Organisation.Type.STATE_AUTHORITY,
            "original_language": "fi",
            "municipality": municipalities["oulu"],
            **t(
                "name",
                "Pohjois-Pohjanmaan ELY-keskus",
                "North Ostrobothnia Centre for Economic Development, Transport and the Environment",
                "NTM-centralen i Norra Österbotten",
            ),
        },
    )
    lapland_council_org = upsert(
        Organisation,
        {"name_fi": "Lapin liitto"},
        {
            "org_type": Organisation.Type.REGIONAL_COUNCIL,
            "original_language": "fi",
            "municipality": municipalities["rovaniemi"],
            **t("name", "Lapin liitto", "Regional Council of Lapland", "Lapplands förbund"),
        },
    )
    authorities = {
        "pp_ely": upsert(
            FundingAuthority,
            {"organisation": ely_org},
            {
                "kind": FundingAuthority.Kind.ELY_CENTRE,
                **t("name", ely_org.name_fi, ely_org.name_en, ely_org.name_sv),
            },
        ),
        "lapin_liitto": upsert(
            FundingAuthority,
            {"organisation": lapland_council_org},
            {
                "kind": FundingAuthority.Kind.REGIONAL_COUNCIL,
                **t(
                    "name",
                    lapland_council_org.name_fi,
                    lapland_council_org.name_en,
                    lapland_council_org.name_sv,
                ),
            },
        ),
    }
    return {
        "regions": {"lapland": lapland, "north_ostrobothnia": north_ostrobothnia},
        "municipalities": municipalities,
        "funds": funds,
        "programmes": {"2014": programme_2014, "2021": programme_2021},
        "objectives": {"7.1": objective_7_1},
        "authorities": authorities,
    }
