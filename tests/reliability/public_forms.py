"""Valid answers to the two public forms, and posting them as a browser does."""

import http.client
import re
import threading
import urllib.parse
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
    "preferred_contact": "email",
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


def post_together(server_url, path, submissions):
    """Send every one of ``submissions`` (the answers, with their ``submission_token``) to a running
    server as browsers do: each over its own connection, after loading the form for its CSRF cookie,
    all released at the same moment by a barrier. Returns (status, Location header) per submission, in
    order; a post that failed outright gives (None, the error)."""
    address = urllib.parse.urlsplit(server_url)
    barrier = threading.Barrier(len(submissions))
    answers = [None] * len(submissions)

    def send(index, answers_to_send):
        server = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        try:
            headers, csrf_token = browser_headers(server, f"{server_url}{path}", path)
            body = form_body({**answers_to_send, "csrfmiddlewaretoken": csrf_token})
            barrier.wait(timeout=60)
            server.request("POST", path, body, headers)
            answer = server.getresponse()
            answer.read()
            answers[index] = (answer.status, answer.getheader("Location", ""))
        except Exception as error:  # noqa: BLE001 - reported in the answers, so the test shows it
            barrier.abort()
            answers[index] = (None, repr(error))
        finally:
            server.close()

    senders = [threading.Thread(target=send, args=item) for item in enumerate(submissions)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=120)
    return answers


def browser_headers(server, page_address, path):
    """Load the form page; the headers a browser's post of it carries, and the form's CSRF token."""
    server.request("GET", path)
    form = server.getresponse()
    page = form.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", form.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Referer": page_address,
    }
    return headers, token


def form_body(answers):
    """URL-encoded as a browser sends a form: a list answer (checkboxes) is one field per value."""
    fields = [
        (name, value)
        for name, values in answers.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    return urllib.parse.urlencode(fields)
