"""Template tags that render form fields with the shared components in templates/components/forms/."""

from django import forms, template

from positive_action.forms_mixin import first_input_id

register = template.Library()

TEXT_INPUT_CLASS = "form-input"


def described_by(bound_field):
    ids = []
    if bound_field.help_text:
        ids.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        ids.append(f"{bound_field.auto_id}-error")
    return " ".join(ids)


@register.inclusion_tag("components/forms/error_summary.html")
def form_error_summary(form):
    return {"errors": form.error_summary() if form.is_bound else []}


@register.inclusion_tag("components/forms/field.html")
def form_field(bound_field, css_class=""):
    widget = bound_field.field.widget
    attrs = {}
    if not isinstance(widget, (forms.CheckboxInput, forms.HiddenInput)):
        attrs["class"] = " ".join(filter(None, [TEXT_INPUT_CLASS, css_class, widget.attrs.get("class", "")]))
    if described_by(bound_field):
        attrs["aria-describedby"] = described_by(bound_field)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": bound_field,
        "widget_html": bound_field.as_widget(attrs=attrs),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
    }


@register.inclusion_tag("components/forms/fieldset.html")
def form_fieldset(bound_field, legend_class=""):
    """Radios or checkboxes in a fieldset whose legend is the field's label."""
    return {
        "field": bound_field,
        "legend_class": legend_class,
        "is_radio": isinstance(bound_field.field.widget, forms.RadioSelect),
        "first_id": first_input_id(bound_field),
        "described_by": described_by(bound_field),
    }
