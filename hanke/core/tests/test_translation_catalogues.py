"""Finnish is the first language and Swedish is a national language: no UI string may be left
untranslated or fuzzy in either catalogue, and every placeholder must survive translation."""

import pathlib
import re

import polib
import pytest
from django.conf import settings

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_catalogue_is_complete(lang):
    po = polib.pofile(
        str(pathlib.Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po")
    )
    missing = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_placeholders_are_kept(lang):
    po = polib.pofile(
        str(pathlib.Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po")
    )
    for entry in po:
        if entry.obsolete or "python-format" not in entry.flags:
            continue
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ) or (
                entry.msgid_plural
                and set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(entry.msgid_plural))
            ), entry.msgid
