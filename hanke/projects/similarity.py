"""Projects and applications that resemble one another: for the officer who assesses an
application, the few most similar existing ones and why (shared significant words, the same
applicant — the double-funding risk — and overlapping periods).

How the likeness is computed:

- **Text**: the name, the summary and the description sections (background, objectives,
  implementation) in every language a project has them. Words are lower-cased and stemmed with
  the Snowball stemmer of their language (PyStemmer: finnish, english, swedish), so
  `verkkokaupan` and `verkkokauppa` count as one word. Stop words and tokens shorter than
  `MIN_TOKEN_LENGTH` letters are dropped, as are digits.
- **Weight**: each stem is weighted by its inverse document frequency across the compared
  projects (a word every project uses says nothing), term frequencies are dampened (1 + log n),
  and two projects' likeness is the cosine of their weighted vectors (0 to 1).
- **Same applicant** adds `SAME_IMPLEMENTER_BONUS`, **overlapping periods** `OVERLAP_BONUS`.
  A candidate is listed only if its texts are alike (cosine at least `MIN_TEXT_SCORE`) or it has
  the same applicant.

Bounded work: the comparison never reads more than the `CANDIDATE_LIMIT` (2 000) most recently
created projects plus every project of the same implementer (the one candidate set whose size
the double-funding check cannot cap, and which is small per organisation). Drafts are left out:
they have not been sent to anybody. Everything is read in a handful of queries (project texts,
then the description sections in chunks of `CHUNK`) and compared in memory, so the cost stays
flat however many projects the database holds.

Who sees what: with `viewer`, only projects the viewer may read are compared — public projects
and the applications of the authorities the viewer is an officer of — so the panel never reveals
another authority's unpublished application."""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import Stemmer
from django.db.models import Q
from django.utils.translation import gettext as _

from . import workflow
from .models import Project, ProjectSection

CANDIDATE_LIMIT = 2000
CHUNK = 500
MIN_TOKEN_LENGTH = 3
MIN_TEXT_SCORE = 0.05
SAME_IMPLEMENTER_BONUS = 0.25
OVERLAP_BONUS = 0.05
SHOWN_WORDS = 5

LANGUAGES = {"fi": "finnish", "en": "english", "sv": "swedish"}
DESCRIPTION_KINDS = ("background", "objectives", "implementation")
PROJECT_TEXT_FIELDS = [f"{name}_{code}" for name in ("name", "summary") for code in LANGUAGES]
SECTION_TEXT_FIELDS = [f"body_{code}" for code in LANGUAGES]

# Words that say nothing of what a project does: function words, and the words every project
# plan uses of itself.
STOP_WORDS = {
    "fi": """ja on ei se että tai sekä joka jotka jonka joiden joita jota myös kuin kun niin mutta
        sen ovat olla oli ole olisi voi voidaan tämä tämän tätä näiden nämä hän he me te ne mitä
        mikä siihen siitä sitä eri kanssa mukaan kautta avulla lisäksi jossa joissa jolla joilla
        johon vielä osana osa kaikki paljon hyvin noin yli alle hanke hankkeen hankkeessa
        hankkeella hankkeelle hankkeet hankkeiden hankkeita tavoite tavoitteena tavoitteet
        toteutetaan toteutus""",
    "en": """the and for with of to in on an is are be by as at from that this these those it its
        will can or not into their they we our also which who has have was were been being such
        more most other than then there through about project projects aim aims objective""",
    "sv": """och att det som en ett för med på av till är om de den detta dessa har kan inte
        eller från också vid sig så under samt även mer än projekt projektet projektets mål""",
}

WORD = re.compile(r"[^\W\d_]+")


def _stemmers() -> dict:
    """Fresh stemmers for one comparison (PyStemmer's objects are not safe to share between
    threads)."""
    return {code: Stemmer.Stemmer(name) for code, name in LANGUAGES.items()}


@cache
def _stop_stems(lang: str) -> frozenset:
    words = STOP_WORDS[lang].split()
    return frozenset(words) | frozenset(Stemmer.Stemmer(LANGUAGES[lang]).stemWords(words))


@dataclass
class _Document:
    stemmers: dict
    terms: Counter = field(default_factory=Counter)  # stem -> occurrences
    forms: dict = field(default_factory=dict)  # stem -> Counter of the words as written

    def add(self, text: str, lang: str) -> None:
        if not text:
            return
        stop = _stop_stems(lang)
        words = [w for w in (m.lower() for m in WORD.findall(text)) if len(w) >= MIN_TOKEN_LENGTH]
        words = [w for w in words if w not in stop]
        for word, stem in zip(words, self.stemmers[lang].stemWords(words), strict=True):
            if stem in stop or len(stem) < MIN_TOKEN_LENGTH:
                continue
            self.terms[stem] += 1
            self.forms.setdefault(stem, Counter())[word] += 1

    def word_for(self, stem: str) -> str:
        return self.forms[stem].most_common(1)[0][0]


@dataclass
class SimilarProject:
    """One similar project, its likeness (`score`, higher is closer) and what makes it alike."""

    project: Project
    score: float
    text_score: float
    shared_words: list = field(default_factory=list)  # the most significant, as written
    same_implementer: bool = False
    overlap: tuple | None = None  # (first year, last year) of the overlapping period

    @property
    def overlap_text(self) -> str:
        if self.overlap is None:
            return ""
        first, last = self.overlap
        return str(first) if first == last else f"{first}–{last}"

    @property
    def reasons(self) -> list[str]:
        """The reasons in words, in the active language."""
        reasons = []
        if self.same_implementer:
            reasons.append(
                _("same applicant: %(name)s")
                % {"name": self.project.implementer.name if self.project.implementer else ""}
            )
        if self.shared_words:
            reasons.append(_("shared words: %(words)s") % {"words": ", ".join(self.shared_words)})
        if self.overlap is not None:
            reasons.append(_("periods overlap %(years)s") % {"years": self.overlap_text})
        return reasons


