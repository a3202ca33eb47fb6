"""A clearly labelled DEMO project for trying the running product: the seed projects have ended or
are still an application, so nothing in them is open for registration.

Everything here is invented and says so: the project's name starts with "DEMO", its
`source_document` is "demo" and its source notes state that it is made up. Dates are counted from
the day of loading, so the demo always has past events with attendance, upcoming events with
registration open, and a training cohort that has run. Records are matched on stable natural
keys (titles, e-mail addresses), so loading again on a later day moves the dates and changes
nothing else.

Participants register through hanke.events.services (registration_create with `now` set to a
moment when registration was open, attendance_mark, enrolment_complete), so their entry dates,
age bands and waiting-list order are what the real flow gives. The e-mails those services send
are suppressed by the load_demo command."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from stdnum.fi import ytunnus

from hanke.accounts.models import Organisation, User
from hanke.events.models import (
    Cohort,
    Event,
    EventSpeaker,
    Registration,
    SmallGroup,
    Speaker,
    TrainingModule,
    TrainingProgramme,
)
from hanke.events.services import (
    attendance_mark,
    enrolment_complete,
    registration_create,
)
from hanke.finance.models import Budget, CostCategory, CostModel, FundingSource
from hanke.finance.services import budget_approve
from hanke.indicators.models import Measure
from hanke.participants.models import Participant
from hanke.participants.services import participant_refresh_entry
from hanke.projects import workflow
from hanke.projects.models import (
    Deliverable,
    Project,
    ProjectSection,
    Publication,
    TargetGroup,
    Theme,
    WorkPackage,
)

from .budgets import ensure_budget
from .upsert import translated as t
from .upsert import upsert, upsert_deliverable

SOURCE = "demo"
NAME_FI = "DEMO – Digiosaaminen ja verkkokauppa 2026"
NAME_EN = "DEMO – Digital skills and e-commerce 2026"
EMAIL_DOMAIN = "example.invalid"

SOURCE_NOTES_FI = (
    "Tämä on keksitty demohanke tuotteen kokeilemista varten. Se ei perustu mihinkään "
    "lähdeasiakirjaan: hankkeen tiedot, tapahtumat, koulutus, julkaisut ja osallistujat ovat "
    "kuvitteellisia. Päivämäärät lasketaan demon latauspäivästä, jotta hankkeessa on aina "
    "menneitä ja tulevia tapahtumia. Osallistujien sähköpostiosoitteet ovat example.invalid-"
    "osoitteita, eikä niihin lähetetä viestejä."
)
SOURCE_NOTES_EN = (
    "This is an invented demo project for trying the product. It is not based on any source "
    "document: its facts, events, training, publications and participants are made up. Dates are "
    "counted from the day the demo was loaded, so the project always has past and upcoming "
    "events. The participants' e-mail addresses are example.invalid addresses and no messages are "
    "sent to them."
)
SUMMARY_FI = (
    "DEMO: Kuvitteellinen ESR+-hanke, joka vahvistaa lappilaisten pk-yritysten digiosaamista ja "
    "verkkokauppaa webinaareilla, työpajoilla, verkkokauppakoulutuksella ja opettajien "
    "valmennuksella."
)
SUMMARY_EN = (
    "DEMO: An invented ESF+ project that builds digital skills and e-commerce in small "
    "businesses of Lapland through webinars, workshops, an e-commerce training and coaching for "
    "teachers."
)

TRY_FI = (
    "Ilmoittaudu hankkeen tulevaan webinaariin tai täyteen työpajaan, jolloin pääset jonoon. "
    "Kirjaudu sisään tunnuksella hakija, niin näet hankkeen tapahtumat, koulutuksen, osallistujat "
    "ja edistymisen, tai tunnuksella virkailija, niin näet rahoittajan näkymän."
)
TRY_EN = (
    "Register for the project's upcoming webinar, or for the full workshop to join its waiting "
    "list. Log in as hakija to see the project's events, training, participants and progress, or "
    "as virkailija to see the funder's view."
)

WORK_PACKAGES = [
    (
        1,
        "Verkkokauppakoulutus ja opettajien valmennus",
        "E-commerce training and coaching for teachers",
    ),
    (2, "Webinaarit, työpajat ja julkaisut", "Webinars, workshops and publications"),
]

# order, Finnish, English, target, unit, measure, part of (order)
TARGET_GROUPS = [
    (1, "Osallistujat", "Participants", 60, TargetGroup.Unit.PERSONS, Measure.PARTICIPANTS, None),
    (
        2,
        "joista 18–29-vuotiaita",
        "of whom aged 18–29",
        15,
        TargetGroup.Unit.PERSONS,
        Measure.AGE_18_29,
        1,
    ),
    (3, "Yritykset", "Companies", 20, TargetGroup.Unit.COMPANIES, Measure.COMPANIES, None),
    (
        4,
        "Työssä olevat, ml. yrittäjät",
        "Employed people, incl. entrepreneurs",
        40,
        TargetGroup.Unit.PERSONS,
        Measure.EMPLOYED,
        None,
    ),
    (
        5,
        "Oppilaitosten opettajat",
        "Teachers of educational institutions",
        10,
        TargetGroup.Unit.PERSONS,
        Measure.TEACHER_TRAINING,
        None,
    ),
]

P = Participant
# n, gender, age at loading, labour-market status, education, company (name, base of a Y-tunnus),
# language, extra answers
PEOPLE = [
    (1, P.Gender.WOMAN, 24, "employed", "isced_5_8", ("DEMO Verkkokauppa Oy", "9900001"), "fi", {}),
    (2, P.Gender.MAN, 41, "employed", "isced_3_4", ("DEMO Matkailu Oy", "9900002"), "fi", {}),
    (3, P.Gender.NON_BINARY, 27, "unemployed", "isced_5_8", None, "fi", {}),
    (4, P.Gender.WOMAN, 52, "long_term_unemployed", "isced_3_4", None, "fi", {"disability": "yes"}),
    (5, P.Gender.MAN, 17, "inactive", "isced_0_2", None, "fi", {}),
    (
        6,
        P.Gender.NOT_SAID,
        35,
        "employed",
        "isced_5_8",
        ("DEMO Verkkokauppa Oy", "9900001"),
        "en",
        {},
    ),
    (7, P.Gender.WOMAN, 58, "employed", "isced_3_4", ("DEMO Käsityö Tmi", "9900003"), "fi", {}),
    (8, P.Gender.MAN, 63, "inactive", "isced_0_2", None, "fi", {}),
    (
        9,
        P.Gender.WOMAN,
        20,
        "unemployed",
        "isced_3_4",
        None,
        "sv",
        {"foreign_background": "yes", "third_country_national": "yes"},
    ),
    (10, P.Gender.MAN, 48, "employed", "isced_5_8", ("DEMO Konsultointi Oy", "9900004"), "fi", {}),
    (11, P.Gender.WOMAN, 26, "employed", "isced_5_8", None, "fi", {}),
    (12, P.Gender.MAN, 33, "unemployed", "isced_3_4", None, "fi", {}),
    (13, P.Gender.WOMAN, 45, "employed", "isced_5_8", None, "fi", {}),
    (14, P.Gender.MAN, 39, "employed", "isced_5_8", None, "fi", {}),
    (15, P.Gender.NON_BINARY, 31, "employed", "isced_5_8", None, "fi", {}),
    (16, P.Gender.WOMAN, 22, "inactive", "isced_3_4", None, "fi", {"minority": "yes"}),
]

WEBINAR_1 = "DEMO-webinaari: Verkkokaupan perusteet"
WEBINAR_2 = "DEMO-webinaari: Tekoäly asiakaspalvelussa"
WEBINAR_3 = "DEMO-webinaari: Hakukoneoptimointi pienyritykselle"
TEACHER_TRAINING = "DEMO-valmennus opettajille: Tekoäly liiketoiminnan opetuksessa"
FULL_WORKSHOP = "DEMO-työpaja: Verkkokaupan analytiikka"
OPEN_WEBINAR = "DEMO-webinaari: Somemainonta pienyritykselle"

# title: (days from today, start hour, hours, registered people, attended people)
PAST_EVENTS = {
    WEBINAR_1: (-60, 13, 1.5, [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5]),
    WEBINAR_2: (-35, 13, 1.5, [3, 4, 6, 7, 8, 9], [3, 4, 6, 7, 8]),
    TEACHER_TRAINING: (-20, 9, 6, [13, 14, 15], [13, 14, 15]),
    WEBINAR_3: (-12, 13, 1.5, [8, 9, 10, 11, 12], [8, 9, 10, 11]),
}
# the full workshop: capacity 3, three seats then two on the waiting list, in this order
FULL_WORKSHOP_PEOPLE = [2, 6, 9, 16, 4]
OPEN_WEBINAR_PEOPLE = [7, 13]
COHORT_PEOPLE = [1, 2, 5, 10, 11, 16]
COMPLETED = [1, 2]
CLUB = [1, 2, 5]

PUBLICATIONS = [
    ("DEMO-blogi: Viisi vinkkiä verkkokaupan aloittamiseen", -50),
    ("DEMO-blogi: Tekoäly vastaa asiakkaalle – mitä pienyrityksen pitää tietää", -40),
    ("DEMO-blogi: Hakukoneoptimoinnin perusteet", -25),
    ("DEMO-blogi: Mitä opimme ensimmäisestä koulutusryhmästä", -5),
]


def load(ref):
    """The DEMO project with its events, training, participants and publications."""
    today = timezone.localdate()
    staff_user = User.objects.get(username="hakija")
    officer = User.objects.get(username="virkailija")
    project = _project(ref, today)
    packages = _plan(project)
    _budget(project, officer)
    events = _events(project, packages, ref, today)
    cohort, programme = _training(project, packages, today)
    _people(project, events, cohort, programme, staff_user, today)
    _publications(project, today)
    return project


def _at(day: datetime.date, hour: float) -> datetime.datetime:
    whole = int(hour)
    moment = datetime.datetime.combine(day, datetime.time(whole, int((hour - whole) * 60)))
    return timezone.make_aware(moment)


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _month_end(day: datetime.date) -> datetime.date:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def _project(ref, today):
    chamber = Organisation.objects.get(name_fi="Lapin kauppakamari")
    year_ago = today - datetime.timedelta(days=365)
    year_ahead = today + datetime.timedelta(days=365)
    return upsert(
        Project,
        {"source_document": SOURCE, "name_fi": NAME_FI},
        {
            "original_language": "fi",
            **t("name", fi=NAME_FI, en=NAME_EN),
            **t("summary", fi=SUMMARY_FI, en=SUMMARY_EN),
            **t("source_notes", fi=SOURCE_NOTES_FI, en=SOURCE_NOTES_EN),
            "kind": Project.Kind.DEVELOPMENT,
            "status": workflow.ONGOING,
            "is_public": True,
            "implementer": chamber,
            "funding_authority": ref["authorities"]["pp_ely"],
            "fund": ref["funds"]["ESF+"],
            "programme": ref["programmes"]["2021"],
            "start_date": _month_start(year_ago),
            "end_date": _month_end(year_ahead),
        },
        m2m={
            "regions": [ref["regions"]["lapland"]],
            "municipalities": [ref["municipalities"]["rovaniemi"]],
            "themes": list(
                Theme.objects.filter(slug__in=["digital-marketing-and-sales", "digi-startup"])
            ),
        },
    )


def _plan(project):
    upsert(
        ProjectSection,
        {"project": project, "order": 1},
        {
            "kind": ProjectSection.Kind.OTHER,
            **t("title", fi="Kokeile demohanketta", en="Try the demo project"),
            **t("body", fi=TRY_FI, en=TRY_EN),
        },
    )
    packages = {
        number: upsert(
            WorkPackage,
            {"project": project, "number": number},
            t("title", fi=fi, en=en),
        )
        for number, fi, en in WORK_PACKAGES
    }
    groups = {}
    for order, fi, en, count, unit, measure, part_of in TARGET_GROUPS:
        groups[order] = upsert(
            TargetGroup,
            {"project": project, "order": order},
            {
                "target_count": count,
                "unit": unit,
                "measure": measure,
                "part_of": groups.get(part_of),
                **t("name", fi=fi, en=en),
            },
        )
    deliverables = [
        (1, 2, Deliverable.Type.BLOG_POST, "Blogikirjoitukset", "Blog posts", "range", 10, 12),
        (
            2,
            2,
            Deliverable.Type.WORKBOOK,
            "Verkkokaupan työkirja",
            "E-commerce workbook",
            "exactly",
            1,
            None,
        ),
        (
            3,
            2,
            Deliverable.Type.EVENT,
            "Webinaarit ja työpajat",
            "Webinars and workshops",
            "at_least",
            6,
            None,
        ),
        (
            4,
            1,
            Deliverable.Type.TRAINING_MODULE,
            "Koulutusmoduuli",
            "Training module",
            "exactly",
            1,
            None,
        ),
        (
            5,
            1,
            Deliverable.Type.PEOPLE_TRAINED,
            "Koulutuksen suorittaneet",
            "People who completed the training",
            "at_least",
            10,
            None,
        ),
        (
            6,
            1,
            Deliverable.Type.TRAINING_SESSION,
            "Opettajien valmennukset",
            "Coaching sessions for teachers",
            "at_least",
            2,
            None,
        ),
    ]
    for order, wp, dtype, fi, en, qualifier, low, high in deliverables:
        upsert_deliverable(
            project, order, dtype, {"fi": fi, "en": en}, qualifier, low, high, packages[wp]
        )
    return packages


def _budget(project, officer):
    """An invented budget by the 2021–2027 rules (flat rate 40 %, aid 80 %), approved, so that the
    finance pages can be tried too."""
    ensure_budget(
        project,
        cost_model=CostModel.FLAT_RATE_40,
        cost_lines={CostCategory.STAFF: Decimal("150000")},
        financing={
            FundingSource.AID: Decimal("168000"),
            FundingSource.OTHER_PUBLIC: Decimal("42000"),
        },
    )
    budget = Budget.objects.get(project=project)
    if budget.approved_at is None:
        budget_approve(user=officer, project=project, note="DEMO: keksitty rahoituspäätös.")


def _recording_url(project) -> str:
    """No invented video address: the demo recording links to the project's own public page."""
    with translation.override("fi"):
        path = reverse("portal:project_detail", kwargs={"pk": project.pk})
    return settings.SITE_URL.rstrip("/") + path


