"""Full-text search of projects, in Finnish, English and Swedish, with the database's own
engine: SQLite FTS5 or PostgreSQL `tsvector`. Everything that knows about the index is here.

**The index.** One row per project (`portal_projectsearch`, created by the portal's migration
0002) with three weighted parts: the title (name, acronym, code), the summary (summary, themes,
implementer) and the body (results, description sections, work packages, partners, places).
It is kept up to date by signals on every change of a project or of anything its text is made
of (`connect_signals`); bulk writers wrap their work in `deferred()` and the index is written
once at the end. `manage.py rebuild_search_index` rebuilds it from scratch.

- On PostgreSQL each text goes through the configuration of its language (`finnish`,
  `english`, `swedish`) and also through `simple`, which keeps the words as written.
- On SQLite, which has no Finnish stemmer, the same is done in Python with the Snowball
  stemmers of PyStemmer (the algorithms PostgreSQL's configurations use): each word is stored
  as its stem and as written.

**The query** is built in Python for both databases. Every word must match (AND). A word
matches any of its forms (OR): its Finnish, English and Swedish stems, its Finnish root, and
itself, each as a prefix (`verkkokaup*`), so a compound's first part finds the compound
(`verkkokauppa` finds `verkkokauppaklubeja`). The Finnish root undoes what the Snowball stemmer
leaves: the stem alternations it does not join (`koulutus`/`koulutuks`, `teollisuus`/
`teollisuud`, `suomalain`/`suomalais`) and consonant gradation at the end of a stem
(`hyvinvoint`/`hyvinvoin`). Words shorter than `PREFIX_MIN` letters match only whole.

**Ranking**: BM25 on SQLite (title ×10, summary ×4, body ×1) and `ts_rank` on PostgreSQL with
the weights A, B, C; `ranked` gives it as `relevance`, higher is better."""

import contextlib
import contextvars
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import Stemmer
from django.db import connection
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

TABLE = "portal_projectsearch"
STEMMERS = {"fi": "finnish", "en": "english", "sv": "swedish"}
PG_CONFIGS = {"fi": "finnish", "en": "english", "sv": "swedish", "simple": "simple"}
WEIGHTS = ("A", "B", "C")
SQLITE_BM25_WEIGHTS = (10.0, 4.0, 1.0)
PREFIX_MIN = 4
ROOT_MIN = 4
MAX_QUERY_WORDS = 12
MAX_SIMILAR_FORMS = 40
CHUNK = 500

WORD = re.compile(r"[^\W_]+")

# Finnish endings the Snowball stemmer leaves in different forms of one word, longest first:
# (ending of the stem, how many letters to drop to reach the common root).
FINNISH_ROOT_RULES = (
    ("uks", 2),  # koulutuks(en) -> koulutu
    ("yks", 2),  # yrityks(en) -> yrity
    ("oks", 2),
    ("öks", 2),
    ("uud", 1),  # teollisuud(en) -> teollisuu
    ("yyd", 1),  # työllisyyd(en) -> työllisyy
    ("ut", 1),  # talout(ta) -> talou, shared with talous and taloud(en)
    ("yt", 1),
    ("ud", 1),  # taloud(en) -> talou
    ("yd", 1),
    ("us", 1),  # koulutus, teollisuus -> koulutu, teollisuu
    ("ys", 1),  # yritys -> yrity
    ("os", 1),
    ("ös", 1),
    ("in", 1),  # suomalain(en) -> suomalai, shared with suomalais(en)
    ("is", 1),  # suomalais(en) -> suomalai
    ("nt", 1),  # hyvinvoint(i) -> hyvinvoin, shared with hyvinvoin(nin)
    ("nn", 1),
    ("lt", 1),
    ("ll", 1),
    ("rt", 1),
    ("rr", 1),
    ("kk", 1),
    ("pp", 1),
    ("tt", 1),
    ("mp", 1),
    ("mm", 1),
    ("i", 1),  # kieli -> kiel, shared with kiele(n)
    ("e", 1),
)


# --- Words, stems and roots ---------------------------------------------------------------------


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def _stemmer(lang: str):
    # PyStemmer's objects keep a cache and are not safe to share between threads.
    return Stemmer.Stemmer(STEMMERS[lang])


def finnish_root(stem: str) -> str:
    """The root shared by the forms of a Finnish word whose Snowball stems differ, or the stem
    itself when no rule applies or the root would be too short to search by."""
    for ending, drop in FINNISH_ROOT_RULES:
        if stem.endswith(ending) and len(stem) - drop >= ROOT_MIN:
            return stem[:-drop]
    return stem