def _visible_to(queryset, viewer):
    from hanke.programmes.permissions import officer_authority_ids

    ids = officer_authority_ids(viewer)
    if ids is None:
        return queryset
    public = Q(is_public=True, status__in=workflow.PUBLIC_STATES)
    return queryset.filter(public | Q(funding_authority_id__in=ids))


def candidate_ids(project, *, viewer=None) -> list[int]:
    """The bounded candidate set: the `CANDIDATE_LIMIT` most recent projects and every project of
    the same implementer, without the project itself and without drafts."""
    base = Project.objects.exclude(pk=project.pk).exclude(status=workflow.DRAFT)
    if viewer is not None:
        base = _visible_to(base, viewer)
    ids = list(base.order_by("-created_at", "-pk").values_list("pk", flat=True)[:CANDIDATE_LIMIT])
    if project.implementer_id:
        seen = set(ids)
        ids += [
            pk
            for pk in base.filter(implementer_id=project.implementer_id).values_list(
                "pk", flat=True
            )
            if pk not in seen
        ]
    return ids


def _documents(ids: list[int]) -> tuple[dict, dict]:
    """The texts of the projects as documents, and each project's implementer and dates."""
    stemmers = _stemmers()
    docs = {pk: _Document(stemmers) for pk in ids}
    facts = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = Project.objects.filter(pk__in=chunk).values(
            "pk", "implementer_id", "start_date", "end_date", *PROJECT_TEXT_FIELDS
        )
        for row in rows:
            doc = docs[row["pk"]]
            for name in PROJECT_TEXT_FIELDS:
                doc.add(row[name], name[-2:])
            facts[row["pk"]] = (row["implementer_id"], row["start_date"], row["end_date"])
        sections = ProjectSection.objects.filter(
            project_id__in=chunk, kind__in=DESCRIPTION_KINDS
        ).values("project_id", *SECTION_TEXT_FIELDS)
        for row in sections:
            for name in SECTION_TEXT_FIELDS:
                docs[row["project_id"]].add(row[name], name[-2:])
    return docs, facts


def _weights(doc: _Document, idf: dict) -> dict:
    return {stem: (1 + math.log(n)) * idf[stem] for stem, n in doc.terms.items()}


def _norm(weights: dict) -> float:
    return math.sqrt(sum(w * w for w in weights.values()))


def _overlap(a_start, a_end, b_start, b_end):
    if not (a_start and a_end and b_start and b_end):
        return None
    first, last = max(a_start, b_start), min(a_end, b_end)
    if first > last:
        return None
    return (first.year, last.year)


def similar_projects(
    project, limit: int = 5, *, viewer=None, candidates=None
) -> list[SimilarProject]:
    """The `limit` projects and applications most like `project`, closest first (see the module's
    docstring for how the likeness is computed and which projects are compared). `candidates`
    (project ids) replaces the default candidate set: the public project page gives the
    projects the search index finds for the project's words."""
    ids = candidate_ids(project, viewer=viewer) if candidates is None else list(candidates)
    ids = [pk for pk in ids if pk != project.pk]
    if not ids:
        return []
    docs, facts = _documents([project.pk, *ids])
    target = docs.pop(project.pk)
    own_implementer, own_start, own_end = facts.get(
        project.pk, (project.implementer_id, project.start_date, project.end_date)
    )
    document_frequency = Counter()
    for doc in (target, *docs.values()):
        document_frequency.update(doc.terms.keys())
    count = len(docs) + 1
    idf = {stem: math.log((1 + count) / (1 + df)) + 1 for stem, df in document_frequency.items()}
    target_weights = _weights(target, idf)
    target_norm = _norm(target_weights)

    scored = []
    for pk, doc in docs.items():
        if pk not in facts:
            continue
        implementer_id, start, end = facts[pk]
        weights = _weights(doc, idf)
        shared = {
            stem: target_weights[stem] * weights[stem]
            for stem in target_weights.keys() & weights.keys()
        }
        norm = _norm(weights)
        text_score = (
            sum(shared.values()) / (target_norm * norm) if shared and target_norm and norm else 0.0
        )
        same = bool(own_implementer) and implementer_id == own_implementer
        if text_score < MIN_TEXT_SCORE and not same:
            continue
        overlap = _overlap(own_start, own_end, start, end)
        score = (
            text_score
            + (SAME_IMPLEMENTER_BONUS if same else 0.0)
            + (OVERLAP_BONUS if overlap else 0.0)
        )
        words = [
            target.word_for(stem)
            for stem, _weight in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[
                :SHOWN_WORDS
            ]
        ]
        scored.append((score, pk, text_score, words, same, overlap))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    top = scored[:limit]
    projects = Project.objects.select_related("implementer", "call").in_bulk(
        [item[1] for item in top]
    )
    return [
        SimilarProject(
            project=projects[pk],
            score=score,
            text_score=text_score,
            shared_words=words,
            same_implementer=same,
            overlap=overlap,
        )
        for score, pk, text_score, words, same, overlap in top
    ]
