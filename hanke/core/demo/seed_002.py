"""Seed 002: an application summary printed from EURA (North Ostrobothnia ELY Centre, JTF 7.1):
AI and e-commerce skills training. A PDF print with hyphenation debris, joined here. The
document names neither the applicant nor a project name; the record says so."""

import datetime
from decimal import Decimal

from hanke.accounts.models import Organisation
from hanke.assessment.models import Assessment, Meeting
from hanke.events.models import Cohort, TrainingModule, TrainingProgramme
from hanke.finance.models import CostCategory, CostModel, FundingSource
from hanke.indicators.models import Measure
from hanke.projects import workflow
from hanke.projects.models import (
    Activity,
    Deliverable,
    Project,
    ProjectPartner,
    ProjectSection,
    TargetGroup,
    WorkPackage,
)

from .budgets import ensure_budget
from .upsert import translated as t
from .upsert import upsert, upsert_deliverable

SOURCE = "seeds/002_1fd54de9332bf4bc.txt"

BACKGROUND = (
    "Yrityksiltä puuttuu tällä hetkellä kriittistä osaamista tekoälyn ja digitaalisen liiketoiminnan "
    "yhdistämisessä, mikä mahdollistaa niiden kasvun ja kilpailukyvyn parantamisen. Tekoälytyökalujen avulla "
    "pk-yritykset voivat parantaa tuottavuuttaan, optimoida prosessejaan, tarjota parempaa asiakaspalvelua ja "
    "löytää kokonaan uusia tuotteita ja liiketoimintaa. Näiden hyötyjen ansiosta yritykset voivat kasvattaa "
    "liikevaihtoaan ja luoda uusia työpaikkoja. Tämä puolestaan edistää alueen talouskasvua ja parantaa sen "
    "kilpailukykyä. Tällä hetkellä Pohjois-Pohjanmaalla ei ole kuitenkaan matalan kynnyksen koulutusta tekoälyn "
    "hyödyntämisen mahdollisuuksista ja hyvistä käytänteistä mikro- ja pk-yritysten digitaalisen liiketoiminnan "
    "kehittämisen tueksi."
)
OBJECTIVES = (
    "Hankkeen keskeisenä tavoitteena on lisätä ja kehittää työelämässä jo toimivien henkilöiden digitaalisen "
    "liiketoiminnan ja erityisesti verkkokaupan osaamista tekoälyn aiheuttamassa nopeassa muutostilanteessa ja "
    "samalla kehittää erityisesti mikro- ja pk-yritysten henkilöstön digitaalisia liiketoiminta- ja verkkokauppa- "
    "sekä tekoälyn hyödyntämisen valmiuksia sekä kilpailukykyä Pohjois-Pohjanmaalla.\n\n"
    "Koska tulevaisuuden osaava työvoima koulutetaan oppilaitoksissa, hankkeen toisena tavoitteena pyritään "
    "vaikuttamaan myös alueen oppilaitosten opetuksen sisältöihin ja laatuun kouluttamalla opettajia "
    "hyödyntämään tekoälysovelluksia liiketoiminnan opetuksessaan. Näin pyritään turvaamaan työelämään "
    "siirtyvien opiskelijoiden riittävät tekoälyvalmiudet ja siten yrityksille osaavan työvoiman saanti "
    "nopeassa muutoksessa."
)
SUMMARY = BACKGROUND + "\n\n" + OBJECTIVES
FURTHER_INFORMATION = "Hankkeen kustannusarviota tarkistetaan. Hankkeessa mahdollisesti kertyvä de minimis -tuki selvitetään."
FUNDER_ASSESSMENT = (
    "Hanke on Uudistuva, osaava ja osallistava Suomi 2021–2027-ohjelman mukainen ja toteuttaa sen "
    "toimintalinjan 7 erityistavoitetta 7.1. Turpeesta luopumisen alueellisesti oikeudenmukainen siirtymä. Hanke "
    "täyttää yleiset valintaperusteet ja erityistavoitekohtaisessa arvioinnissa hanke sai riittävästi pisteitä "
    "(20,5/39) tullakseen rahoitetuksi.\n\n"
    "Hankkeen toimenpiteet toteuttavat et. 7.1 tavoitetta niiden alueiden ja alojen tukemiseksi, jotka kärsivät "
    "eniten turpeen energiakäytöstä luopumisen negatiivisista vaikutuksista. Hankkeessa pyritään tunnistamaan "
    "uusia liiketoimintamahdollisuuksia ja lisäämään yritystoiminnan kannattavuutta soveltamalla "
    "tekoälyosaamista digitaaliseen liiketoimintasuunnitteluun, erityisesti verkkokauppatoimintaan. "
    "Kehitettävien koulutussisältöjen sekä mikro- ja pk-yrityksille järjestettävien tilaisuuksien kautta "
    "hankkeessa lisätään uudenlaista osaamista työelämän tarpeisiin. Tekoälyosaamisen lisääminen mahdollistaa "
    "uudenlaisia liiketoimintamahdollisuuksia sekä yritysten tuotannollisten prosessien tehostamista. Uusi "
    "osaaminen tukee yritysten kasvun, kannattavuuden ja kilpailukyvyn lisäksi osaavan työvoiman saantia sekä "
    "alueen elinkeinotoiminnan uudistamista.\n\n"
    "Hanke on Pohjois-Pohjanmaan maakuntaohjelman 2022–2025 mukainen; hanke tukee yritystoiminnan "
    "liiketoimintamallien uudistamista ja uusien teknologioiden hyödyntämistä digitaalisuuden, automaation ja "
    "tekoälyn avulla (Muutoskyvykkyyden vahvistaminen yrittäjyydessä ja elinkeinoelämässä, MAKO KT 3 B)."
)
JUSTIFICATION = "Erityisten valintaperusteiden pisteytyksessä hanke sai yhteensä 20,5/39 pistettä."