def word_forms(word: str, stemmers: dict | None = None) -> list[str]:
    """The forms one query word matches as prefixes: its stems in the three languages, its
    Finnish root and itself, without any form another form already covers as a prefix."""
    stemmers = stemmers or {lang: _stemmer(lang) for lang in STEMMERS}
    forms = {word}
    for lang, stemmer in stemmers.items():
        stem = stemmer.stemWord(word)
        if stem:
            forms.add(stem)
            if lang == "fi":
                forms.add(finnish_root(stem))
    kept = []
    for form in sorted(forms, key=len):
        if len(form) >= PREFIX_MIN and any(
            form.startswith(k) for k in kept if len(k) >= PREFIX_MIN
        ):
            continue
        kept.append(form)
    return kept


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[str, ...], ...]  # one group per word: its forms

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse(text: str) -> ParsedQuery:
    stemmers = {lang: _stemmer(lang) for lang in STEMMERS}
    seen, groups = set(), []
    for word in words(text)[:MAX_QUERY_WORDS]:
        if word in seen:
            continue
        seen.add(word)
        groups.append(tuple(word_forms(word, stemmers)))
    return ParsedQuery(tuple(groups))


def _is_prefix(form: str) -> bool:
    return len(form) >= PREFIX_MIN


def fts5_query(parsed: ParsedQuery) -> str:
    def term(form):
        quoted = '"' + form.replace('"', '""') + '"'
        return quoted + ("*" if _is_prefix(form) else "")

    return " AND ".join("(" + " OR ".join(term(f) for f in group) + ")" for group in parsed.groups)


def tsquery(parsed: ParsedQuery) -> str:
    def term(form):
        quoted = "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"
        return quoted + (":*" if _is_prefix(form) else "")

    return " & ".join("(" + " | ".join(term(f) for f in group) + ")" for group in parsed.groups)


# --- Documents ----------------------------------------------------------------------------------


@dataclass
class Document:
    """A project's text by weight (A title, B summary, C body) and language (fi, en, sv, and
    `simple` for codes and acronyms, which no stemmer should touch)."""

    parts: dict = field(
        default_factory=lambda: {w: {lang: [] for lang in PG_CONFIGS} for w in WEIGHTS}
    )

    def add(self, weight: str, lang: str, *texts) -> None:
        self.parts[weight][lang].extend(t for t in texts if t)

    def add_translated(self, weight: str, obj, name: str) -> None:
        for lang in STEMMERS:
            self.add(weight, lang, getattr(obj, f"{name}_{lang}", ""))

    def text(self, weight: str, lang: str) -> str:
        return "\n".join(self.parts[weight][lang])


def _documents(project_ids: Iterable[int]) -> dict[int, Document]:
    from django.db.models import Prefetch

    from hanke.projects.models import Project, ProjectPartner

    projects = (
        Project.objects.filter(pk__in=list(project_ids))
        .select_related("implementer")
        .prefetch_related(
            "themes",
            "sections",
            "work_packages",
            "municipalities__region",
            "regions",
            Prefetch("partners", queryset=ProjectPartner.objects.select_related("organisation")),
        )
    )
    documents = {}
    for project in projects:
        doc = Document()
        doc.add_translated("A", project, "name")
        doc.add("A", "simple", project.code, project.acronym)
        doc.add_translated("B", project, "summary")
        for theme in project.themes.all():
            doc.add_translated("B", theme, "name")
        if project.implementer:
            doc.add_translated("B", project.implementer, "name")
        doc.add_translated("C", project, "results")
        for section in project.sections.all():
            doc.add_translated("C", section, "title")
            doc.add_translated("C", section, "body")
        for package in project.work_packages.all():
            doc.add_translated("C", package, "title")
            doc.add_translated("C", package, "description")
        for partner in project.partners.all():
            doc.add_translated("C", partner.organisation, "name")
        places = {m.name for m in project.municipalities.all()}
        places |= {m.region.name for m in project.municipalities.all()}
        places |= {r.name for r in project.regions.all()}
        doc.add("C", "fi", *sorted(places))
        documents[project.pk] = doc
    return documents


def _analysed(doc: Document, weight: str) -> str:
    """SQLite: the weight's text as stems and as written, every language with its stemmer."""
    tokens = []
    for lang in PG_CONFIGS:
        ws = words(doc.text(weight, lang))
        tokens.extend(ws)
        if lang in STEMMERS:
            tokens.extend(_stemmer(lang).stemWords(ws))
    return " ".join(tokens)


