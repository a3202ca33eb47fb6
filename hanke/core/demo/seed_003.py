"""Seed 003: a regional news listing from Lapland: seven items, each a title and an excerpt; four of
the excerpts are cut short with "[…]" and repeat the title at their start (listing debris, dropped).
One item is about a *different* project also called HEHKU (Itä-Lapin kuntayhtymä): it is its own
project record, never merged with TEQU's HEHKU."""

import datetime

from hanke.accounts.models import Organisation
from hanke.portal.models import NewsItem
from hanke.projects import workflow
from hanke.projects.models import Project

from .upsert import translated as t
from .upsert import upsert

SOURCE = "seeds/003_e9be5f6e37ad652e.txt"

NEWS = [
    (
        "Häiriöitä kansainvälisessä yhteistyössä -kehittäminen jatkuu!",
        "Meille Lapissa Venäjä-yhteistyö on ollut merkittävässä roolissa jo vuosikymmenien ajan. Erilaisilla "
        "alueellisilla yhteistyöhankkeilla on rakennettu rauhaa, vaikka geopolitiikka ei ole aina siihen "
        "kannustanut. Nyt kuitenkin tuli takaseinä vastaan ja hankeyhteistyö venäläisten kumppaneiden kanssa on "
        "keskeytetty.\n\n"
        "Mistä löydämme uuden suunnan niille liiketoiminnan ja aluekehittämisen verkostoille, jotka nyt on menetetty?",
        False,
    ),
    (
        "Lappilaiseen klusteritoimintaan tarvitaan mukaan lisää yrityksiä",
        "Klusterijohtajat Lapista ovat varsin yksimielisiä sen suhteen, että pk-yrityskentän tavoittaminen "
        "paremmin; sekä uusien yritysten saaminen klusteritoiminnan piiriin, että entisten yrityskumppanien parempi "
        "palveleminen, ovat tulevina vuosina klustereiden keskeisimpiä haasteita.",
        False,
    ),
    (
        "Tulevaisuus näyttää älykkään erinomaiselta!",
        "Lappilaisen älykkään erikoistumisen konseptin ytimessä on vahva alueellinen yhteistyö. Tältä pohjalta "
        "lähdemme myös uudistamaan strategiaa ja kutsumme laajasti sidosryhmiä Lapista mukaan strategian "
        "uudistamistyöhön. Fiksuilla valinnoilla ja hyvällä yhteistyöllä tuemme kestävästi menestyvää Lappia!",
        False,
    ),
    (
        "Tiekartasta suuntaa lappilaisen arjen turvallisuudelle",
        "Arjen turvallisuuden tiekartta – aktivoiva osallisuus syrjäytymisen ehkäisyssä 12/2020 – 09/2021 Lapin "
        "arjen turvallisuuden tiekartta sisältää lappilaisten ideoita siihen, mitä arjen turvallisuuden "
        "parantamiseksi tulisi tehdä seuraavan seitsemän vuoden aikana. Tiekartta tehtiin ESR-rahoitteisessa "
        "hankkeessa Arjen turvallisuuden tiekartta – aktivoiva osallisuus syrjäytymisen ehkäisyssä. –Tiekartta "
        "sisältää kymmeniä toimenpide-ehdotuksia eri aihealueilta, kuten asumisen tai",
        True,
    ),
    (
        "Lappiin valmistuu kansainvälisen projektiosaamisen taitureita",
        "Lapissa on vuoden 2021 aikana koulutettu kansainväliseen projektiosaamiseen asiantuntijoita Lapin "
        "ammattikorkeakoulun ja Lapin yliopiston järjestämässä pilottikoulutuksessa. Koulutuksella on vastattu "
        "alueen tarpeeseen saada Lappiin lisää kilpailtua kansainvälistä rahoitusta. Pilottikoulutukseen oli "
        "runsaasti hakijoita ja vuoden 2021 alusta siinä aloitti 33 opiskelijaa Lapin eri alueilta ja "
        "organisaatioista. – Minulla oman työn ytimessä on",
        True,
    ),
    (
        "HEHKU – Arktista osaamista Lapista",
        "Olemme Lapissa olleet jo vuosia kuuluisia siitä, että meillä osataan ja me olemme ”tekijäihmisiä” "
        "asioiden edistäjinä. Globaali pandemia on meitä kutenkin tässä hetkessä verottanut ja sen vuoksi näimme "
        "tarpeelliseksi reagoida Itä-Lapin Kuntayhtymässä yrittäjien ja yrittäjiksi aikovien tilanteeseen. Pandemia "
        "pakotti yrittäjiä ajattelemaan ja reagoimaan asioihin uudella tapaa. Liiketoiminnan säilyttämiseen piti "
        "kehittää",
        True,
    ),
    (
        "Mahdollisuuksien Lappi – yhteistyöllä eteenpäin",
        "EIP-hanke järjesti marraskuun vaihteessa Elinvoimaa ja älykästä toimintaa työpajat Posiolla ja Utsjoella. "
        "Työpajoissa hahmoteltiin alueemme vahvuuksia ja pohdittiin, miten pääsemme kohti hyvää tulevaisuutta. "
        "Matkailu, metsätalous ja kaivannaisteollisuus tuovat meille suurimman osan tuloista, mutta uusia "
        "mahdollisuuksia on aivan oven takana! Lappi elää parhaillaan uutta nousemistaan ja tällää hetkellä "
        "meillä olisi paljon",
        True,
    ),
]


