"""The assessment pages: the officer's inbox and case page, the assessors' scoring, version
diffs; the meeting and decision pages come from `meeting_views` (a colleague's module)."""

from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("assessment/", views.inbox, name="inbox"),
    path("assessment/<int:pk>/", views.application, name="application"),
    path("assessment/<int:pk>/score/", views.score, name="score"),
    path("assessment/<int:pk>/diff/", views.version_diff, name="version_diff"),
]

from . import meeting_views  # noqa: E402  meetings and decisions (a colleague's file)

urlpatterns += meeting_views.urlpatterns if hasattr(meeting_views, "urlpatterns") else []
