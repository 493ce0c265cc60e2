import factory
from django.utils import timezone

from positive_action.models import CaseworkEmailTemplate, SupportRequest
from recruitment_site.core.references import new_reference


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRequest

    reference = factory.LazyFunction(lambda: new_reference("PA", 8))
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    role_of_interest = "constable"
    application_progress = "not_applied"
    heard_about = "event"
    support_wanted = ",mentoring,"
    consented_at = factory.LazyFunction(timezone.now)


class CaseworkEmailTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseworkEmailTemplate

    title = factory.Sequence(lambda n: f"Template {n}")
    subject = "Your mock interview, {first_name}"
    body = (
        "Dear {name},\n\nWe have booked you a mock interview. Your reference is {reference}.\n\n{sender_name}"
    )
