from django.urls import path

from . import output_views, views

app_name = "projects"

A = "applications/<int:pk>/"
OUT = "projects/<int:pk>/outputs/"

urlpatterns = [
    path("applications/new/<int:call_pk>/", views.application_new, name="application_new"),
    path(A, views.application, name="application"),
    path(A + "submit/", views.application_submit, name="application_submit"),
    path(A + "edit/<str:section>/", views.application_section, name="application_section"),
    path(
        A + "edit/<str:section>/autosave/",
        views.application_section_autosave,
        name="application_section_autosave",
    ),
    path(A + "attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path(
        A + "attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path(A + "print/", views.application_print, name="application_print"),
    path(A + "print.pdf", views.application_print_pdf, name="application_print_pdf"),
    # The project's published outputs (work pages)
    path(OUT, output_views.publications, name="publications"),
    path(OUT + "new/", output_views.publication_new, name="publication_new"),
    path(OUT + "<int:publication_pk>/", output_views.publication_edit, name="publication_edit"),
    path(
        OUT + "<int:publication_pk>/delete/",
        output_views.publication_delete,
        name="publication_delete",
    ),
]
