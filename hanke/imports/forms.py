from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hanke.core.uploads import extension_of
from hanke.finance.forms import AccessibleFormMixin

from .services import EXTENSIONS, MAX_FILE_BYTES, MAX_FILES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class UploadForm(AccessibleFormMixin, forms.Form):
    files = MultipleFileField(
        label=_("Documents"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "Choose one or more HTML, PDF, DOCX or text files, at most %(count)s at a time and "
            "%(size)s MB each."
        ) % {"count": MAX_FILES, "size": MAX_FILE_BYTES // (1024 * 1024)}

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if not files:
            raise ValidationError(_("Choose at least one file."), code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(
                ngettext(
                    "You chose %(chosen)s files; import at most %(count)s file at a time.",
                    "You chose %(chosen)s files; import at most %(count)s files at a time.",
                    MAX_FILES,
                )
                % {"chosen": len(files), "count": MAX_FILES},
                code="too_many",
            )
        problems = []
        for upload in files:
            if extension_of(upload.name) not in EXTENSIONS:
                problems.append(
                    _("“%(name)s” is not an HTML, PDF, DOCX or text file.") % {"name": upload.name}
                )
            elif upload.size > MAX_FILE_BYTES:
                problems.append(
                    _("“%(name)s” is too large: a file can be at most %(size)s MB.")
                    % {"name": upload.name, "size": MAX_FILE_BYTES // (1024 * 1024)}
                )
        if problems:
            raise ValidationError(problems)
        return files


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("accepted", _("Accept")),
            ("edited", _("Edit")),
            ("rejected", _("Reject")),
            ("pending", _("Undo")),
        ]
    )
    edited = forms.CharField(label=_("Corrected value"), required=False, widget=forms.Textarea)