WP1 = (
    "Koulutuskokonaisuus rakentuu viidestä 6:n viikon (5 op) mittaisesta itsenäisestä opintomoduulista. "
    "Koulutuksen kokonaiskesto on n. 10 kk (30 op). Koulutus yhdistää verkossa toteutettavan ajankohtaisen "
    "teoriakoulutuksen sekä lähiopetuksessa ohjatusti toteutettavat käytännön työkalu- ja menetelmätyöpajat. "
    "Koulutus tarjoaa syvällisen käytännön osaamisen digitaalisen liiketoiminnan, erityisesti verkkokaupan "
    "keskeisistä osa-alueista tekoälyn aikakaudella. Koulutus toteutetaan hyödyntäen yhteisöllisiä pienryhmiä "
    "(esimerkiksi eri verkkokauppaklubeja), jotka huomioivat opiskelijoiden erilaiset osaamistasot. Tavoitteena "
    "on kouluttaa vähintään 100 henkilöä. Syksy 2023 on tarkoitus käyttää koulutusmoduulien tarkempaan "
    "suunnitteluun ja niihin liittyvien materiaalien tuotantoon sekä uuden koulutuskokonaisuuden markkinointiin "
    "kohderyhmille. Varsinainen koulutus alkaa tammikuussa 2024 ja 30 op:n kokonaisuus on tarkoitus toteuttaa "
    "kahteen kertaan vuosina 2024 ja 2025. Keväällä 2026 toteutetaan edellisten kokemuksiin ja hankkeessa "
    "hankittuun uusimpaan tietoon pohjautuen kaksi 5 op:n moduulia tekoälyavusteisesta markkinoinnista ja "
    "liiketoiminnasta."
)
WP2 = (
    "Toteutetaan vähintään 15 tapahtumaa yhteistyössä BusinessOulun kanssa. Tapahtumat on suunnattu täydentämään "
    "muuta koulutustarjontaa. Osallistujia tavoitellaan noin 100 eri henkilöä."
)
WP3 = (
    "Selvitetään uusien tekoälysovellusten vaikutusta digitaalisen liiketoiminnan kehittämismahdollisuuksiin ja "
    "verkkokauppajärjestelmiin sekä muihin ratkaisuihin. Kerättyä tietoa hyödynnetään työpaketeissa 1 ja 2 "
    "koulutussisältöjen laadun ja ajantasaisuuden turvaamiseksi. Projektiryhmä osallistuu muutamiin keskeisiin "
    "eurooppalaisiin alan tapahtumiin parhaiden käytänteiden haltuun ottamiseksi ja verkostoituakseen alan "
    "kansainvälisten toimijoiden kanssa. Tavoitteena on julkaista 25–30 ajankohtaista blogikirjoitusta "
    "digitaalisen liiketoiminnan ja verkkokaupan eri aiheista. Lisäksi kootaan pk-yrityksille suunnattu "
    "Verkkoliiketoiminnan suunnittelu tekoälyn aikakautena -työkirja internettiin yleiseen käyttöön."
)
WP4 = (
    "Tavoitteena on, että 45 opettajaa eri oppilaitoksista osallistuu järjestettäviin koulutuksiin. Koulutuksia "
    "arvioidaan järjestettävän 10–15 kertaa."
)