TITLES_EN = {
    WEBINAR_1: "DEMO webinar: E-commerce basics",
    WEBINAR_2: "DEMO webinar: AI in customer service",
    WEBINAR_3: "DEMO webinar: Search engine optimisation for a small business",
    TEACHER_TRAINING: "DEMO coaching for teachers: AI in teaching business",
    FULL_WORKSHOP: "DEMO workshop: E-commerce analytics",
    OPEN_WEBINAR: "DEMO webinar: Social media advertising for a small business",
}


def _event(project, title, values):
    return upsert(
        Event,
        {"project": project, "source_document": SOURCE, "title_fi": title},
        {
            "original_language": "fi",
            "language": "fi",
            **t("title", fi=title, en=TITLES_EN[title]),
            **values,
        },
    )


def _events(project, packages, ref, today):
    rovaniemi = ref["municipalities"]["rovaniemi"]
    events = {}
    for title, (days, hour, hours, _registered, _attended) in PAST_EVENTS.items():
        day = today + datetime.timedelta(days=days)
        starts = _at(day, hour)
        teacher = title == TEACHER_TRAINING
        values = {
            "event_type": Event.Type.TEACHER_TRAINING if teacher else Event.Type.WEBINAR,
            "work_package": packages[1] if teacher else packages[2],
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=hours),
            "is_online": not teacher,
            "municipality": rovaniemi if teacher else None,
            "venue": "DEMO-koulutustila" if teacher else "",
            "capacity": 20 if teacher else 100,
            "registration_enabled": True,
            "registration_opens_at": starts - datetime.timedelta(days=30),
            "registration_closes_at": starts - datetime.timedelta(hours=1),
            **t(
                "description",
                fi="DEMO: kuvitteellinen tapahtuma tuotteen kokeilemista varten.",
                en="DEMO: an invented event for trying the product.",
            ),
            "recording_url": _recording_url(project) if title == WEBINAR_1 else "",
            **t(
                "recording_note",
                fi="DEMO: tallennetta ei ole oikeasti olemassa; linkki vie hankkeen sivulle."
                if title == WEBINAR_1
                else "",
                en="DEMO: there is no real recording; the link goes to the project page."
                if title == WEBINAR_1
                else "",
            ),
        }
        events[title] = _event(project, title, values)

    workshop_start = _at(today + datetime.timedelta(days=14), 13)
    events[FULL_WORKSHOP] = _event(
        project,
        FULL_WORKSHOP,
        {
            "event_type": Event.Type.WORKSHOP,
            "work_package": packages[2],
            "starts_at": workshop_start,
            "ends_at": workshop_start + datetime.timedelta(hours=3),
            "is_online": False,
            "municipality": rovaniemi,
            "venue": "DEMO-koulutustila",
            "capacity": 3,
            "registration_enabled": True,
            "registration_opens_at": _at(today - datetime.timedelta(days=21), 9),
            "registration_closes_at": workshop_start - datetime.timedelta(days=1),
            **t(
                "description",
                fi="DEMO: pienryhmätyöpaja, johon mahtuu kolme. Paikat on täytetty ja kaksi on "
                "jonossa: kun joku peruu, jonon ensimmäinen saa paikan.",
                en="DEMO: a small workshop for three. The seats are taken and two people are on "
                "the waiting list: when someone cancels, the first in the queue gets the seat.",
            ),
        },
    )
    webinar_start = _at(today + datetime.timedelta(days=30), 13)
    events[OPEN_WEBINAR] = _event(
        project,
        OPEN_WEBINAR,
        {
            "event_type": Event.Type.WEBINAR,
            "work_package": packages[2],
            "starts_at": webinar_start,
            "ends_at": webinar_start + datetime.timedelta(minutes=90),
            "is_online": True,
            "capacity": 50,
            "registration_enabled": True,
            "registration_opens_at": _at(today - datetime.timedelta(days=7), 9),
            "registration_closes_at": None,
            **t(
                "description",
                fi="DEMO: webinaari, johon voi ilmoittautua. Kokeile ilmoittautumista!",
                en="DEMO: a webinar open for registration. Try registering!",
            ),
        },
    )
    speaker = upsert(
        Speaker,
        {"name": "DEMO Puhuja"},
        {
            "organisation_name": "DEMO Konsultointi Oy",
            **t("bio", fi="Kuvitteellinen asiantuntija.", en="An invented expert."),
        },
    )
    upsert(
        EventSpeaker,
        {"event": events[WEBINAR_1], "speaker": speaker},
        {"is_keynote": True, **t("topic", fi="Verkkokaupan perusteet", en="E-commerce basics")},
    )
    return events


