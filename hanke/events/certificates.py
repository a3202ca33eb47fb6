"""PDFs of a project's events and trainings: attendance certificates and the check-in list.

Two public certificate builders, each taking one registration and returning the PDF's bytes in
the active language (Finnish, English or Swedish):

- `event_certificate_pdf`: for an attended seat at an event (name, event, type, date and
  duration, place, organiser, project, funding);
- `training_certificate_pdf`: for a completed enrolment in a training cohort (module, credits in
  op / ECTS, weeks, cohort dates, completion date, organiser, project, funding).

Both refuse (`CertificateRefused`, with a translated message) a registration that did not
attend or complete, or whose person's data has been erased. The caller logs the print
(`AccessLog.Action.CERTIFICATE`). The PDFs are rendered by WeasyPrint from the templates under
`events/pdf/` and fetch nothing from the network (only inline `data:` resources).
"""

import datetime
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hanke.core.formatting import format_date, format_number
from hanke.core.i18n import localised

from .models import Registration

TEMPLATE_DIR = Path(__file__).resolve().parent
# Funds of the European Union: their projects are "co-funded by the European Union".
EU_FUND_CODES = {"ERDF", "ESF", "ESF+", "JTF"}


class CertificateRefused(Exception):
    """No certificate for this registration; `message` says why, in the active language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _lang() -> str:
    return (translation.get_language() or "fi")[:2]


def _time(value: datetime.datetime, lang: str) -> str:
    value = timezone.localtime(value)
    separator = ":" if lang == "en" else "."
    return f"{value.hour}{separator}{value.minute:02d}"


def event_when(event, lang: str | None = None) -> str:
    """`5.3.2024 klo 13.00–15.00`, `5 Mar 2024, 13:00–15:00`, several days as a date range; the
    rough timing when there is no start time."""
    lang = lang or _lang()
    start, end = event.starts_at, event.ends_at
    if start is None:
        return localised(event, "timing").text
    start_day = timezone.localdate(start)
    if end is None:
        times = _time(start, lang)
    elif timezone.localdate(end) == start_day:
        times = f"{_time(start, lang)}–{_time(end, lang)}"
    else:
        return f"{format_date(start_day, lang)}–{format_date(timezone.localdate(end), lang)}"
    # As hanke.core.formatting.format_datetime: `klo` in Finnish, `kl.` in Swedish.
    joiner = {"fi": " klo ", "sv": " kl. "}.get(lang, ", ")
    return f"{format_date(start_day, lang)}{joiner}{times}"


def event_place(event) -> str:
    parts = [p for p in (str(event.municipality or ""), event.venue) if p]
    if event.is_online:
        parts.insert(0, _("Online"))
    return ", ".join(parts)


def _funding(project) -> dict:
    fund = project.fund
    return {
        "fund": localised(fund, "name").text if fund else "",
        "eu": bool(fund and fund.code in EU_FUND_CODES),
        "authority": (
            localised(project.funding_authority, "name").text
            if project.funding_authority_id
            else ""
        ),
    }


def _project_context(project) -> dict:
    implementer = project.implementer
    return {
        "project": project,
        "project_name": project.display_name,
        "organiser": localised(implementer, "name").text if implementer else "",
        **_funding(project),
    }


def _refuse_erased(registration: Registration) -> None:
    if registration.participant.is_erased:
        raise CertificateRefused(
            _("The person's data has been erased, so no certificate can be printed.")
        )


def event_certificate_context(registration: Registration) -> dict:
    from .selectors import duration_text

    if registration.event_id is None or not (
        registration.status == Registration.Status.CONFIRMED and registration.attended
    ):
        raise CertificateRefused(
            _("A certificate is given only to a person marked as having attended the event.")
        )
    _refuse_erased(registration)
    event = registration.event
    lang = _lang()
    return {
        "lang": lang,
        "kind": "event",
        "name": registration.participant.name,
        "title": localised(event, "title").text,
        "event": event,
        "event_type": event.get_event_type_display(),
        "when": event_when(event, lang),
        "duration": duration_text(event.starts_at, event.ends_at),
        "place": event_place(event),
        "issued": format_date(timezone.localdate(), lang),
        **_project_context(event.project),
    }


def training_certificate_context(registration: Registration) -> dict:
    if registration.cohort_id is None or not (
        registration.status == Registration.Status.CONFIRMED and registration.completed_on
    ):
        raise CertificateRefused(
            _("A certificate is given only to a person who has completed the training module.")
        )
    _refuse_erased(registration)
    cohort = registration.cohort
    module = cohort.module
    programme = module.programme
    lang = _lang()
    if cohort.starts_on and cohort.ends_on:
        dates = f"{format_date(cohort.starts_on, lang)}–{format_date(cohort.ends_on, lang)}"
    else:
        dates = format_date(cohort.starts_on, lang) or localised(cohort, "timing").text
    credits = module.credits
    return {
        "lang": lang,
        "kind": "training",
        "name": registration.participant.name,
        "title": localised(module, "name").text,
        "programme": localised(programme, "name").text,
        "module": module,
        "credits": format_number(credits, 0 if credits == int(credits) else 1, lang)
        if credits is not None
        else "",
        "weeks": module.duration_weeks,
        "dates": dates,
        "completed": format_date(registration.completed_on, lang),
        "issued": format_date(timezone.localdate(), lang),
        **_project_context(programme.project),
    }


def _render(template: str, context: dict) -> bytes:
    import weasyprint
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context)
    fetcher = URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(
        string=html, base_url=TEMPLATE_DIR.as_uri() + "/", url_fetcher=fetcher
    ).write_pdf()


def event_certificate_pdf(registration: Registration) -> bytes:
    """The attendance certificate of one attended registration to an event."""
    return _render("events/pdf/certificate.html", event_certificate_context(registration))


def training_certificate_pdf(registration: Registration) -> bytes:
    """The certificate of one completed enrolment in a training cohort."""
    return _render("events/pdf/certificate.html", training_certificate_context(registration))


def check_in_pdf(event, registrations) -> bytes:
    """The printable check-in list (names, company, a signature column) as a PDF."""
    lang = _lang()
    return _render(
        "events/pdf/check_in.html",
        {
            "lang": lang,
            "event": event,
            "title": localised(event, "title").text,
            "when": event_when(event, lang),
            "place": event_place(event),
            "registrations": registrations,
            "project_name": event.project.display_name,
        },
    )