WORK_PACKAGES = [
    (
        1,
        "Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä -koulutuksen suunnittelu ja tarvittavien "
        "opintomateriaalien tuottaminen",
        WP1,
        [
            "Koulutusmoduulien tarkempi suunnittelu, materiaalien tuotanto ja markkinointi kohderyhmille syksyllä 2023",
            "30 op:n koulutuskokonaisuus (viisi 6 viikon 5 op:n moduulia) toteutetaan kahteen kertaan, vuosina 2024 ja 2025; koulutus alkaa tammikuussa 2024",
            "Yhteisölliset pienryhmät, esimerkiksi verkkokauppaklubit",
            "Keväällä 2026 kaksi 5 op:n moduulia tekoälyavusteisesta markkinoinnista ja liiketoiminnasta",
        ],
        [
            (
                Deliverable.Type.TRAINING_MODULE,
                "Itsenäiset 6 viikon (5 op) opintomoduulit, yhteensä 30 op",
                "exactly",
                5,
                None,
            ),
            (Deliverable.Type.PEOPLE_TRAINED, "Koulutetut henkilöt", "at_least", 100, None),
            (
                Deliverable.Type.TRAINING_MODULE,
                "5 op:n moduulit tekoälyavusteisesta markkinoinnista ja liiketoiminnasta (kevät 2026)",
                "exactly",
                2,
                None,
            ),
        ],
    ),
    (
        2,
        "Nopeat tietoiskut ja webinaarit ajankohtaisista digiliiketoiminnan ja markkinoinnin teemoista tekoälyn aikakaudella",
        WP2,
        [
            "Tietoiskut ja webinaarit yhteistyössä BusinessOulun kanssa muuta koulutustarjontaa täydentämään"
        ],
        [
            (
                Deliverable.Type.EVENT,
                "Tapahtumat yhteistyössä BusinessOulun kanssa",
                "at_least",
                15,
                None,
            ),
            (Deliverable.Type.PARTICIPANTS, "Eri osallistujat tapahtumissa", "about", 100, None),
        ],
    ),
    (
        3,
        "Digitaalisen liiketoiminnan, erityisesti tekoälyn ja verkkokaupan kehityksen seuranta, uusien sovellusten "
        "testaaminen ja näihin liittyvä työelämäläheinen julkaisutoiminta",
        WP3,
        [
            "Uusien tekoälysovellusten vaikutusten selvittäminen digitaalisen liiketoiminnan kehittämismahdollisuuksiin ja verkkokauppajärjestelmiin",
            "Osallistuminen keskeisiin eurooppalaisiin alan tapahtumiin",
        ],
        [
            (
                Deliverable.Type.BLOG_POST,
                "Ajankohtaiset blogikirjoitukset digitaalisen liiketoiminnan ja verkkokaupan aiheista",
                "range",
                25,
                30,
            ),
            (
                Deliverable.Type.WORKBOOK,
                "Verkkoliiketoiminnan suunnittelu tekoälyn aikakautena -työkirja",
                "exactly",
                1,
                None,
            ),
        ],
    ),
    (
        4,
        "Opettajille järjestettävät uusien digiliiketoimintaan vaikuttavien teknologioiden, erityisesti "
        "tekoälysovellusten ja menetelmien, valmennukset",
        WP4,
        ["Valmennukset eri oppilaitosten opettajille"],
        [
            (Deliverable.Type.TRAINING_SESSION, "Opettajien valmennukset", "range", 10, 15),
            (Deliverable.Type.PARTICIPANTS, "Opettajat eri oppilaitoksista", "exactly", 45, None),
        ],
    ),
]