def _training(project, packages, today):
    programme = upsert(
        TrainingProgramme,
        {"project": project, "source_document": SOURCE, "name_fi": "DEMO – Verkkokauppakoulutus"},
        {
            "original_language": "fi",
            "work_package": packages[1],
            **t("name", fi="DEMO – Verkkokauppakoulutus", en="DEMO – E-commerce training"),
            **t(
                "description",
                fi="DEMO: kuvitteellinen yhden moduulin koulutus, jossa verkossa opiskeltava "
                "teoria ja lähityöpajat vuorottelevat.",
                en="DEMO: an invented one-module training alternating online theory and contact "
                "workshops.",
            ),
        },
    )
    module = upsert(
        TrainingModule,
        {"programme": programme, "number": 1},
        {
            **t("name", fi="Verkkokaupan perusteet", en="E-commerce basics"),
            **t("description"),
            "credits": Decimal("5.0"),
            "duration_weeks": 6,
            "online_theory": True,
            "contact_workshops": 2,
        },
    )
    starts_on = today - datetime.timedelta(days=45)
    ends_on = today - datetime.timedelta(days=3)
    cohort = upsert(
        Cohort,
        {"module": module},
        {
            "year": starts_on.year,
            "starts_on": starts_on,
            "ends_on": ends_on,
            **t("timing"),
            "capacity": 12,
            "registration_enabled": True,
            "registration_opens_at": _at(starts_on - datetime.timedelta(days=30), 9),
            "registration_closes_at": _at(starts_on, 9),
        },
    )
    return cohort, programme


