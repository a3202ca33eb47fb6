"""Seed 001: Growth through cooperation -hanke 2019–2022 (Lapland Chamber of Commerce), a Finnish
project page with web-scrape debris ("fbpx", "Siirry sisältöön") that is not carried over."""

import datetime
from decimal import Decimal

from hanke.accounts.models import Organisation
from hanke.finance.models import CostModel, FundingSource
from hanke.projects import workflow
from hanke.projects.models import Deliverable, Project, ProjectSection, WorkPackage

from .budgets import ensure_budget
from .upsert import translated as t
from .upsert import upsert, upsert_deliverable

SOURCE = "seeds/001_fc9531547fd416cc.txt"

SUMMARY = (
    "Hankkeen keskeisenä tavoitteena oli lisätä Lapin eri toimialojen yhteistyötä ja koota elinkeinoelämän "
    "yhteinen visio/viestit, tuottaa ajantasaista materiaalia eri toimialoilta yritysten kilpailukyvyn "
    "tukemiseksi ja viestiä Lapin elinvoimasta, sekä tuoda Barentsin alueen yhteistyömahdollisuuksia ja tarpeita "
    "esille elinkeinoelämälle kohdennettuna ja luoda elinkeinoelämän yhteyksiä myös kansainvälisesti."
)
IMPLEMENTATION = (
    "Hankkeessa kiteytettiin Lapin elinkeinoelämän yhteinen visio ja viestit, jotka koottiin pyöreiden pöytien "
    "työssä eri toimialojen edustajien kanssa. Vision sisältöjä jalkautettiin sisäisesti sekä viestittiin "
    "keskeisille vaikuttajakohderyhmille useissa tapahtumissa ja tapaamisissa.\n\n"
    "Positiivisen ja faktapohjaisen Lappi-kuvan edistämiseksi hankkeessa toteutettiin Lapin elinkeinoelämää ja "
    "sen visiota esiintuovaa viestintäaineistoa (mm. infografiikkapaketteja, selvitysaineistoja, "
    "videomateriaalia). Hankkeessa tuotettu Barentsin alueen investointipotentiaaliselvitys toi koottuna esiin "
    "laajan pohjoisen alueen yhteistyömahdollisuuksia yrityksille ja nosti esiin pohjoisen merkitystä vihreän "
    "siirtymän kasvavan talouden alueena."
)
RESULTS = (
    "Hankkeen tuloksena Lapin elinkeinoelämän toimialarajat ylittävä yhteistyö on tiivistynyt ja Lapista on "
    "viety faktapohjaista tulevaisuuteen katsovaa viestiä päättäjä- ja vaikuttajakohderyhmälle. Hankkeen "
    "tuloksena Lapin elinkeinoelämällä on kirjattu yhteinen visio, joka painottaa vihreän siirtymän mukaista "
    "kestävää kasvua. Hankkeessa tuotetun investointipotentiaaliselvityksen ja sen jalkautuksen kautta "
    "ymmärrys pohjoista potentiaalia kohtaan on lisääntynyt.\n\n"
    "Hanke on edistänyt osaltaan Lapin elinkeinoelämän kansainvälisten verkostojen kehittämistä muuttuneessa "
    "toimintaympäristössä. Hankkeen tulosten seurauksena on käynnistetty myös työ rajat ylittävän pohjoisen "
    "vihreän siirtymän teollisuustrategian laatimiseksi. Pitkällä aikavälillä hankkeen tulokset parantavat "
    "alueen houkuttelevuutta ja tukevat yritysten kilpailukyvyn kasvua."
)
WORK_PACKAGES = [
    (
        "Lapin elinkeinoelämän yhteistyön kehittäminen",
        "Developing cooperation in Lapland's business community",
    ),
    (
        "Lapin elinkeinoelämän kansainväliset verkostot",
        "International networks of Lapland's business community",
    ),
    ("Viestintä", "Communication"),
]


def load(ref):
    chamber = upsert(
        Organisation,
        {"name_fi": "Lapin kauppakamari"},
        {
            "org_type": Organisation.Type.CHAMBER_OF_COMMERCE,
            "original_language": "fi",
            "source_document": SOURCE,
            "municipality": ref["municipalities"]["rovaniemi"],
            **t(
                "name",
                "Lapin kauppakamari",
                "Lapland Chamber of Commerce",
                "Lapplands handelskammare",
            ),
        },
    )
    project = upsert(
        Project,
        {"source_document": SOURCE, "name_fi": "Growth through cooperation"},
        {
            "original_language": "fi",
            **t(
                "name",
                "Growth through cooperation",
                "Growth through cooperation",
                "Growth through cooperation",
            ),
            **t("summary", fi=SUMMARY),
            **t("results", fi=RESULTS),
            **t(
                "source_notes",
                fi="Lähdesivu ei kerro hankekoodia eikä kustannusarvion jakautumista kustannuslajeihin; budjetista on annettu vain kokonaismäärä ja rahoituslähteet.",
                en="The source page gives no project code and no breakdown of costs by category; only the total budget and the financing sources are given.",
            ),
            "kind": Project.Kind.DEVELOPMENT,
            "status": workflow.ENDED,
            "is_public": True,
            "implementer": chamber,
            "funding_authority": ref["authorities"]["lapin_liitto"],
            "fund": ref["funds"]["ERDF"],
            "programme": ref["programmes"]["2014"],
            "start_date": datetime.date(2019, 10, 1),
            "end_date": datetime.date(2022, 9, 30),
        },
        m2m={"regions": [ref["regions"]["lapland"]]},
    )
    upsert(
        ProjectSection,
        {"project": project, "order": 1},
        {
            "kind": ProjectSection.Kind.IMPLEMENTATION,
            **t("title", fi="Toteutus", en="Implementation"),
            **t("body", fi=IMPLEMENTATION),
        },
    )
    for number, (fi, en) in enumerate(WORK_PACKAGES, start=1):
        upsert(WorkPackage, {"project": project, "number": number}, {**t("title", fi=fi, en=en)})
    for order, (dtype, fi, en, qualifier, target) in enumerate(
        [
            (
                Deliverable.Type.INFOGRAPHIC,
                "Infografiikkapaketit",
                "Infographic packages",
                "none",
                None,
            ),
            (Deliverable.Type.STUDY, "Selvitysaineistot", "Studies", "none", None),
            (Deliverable.Type.VIDEO, "Videomateriaali", "Video material", "none", None),
            (
                Deliverable.Type.STUDY,
                "Barentsin alueen investointipotentiaaliselvitys",
                "Barents region investment-potential study",
                "exactly",
                1,
            ),
        ],
        start=1,
    ):
        upsert_deliverable(project, order, dtype, {"fi": fi, "en": en}, qualifier, target)
    ensure_budget(
        project,
        cost_model=CostModel.NOT_KNOWN,
        total_cost=Decimal("170250"),
        financing={
            FundingSource.AID: Decimal("136200"),
            FundingSource.MUNICIPAL: Decimal("21200"),
            FundingSource.OTHER_PUBLIC: Decimal("5000"),
            FundingSource.PRIVATE: Decimal("7850"),
        },
        aid_granted_by="Lapin liitto/EAKR",
    )
    return project
