"""Reads of participants' personal data for the project's pages. The pages log every read
(`services.access_record`); these functions only read."""

from django.db.models import Count, F, Prefetch, Q

from .models import AccessLog, Participant


def participant_list(*, project, query: str = ""):
    """The project's participants, minimal: name, e-mail, entry date, erasure and the number of
    registrations that were not cancelled. No start data. `query` matches the name or the
    e-mail address, in any case. The erased come last."""
    from hanke.events.models import Registration

    participants = (
        Participant.objects.filter(project=project)
        .only("pk", "project_id", "name", "email", "entered_on", "erased_at")
        .annotate(
            registration_count=Count(
                "registrations", filter=~Q(registrations__status=Registration.Status.CANCELLED)
            )
        )
        .order_by(F("erased_at").asc(nulls_first=True), "name", "pk")
    )
    query = query.strip()
    if query:
        match = Q(email_key__contains=query.lower())
        for variant in _case_variants(query):
            match |= Q(name__icontains=variant)
        participants = participants.filter(match)
    return participants


def _case_variants(text: str) -> set[str]:
    """SQLite's case-insensitive LIKE folds only ASCII letters: "MEIKÄLÄINEN" would not find
    "Meikäläinen". Searching for the usual spellings of the query covers the names people write
    (PostgreSQL folds every letter itself)."""
    return {text, text.lower(), text.upper(), text.title(), text.capitalize()}


def participant_get(*, project, pk: int) -> Participant | None:
    """One person of the project with everything held on them: start data, consent, small groups
    and registrations with their events and training cohorts."""
    from hanke.events.models import Registration

    registrations = Registration.objects.select_related(
        "event", "cohort__module__programme"
    ).order_by("created_at", "pk")
    return (
        Participant.objects.filter(project=project, pk=pk)
        .prefetch_related(Prefetch("registrations", queryset=registrations), "small_groups")
        .first()
    )


def access_log_list(*, project):
    """The project's personal data access log, newest first."""
    return AccessLog.objects.filter(project=project).select_related("user", "participant")