def load(ref):
    lapland = ref["regions"]["lapland"]
    ita_lappi = upsert(
        Organisation,
        {"name_fi": "Itä-Lapin kuntayhtymä"},
        {
            "org_type": Organisation.Type.MUNICIPALITY_CONSORTIUM,
            "original_language": "fi",
            "source_document": SOURCE,
            **t(
                "name",
                "Itä-Lapin kuntayhtymä",
                "Itä-Lapin kuntayhtymä (Joint Municipal Authority of Eastern Lapland)",
                "",
            ),
        },
    )
    other_hehku = upsert(
        Project,
        {"source_document": SOURCE, "name_fi": "HEHKU – Arktista osaamista Lapista"},
        {
            "original_language": "fi",
            "acronym": "HEHKU",
            **t("name", fi="HEHKU – Arktista osaamista Lapista"),
            **t(
                "summary",
                fi="Itä-Lapin kuntayhtymän hanke, jolla reagoitiin pandemian vaikutuksiin yrittäjien ja yrittäjiksi aikovien tilanteeseen.",
            ),
            **t(
                "source_notes",
                fi=(
                    "Hankkeesta tiedetään vain se, mitä alueellinen uutinen kertoo: toteuttaja on Itä-Lapin kuntayhtymä ja "
                    "hanke vastasi pandemian aiheuttamaan tilanteeseen. Hankekoodia, rahoitusta, toteutusaikaa ja "
                    "rahoittajaa ei ole lähteessä; tila on uutisen ajalta. Tämä on eri hanke kuin TEQUn HEHKU-hanke."
                ),
                en=(
                    "All that is known of this project is what a regional news item says: it is implemented by Itä-Lapin "
                    "kuntayhtymä and responded to the situation caused by the pandemic. The source gives no project code, "
                    "funding, period or funder; the status is as of the news item. This is a different project from TEQU's HEHKU."
                ),
            ),
            "status": workflow.ONGOING,
            "is_public": True,
            "implementer": ita_lappi,
        },
        m2m={"regions": [lapland]},
    )
    roadmap = upsert(
        Project,
        {
            "source_document": SOURCE,
            "name_fi": "Arjen turvallisuuden tiekartta – aktivoiva osallisuus syrjäytymisen ehkäisyssä",
        },
        {
            "original_language": "fi",
            **t(
                "name",
                fi="Arjen turvallisuuden tiekartta – aktivoiva osallisuus syrjäytymisen ehkäisyssä",
            ),
            **t(
                "summary",
                fi=(
                    "ESR-rahoitteinen hanke, jossa tehtiin Lapin arjen turvallisuuden tiekartta: lappilaisten ideoita "
                    "siihen, mitä arjen turvallisuuden parantamiseksi tulisi tehdä seuraavan seitsemän vuoden aikana."
                ),
            ),
            **t(
                "source_notes",
                fi="Tiedot ovat alueellisesta uutisesta. Toteuttajaa, hankekoodia ja rahoituksen määrää ei ole lähteessä; toteutusaika on annettu kuukauden tarkkuudella.",
                en="The facts come from a regional news item. The implementer, project code and amount of funding are not in the source; the period is given to the month.",
            ),
            "status": workflow.ENDED,
            "is_public": True,
            "fund": ref["funds"]["ESF"],
            "start_date": datetime.date(2020, 12, 1),
            "end_date": datetime.date(2021, 9, 30),
            "date_precision": Project.DatePrecision.MONTH,
        },
        m2m={"regions": [lapland]},
    )
    related = {4: [roadmap], 6: [other_hehku]}
    for order, (title, excerpt, truncated) in enumerate(NEWS, start=1):
        upsert(
            NewsItem,
            {"source_document": SOURCE, "order": order},
            {
                "original_language": "fi",
                **t("title", fi=title),
                **t("excerpt", fi=excerpt),
                "is_excerpt_truncated": truncated,
                "is_public": True,
            },
            m2m={"projects": related.get(order, [])},
        )
    return {"other_hehku": other_hehku, "roadmap": roadmap}
