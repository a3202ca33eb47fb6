from django.urls import path

from . import views

app_name = "participants"

P = "projects/<int:pk>/participants/"
ONE = P + "<int:participant_pk>/"

urlpatterns = [
    path(P, views.participant_list, name="list"),
    path(P + "access-log/", views.access_log, name="access_log"),
    path(ONE, views.participant_detail, name="detail"),
    path(ONE + "export.json", views.participant_export, name="export"),
    path(ONE + "erase/", views.participant_erase, name="erase"),
]
