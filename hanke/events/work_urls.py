"""The project staff's event pages (namespace `events_work`), under the project's workspace."""

from django.urls import path

from . import work_views as views

app_name = "events_work"

P = "projects/<int:pk>/events/"
E = P + "<int:event_pk>/"

urlpatterns = [
    path(P, views.event_list, name="list"),
    path(P + "new/", views.event_new, name="new"),
    path(E, views.event_edit, name="edit"),
    path(E + "registrations/", views.registrations, name="registrations"),
    path(
        E + "registrations/<int:registration_pk>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(E + "check-in/", views.check_in, name="check_in"),
    path(E + "check-in.pdf", views.check_in_download, name="check_in_pdf"),
    path(E + "attendance/", views.attendance, name="attendance"),
    path(
        E + "certificates/<int:registration_pk>.pdf",
        views.certificate,
        name="certificate",
    ),
]
