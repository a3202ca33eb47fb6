"""The four seeds, read, cleaned and extracted, give the facts the demo data has for them
(hanke/core/demo/seed_00x.py). What a seed does not state is not extracted."""

from pathlib import Path

import pytest
from django.utils import translation

from hanke.core.demo import seed_000, seed_001, seed_002
from hanke.imports.checks import consistency_warnings
from hanke.imports.cleaning import clean_text
from hanke.imports.extract import extract, values
from hanke.imports.language import detect_language
from hanke.imports.readers import read_document

SEEDS = Path(__file__).parent / "seeds"


def extracted(number: str) -> tuple[str, dict]:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    assert f"seeds/{path.name}" in {seed_000.SOURCE, seed_001.SOURCE, seed_002.SOURCE} | {
        "seeds/003_e9be5f6e37ad652e.txt"
    }
    text = clean_text(read_document(path.read_bytes(), path.name).text)
    found = extract(text, detect_language(text), strict=True)
    for x in found:
        assert x.snippet == text[x.start : x.end]
    return text, values(found)


def test_seed_000_hehku():
    _text, v = extracted("000")
    assert v["name"].upper() == "HEHKU"
    assert v["implementer"] == "TEQU"
    assert v["start_date"] == "2020-04-09" and v["end_date"] == "2023-01-31"
    assert v["total_budget"] == "309642.00"
    assert v["financing"] == {"aid": "247714.00"}
    assert v["fund"] == "ESF"
    assert v["funding_authority"] == (
        "North Ostrobothnia Centre for Economic Development, Transport and the Environment"
    )
    assert v["themes"] == [en for _slug, en, _fi, _sv in seed_000.THEMES]
    assert seed_000.SUMMARY.split("\n\n")[0] in v["summary"]
    assert "code" not in v and "work_packages" not in v  # the page gives neither
    # the page itemises only the aid: the rest of the total is not itemised
    with translation.override("en"):
        warnings = consistency_warnings(v)
    assert warnings == ["The financing sources add up to €247,714.00, not the total €309,642.00."]


def test_seed_001_growth_through_cooperation():
    _text, v = extracted("001")
    assert v["name"] == "Growth through cooperation"
    assert v["start_date"] == "2019-10-01" and v["end_date"] == "2022-09-30"
    assert v["total_budget"] == "170250.00"
    assert v["financing"] == {
        "aid": "136200.00",
        "municipal": "21200.00",
        "other_public": "5000.00",
        "private": "7850.00",
    }
    assert v["fund"] == "ERDF" and v["funding_authority"] == "Lapin liitto"
    assert v["status"] == "ended"
    assert v["work_packages"] == [fi for fi, _en in seed_001.WORK_PACKAGES]
    assert v["summary"] == seed_001.SUMMARY
    assert consistency_warnings(v) == []
    # the implementer (Lapin kauppakamari) is not named on the page: nothing is made up
    assert "implementer" not in v and "code" not in v


def test_seed_002_application_print():
    text, v = extracted("002")
    assert v["total_budget"] == "510503.00"
    assert v["financing"] == {"aid": "408403.00", "other_public": "102100.00"}
    assert v["cost_model"] == "flat_40" and v["flat_rate"] == "40.00"
    assert v["staff_costs"] == "364645.00"
    assert v["max_aid_rate"] == "80.00"
    assert v["fund"] == "JTF" and v["programme"] == "UOS-2021-2027"
    assert v["priority_axis"] == "7" and v["specific_objective"] == "7.1"
    assert v["funding_authority"] == "Pohjois-Pohjanmaan ELY-keskus"
    assert v["work_packages"] == [title for _n, title, *_rest in seed_002.WORK_PACKAGES]
    groups = {g["name"]: g["count"] for g in v["target_groups"]}
    assert groups["Yritykset"] == 50 and groups["18–29-vuotiaat"] == 34
    assert groups["Työssä olevat henkilöt, ml. yrittäjät"] == 140
    assert groups["Työttömät työnhakijat tai työuran vaihtajat"] is None
    assert v["summary"].startswith(seed_002.BACKGROUND)
    assert seed_002.OBJECTIVES in v["summary"]
    assert consistency_warnings(v) == []
    # the print names neither the applicant nor the project, and gives no dates of the project
    for field in ("name", "implementer", "start_date", "end_date", "code", "status"):
        assert field not in v, field


def test_seed_003_news_listing_is_not_a_project_page():
    _text, v = extracted("003")
    for field in ("code", "total_budget", "financing", "start_date", "implementer", "status"):
        assert field not in v, field


@pytest.mark.parametrize("number", ["000", "001", "002", "003"])
def test_offsets_hold_on_the_raw_text_too(number):
    raw = next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")
    for x in extract(raw, "fi", strict=True):
        assert x.snippet == raw[x.start : x.end]
