"""The guards on both public forms: CSRF, length caps on every free-text answer, a cap on the whole
request, and no file uploads (so nothing a member of the public sends can end up in public media)."""

import pytest
from django import forms
from django.test import Client

from ambassadors_network.forms import AmbassadorSignupForm
from ambassadors_network.models import Ambassador
from positive_action.forms import SupportRegistrationForm
from positive_action.models import SupportRequest

from .public_forms import REGISTRATION, SIGN_UP, post_form

pytestmark = pytest.mark.django_db

FORMS = {
    "registration": (SupportRegistrationForm, REGISTRATION, SupportRequest),
    "sign_up": (AmbassadorSignupForm, SIGN_UP, Ambassador),
}


def free_text_fields(form_class):
    form = form_class()
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput)
    }


@pytest.mark.parametrize("which", FORMS)
def test_every_free_text_answer_has_a_length_cap(pages, which):
    form_class = FORMS[which][0]
    uncapped = [name for name, field in free_text_fields(form_class).items() if not field.max_length]

    assert free_text_fields(form_class)
    assert not uncapped


@pytest.mark.parametrize("which", FORMS)
def test_public_forms_accept_no_files(pages, which):
    form = FORMS[which][0]()

    assert not [name for name, field in form.fields.items() if isinstance(field, forms.FileField)]
    assert not form.is_multipart()


@pytest.mark.parametrize("which", FORMS)
def test_an_answer_over_its_cap_is_refused_with_a_message_and_nothing_stored(client, pages, which):
    form_class, data, model = FORMS[which]
    for name, field in free_text_fields(form_class).items():
        response = post_form(client, pages[which], {**data, name: "x" * (field.max_length + 1)})

        assert response.status_code == 200, name
        assert "There is a problem" in response.content.decode(), name
    assert not model.objects.exists()


@pytest.mark.parametrize("which", FORMS)
def test_a_request_body_over_the_site_cap_is_refused_and_nothing_stored(pages, settings, which):
    _form_class, data, model = FORMS[which]
    visitor = Client(raise_request_exception=False)

    response = post_form(
        visitor, pages[which], {**data, "website": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    )

    assert response.status_code == 400
    assert not model.objects.exists()


@pytest.mark.parametrize("which", FORMS)
def test_a_post_without_the_csrf_token_is_refused_and_nothing_stored(pages, which):
    _form_class, data, model = FORMS[which]

    response = post_form(Client(enforce_csrf_checks=True), pages[which], data)

    assert response.status_code == 403
    assert not model.objects.exists()
