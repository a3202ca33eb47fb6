"""Sitemaps of the public pages (django.contrib.sitemaps) and robots.txt.

`/sitemap.xml` is an index of one sitemap per section (`/sitemap-projects.xml` …), each in pages
of `LIMIT` addresses (`?p=2`), so tens of thousands of projects stay within the protocol's
limits and each page stays quick to build. Every page is listed once per language (`/fi/`,
`/en/`, `/sv/`) with `xhtml:link` hreflang alternates to the other two and an `x-default`: the
address without a language prefix, which sends a visitor to their own language (LocaleMiddleware).

Only what the public can open is listed: published projects, published news, the events of
published projects, published calls. The sections read only primary keys and modification
times, not whole records.

Sitemaps and robots.txt live outside the language prefixes (config/urls.py)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from hanke.events.models import Event
from hanke.programmes.models import Call
from hanke.projects.models import Project

from .models import NewsItem

# Addresses per sitemap page. One record is three addresses (one per language), each with four
# alternates, so a page of 10 000 is some 6 MB; the protocol allows 50 000 and 50 MB.
LIMIT = 10_000
SITEMAP_MAX_AGE = 60 * 60


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT


class StaticSitemap(_I18nSitemap):
    """The fixed public pages: home, project search, news, the events calendar, open calls."""

    changefreq = "daily"
    url_names = (
        "portal:home",
        "portal:project_list",
        "portal:news_list",
        "events:calendar",
        "portal:call_list",
    )

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class _RecordSitemap(_I18nSitemap):
    """Records read as (pk, updated_at) named tuples; `url_name` takes the pk."""

    url_name = ""

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def items(self):
        return self.queryset().order_by("pk").values_list("pk", "updated_at", named=True)

    def location(self, item):
        return reverse(self.url_name, kwargs={"pk": item.pk})

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate instead of reading every record (the default), for the index.
        return self.queryset().aggregate(latest=Max("updated_at"))["latest"]


class ProjectSitemap(_RecordSitemap):
    url_name = "portal:project_detail"

    def queryset(self):
        return Project.objects.public()


class NewsSitemap(_RecordSitemap):
    url_name = "portal:news_detail"

    def queryset(self):
        return NewsItem.objects.filter(is_public=True)


class EventSitemap(_RecordSitemap):
    """Every event of a published project has a page, with or without a start time."""

    url_name = "events:event"

    def queryset(self):
        return Event.objects.filter(project__in=Project.objects.public())


class CallSitemap(_RecordSitemap):
    url_name = "portal:call_detail"

    def queryset(self):
        return Call.objects.filter(is_published=True)


SITEMAPS = {
    "pages": StaticSitemap,
    "projects": ProjectSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "calls": CallSitemap,
}


def _cached(view):
    return cache_control(public=True, max_age=SITEMAP_MAX_AGE)(conditional_page(require_safe(view)))


@_cached
def sitemap_index(request):
    return sitemap_views.index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")


@_cached
def sitemap_section(request, section: str):
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)


@_cached
def robots_txt(request):
    """Crawl everything public; not the admin site; the sitemap index."""
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('admin:index')}")
    lines.append("")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