def _pg_vector_sql() -> str:
    parts = []
    for weight in WEIGHTS:
        pieces = [f"to_tsvector('{config}', %s)" for config in PG_CONFIGS.values()]
        pieces.append("to_tsvector('simple', %s)")  # the words as written, in any language
        parts.append(f"setweight({' || '.join(pieces)}, '{weight}')")
    return " || ".join(parts)


def _pg_params(doc: Document) -> list[str]:
    params = []
    for weight in WEIGHTS:
        params.extend(doc.text(weight, lang) for lang in PG_CONFIGS)
        params.append("\n".join(doc.text(weight, lang) for lang in STEMMERS))
    return params


# --- Writing the index --------------------------------------------------------------------------

_pending: contextvars.ContextVar = contextvars.ContextVar("search_pending", default=None)


@contextlib.contextmanager
def deferred():
    """Collect the projects to re-index while the block runs and index each once at its end
    (for imports and bulk loads; nesting is allowed)."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(set())
    try:
        yield
        ids = _pending.get()
    finally:
        _pending.reset(token)
    index_projects(ids)


def index_projects(project_ids: Iterable[int]) -> None:
    """Write the index rows of these projects from their current texts (projects that no
    longer exist lose their row)."""
    ids = sorted({int(pk) for pk in project_ids if pk is not None})
    if not ids:
        return
    pending = _pending.get()
    if pending is not None:
        pending.update(ids)
        return
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        documents = _documents(chunk)
        _write(chunk, documents)


def _write(ids: list[int], documents: dict[int, Document]) -> None:
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE} WHERE project_id IN ({placeholders})", ids)
            sql = f"INSERT INTO {TABLE} (project_id, document) VALUES (%s, {_pg_vector_sql()})"
            cursor.executemany(sql, [[pk, *_pg_params(doc)] for pk, doc in documents.items()])
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", ids)
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                [
                    [pk, *(_analysed(doc, weight) for weight in WEIGHTS)]
                    for pk, doc in documents.items()
                ],
            )


def remove_projects(project_ids: Iterable[int]) -> None:
    ids = [int(pk) for pk in project_ids]
    if not ids:
        return
    column = "project_id" if connection.vendor == "postgresql" else "rowid"
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE {column} IN ({placeholders})", ids)


def indexed_ids() -> set[int]:
    column = "project_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {TABLE}")
        return {row[0] for row in cursor.fetchall()}


def rebuild() -> int:
    """Rebuild the whole index; returns the number of projects indexed."""
    from hanke.projects.models import Project

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
    index_projects(ids)
    return len(ids)


# --- Reading the index --------------------------------------------------------------------------


def _match_sql(parsed: ParsedQuery) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return (
            f"SELECT project_id FROM {TABLE} WHERE document @@ to_tsquery('simple', %s)",
            [tsquery(parsed)],
        )
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [fts5_query(parsed)]


def search_filter(queryset: QuerySet, text: str) -> QuerySet:
    """The projects of `queryset` whose text matches `text`. A text with no word to search
    for (only punctuation) leaves the queryset as it is."""
    parsed = parse(text)
    if not parsed:
        return queryset
    sql, params = _match_sql(parsed)
    return queryset.filter(pk__in=RawSQL(sql, params))


def ranked(queryset: QuerySet, text: str) -> QuerySet:
    """The projects of `queryset` whose text matches `text`, with `relevance` (higher is
    better). The index joins the query once, so the engine scores every match in one pass (a
    correlated subquery per project would run the full-text query again for each). Without a
    word to search for, the queryset is left as it is with `relevance` 0."""
    from django.db.models import Value

    parsed = parse(text)
    if not parsed:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        query = tsquery(parsed)
        score = f"ts_rank({TABLE}.document, to_tsquery('simple', %s))"
        where = [
            f'{TABLE}.project_id = "{table}"."id"',
            f"{TABLE}.document @@ to_tsquery('simple', %s)",
        ]
    else:
        query = fts5_query(parsed)
        weights = ", ".join(str(w) for w in SQLITE_BM25_WEIGHTS)
        score = f"-bm25({TABLE}, {weights})"
        where = [f'{TABLE}.rowid = "{table}"."id"', f"{TABLE} MATCH %s"]
    # extra(): Django's ORM has no join to a table without a model
    return queryset.extra(
        select={"relevance": score},
        select_params=[query],
        tables=[TABLE],
        where=where,
        params=[query],
    )


def similar_candidate_ids(project, *, limit: int = 50) -> list[int]:
    """Candidates for the published projects most like `project`: those that share any
    significant word of its name, summary and themes (OR), best first by the same ranking as
    the search. Reads the project's texts from the object (the project page has its themes
    prefetched) and makes one query. The caller scores them (`projects.similarity`)."""
    from hanke.projects import workflow
    from hanke.projects.similarity import STOP_WORDS

    forms = []
    themes = list(project.themes.all())
    for lang in STEMMERS:
        stop = set(STOP_WORDS[lang].split())
        stemmer = _stemmer(lang)
        texts = [getattr(project, f"{name}_{lang}", "") or "" for name in ("name", "summary")]
        texts += [getattr(theme, f"name_{lang}", "") or "" for theme in themes]
        for word in words("\n".join(texts)):
            if len(word) >= PREFIX_MIN and not word.isdigit() and word not in stop:
                stem = stemmer.stemWord(word)
                forms.append(finnish_root(stem) if lang == "fi" else stem)
    forms = list(dict.fromkeys(f for f in forms if len(f) >= PREFIX_MIN))[:MAX_SIMILAR_FORMS]
    if not forms:
        return []
    parsed = ParsedQuery((tuple(forms),))
    states = sorted(workflow.PUBLIC_STATES)
    public = "p.is_public AND p.status IN (" + ", ".join(["%s"] * len(states)) + ") AND p.id <> %s"
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT s.project_id FROM {TABLE} s JOIN projects_project p ON p.id = s.project_id "
            f"WHERE s.document @@ to_tsquery('simple', %s) AND {public} "
            f"ORDER BY ts_rank(s.document, to_tsquery('simple', %s)) DESC, s.project_id LIMIT %s"
        )
        params = [tsquery(parsed), *states, project.pk, tsquery(parsed), limit]
    else:
        weights = ", ".join(str(w) for w in SQLITE_BM25_WEIGHTS)
        sql = (
            f"SELECT {TABLE}.rowid FROM {TABLE} JOIN projects_project p ON p.id = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s AND {public} "
            f"ORDER BY bm25({TABLE}, {weights}), {TABLE}.rowid LIMIT %s"
        )
        params = [fts5_query(parsed), *states, project.pk, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


# --- Keeping the index up to date ---------------------------------------------------------------


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from hanke.accounts.models import Organisation
    from hanke.projects.models import Project, ProjectPartner, ProjectSection, Theme, WorkPackage

    def project_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            index_projects([instance.pk])

    def project_deleted(sender, instance, **kwargs):
        remove_projects([instance.pk])

    def part_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            index_projects([instance.project_id])

    def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
            return
        if not reverse:
            if action != "pre_clear":
                index_projects([instance.pk])
            return
        # from the other side (a theme's projects): the projects are in pk_set, except on
        # clear, which gives none; read them before the clear
        if action == "pre_clear":
            instance._search_cleared = list(instance.projects.values_list("pk", flat=True))
        elif action == "post_clear":
            index_projects(getattr(instance, "_search_cleared", []))
        else:
            index_projects(pk_set or [])

    def organisation_saved(sender, instance, raw=False, created=False, **kwargs):
        if raw or created:
            return
        ids = set(instance.implemented_projects.values_list("pk", flat=True))
        ids |= set(instance.partnerships.values_list("project_id", flat=True))
        index_projects(ids)

    def theme_saved(sender, instance, raw=False, created=False, **kwargs):
        if not raw and not created:
            index_projects(instance.projects.values_list("pk", flat=True))

    uid = "hanke.portal.search."
    post_save.connect(project_saved, sender=Project, dispatch_uid=uid + "project", weak=False)
    post_delete.connect(
        project_deleted, sender=Project, dispatch_uid=uid + "project_deleted", weak=False
    )
    for model in (ProjectSection, WorkPackage, ProjectPartner):
        post_save.connect(part_changed, sender=model, dispatch_uid=uid + model.__name__, weak=False)
        post_delete.connect(
            part_changed, sender=model, dispatch_uid=uid + model.__name__ + "-d", weak=False
        )
    for name in ("themes", "municipalities", "regions"):
        through = getattr(Project, name).through
        m2m_changed.connect(links_changed, sender=through, dispatch_uid=uid + name, weak=False)
    post_save.connect(
        organisation_saved, sender=Organisation, dispatch_uid=uid + "organisation", weak=False
    )
    post_save.connect(theme_saved, sender=Theme, dispatch_uid=uid + "theme", weak=False)
