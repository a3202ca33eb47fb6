"""A project's training pages for its staff: programmes, modules, cohorts, enrolments, small
groups and training certificates."""

from django.urls import path

from . import training_views as views

app_name = "trainings"

PREFIX = "projects/<int:pk>/trainings/"

urlpatterns = [
    path(PREFIX, views.training_list, name="list"),
    path(f"{PREFIX}new/", views.programme_new, name="programme_new"),
    path(f"{PREFIX}<int:programme_pk>/edit/", views.programme_edit, name="programme_edit"),
    path(f"{PREFIX}<int:programme_pk>/modules/new/", views.module_new, name="module_new"),
    path(f"{PREFIX}<int:programme_pk>/groups/", views.small_groups, name="small_groups"),
    path(f"{PREFIX}modules/<int:module_pk>/edit/", views.module_edit, name="module_edit"),
    path(f"{PREFIX}modules/<int:module_pk>/cohorts/new/", views.cohort_new, name="cohort_new"),
    path(f"{PREFIX}cohorts/<int:cohort_pk>/", views.cohort_detail, name="cohort"),
    path(f"{PREFIX}cohorts/<int:cohort_pk>/edit/", views.cohort_edit, name="cohort_edit"),
    path(
        f"{PREFIX}cohorts/<int:cohort_pk>/certificates/<int:registration_pk>.pdf",
        views.certificate,
        name="certificate",
    ),
]
