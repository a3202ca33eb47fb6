from django import forms
from django.utils.translation import gettext_lazy as _

from hanke.core.i18n import localised
from hanke.finance.forms import AccessibleFormMixin, DateInput

from .output_selectors import publication_deliverables


class DeliverableChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, deliverable):
        title = localised(deliverable, "title").text or deliverable.get_deliverable_type_display()
        if deliverable.work_package_id:
            package = deliverable.work_package
            name = localised(package, "title").text
            where = f"{package.number}. {name}" if package.number else name
            return _("%(title)s (work package %(package)s)") % {"title": title, "package": where}
        return title


class PublicationForm(AccessibleFormMixin, forms.Form):
    """What a publication is: the rules (no future date, http/https links, this project's
    deliverables) are checked by `output_services`, whose errors go next to these fields."""

    title = forms.CharField(label=_("Title"), max_length=300)
    published_on = forms.DateField(
        label=_("Date of publication"),
        widget=DateInput,
        error_messages={"invalid": _("Enter a date, for example 9.4.2025.")},
    )
    url = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "url"}),
        help_text=_("The web address where it is published, starting with https:// or http://."),
    )
    deliverable = DeliverableChoiceField(
        label=_("Counts towards"),
        queryset=None,
        required=False,
        empty_label=_("— no deliverable —"),
        help_text=_("The planned deliverable this publication counts towards."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deliverable"].queryset = publication_deliverables(project=project)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "published_on": data["published_on"],
            "url": data.get("url") or "",
            "deliverable": data.get("deliverable"),
        }
