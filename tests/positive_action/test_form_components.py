"""The shared form components render any Django form per the GOV.UK patterns."""

from django import forms
from django.template import Context, Template

from positive_action.forms_mixin import AccessibleFormMixin
from tests.helpers import soup


class ExampleForm(AccessibleFormMixin, forms.Form):
    autocomplete = {"email": "email"}

    email = forms.EmailField(label="Email address", help_text="We reply here")
    colour = forms.ChoiceField(
        label="Favourite colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")


TEMPLATE = Template(
    "{% load form_components %}{% form_error_summary form %}"
    "{% form_field form.email %}{% form_fieldset form.colour %}{% form_field form.agree %}"
)


class Rendered:
    def __init__(self, form):
        self.content = TEMPLATE.render(Context({"form": form})).encode()


def test_unbound_form_has_labels_hints_and_no_error_summary():
    document = soup(Rendered(ExampleForm()))

    assert document.find(class_="error-summary") is None
    email = document.find("input", attrs={"name": "email"})
    assert document.find("label", attrs={"for": email["id"]}).get_text(strip=True) == "Email address"
    assert email["aria-describedby"] == "id_email-hint"
    assert email["autocomplete"] == "email"
    assert document.find("fieldset").find("legend").get_text(strip=True) == "Favourite colour"


def test_errors_appear_in_a_focused_summary_linking_to_each_field_and_inline():
    form = ExampleForm(data={"email": "not an email"})
    assert not form.is_valid()
    document = soup(Rendered(form))

    summary = document.find(class_="error-summary")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    links = [link["href"] for link in summary.find_all("a")]
    assert links == ["#id_email", "#id_colour_0", "#id_agree"]
    email = document.find("input", attrs={"name": "email"})
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "id_email-hint id_email-error"
    assert "Enter a valid email address" in document.find(id="id_email-error").get_text()
    assert document.find("fieldset")["aria-describedby"] == "id_colour-error"


def test_hostile_values_are_escaped_when_the_form_is_shown_again():
    form = ExampleForm(data={"email": "<script>alert(1)</script>", "colour": "red", "agree": "on"})
    form.is_valid()
    html = Rendered(form).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_control_characters_are_stripped_from_text():
    form = ExampleForm(data={"email": "a@example.org", "colour": "red", "agree": "on"})
    form.fields["note"] = forms.CharField()
    form.data = {**form.data, "note": "line\x07bell\x1b"}

    assert form.is_valid()
    assert form.cleaned_data["note"] == "linebell"
