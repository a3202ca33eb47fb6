"""The personal data access log in the administration site, read-only and for superusers.

Participant is deliberately NOT registered here. Its admin pages would show and change people's
personal data without writing the access log, and deleting a participant there would remove the
coded start data the project's figures count (erasure blanks the identity and keeps it). People's
data is seen, exported and erased only on the project's participant pages, which log every read
(hanke.participants.views). For the same reason the log below names a person by number only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "project", "participant_ref", "detail"]
    list_filter = ["action"]
    list_select_related = ["user", "project"]
    search_fields = ["detail", "user__username"]
    date_hierarchy = "at"
    fields = ["at", "user", "action", "project", "participant_ref", "detail"]
    readonly_fields = fields

    @admin.display(description=_("whose data"))
    def participant_ref(self, entry):
        if entry.participant_id is None:
            return "–"
        return _("participant no. %(number)s") % {"number": entry.participant_id}

    # Append-only: nobody adds, changes or deletes entries, and only superusers read them.

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
