from django.contrib import admin

from .models import ExtractedValue, ImportBatch, ImportDocument


class DocumentInline(admin.TabularInline):
    model = ImportDocument
    fields = ["filename", "format", "language", "status", "error", "project", "duplicate_kind"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_by", "created_at", "status", "processed", "total"]
    list_filter = ["status"]
    readonly_fields = ["kind", "status", "created_by", "total", "processed", "finished_at", "error"]
    inlines = [DocumentInline]

    def has_add_permission(self, request):
        return False


class ValueInline(admin.TabularInline):
    model = ExtractedValue
    fields = ["field", "value", "snippet", "start", "end", "decision", "edited_value"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ImportDocument)
class ImportDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "batch", "status", "language", "duplicate_kind", "project"]
    list_filter = ["status", "duplicate_kind"]
    readonly_fields = [
        "batch",
        "filename",
        "format",
        "language",
        "size",
        "text",
        "status",
        "error",
        "project",
        "duplicate_of",
        "duplicate_kind",
        "decided_by",
        "decided_at",
    ]
    exclude = ["data"]
    inlines = [ValueInline]

    def has_add_permission(self, request):
        return False
