from django.db import models
from django.utils.translation import gettext_lazy as _

from hanke.core.models import RequiresTextInSomeLanguage, SourcedModel


class NewsItem(RequiresTextInSomeLanguage, SourcedModel):
    translated_required = ("title",)

    title = models.CharField(_("title"), max_length=300, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    body = models.TextField(_("text"), blank=True)
    is_excerpt_truncated = models.BooleanField(
        _("the source gives only the beginning"),
        default=False,
        help_text=_("The source cut the text short (“[…]”); the full text is not available."),
    )
    published_on = models.DateField(_("published"), null=True, blank=True)
    publisher = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("publisher"),
    )
    publisher_name = models.CharField(
        _("publisher as given in the source"), max_length=200, blank=True
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="news", verbose_name=_("related projects")
    )
    is_public = models.BooleanField(_("published"), default=True)
    order = models.PositiveIntegerField(_("order in the source listing"), default=0)

    class Meta:
        ordering = ["-published_on", "order", "pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:news_detail", kwargs={"pk": self.pk})