MEETINGS = [
    (
        Meeting.Kind.FUNDING_MEETING,
        "Pohjois-Pohjanmaan ELY-keskuksen EURA-rahoituskokous",
        datetime.date(2023, 8, 9),
    ),
    (
        Meeting.Kind.THEME_GROUP,
        "Pohjois-Pohjanmaan ELY-keskuksen Elinkeino- ja luonnonvara -teemaryhmän kokous",
        datetime.date(2023, 8, 18),
    ),
    (
        Meeting.Kind.MYR_SECRETARIAT,
        "Pohjois-Pohjanmaan MYR-sihteeristö",
        datetime.date(2023, 9, 19),
    ),
    (Meeting.Kind.MYR, "Pohjois-Pohjanmaan MYR", datetime.date(2023, 9, 28)),
]


def load(ref):
    business_oulu = upsert(
        Organisation,
        {"name_fi": "BusinessOulu"},
        {
            "org_type": Organisation.Type.OTHER,
            "original_language": "fi",
            "source_document": SOURCE,
            "municipality": ref["municipalities"]["oulu"],
            **t("name", "BusinessOulu", "BusinessOulu", "BusinessOulu"),
        },
    )
    project = upsert(
        Project,
        {"source_document": SOURCE, "name_fi": ""},
        {
            "original_language": "fi",
            **t("summary", fi=SUMMARY),
            **t(
                "source_notes",
                fi=(
                    "Lähdeasiakirja on hakemuksen tiivistelmä. Se ei kerro hakijaa eikä hankkeen nimeä, joten niitä ei "
                    "ole tässä tietueessa. Hankkeen alkamis- ja päättymispäivää ei ole annettu: suunnittelu on "
                    "syksyllä 2023, koulutus alkaa tammikuussa 2024 ja viimeiset moduulit toteutetaan keväällä 2026. "
                    "Rahoituspäätöstä ei ole lähteessä; rahoittaja puoltaa hakemuksen hyväksymistä. "
                    "Lähde antaa pisteet yhteensä (20,5/39), ei kriteereittäin: demon arvioijakohtaiset "
                    "pisteet ovat havainnollistavia ja tuottavat saman keskiarvon."
                ),
                en=(
                    "The source document is an application summary. It names neither the applicant nor the project, so "
                    "this record has neither. No start or end date is given: planning is in autumn 2023, the training "
                    "starts in January 2024 and the last modules run in spring 2026. The funding decision is not in the "
                    "source; the funder recommends approving the application. The source gives the "
                    "total score (20.5/39), not the scores per criterion: the demo's scores per "
                    "assessor are illustrative and give the same average."
                ),
            ),
            "kind": Project.Kind.DEVELOPMENT,
            "status": workflow.IN_ASSESSMENT,
            "is_public": True,
            "implementer": None,
            "funding_authority": ref["authorities"]["pp_ely"],
            "fund": ref["funds"]["JTF"],
            "programme": ref["programmes"]["2021"],
            "specific_objective": ref["objectives"]["7.1"],
            "start_date": None,
            "end_date": None,
        },
        m2m={"regions": [ref["regions"]["north_ostrobothnia"]]},
    )
    upsert(
        ProjectPartner,
        {"project": project, "organisation": business_oulu, "role": ProjectPartner.Role.PARTNER},
        t(
            "description",
            fi="Työpaketin 2 tapahtumat järjestetään yhteistyössä BusinessOulun kanssa.",
        ),
    )
    for order, (kind, title, body) in enumerate(
        [
            # The applicant's description (background and objectives) is the summary; this is the rest.
            (ProjectSection.Kind.OTHER, "Lisätietoja hakemuksesta", FURTHER_INFORMATION),
        ],
        start=1,
    ):
        upsert(
            ProjectSection,
            {"project": project, "order": order},
            {"kind": kind, **t("title", fi=title), **t("body", fi=body)},
        )

    load_target_groups(project)
    order = 0
    for number, title, description, activities, deliverables in WORK_PACKAGES:
        package = upsert(
            WorkPackage,
            {"project": project, "number": number},
            {**t("title", fi=title), **t("description", fi=description)},
        )
        for position, text in enumerate(activities, start=1):
            upsert(
                Activity, {"work_package": package, "order": position}, t("description", fi=text)
            )
        for dtype, text, qualifier, low, high in deliverables:
            order += 1
            upsert_deliverable(
                project, order, dtype, {"fi": text}, qualifier, low, high, work_package=package
            )

    load_trainings(project, WorkPackage.objects.get(project=project, number=1))

    ensure_budget(
        project,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={CostCategory.STAFF: Decimal("364645")},
        financing={
            FundingSource.AID: Decimal("408403"),
            FundingSource.OTHER_PUBLIC: Decimal("102100"),
        },
    )
    upsert(
        Assessment,
        {"project": project},
        {
            "general_criteria_met": True,
            "score": Decimal("20.5"),
            "max_score": Decimal("39"),
            "recommendation": Assessment.Recommendation.RECOMMENDED,
            **t("funder_assessment", fi=FUNDER_ASSESSMENT),
            **t("justification", fi=JUSTIFICATION),
        },
    )
    # The call, eligibility, scores and meetings are in demo/assessment.py (they need the users).
    return project


