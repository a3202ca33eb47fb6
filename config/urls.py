from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from hanke.core.views import healthz
from hanke.portal.sitemaps import robots_txt, sitemap_index, sitemap_section

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    # the open data API: one address for every language (texts come in all three)
    path("api/v1/", include("hanke.api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("hanke.accounts.urls")),
    path("", include("hanke.finance.urls")),
    path("", include("hanke.projects.urls")),
    path("", include("hanke.portal.urls")),
    path("", include("hanke.assessment.urls")),
    path("", include("hanke.events.urls")),
    path("", include("hanke.events.work_urls")),
    path("", include("hanke.events.training_urls")),
    path("", include("hanke.participants.urls")),
    path("", include("hanke.indicators.urls")),
    path("", include("hanke.imports.urls")),
    prefix_default_language=True,
)