def business_id(base: str) -> str:
    """A valid Y-tunnus for a seven-digit base: the check digit that python-stdnum accepts. The
    bases start with 99, far beyond the numbers assigned so far, so no real company has them."""
    for digit in "0123456789":
        candidate = f"{base}-{digit}"
        if ytunnus.is_valid(candidate):
            return candidate
    raise ValueError(f"{base} has no valid check digit")


def person_data(n: int, today) -> dict:
    _n, gender, age, labour, education, company, _language, answers = PEOPLE[n - 1]
    data = {
        "name": f"Demo Osallistuja {n}",
        "email": f"demo.osallistuja{n}@{EMAIL_DOMAIN}",
        "birth_year": today.year - age,
        "gender": gender,
        "labour_status": labour,
        "education": education,
        "disability": "no",
        "third_country_national": "no",
        "foreign_background": "no",
        "minority": "no",
        "company_name": company[0] if company else "",
        "business_id": business_id(company[1]) if company else "",
    }
    data.update(answers)
    if n in (5, 8):  # some prefer not to answer
        data["disability"] = data["minority"] = "not_answered"
    return data


def _language(n: int) -> str:
    return PEOPLE[n - 1][6]


def _register(project, target, people, when, today):
    """Register each person (in order) through the service, as they would have at `when`;
    someone registered before is left as they are."""
    for offset, n in enumerate(people):
        data = person_data(n, today)
        exists = Registration.objects.filter(
            **{"event" if isinstance(target, Event) else "cohort": target},
            participant__project=project,
            participant__email_key=data["email"].lower(),
        ).exists()
        if not exists:
            registration_create(
                target=target,
                data=data,
                language=_language(n),
                now=when + datetime.timedelta(minutes=offset),
            )


