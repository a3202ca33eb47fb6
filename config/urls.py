from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from hanke.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
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
    prefix_default_language=True,
)
