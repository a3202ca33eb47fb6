from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from modeltranslation.admin import TranslationAdmin

from .models import Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    fieldsets = DjangoUserAdmin.fieldsets + ((None, {"fields": ("preferred_language",)}),)


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "business_id", "org_type", "municipality"]
    list_filter = ["org_type"]
    search_fields = ["name", "business_id"]