def _people(project, events, cohort, programme, staff_user, today):
    for title, (_days, _hour, _hours, registered, attended) in PAST_EVENTS.items():
        event = events[title]
        _register(project, event, registered, event.starts_at - datetime.timedelta(days=10), today)
        wanted = set(
            Registration.objects.filter(
                event=event,
                status=Registration.Status.CONFIRMED,
                participant__email_key__in=[person_data(n, today)["email"] for n in attended],
            ).values_list("pk", flat=True)
        )
        current = set(
            Registration.objects.filter(event=event, attended=True).values_list("pk", flat=True)
        )
        if wanted != current:
            attendance_mark(user=staff_user, event=event, attended_ids=wanted)

    workshop = events[FULL_WORKSHOP]
    _register(
        project,
        workshop,
        FULL_WORKSHOP_PEOPLE,
        workshop.registration_opens_at + datetime.timedelta(days=2),
        today,
    )
    webinar = events[OPEN_WEBINAR]
    _register(
        project,
        webinar,
        OPEN_WEBINAR_PEOPLE,
        webinar.registration_opens_at + datetime.timedelta(days=1),
        today,
    )

    _register(
        project,
        cohort,
        COHORT_PEOPLE,
        cohort.registration_opens_at + datetime.timedelta(days=3),
        today,
    )
    completers = [person_data(n, today)["email"] for n in COMPLETED]
    for registration in Registration.objects.filter(
        cohort=cohort, status=Registration.Status.CONFIRMED
    ).select_related("participant", "cohort"):
        wanted = cohort.ends_on if registration.participant.email_key in completers else None
        if registration.completed_on != wanted:
            enrolment_complete(user=staff_user, registration=registration, completed_on=wanted)

    club = list(
        Participant.objects.filter(
            project=project, email_key__in=[person_data(n, today)["email"] for n in CLUB]
        )
    )
    upsert(
        SmallGroup,
        {"programme": programme, "name": "Verkkokauppaklubi"},
        {"year": cohort.year},
        m2m={"members": club},
    )
    # On a later day the dates have moved: entry dates and age bands follow.
    for participant in Participant.objects.filter(project=project):
        participant_refresh_entry(participant)


def _publications(project, today):
    blog = Deliverable.objects.get(project=project, order=1)
    for title, days in PUBLICATIONS:
        upsert(
            Publication,
            {"project": project, "title": title},
            {"deliverable": blog, "published_on": today + datetime.timedelta(days=days), "url": ""},
        )
