"""Atom and RSS 2.0 feeds of the public news (Django's syndication framework): all news, and the
news of one published project. A feed is in the language of its URL (`/fi/news/feed/atom/`,
`/en/…`); each item's title and summary fall back to the item's original language like the
pages do, and say which language they are in.

Dates: a news item's date (`published_on`) has no time of day, and the formats need one, so it
is written as 12:00 Helsinki time, which is the same calendar day in every reader's time zone. An
item the source gives no date for is dated when it was added to Hanke (`created_at`): for a
feed reader that is when the item appeared. The feeds list the FEED_LIMIT newest items by that
date.

Ids: each item has a `tag:` URI (RFC 4151) made of the host of SITE_URL, the day the record was
added and its primary key. It does not change with the language, the host name the feed was
fetched from or an edit of the text, so a reader never shows an item twice."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone, translation
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from hanke.core.i18n import localised
from hanke.projects.models import Project

from .models import NewsItem

FEED_LIMIT = 50
# Feed readers poll; a quarter of an hour keeps them from re-reading an unchanged feed, and the
# ETag / Last-Modified headers answer a conditional request with 304.
FEED_MAX_AGE = 15 * 60
# The time of day a date-only `published_on` is given in the feeds (see the module docstring).
NOON = datetime.time(12, 0)


def site_name() -> str:
    return getattr(settings, "SITE_NAME", "") or "Hanke"


def tag_authority() -> str:
    """The host of SITE_URL without a port (RFC 4151 takes a DNS name)."""
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0] or "hanke.invalid"


def news_feed_items(*, project: Project | None = None, limit: int = FEED_LIMIT) -> list[NewsItem]:
    """The `limit` newest published news items (of `project` if given), newest first by their
    date, or by the day they were added when they have none. Each item has `public_projects`:
    its published projects, the only ones a feed may name."""
    items = NewsItem.objects.filter(is_public=True)
    if project is not None:
        items = items.filter(projects=project)
    return list(
        items.select_related("publisher")
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.public().order_by("pk"),
                to_attr="public_projects",
            )
        )
        .annotate(feed_day=Coalesce("published_on", TruncDate("created_at")))
        .order_by(F("feed_day").desc(), F("created_at").desc(), F("pk").desc())[:limit]
    )


def item_date(item: NewsItem) -> datetime.datetime:
    if item.published_on is not None:
        return timezone.make_aware(datetime.datetime.combine(item.published_on, NOON))
    return item.created_at


def _language(item) -> str | None:
    """The language of an item whose title is not in the feed's language."""
    title = localised(item, "title")
    return title.lang if title.is_fallback else None


class AtomFeed(feedgenerator.Atom1Feed):
    """Atom 1.0 with `xml:lang` on an entry written in another language than the feed."""

    def item_attributes(self, item):
        attrs = super().item_attributes(item)
        if item.get("language"):
            attrs["xml:lang"] = item["language"]
        return attrs


class RssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with `dc:language` on an item written in another language than the channel."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("language"):
            handler.addQuickElement("dc:language", item["language"])


class NewsRssFeed(Feed):
    """All published news, RSS 2.0."""

    feed_type = RssFeed

    # The channel

    def title(self, obj):
        return _("News – %(site)s") % {"site": site_name()}

    def description(self, obj):
        return _("News about EU-funded regional development projects in Finland.")

    def subtitle(self, obj):
        return self.description(obj)

    def link(self, obj):
        return reverse("portal:news_list")

    def author_name(self, obj):
        # Atom needs an author for entries that name none.
        return site_name()

    def items(self, obj):
        return news_feed_items()

    # The items

    def item_title(self, item):
        text = localised(item, "title").text
        # RSS readers take a title as HTML (Django escapes it by default, #6533); Atom's is text.
        return text if issubclass(self.feed_type, feedgenerator.Atom1Feed) else escape(text)

    def item_description(self, item):
        """The excerpt (or the beginning of the text) as HTML, marked with `lang` when it is in
        another language than the item."""
        text = localised(item, "excerpt")
        if not text:
            text = localised(item, "body")
        if not text:
            return ""
        # linebreaks() escapes the text (autoescape) and adds <p> and <br>.
        html = mark_safe(linebreaks(Truncator(text.text).words(80), autoescape=True))
        if text.lang != (
            _language(item) or (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        ):
            return format_html('<div lang="{}">{}</div>', text.lang, html)
        return html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"tag:{tag_authority()},{item.created_at:%Y-%m-%d}:news/{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item_date(item)

    def item_updateddate(self, item):
        return item_date(item)

    def item_author_name(self, item):
        if item.publisher_id:
            return localised(item.publisher, "name").text or item.publisher_name or None
        return item.publisher_name or None

    def item_categories(self, item):
        return [project.display_name for project in item.public_projects]

    def item_extra_kwargs(self, item):
        return {"language": _language(item)}


class NewsAtomFeed(NewsRssFeed):
    """All published news, Atom 1.0."""

    feed_type = AtomFeed


class ProjectNewsRssFeed(NewsRssFeed):
    """The published news of one published project, RSS 2.0; 404 for any other project."""

    def get_object(self, request, pk: int):
        return get_object_or_404(Project.objects.public(), pk=pk)

    def title(self, obj):
        return _("News of %(project)s – %(site)s") % {
            "project": obj.display_name,
            "site": site_name(),
        }

    def description(self, obj):
        return _("News about the project %(project)s.") % {"project": obj.display_name}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return news_feed_items(project=obj)


class ProjectNewsAtomFeed(ProjectNewsRssFeed):
    """The published news of one published project, Atom 1.0."""

    feed_type = AtomFeed


def feed_view(feed: Feed):
    """A feed as a view: GET and HEAD, cacheable for FEED_MAX_AGE, with an ETag and 304 answers."""
    return cache_control(public=True, max_age=FEED_MAX_AGE)(conditional_page(require_safe(feed)))


news_rss = feed_view(NewsRssFeed())
news_atom = feed_view(NewsAtomFeed())
project_news_rss = feed_view(ProjectNewsRssFeed())
project_news_atom = feed_view(ProjectNewsAtomFeed())
