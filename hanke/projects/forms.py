"""The forms of the application's sections, one per section.

Each section form parses what the applicant typed and hands it to its service
(`services.application_<section>_set`), which holds the rules and raises a ValidationError keyed
by field. The forms share one small interface that the section views use:

- `is_valid()`, `service_data()` and `add_service_errors(error)`;
- `bound_fields()`: every field, so that an autosave can refresh each field's error text;
- `error_items()`: (field id, label, message) for the error summary; `form_errors()`: the rest.

Every field always points `aria-describedby` at its error slot (`<field id>-error`, rendered by
projects/partials/field.html, empty while the field is fine) and is marked `aria-invalid` when the
slot has text, so an autosave that only refreshes the slots keeps the two in step."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hanke.core.business_id import normalise_business_id
from hanke.core.i18n import localised
from hanke.core.models import Municipality, Region
from hanke.core.uploads import ALLOWED_LABEL, check_upload
from hanke.finance.forms import AccessibleFormMixin, AmountField, DateInput
from hanke.finance.models import (
    FLAT_RATE_COVERS_ALL_OTHER_COSTS,
    CostCategory,
    CostModel,
    FundingSource,
)

from .models import Deliverable, Project, ProjectPartner, TargetGroup, Theme
from .services import DESCRIPTION_KINDS, allowed_cost_models, deliverable_errors

TEXTAREA = {"rows": 6}


def _texts(obj, field: str) -> str:
    return localised(obj, field).text if obj is not None else ""


class LocalisedMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return localised(obj, "name").text


class MunicipalityChoiceField(LocalisedMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{localised(obj, 'name').text} ({localised(obj.region, 'name').text})"


class ObjectiveChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {localised(obj, 'name').text}"


class SlotFormMixin(AccessibleFormMixin):
    """An AccessibleFormMixin whose fields point at their error slot from the start."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def describe_fields(self) -> None:
        """Point each field at its error slot (and help text); call again after adding fields."""
        for name, field in self.fields.items():
            described = [f"{self[name].auto_id}-error"]
            if field.help_text:
                described.append(f"{self[name].auto_id}_helptext")
            field.widget.attrs["aria-describedby"] = " ".join(described)


class SectionFormMixin(SlotFormMixin):
    """The section interface for a plain form."""

    def bound_fields(self) -> list:
        return list(self)

    def error_items(self) -> list:
        return [
            (
                f"{field.auto_id}_0" if field.field.widget.use_fieldset else field.id_for_label,
                field.label,
                message,
            )
            for field in self
            for message in field.errors
        ]

    def form_errors(self) -> list:
        return list(self.non_field_errors())

    def typed(self, name: str):
        """The value of a field as typed now (None if it does not parse), or its initial value:
        for the live figures, which show what was typed even when a rule refused it."""
        if not self.is_bound:
            return self.initial.get(name)
        try:
            return self.fields[name].clean(self[name].data)
        except ValidationError:
            return None


# --- basic, summary, description, timetable ------------------------------------------------------


class BasicForm(SectionFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the project"), max_length=300, required=False)
    acronym = forms.CharField(
        label=_("Acronym"),
        max_length=40,
        required=False,
        help_text=_("A short name, if the project uses one."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of project"), choices=Project.Kind.choices, widget=forms.RadioSelect
    )
    specific_objective = ObjectiveChoiceField(
        label=_("Specific objective"),
        queryset=None,
        required=False,
        empty_label=_("— choose —"),
    )
    regions = LocalisedMultipleChoiceField(
        label=_("Regions where the project works"), queryset=Region.objects.all(), required=False
    )
    municipalities = MunicipalityChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.select_related("region"),
        required=False,
    )
    themes = LocalisedMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False
    )

    def __init__(self, data=None, *, project, **kwargs):
        initial = {
            "name": _texts(project, "name"),
            "acronym": project.acronym,
            "kind": project.kind,
            "specific_objective": project.specific_objective_id,
            "regions": list(project.regions.values_list("pk", flat=True)),
            "municipalities": list(project.municipalities.values_list("pk", flat=True)),
            "themes": list(project.themes.values_list("pk", flat=True)),
        }
        super().__init__(data, initial=initial, **kwargs)
        from hanke.programmes.models import SpecificObjective

        if project.call_id:
            objectives = project.call.specific_objectives.all()
        elif project.programme_id:
            objectives = SpecificObjective.objects.filter(
                priority_axis__programme=project.programme_id
            )
        else:
            objectives = SpecificObjective.objects.none()
        self.fields["specific_objective"].queryset = objectives.select_related("priority_axis")

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class SummaryForm(SectionFormMixin, forms.Form):
    summary = forms.CharField(
        label=_("Summary for publication"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "A short public description of what the project does and for whom. It is published "
            "if the project is funded."
        ),
    )

    def __init__(self, data=None, *, project, **kwargs):
        super().__init__(data, initial={"summary": _texts(project, "summary")}, **kwargs)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


