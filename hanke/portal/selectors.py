"""Reads of news for the public pages."""

from django.db.models import F, Prefetch, QuerySet

from hanke.projects.models import Project

from .models import NewsItem


def news_list_public() -> QuerySet:
    """Published news, newest first; items the source gives no date keep the source's order
    after the dated ones (on every database: PostgreSQL would put NULLs first by default)."""
    return (
        NewsItem.objects.filter(is_public=True)
        .select_related("publisher")
        .order_by(F("published_on").desc(nulls_last=True), "order", "pk")
    )


def news_latest_public(*, limit: int = 5) -> list[NewsItem]:
    return list(news_list_public()[:limit])


def news_count_public() -> int:
    return NewsItem.objects.filter(is_public=True).count()


def news_get_public(*, pk: int) -> NewsItem | None:
    """A published news item with its published projects, or None."""
    return (
        news_list_public()
        .prefetch_related(
            Prefetch(
                "projects",
                queryset=Project.objects.public().order_by(
                    F("start_date").desc(nulls_last=True), "pk"
                ),
                to_attr="public_projects",
            )
        )
        .filter(pk=pk)
        .first()
    )
