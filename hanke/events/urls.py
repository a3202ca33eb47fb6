"""Public pages of events and trainings (namespace `events`, under the language prefix)."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/", views.calendar, name="calendar"),
    path("events/calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("events/<int:pk>/register/", views.event_register, name="register"),
    path(
        "events/registration/<str:token>/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("projects/<int:pk>/events.ics", views.project_ics, name="project_ics"),
    path("trainings/cohorts/<int:pk>/", views.cohort_detail, name="cohort"),
    path("trainings/cohorts/<int:pk>/cohort.ics", views.cohort_ics, name="cohort_ics"),
    path("trainings/cohorts/<int:pk>/register/", views.cohort_register, name="cohort_register"),
]