# The target groups whose number the source states and that match a measure counted from the
# participants (order → measure); the others are counted by nobody.
MEASURES = {
    1: Measure.COMPANIES,
    3: Measure.AGE_18_29,
    5: Measure.EMPLOYED,
    7: Measure.TEACHER_TRAINING,
}


def load_target_groups(project):
    participants = upsert(
        TargetGroup,
        {"project": project, "order": 2},
        {
            "target_count": 170,
            "unit": TargetGroup.Unit.PERSONS,
            "part_of": None,
            "measure": Measure.PARTICIPANTS,
            **t(
                "name",
                fi="Osallistujat kaikista kohderyhmistä",
                en="Participants from all target groups",
            ),
        },
    )
    groups = [
        (1, "Yritykset", "Companies", 50, TargetGroup.Unit.COMPANIES, None),
        (3, "18–29-vuotiaat", "Aged 18–29", 34, TargetGroup.Unit.PERSONS, participants),
        (
            4,
            "Mikro- ja pk-yrittäjät sekä verkkokauppayrittäjiksi haluavat henkilöt",
            "Micro and SME entrepreneurs and people who want to become e-commerce entrepreneurs",
            None,
            TargetGroup.Unit.PERSONS,
            None,
        ),
        (
            5,
            "Työssä olevat henkilöt, ml. yrittäjät",
            "Employed people, including entrepreneurs",
            140,
            TargetGroup.Unit.PERSONS,
            None,
        ),
        (
            6,
            "Työttömät työnhakijat tai työuran vaihtajat",
            "Unemployed job seekers or career changers",
            None,
            TargetGroup.Unit.PERSONS,
            None,
        ),
        (
            7,
            "Oppilaitosten opettajat",
            "Teachers of educational institutions",
            45,
            TargetGroup.Unit.PERSONS,
            None,
        ),
    ]
    for order, fi, en, count, unit, part_of in groups:
        upsert(
            TargetGroup,
            {"project": project, "order": order},
            {
                "target_count": count,
                "unit": unit,
                "part_of": part_of,
                "measure": MEASURES.get(order, Measure.NONE),
                **t("name", fi=fi, en=en),
            },
        )


