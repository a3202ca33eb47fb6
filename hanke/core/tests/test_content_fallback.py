import pytest

from hanke.core.i18n import localised
from hanke.projects.models import Project, WorkPackage


@pytest.mark.django_db
def test_text_in_the_readers_language_is_used():
    project = Project.objects.create(original_language="fi", name_fi="Kasvua", name_en="Growth")
    assert localised(project, "name", "en").text == "Growth"
    assert localised(project, "name", "en").is_fallback is False


@pytest.mark.django_db
def test_missing_text_falls_back_to_the_original_language_and_says_so():
    project = Project.objects.create(
        original_language="en", name_en="HEHKU", summary_en="Digital skills"
    )
    summary = localised(project, "summary", "sv")
    assert (summary.text, summary.lang, summary.is_fallback) == ("Digital skills", "en", True)


@pytest.mark.django_db
def test_child_records_fall_back_to_their_projects_language():
    project = Project.objects.create(original_language="en", name_en="HEHKU")
    package = WorkPackage.objects.create(
        project=project, number=1, title_en="Events", title_sv="Evenemang"
    )
    assert localised(package, "title", "fi").lang == "en"
