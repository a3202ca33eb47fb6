"""Signing in and out, and the signed-in user's own projects."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import render

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.finance.forms import AccessibleFormMixin
from hanke.finance.permissions import can_decide_budget
from hanke.projects import workflow
from hanke.projects.models import Project


class LoginForm(AccessibleFormMixin, AuthenticationForm):
    pass


class HankeLoginView(LoginView):
    """Django's LoginView passes the request to `authenticate`, which django-axes needs."""

    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


# The states in which a project is still an application: listed with a link to its application
# page (the rest link to the project's finances).
APPLICATION_STATES = {
    workflow.DRAFT,
    workflow.RETURNED,
    workflow.SUBMITTED,
    workflow.IN_ASSESSMENT,
    workflow.REJECTED,
}


@login_required
def my_projects(request):
    """Project staff see their organisations' applications and projects; funder officers every
    project with a budget."""
    user = request.user
    projects = Project.objects.none()
    applications = Project.objects.none()
    applicant = has_role(user, roles.APPLICANT)
    if applicant:
        own = Project.objects.filter(implementer__in=user.memberships.values("organisation"))
        applications = (
            own.filter(status__in=APPLICATION_STATES)
            .select_related("implementer", "call")
            .order_by("-pk")
        )
        projects = own.exclude(status__in=APPLICATION_STATES)
    officer = can_decide_budget(user)
    if officer:
        projects = projects | Project.objects.filter(budget__isnull=False)
    projects = projects.select_related("implementer", "budget").distinct().order_by("pk")
    return render(
        request,
        "finance/my_projects.html",
        {
            "projects": projects,
            "applications": applications,
            "is_applicant": applicant,
            "is_officer": officer,
        },
    )