# Work package 1's training. The source describes "five 6-week (5 op) independent study modules"
# and "the whole takes about 10 months (30 op)": both figures are kept as they are (five modules
# of 5 op make 25 op), and the programme's description says so. The modules are not named in the
# source; they are numbered. The source gives no cohort dates, only that the training starts in
# January 2024 and the whole runs twice, in 2024 and 2025; then two more 5 op modules in spring
# 2026.
PROGRAMME_FI = "Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä"
PROGRAMME_EN = "Competitiveness through digital business and AI skills"
PROGRAMME_DESCRIPTION_FI = (
    "Koulutuskokonaisuus rakentuu viidestä 6:n viikon (5 op) mittaisesta itsenäisestä "
    "opintomoduulista. Koulutuksen kokonaiskesto on n. 10 kk (30 op). Koulutus yhdistää verkossa "
    "toteutettavan ajankohtaisen teoriakoulutuksen sekä lähiopetuksessa ohjatusti toteutettavat "
    "käytännön työkalu- ja menetelmätyöpajat. Koulutus toteutetaan hyödyntäen yhteisöllisiä "
    "pienryhmiä (esimerkiksi eri verkkokauppaklubeja). Varsinainen koulutus alkaa tammikuussa 2024 "
    "ja 30 op:n kokonaisuus on tarkoitus toteuttaa kahteen kertaan vuosina 2024 ja 2025.\n\n"
    "Huomio lähteestä: lähde antaa kokonaislaajuudeksi 30 op ja kuvaa viisi 5 op:n moduulia "
    "(yhteensä 25 op); molemmat luvut on säilytetty sellaisinaan. Lähde ei nimeä moduuleja, joten "
    "ne on numeroitu (Moduuli 1–5). Kohorttien tarkkoja päivämääriä, lähityöpajojen määrää tai "
    "osallistujia lähde ei kerro."
)
PROGRAMME_DESCRIPTION_EN = (
    "The training consists of five independent 6-week (5 op) study modules. The whole takes about "
    "10 months (30 op). It combines current theory online with guided practical workshops on tools "
    "and methods in contact teaching, and uses small peer groups (for example e-commerce clubs). "
    "The training starts in January 2024, and the whole is to run twice, in 2024 and 2025.\n\n"
    "Note on the source: it gives the whole as 30 op and describes five modules of 5 op (25 op "
    "together); both figures are kept as they are. The source does not name the modules, so they "
    "are numbered (Module 1–5). It gives no cohort dates, no number of contact workshops and no "
    "participants."
)
SPRING_2026_FI = "Tekoälyavusteinen markkinointi ja liiketoiminta"
SPRING_2026_EN = "AI-assisted marketing and business"
SPRING_2026_DESCRIPTION_FI = (
    "Keväällä 2026 toteutetaan edellisten kokemuksiin ja hankkeessa hankittuun uusimpaan tietoon "
    "pohjautuen kaksi 5 op:n moduulia tekoälyavusteisesta markkinoinnista ja liiketoiminnasta.\n\n"
    "Huomio lähteestä: moduulien nimiä, kestoa viikkoina, toteutustapaa ja päivämääriä ei ole "
    "lähteessä."
)
SPRING_2026_DESCRIPTION_EN = (
    "In spring 2026, two 5 op modules on AI-assisted marketing and business, built on the "
    "experience of the earlier ones and the latest knowledge gained in the project.\n\n"
    "Note on the source: it does not give the modules' names, duration in weeks, format or dates."
)


def load_trainings(project, work_package):
    main = upsert(
        TrainingProgramme,
        {"project": project, "source_document": SOURCE, "name_fi": PROGRAMME_FI},
        {
            "original_language": "fi",
            "work_package": work_package,
            **t("name", fi=PROGRAMME_FI, en=PROGRAMME_EN),
            **t("description", fi=PROGRAMME_DESCRIPTION_FI, en=PROGRAMME_DESCRIPTION_EN),
        },
    )
    for number in range(1, 6):
        module = upsert(
            TrainingModule,
            {"programme": main, "number": number},
            {
                **t("name", fi=f"Moduuli {number}", en=f"Module {number}"),
                **t("description"),
                "credits": Decimal("5.0"),
                "duration_weeks": 6,
                "online_theory": True,
                "contact_workshops": None,
            },
        )
        for year, timing_fi, timing_en in (
            (
                2024,
                "2024 (koulutus alkaa tammikuussa 2024)",
                "2024 (the training starts in January 2024)",
            ),
            (2025, "2025", "2025"),
        ):
            upsert(
                Cohort,
                {"module": module, "year": year},
                {"starts_on": None, "ends_on": None, **t("timing", fi=timing_fi, en=timing_en)},
            )
    spring = upsert(
        TrainingProgramme,
        {"project": project, "source_document": SOURCE, "name_fi": SPRING_2026_FI},
        {
            "original_language": "fi",
            "work_package": work_package,
            **t("name", fi=SPRING_2026_FI, en=SPRING_2026_EN),
            **t("description", fi=SPRING_2026_DESCRIPTION_FI, en=SPRING_2026_DESCRIPTION_EN),
        },
    )
    for number in (1, 2):
        module = upsert(
            TrainingModule,
            {"programme": spring, "number": number},
            {
                **t("name", fi=f"Moduuli {number}", en=f"Module {number}"),
                **t("description"),
                "credits": Decimal("5.0"),
                "duration_weeks": None,
                "online_theory": False,
                "contact_workshops": None,
            },
        )
        upsert(
            Cohort,
            {"module": module, "year": 2026},
            {"starts_on": None, "ends_on": None, **t("timing", fi="kevät 2026", en="spring 2026")},
        )
    return main, spring
