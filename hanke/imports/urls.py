from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("imports/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.batch, name="batch"),
    path("imports/<int:pk>/progress/", views.batch_progress, name="batch_progress"),
    path("imports/documents/<int:pk>/", views.document, name="document"),
    path("imports/documents/<int:pk>/apply/", views.document_apply, name="document_apply"),
    path("imports/documents/<int:pk>/reject/", views.document_reject, name="document_reject"),
    path("imports/values/<int:pk>/", views.value_decide, name="value_decide"),
]
