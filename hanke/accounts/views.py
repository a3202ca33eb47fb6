"""Signing in and out, and the signed-in user's own projects."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import render

from hanke.accounts import roles
from hanke.accounts.roles import has_role
from hanke.finance.forms import AccessibleFormMixin
from hanke.finance.permissions import can_decide_budget
from hanke.projects.models import Project


class LoginForm(AccessibleFormMixin, AuthenticationForm):
    pass


class HankeLoginView(LoginView):
    """Django's LoginView passes the request to `authenticate`, which django-axes needs."""

    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def my_projects(request):
    """Project staff see their organisations' projects; funder officers every project with a
    budget."""
    user = request.user
    projects = Project.objects.none()
    if has_role(user, roles.APPLICANT):
        projects = Project.objects.filter(implementer__in=user.memberships.values("organisation"))
    officer = can_decide_budget(user)
    if officer:
        projects = projects | Project.objects.filter(budget__isnull=False)
    projects = projects.select_related("implementer", "budget").distinct().order_by("pk")
    return render(
        request, "finance/my_projects.html", {"projects": projects, "is_officer": officer}
    )
