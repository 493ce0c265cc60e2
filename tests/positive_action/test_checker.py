"""The "Can I join?" checker: the editors' graph is checked on save, visitors move between GET steps with
nothing stored, bad or tampered input is handled, and an outcome's link fills in the registration form."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import roles
from home.models import HomePage
from positive_action.blocks import CheckerStepsBlock
from positive_action.checker_graph import BrokenPath, CheckerGraph, parse_answers
from positive_action.models import EligibilityCheckerPage, SupportRequest
from recruitment_site.devtools.demo.checker import OUTCOMES, QUESTIONS
from tests.factories import UserFactory
from tests.helpers import h1_texts, soup

pytestmark = pytest.mark.django_db

CHECKER = "/can-i-join/"
# In the demo: age "16 or under" (the third answer) ends at once; every first answer goes on to the next
# question until fitness, whose second answer ends at the fitness outcome.
TOO_YOUNG = "3"
TO_FITNESS = ["1"] * 9


# The graph, as editors write it


def step(block_type, **value):
    return SimpleNamespace(block_type=block_type, value=value)


def ask(name, *answers):
    return step(
        "question",
        name=name,
        question=f"{name}?",
        hint="",
        answers=[{"label": label, "go_to": go_to} for label, go_to in answers],
    )


def end(name):
    return step("outcome", name=name, title=name, kind="can_apply", text="", support_wanted="")


def soup_of(html):
    return BeautifulSoup(str(html), "html.parser")


def problems(*steps):
    return [(problem.index, problem.answer, problem.field) for problem in CheckerGraph(steps).problems()]


def test_demo_checker_graph_has_no_problems_and_every_outcome_can_be_reached():
    graph = CheckerGraph([step(kind, **value) for kind, value in QUESTIONS + OUTCOMES])

    assert graph.problems() == []
    reached = {
        graph.target(question, answer).name
        for question in graph.questions
        for answer in question.answers
        if graph.target(question, answer).is_outcome
    }
    assert reached == {outcome.name for outcome in graph.outcomes}


def test_answer_naming_a_missing_question_or_outcome_is_a_problem_on_that_answer():
    assert problems(ask("age", ("Yes", "adult"), ("No", "young")), end("young")) == [(0, 0, "go_to")]


def test_last_question_with_an_answer_that_goes_nowhere_is_a_problem():
    assert problems(ask("age", ("Yes", ""), ("No", "done")), end("done")) == [(0, 0, "go_to")]


def test_loop_between_questions_is_a_problem_on_the_answer_that_closes_it():
    found = problems(
        ask("age", ("Yes", ""), ("No", "done")),
        ask("home", ("Yes", "age"), ("No", "done")),
        end("done"),
    )

    assert found == [(1, 0, "go_to")]


def test_answer_going_back_to_its_own_question_is_a_problem():
    assert problems(ask("age", ("Again", "age"), ("No", "done")), end("done")) == [(0, 0, "go_to")]


def test_names_must_be_short_slugs_and_unique_across_questions_and_outcomes():
    found = problems(
        ask("Age!", ("Yes", "age"), ("No", "age")), ask("age", ("A", "x"), ("B", "x")), end("age")
    )

    assert (0, None, "name") in found and (2, None, "name") in found


def test_checker_without_an_outcome_is_a_problem_for_the_whole_stream():
    assert (None, None, "") in problems(ask("age", ("Yes", "age2"), ("No", "age2")), ask("age2", ("A", "")))


def test_saving_a_loop_puts_the_message_on_the_answer_at_fault():
    block = CheckerStepsBlock()
    value = block.to_python(
        [
            {
                "type": "question",
                "value": {
                    "name": "a",
                    "question": "A?",
                    "answers": [{"label": "Yes", "go_to": ""}, {"label": "No", "go_to": "done"}],
                },
            },
            {
                "type": "question",
                "value": {
                    "name": "b",
                    "question": "B?",
                    "answers": [{"label": "Yes", "go_to": "done"}, {"label": "No", "go_to": "a"}],
                },
            },
            {
                "type": "outcome",
                "value": {"name": "done", "title": "Done", "kind": "can_apply", "text": "<p>x</p>"},
            },
        ]
    )

    with pytest.raises(blocks.StreamBlockValidationError) as caught:
        block.clean(value)

    answer_error = caught.value.block_errors[1].block_errors["answers"].block_errors[1]
    assert "go round in a loop" in answer_error.block_errors["go_to"].messages[0]


def test_editor_saving_a_checker_with_a_loop_sees_the_error_and_nothing_is_created(client, demo_site):
    client.force_login(UserFactory(role=roles.MODERATORS))

    def answers(*items):
        return {
            "count": len(items),
            **{
                str(number): {
                    "value": {"label": label, "go_to": go_to},
                    "deleted": "",
                    "order": number,
                    "id": "",
                }
                for number, (label, go_to) in enumerate(items)
            },
        }

    steps = streamfield(
        [
            (
                "question",
                {"name": "a", "question": "A?", "hint": "", "answers": answers(("Yes", ""), ("No", "done"))},
            ),
            (
                "question",
                {"name": "b", "question": "B?", "hint": "", "answers": answers(("Yes", "a"), ("No", "done"))},
            ),
            (
                "outcome",
                {
                    "name": "done",
                    "title": "Done",
                    "kind": "can_apply",
                    "text": rich_text("<p>Yes</p>"),
                    "support_wanted": "",
                },
            ),
        ]
    )
    data = nested_form_data(
        {
            "title": "Checker two",
            "slug": "checker-two",
            "introduction": rich_text("<p>Hello</p>"),
            "steps": steps,
        }
    )

    response = client.post(f"/admin/pages/add/positive_action/eligibilitycheckerpage/{demo_site.pk}/", data)

    assert response.status_code == 200
    assert "go round in a loop" in response.content.decode()
    assert not EligibilityCheckerPage.objects.filter(slug="checker-two").exists()


@pytest.mark.parametrize("text", ["x", "1..2", "1.-2", "²", "1." * 41 + "1", "123"])
def test_answers_in_an_address_are_only_short_numbers(text):
    with pytest.raises(BrokenPath):
        parse_answers(text)


# A visitor's steps


def answer(client, answers, question, choice=None):
    params = {"answers": answers, "question": question}
    if choice is not None:
        params["answer"] = choice
    return client.get(CHECKER, params)


def test_start_page_says_criteria_are_examples_and_starts_at_the_first_question(client, demo_site):
    page = soup(client.get(CHECKER))

    assert "example criteria" in page.get_text()
    start = page.find("a", string="Start now")
    first = soup(client.get(start["href"]))
    assert start["href"] == CHECKER + "?answers="
    assert first.select_one("fieldset legend h1").get_text(strip=True) == "How old are you?"
    assert first.select_one("a.back-link")["href"] == CHECKER
    assert first.select_one("form")["method"] == "get"


def test_an_answer_redirects_to_the_next_question_whose_back_link_remembers_it(client, demo_site):
    response = answer(client, "", "age", "2")

    assert response.status_code == 302 and response.url == CHECKER + "?answers=2"
    page = soup(client.get(response.url))
    assert h1_texts(client.get(response.url)) == ["What is your nationality or immigration status?"]
    back = page.select_one("a.back-link")["href"]
    assert back == CHECKER + "?answers=&answer=2"
    assert soup(client.get(back)).select_one("input[name=answer][checked]")["value"] == "2"


def test_an_answer_that_ends_the_checker_shows_the_outcome_with_its_support_link(client, demo_site):
    response = answer(client, "", "age", TOO_YOUNG)
    outcome = client.get(response.url)

    assert h1_texts(outcome) == ["You are not old enough to apply yet"]
    page = soup(outcome).main
    assert "Not yet" in page.select_one(".checker-outcome").get_text()
    assert (
        page.find("a", string="Register for support")["href"]
        == "/register-for-support/?support=general_advice"
    )
    assert page.find("a", string="Start again")["href"] == CHECKER + "?answers="
    assert page.select_one("a.back-link")["href"] == CHECKER + "?answers=&answer=3"


def test_answering_every_question_leads_to_registration_with_the_support_ticked(client, demo_site):
    answers = []
    for name in [
        "age",
        "nationality",
        "residency",
        "local-connection",
        "tattoos",
        "convictions",
        "finances",
        "health",
        "eyesight",
    ]:
        response = answer(client, ".".join(answers), name, "1")
        assert response.status_code == 302, name
        answers.append("1")
    response = answer(client, ".".join(answers), "fitness", "2")

    outcome = soup(client.get(response.url)).main
    register = outcome.find("a", string="Register for support")["href"]
    assert "Fitness-test preparation" in outcome.get_text()
    form = soup(client.get(register))
    assert [box["value"] for box in form.select("input[name=support_wanted][checked]")] == ["fitness_prep"]


@pytest.mark.parametrize("choice", [None, "", "9", "yes"])
def test_no_answer_or_an_unknown_one_shows_select_an_answer(client, demo_site, choice):
    response = answer(client, "1", "nationality", choice)

    assert response.status_code == 200
    page = soup(response)
    assert page.title.get_text().startswith("Error:")
    summary = page.select_one(".error-summary a")
    assert summary.get_text() == "Select an answer" and summary["href"] == "#id_answer_0"
    assert (
        page.select_one(".form-group--error .form-error").get_text(" ", strip=True)
        == "Error: Select an answer"
    )
    assert page.select_one("input[name=answers]")["value"] == "1"


@pytest.mark.parametrize(
    "params",
    [
        {"answers": "1", "question": "age", "answer": "1"},  # the form is for a question already answered
        {"answers": "1", "question": "no-such-question", "answer": "1"},
        {"answers": "9", "question": "nationality", "answer": "1"},  # no ninth answer to the first question
        {"answers": "3.1"},  # an answer after the checker has ended
        {"answers": "3", "question": "age", "answer": "1"},  # a question form posted from an outcome
        {"answers": "one"},
    ],
)
def test_tampered_or_outdated_answers_ask_to_start_again(client, demo_site, params):
    response = client.get(CHECKER, params)

    assert response.status_code == 400
    assert h1_texts(response) == ["Please start again"]
    assert soup(response).main.find("a", string="Start again")["href"] == CHECKER


def test_a_walk_through_the_checker_stores_nothing_and_sets_no_cookie(client, demo_site):
    before = SupportRequest.objects.count()
    with CaptureQueriesContext(connection) as queries:
        responses = [
            client.get(CHECKER),
            client.get(CHECKER, {"answers": ""}),
            answer(client, "", "age"),
            answer(client, "", "age", "1"),
            answer(client, "1", "nationality", "1"),
            client.get(CHECKER, {"answers": TOO_YOUNG}),
        ]

    assert all(not response.cookies for response in responses)
    writes = [query["sql"] for query in queries if query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert SupportRequest.objects.count() == before


def test_a_step_is_kept_in_the_page_cache_by_its_address_alone(client, demo_site, django_assert_num_queries):
    first = client.get(CHECKER, {"answers": "1"})
    with django_assert_num_queries(0):
        again = client.get(CHECKER, {"answers": "1"})
    other = client.get(CHECKER, {"answers": "1.1"})

    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert h1_texts(other) == ["Have you lived in the UK for the last three years?"]


# The registration form filled in from an outcome's link


def test_registration_ticks_the_support_named_in_the_address_and_ignores_unknown_ones(client, demo_site):
    ticked = soup(client.get("/register-for-support/", {"support": ["mock_interview", "bogus"]}))
    nothing = soup(client.get("/register-for-support/", {"support": "<script>"}))

    assert [box["value"] for box in ticked.select("input[name=support_wanted][checked]")] == [
        "mock_interview"
    ]
    assert nothing.select("input[name=support_wanted][checked]") == []


class CheckerPagePlacementTests(WagtailPageTestCase):
    def test_checker_sits_under_the_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(EligibilityCheckerPage, {HomePage})
        self.assertAllowedSubpageTypes(EligibilityCheckerPage, {})


@pytest.mark.parametrize("model", ["eligibilitycheckerpage", "recruitmenttimelinepage"])
def test_editor_can_open_and_preview_the_checker_and_the_timeline(client, demo_site, model):
    page = Page.objects.get(content_type__model=model)
    client.force_login(UserFactory(role=roles.EDITORS))

    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert preview.status_code == 200 and len(h1_texts(preview)) == 1


def test_block_previews_show_where_answers_lead_and_the_outcome_kind():
    block = CheckerStepsBlock()

    rendered = soup_of(block.render(block.get_preview_value())).get_text(" ", strip=True)

    assert "Yes: goes to the next question" in rendered
    assert "No: goes to “not-yet-age”" in rendered
    assert "You can apply" in rendered and "can_apply" not in rendered
