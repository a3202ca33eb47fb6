"""Compile the .po catalogues under a locale folder into .mo files.

Uses polib (pure Python) so that a fresh machine needs no GNU gettext tools to run Hanke;
`make messages` (which extracts strings) still needs xgettext."""

import pathlib
import sys

import polib


def compile_all(root: pathlib.Path) -> int:
    count = 0
    for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        count += 1
    return count


if __name__ == "__main__":
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "locale")
    compiled = compile_all(root)
    print(f"Translations: {compiled} catalogue(s) compiled under {root}/")
