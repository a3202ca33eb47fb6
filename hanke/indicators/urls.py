from django.urls import path

from . import views

app_name = "indicators"

P = "projects/<int:pk>/"

urlpatterns = [
    path(P + "progress/", views.progress, name="progress"),
    path(P + "esf/", views.esf, name="esf"),
    path(P + "esf.<str:fmt>", views.esf_export, name="esf_export"),
]