def _section_text(project, kind: str) -> str:
    section = project.sections.filter(kind=kind).order_by("order", "pk").first()
    return _texts(section, "body")


class DescriptionForm(SectionFormMixin, forms.Form):
    background = forms.CharField(
        label=_("Background"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("The need or problem the project answers."),
    )
    objectives = forms.CharField(
        label=_("Objectives"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("What will be different when the project ends."),
    )
    implementation = forms.CharField(
        label=_("Implementation"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("How the work is organised, if you want to say more than the work packages."),
    )

    def __init__(self, data=None, *, project, **kwargs):
        initial = {kind: _section_text(project, kind) for kind in DESCRIPTION_KINDS}
        super().__init__(data, initial=initial, **kwargs)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class TimetableForm(SectionFormMixin, forms.Form):
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput)
    end_date = forms.DateField(label=_("End date"), required=False, widget=DateInput)
    timetable = forms.CharField(
        label=_("Timetable"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("When each part of the work is done, for example by half-year."),
    )

    def __init__(self, data=None, *, project, **kwargs):
        from .application import eligible_period

        initial = {
            "start_date": project.start_date,
            "end_date": project.end_date,
            "timetable": _section_text(project, "timetable"),
        }
        super().__init__(data, initial=initial, **kwargs)
        self.earliest, self.latest = eligible_period(project)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


# --- rows: partners, target groups, work packages and deliverables ------------------------------


class RowFormMixin(SlotFormMixin):
    """A row of a list. A row whose `content_fields` are all empty is left out; so is a row marked
    for removal."""

    content_fields: tuple = ()

    def has_content(self) -> bool:
        return any(
            str(self.data.get(self.add_prefix(name), "")).strip() for name in self.content_fields
        )

    def is_removed(self) -> bool:
        return bool(self.data.get(self.add_prefix("DELETE")))

    def row_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}

    def nested_valid(self) -> bool:
        return True


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            if "DELETE" in form.fields:
                form.fields["DELETE"].label = _("Remove this row")
                form.describe_fields()

    def kept_forms(self) -> list:
        """The rows that are passed on, in order (empty and removed rows are left out)."""
        if not self.is_bound:
            return []
        return [f for f in self.forms if f.has_content() and not f.is_removed()]

    def rows_valid(self) -> bool:
        """The management data is sound and every row that is passed on is valid. (An empty or
        removed row is not checked.)"""
        if not self.is_bound:
            return False
        self.errors  # noqa: B018 - cleans every row
        if self.non_form_errors():
            return False
        return all(not form.errors and form.nested_valid() for form in self.kept_forms())


def _row_formset(form, extra: int):
    return forms.formset_factory(form, formset=BaseRowFormSet, extra=extra, can_delete=True)


class RowsSection:
    """The section interface for a list of rows (a formset)."""

    row_form = None
    prefix = ""
    extra = 2

    def __init__(self, data=None, *, project, **kwargs):
        self.project = project
        self.formset = _row_formset(self.row_form, self.extra)(
            data, initial=self.initial_rows(project), prefix=self.prefix, form_kwargs=kwargs
        )
        self._extra_errors = []

    def initial_rows(self, project) -> list:
        return []

    @property
    def forms(self):
        return self.formset.forms

    @property
    def management_form(self):
        return self.formset.management_form

    @property
    def is_bound(self):
        return self.formset.is_bound

    def is_valid(self) -> bool:
        return self.formset.rows_valid()

    def service_data(self) -> list:
        return [form.row_data() for form in self.formset.kept_forms()]

    def _place(self, form, field, messages):
        form.add_error(field if field in form.fields else None, messages)
        form.full_clean_attrs()

    def add_service_errors(self, error: ValidationError) -> None:
        """Place the service's `<row>.<field>` (and `<row>.deliverables.<n>.<field>`) errors on
        the row they concern, counting only the rows that were passed on."""
        kept = self.formset.kept_forms()
        if not hasattr(error, "error_dict"):
            self._extra_errors.extend(error.messages)
            return
        for key, messages in error.message_dict.items():
            parts = key.split(".")
            if len(parts) >= 2 and parts[0].isdigit() and int(parts[0]) < len(kept):
                form = kept[int(parts[0])]
                if len(parts) == 4 and parts[1] == "deliverables" and hasattr(form, "deliverables"):
                    rows = form.deliverables.kept_forms()
                    if parts[2].isdigit() and int(parts[2]) < len(rows):
                        self._place(rows[int(parts[2])], parts[3], messages)
                        continue
                self._place(form, parts[1], messages)
            else:
                self._extra_errors.extend(messages)

    def bound_fields(self) -> list:
        """Every field with an error slot on the page (a new row's removal box has none)."""
        fields = []
        for form in self.formset.forms:
            for inner in [form, *(getattr(form, "deliverables", None) or [])]:
                fields.extend(field for field in inner if field.name != "DELETE")
        return fields

    def error_items(self) -> list:
        items = []
        for n, form in enumerate(self.formset.forms, start=1):
            for inner in [form, *(getattr(form, "deliverables", None) or [])]:
                first = inner[next(iter(inner.fields))].id_for_label
                for message in inner.non_field_errors():
                    items.append((first, _("Row %(row)s") % {"row": n}, message))
                for field in inner:
                    for message in field.errors:
                        items.append(
                            (
                                field.id_for_label,
                                _("Row %(row)s: %(field)s") % {"row": n, "field": field.label},
                                message,
                            )
                        )
        return items

    def form_errors(self) -> list:
        return [*self.formset.non_form_errors(), *self._extra_errors]


class PartnerForm(RowFormMixin, forms.Form):
    content_fields = ("name", "business_id", "description")

    name = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    business_id = forms.CharField(
        label=_("Business ID (Y-tunnus)"),
        max_length=20,
        required=False,
        help_text=_("Form 1234567-1."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=ProjectPartner.Role.choices, initial=ProjectPartner.Role.PARTNER
    )
    description = forms.CharField(
        label=_("What the organisation does in the project"), max_length=300, required=False
    )

    def clean_business_id(self):
        # checked here too, so that it is reported together with the row's other errors
        value = (self.cleaned_data.get("business_id") or "").strip()
        return normalise_business_id(value) if value else value


class PartnersForm(RowsSection):
    row_form = PartnerForm
    prefix = "partners"

    def initial_rows(self, project):
        return [
            {
                "name": _texts(p.organisation, "name"),
                "business_id": p.organisation.business_id,
                "role": p.role,
                "description": _texts(p, "description"),
            }
            for p in project.partners.select_related("organisation").order_by("pk")
        ]


class TargetGroupForm(RowFormMixin, forms.Form):
    content_fields = ("name", "target_count")

    name = forms.CharField(label=_("Target group"), max_length=300, required=False)
    target_count = forms.IntegerField(
        label=_("Target (number)"), required=False, min_value=0, max_value=10**9
    )
    unit = forms.ChoiceField(
        label=_("Unit"), choices=TargetGroup.Unit.choices, initial=TargetGroup.Unit.PERSONS
    )


class TargetGroupsForm(RowsSection):
    row_form = TargetGroupForm
    prefix = "groups"

    def initial_rows(self, project):
        return [
            {"name": _texts(g, "name"), "target_count": g.target_count, "unit": g.unit}
            for g in project.target_groups.order_by("order", "pk")
        ]


class DeliverableForm(RowFormMixin, forms.Form):
    content_fields = ("title", "target_min", "target_max")

    deliverable_type = forms.ChoiceField(
        label=_("Type"), choices=Deliverable.Type.choices, initial=Deliverable.Type.OTHER
    )
    title = forms.CharField(label=_("Deliverable"), max_length=300, required=False)
    target_qualifier = forms.ChoiceField(
        label=_("Target"),
        choices=Deliverable.Qualifier.choices,
        initial=Deliverable.Qualifier.NONE,
    )
    target_min = forms.IntegerField(
        label=pgettext_lazy("target", "Number (or from)"),
        required=False,
        min_value=0,
        max_value=10**9,
    )
    target_max = forms.IntegerField(
        label=pgettext_lazy("target", "To (range only)"),
        required=False,
        min_value=0,
        max_value=10**9,
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.has_content() and not self.is_removed():
            for field, message in deliverable_errors(cleaned).items():
                self.add_error(field, message)
        return cleaned


DeliverableFormSet = _row_formset(DeliverableForm, 2)


class WorkPackageForm(RowFormMixin, forms.Form):
    content_fields = ("title", "description", "activities")

    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=99, required=False)
    title = forms.CharField(
        label=pgettext_lazy("of a work package or deliverable", "Title"),
        max_length=300,
        required=False,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    activities = forms.CharField(
        label=_("Activities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One activity per line."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.deliverables = DeliverableFormSet(
            self.data if self.is_bound else None,
            initial=(self.initial or {}).get("deliverables") or [],
            prefix=self.add_prefix("del"),
        )

    def has_content(self) -> bool:
        return super().has_content() or bool(self.deliverables.kept_forms())

    def nested_valid(self) -> bool:
        return self.deliverables.rows_valid()

    def row_data(self) -> dict:
        data = super().row_data()
        data["activities"] = [
            line.strip() for line in (data.get("activities") or "").splitlines() if line.strip()
        ]
        data["deliverables"] = [f.row_data() for f in self.deliverables.kept_forms()]
        return data


class WorkPackagesForm(RowsSection):
    row_form = WorkPackageForm
    prefix = "wp"
    extra = 1

    def __init__(self, data=None, *, project, **kwargs):
        super().__init__(data, project=project, **kwargs)
        # a new row gets the next free number
        numbers = [row.get("number") or 0 for row in self.formset.initial or []]
        for n, form in enumerate(self.formset.extra_forms, start=1):
            form.initial = {**form.initial, "number": max(numbers, default=0) + n}
            form.fields["number"].initial = max(numbers, default=0) + n

    def initial_rows(self, project):
        rows = []
        for package in project.work_packages.prefetch_related("activities", "deliverables"):
            rows.append(
                {
                    "number": package.number,
                    "title": _texts(package, "title"),
                    "description": _texts(package, "description"),
                    "activities": "\n".join(
                        _texts(a, "description") for a in package.activities.all()
                    ),
                    "deliverables": [
                        {
                            "deliverable_type": d.deliverable_type,
                            "title": _texts(d, "title"),
                            "target_qualifier": d.target_qualifier,
                            "target_min": d.target_min,
                            "target_max": d.target_max,
                        }
                        for d in package.deliverables.all()
                    ],
                }
            )
        return rows


# --- cost estimate and financing plan ----------------------------------------------------------


class CostsForm(SectionFormMixin, forms.Form):
    cost_model = forms.ChoiceField(label=_("Cost model"), widget=forms.RadioSelect)

    def __init__(self, data=None, *, project, **kwargs):
        from hanke.finance.models import Budget

        budget = Budget.objects.filter(project=project).first()
        allowed = allowed_cost_models(project)
        initial = {
            "cost_model": budget.cost_model
            if budget and budget.cost_model in allowed
            else allowed[0]
        }
        if budget is not None:
            for line in budget.cost_lines.all():
                initial[f"cost_{line.category}"] = line.amount
        super().__init__(data, initial=initial, **kwargs)
        self.project = project
        self.fields["cost_model"].choices = [(m, CostModel(m).label) for m in allowed]
        for category in CostCategory:
            self.fields[f"cost_{category}"] = AmountField(label=category.label, required=False)
        self.fields["cost_revenues"].help_text = _("Revenues are deducted from the costs.")
        self.describe_fields()

    # the cost models under which the other cost lines are hidden (read by application.js)
    flat_rate_covers_all = " ".join(sorted(FLAT_RATE_COVERS_ALL_OTHER_COSTS))

    @property
    def chosen_model(self) -> str:
        if self.is_bound:
            value = self.data.get(self.add_prefix("cost_model"))
        else:
            value = self.initial.get("cost_model")
        return value if value in dict(self.fields["cost_model"].choices) else ""

    @property
    def covers_all_other_costs(self) -> bool:
        return self.chosen_model in FLAT_RATE_COVERS_ALL_OTHER_COSTS

    @property
    def staff_fields(self):
        return [self["cost_staff"]]

    @property
    def other_fields(self):
        return [
            self[f"cost_{c}"]
            for c in CostCategory
            if c not in (CostCategory.STAFF, CostCategory.REVENUES)
        ]

    @property
    def revenue_fields(self):
        return [self["cost_revenues"]]

    def _lines(self, cleaned) -> dict:
        covered = cleaned.get("cost_model") in FLAT_RATE_COVERS_ALL_OTHER_COSTS
        return {
            category.value: cleaned.get(f"cost_{category}")
            for category in CostCategory
            if cleaned.get(f"cost_{category}") is not None
            and not (covered and category not in (CostCategory.STAFF, CostCategory.REVENUES))
        }

    def service_data(self) -> dict:
        return {
            "cost_model": self.cleaned_data["cost_model"],
            "cost_lines": self._lines(self.cleaned_data),
        }

    def figures(self):
        """The flat rate and total of what is typed now (the amounts that parse), for the live
        panel."""
        from hanke.finance.calculations import compute_costs

        model = self.chosen_model
        if not model:
            return None
        typed = {name: self.typed(name) for name in self.fields if name.startswith("cost_")}
        return compute_costs(model, self._lines({**typed, "cost_model": model}))


FINANCING_SOURCES = [
    FundingSource.AID,
    FundingSource.MUNICIPAL,
    FundingSource.OTHER_PUBLIC,
    FundingSource.PRIVATE,
    FundingSource.OWN,
]


class FinancingForm(SectionFormMixin, forms.Form):
    def __init__(self, data=None, *, project, **kwargs):
        from hanke.finance.models import Budget

        budget = Budget.objects.filter(project=project).first()
        initial = {}
        sources = list(FINANCING_SOURCES)
        if budget is not None:
            for line in budget.financing_lines.all():
                initial[f"source_{line.source}"] = line.amount
                if line.source not in sources:
                    sources.append(FundingSource(line.source))
        super().__init__(data, initial=initial, **kwargs)
        self.project = project
        self.budget = budget
        self.source_names = []
        for source in sources:
            name = f"source_{source}"
            self.fields[name] = AmountField(label=source.label, required=False)
            self.source_names.append(name)
        self.describe_fields()

    @property
    def source_fields(self):
        return [self[name] for name in self.source_names]

    def _financing(self, cleaned) -> dict:
        return {
            name.removeprefix("source_"): cleaned[name]
            for name in self.source_names
            if cleaned.get(name) is not None
        }

    def service_data(self) -> dict:
        return {"financing": self._financing(self.cleaned_data)}

    def figures(self) -> dict:
        """Sum of the typed sources against the saved total cost, and the aid rate against the
        call's maximum, for the live panel."""
        from decimal import Decimal

        from hanke.core.money import share_percent
        from hanke.finance.selectors import max_aid_rate_for

        financing = self._financing({name: self.typed(name) for name in self.source_names})
        total = self.budget.total_cost if self.budget is not None else None
        financed = sum(financing.values(), Decimal("0"))
        aid = financing.get(FundingSource.AID.value, Decimal("0"))
        rate = share_percent(aid, total) if total else None
        maximum = max_aid_rate_for(self.project)
        return {
            "total": total,
            "financed": financed,
            "difference": None if total is None else financed - total,
            "aid": aid,
            "aid_rate": rate,
            "max_aid_rate": maximum,
            "aid_within": rate is None or rate <= maximum,
        }


# --- indicators ---------------------------------------------------------------------------------


class IndicatorsForm(SectionFormMixin, forms.Form):
    def __init__(self, data=None, *, project, **kwargs):
        indicators = list(project.programme.indicators.all()) if project.programme_id else []
        initial = {f"indicator_{t.indicator_id}": t.target for t in project.indicator_targets.all()}
        super().__init__(data, initial=initial, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            name = f"indicator_{indicator.pk}"
            self.fields[name] = AmountField(
                label=f"{indicator.code} {localised(indicator, 'name').text}",
                required=False,
                max_digits=12,
                help_text=_("Unit: %(unit)s. Leave empty if the project sets no target for it.")
                % {"unit": localised(indicator, "unit").text},
            )
        self.describe_fields()

    @property
    def output_fields(self):
        return [self[f"indicator_{i.pk}"] for i in self.indicators if i.kind == "output"]

    @property
    def result_fields(self):
        return [self[f"indicator_{i.pk}"] for i in self.indicators if i.kind != "output"]

    def service_data(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"indicator_{i.pk}") for i in self.indicators}


# --- attachments --------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class AttachmentForm(SectionFormMixin, forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        error_messages={"required": _("Choose at least one file to attach.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=300,
        required=False,
        help_text=_("What the files are, e.g. “Letter of intent from the city”."),
    )

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        # formatted here, in the language of the request
        self.fields["files"].help_text = _(
            "%(types)s; at most %(size)s MB each. You can choose several files at once."
        ) % {"types": ALLOWED_LABEL, "size": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        self.describe_fields()
        self.fields["files"].widget.attrs["accept"] = ",".join(
            sorted({".pdf", ".docx", ".xlsx", ".odt", ".png", ".jpg", ".jpeg", ".txt", ".csv"})
        )

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        problems = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                problems.extend(error.messages)
        if problems:
            raise ValidationError(problems)
        return files


SECTION_FORMS = {
    "basic": BasicForm,
    "partners": PartnersForm,
    "summary": SummaryForm,
    "description": DescriptionForm,
    "target_groups": TargetGroupsForm,
    "work_packages": WorkPackagesForm,
    "timetable": TimetableForm,
    "costs": CostsForm,
    "financing": FinancingForm,
    "indicators": IndicatorsForm,
}
