from django.urls import path

from . import views

app_name = "finance"

P = "projects/<int:pk>/finance/"

urlpatterns = [
    path(P, views.overview, name="overview"),
    path(P + "follow-up.<str:fmt>", views.follow_up_export, name="follow_up_export"),
    path(P + "budget/", views.budget, name="budget"),
    path(P + "budget/approve/", views.budget_approve, name="budget_approve"),
    path(P + "budget/years/", views.budget_by_year, name="budget_by_year"),
    path(P + "budget/changes/new/", views.change_request_new, name="change_request_new"),
    path(P + "budget/changes/<int:change_pk>/", views.change_request, name="change_request"),
    path(P + "costs/", views.costs, name="costs"),
    path(P + "costs/add/", views.cost_add, name="cost_add"),
    path(P + "costs/<int:entry_pk>/", views.cost_detail, name="cost_detail"),
    path(P + "costs/<int:entry_pk>/edit/", views.cost_edit, name="cost_edit"),
    path(P + "costs/<int:entry_pk>/delete/", views.cost_delete, name="cost_delete"),
    path(P + "costs/<int:entry_pk>/receipt/", views.receipt, name="receipt"),
    path(P + "staff/", views.staff, name="staff"),
    path(P + "claims/", views.claims, name="claims"),
    path(P + "claims/<int:claim_pk>/", views.claim, name="claim"),
    path(P + "claims/<int:claim_pk>/submit/", views.claim_submit, name="claim_submit"),
    path(P + "claims/<int:claim_pk>/approve/", views.claim_approve, name="claim_approve"),
    path(P + "claims/<int:claim_pk>/return/", views.claim_return, name="claim_return"),
    path(P + "claims/<int:claim_pk>/export.<str:fmt>", views.claim_export, name="claim_export"),
]
