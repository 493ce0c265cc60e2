"""Valid answers to the two public forms, and posting them as a browser does."""

import uuid

REGISTRATION = {
    "name": "Amina Okafor",
    "email": "amina@example.org",
    "phone": "07700 900982",
    "preferred_contact": "email",
    "borough": "outside",
    "role_of_interest": "constable",
    "application_progress": "not_applied",
    "support_wanted": ["mock_interview", "mentoring"],
    "access_needs": "",
    "heard_about": "event",
    "consent": "on",
    "website": "",
    "equality_ethnicity": "asian_bangladeshi",
}
SIGN_UP = {
    "name": "Test Ambassador",
    "email": "test.ambassador@example.org",
    "phone": "020 7946 0123",
    "organisation": "Test Community Group",
    "community_role": "faith_leader",
    "boroughs": ["newham"],
    "communities": ["tamil"],
    "other_communities": "",
    "languages": "English, Tamil",
    "networks": ["faith_groups"],
    "time_commitment": "few_hours_month",
    "motivation": "I want young people in my community to see policing as a career.",
    "consent": "on",
}


def post_form(client, page, data):
    """Post as a browser does: with a fresh one-time submission token."""
    return client.post(page.url, {**data, "submission_token": str(uuid.uuid4())})
