"""Seed 002's work package 1 training: five 6-week 5 op modules run in 2024 and 2025, and two
5 op modules in spring 2026. The source's figures are kept as they are (the whole is "30 op", the
five modules make 25 op) and what it leaves out is said, not invented."""

from decimal import Decimal

import pytest
from django.utils import translation

from hanke.events.models import Cohort, Registration, TrainingProgramme
from hanke.indicators.models import Measure
from hanke.participants.models import Participant
from hanke.projects.models import Project

pytestmark = pytest.mark.django_db

SOURCE = "seeds/002_1fd54de9332bf4bc.txt"


@pytest.fixture
def application(demo):
    return Project.objects.get(source_document=SOURCE)


@pytest.fixture
def programmes(application):
    main = TrainingProgramme.objects.get(
        project=application, name_fi="Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä"
    )
    spring = TrainingProgramme.objects.get(
        project=application, name_fi="Tekoälyavusteinen markkinointi ja liiketoiminta"
    )
    return main, spring


def test_five_six_week_five_op_modules_in_work_package_1(programmes):
    main, _spring = programmes
    assert main.source_document == SOURCE
    assert main.work_package.number == 1
    modules = list(main.modules.order_by("number"))
    assert [m.number for m in modules] == [1, 2, 3, 4, 5]
    assert [m.name_fi for m in modules] == [f"Moduuli {n}" for n in range(1, 6)]
    assert all(m.credits == Decimal("5") and m.duration_weeks == 6 for m in modules)
    assert all(m.online_theory for m in modules)
    assert all(m.contact_workshops is None for m in modules)  # the source gives no number
    assert main.total_credits == Decimal("25")


def test_the_source_figures_and_gaps_are_stated_in_the_description(programmes):
    main, spring = programmes
    assert "Koulutuksen kokonaiskesto on n. 10 kk (30 op)" in main.description_fi
    assert "lähde antaa kokonaislaajuudeksi 30 op ja kuvaa viisi 5 op:n moduulia" in (
        main.description_fi
    )
    assert "Lähde ei nimeä moduuleja" in main.description_fi
    assert "verkkokauppaklubeja" in main.description_fi
    assert "The source does not name the modules" in main.description_en
    assert "kaksi 5 op:n moduulia tekoälyavusteisesta markkinoinnista ja liiketoiminnasta" in (
        spring.description_fi
    )


def test_every_module_runs_in_2024_and_2025_without_invented_dates(programmes):
    main, _spring = programmes
    cohorts = Cohort.objects.filter(module__programme=main)
    assert sorted((c.module.number, c.year) for c in cohorts) == [
        (n, year) for n in range(1, 6) for year in (2024, 2025)
    ]
    assert all(c.starts_on is None and c.ends_on is None for c in cohorts)
    assert all(
        c.timing_fi == "2024 (koulutus alkaa tammikuussa 2024)" for c in cohorts if c.year == 2024
    )
    assert all(c.capacity is None and not c.registration_enabled for c in cohorts)


def test_two_five_op_modules_in_spring_2026(programmes):
    _main, spring = programmes
    modules = list(spring.modules.order_by("number"))
    assert len(modules) == 2
    assert all(m.credits == Decimal("5") for m in modules)
    assert all(m.duration_weeks is None for m in modules)  # not in the source
    cohorts = Cohort.objects.filter(module__programme=spring)
    assert [(c.year, c.timing_fi, c.timing_en) for c in cohorts] == [
        (2026, "kevät 2026", "spring 2026")
    ] * 2


def test_no_participants_or_enrolments_for_the_application(application):
    assert not Participant.objects.filter(project=application).exists()
    assert not Registration.objects.filter(cohort__module__programme__project=application).exists()


def test_target_groups_are_counted_where_the_source_names_a_measure(application):
    measures = {g.name_fi: g.measure for g in application.target_groups.all()}
    assert measures == {
        "Yritykset": Measure.COMPANIES,
        "Osallistujat kaikista kohderyhmistä": Measure.PARTICIPANTS,
        "18–29-vuotiaat": Measure.AGE_18_29,
        "Mikro- ja pk-yrittäjät sekä verkkokauppayrittäjiksi haluavat henkilöt": Measure.NONE,
        "Työssä olevat henkilöt, ml. yrittäjät": Measure.EMPLOYED,
        "Työttömät työnhakijat tai työuran vaihtajat": Measure.NONE,
        "Oppilaitosten opettajat": Measure.TEACHER_TRAINING,
    }


def test_the_trainings_page_shows_the_modules_and_cohorts(application, client, page_text):
    from hanke.accounts.models import User

    client.force_login(User.objects.get(username="admin"))
    with translation.override("fi"):
        text = page_text(f"/fi/projects/{application.pk}/trainings/")
    for fact in (
        "Digiliiketoiminta- ja tekoälyosaamisella kilpailukykyä",
        "Moduuli 5",
        "2024 (koulutus alkaa tammikuussa 2024)",
        "kevät 2026",
        "(30 op)",
        "25 op",
        "Tekoälyavusteinen markkinointi ja liiketoiminta",
    ):
        assert fact in text, fact
