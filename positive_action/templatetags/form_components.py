"""Template tags that render form fields with the shared components in templates/components/forms/."""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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
        "options": choice_options(bound_field),
        "legend_class": legend_class,
        "is_radio": isinstance(bound_field.field.widget, forms.RadioSelect),
        "first_id": first_input_id(bound_field),
        "described_by": described_by(bound_field),
    }


def choice_options(bound_field):
    """Each option's input and label, built in Python rather than by a template per option: the
    registration form has about 70 options, and rendering them was the largest cost of showing it."""
    return format_html_join(
        "\n",
        '<div class="form-choice">{}<label class="form-choice__label" for="{}">{}</label></div>',
        ((option_input(option.data), option.id_for_label, option.choice_label) for option in bound_field),
    )


def option_input(data):
    """The markup Django's input.html and attrs.html widget templates give one radio or checkbox."""
    html = format_html('<input type="{}" name="{}"', data["type"], data["name"])
    if data["value"] is not None:
        html += format_html(' value="{}"', str(data["value"]))
    for name, value in data["attrs"].items():
        if value is True:
            html += format_html(" {}", name)
        elif value is not False:
            html += format_html(' {}="{}"', name, str(value))
    return html + mark_safe(">")
