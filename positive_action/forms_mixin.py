"""A small mixin that makes any Django form render per the GOV.UK patterns with the component templates.

    class MyForm(AccessibleFormMixin, forms.Form):
        autocomplete = {"name": "name", "email": "email"}

and in the template::

    {% load form_components %}
    {% form_error_summary form %}
    {% form_field form.name %}
    {% form_fieldset form.support_wanted %}   {# radios and checkboxes, with a legend #}

The mixin removes control, bidirectional and zero-width characters from everything typed (before any
field checks it, so an empty-looking name is refused as empty), sets autocomplete and input-mode attributes, and lists
errors in field order for the summary (whose links go to the first input of each field).
"""

from django import forms

from recruitment_site.core.text import plain_text


class AccessibleFormMixin:
    autocomplete: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = plain_data(self.data)
        for name, token in self.autocomplete.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = token

    def clean(self):
        # The data were made plain when the form was built; this also covers data set afterwards.
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = plain_text(value)
        return cleaned

    def error_summary(self):
        """[(anchor id, message)] for the error summary, in the order the fields appear."""
        items = [(self.non_field_anchor(), message) for message in self.non_field_errors()]
        for field in self:
            for message in field.errors:
                items.append((first_input_id(field), message))
        return items

    def non_field_anchor(self):
        first = next(iter(self), None)
        return first_input_id(first) if first else ""


def plain_data(data):
    """A copy of the submitted data (a QueryDict, or a dict in tests) with every text through ``plain_text``."""
    if not hasattr(data, "getlist"):
        return {key: plain_value(value) for key, value in data.items()}
    plain = data.copy()
    for key in plain:
        plain.setlist(key, [plain_value(value) for value in data.getlist(key)])
    return plain


def plain_value(value):
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, (list, tuple)):
        return [plain_value(item) for item in value]
    return value


def first_input_id(bound_field):
    """Radios and checkboxes get ids id_x_0, id_x_1…; the summary links to the first one."""
    if isinstance(bound_field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id
