"""The "Can I join?" checker's steps, one question per page, with nothing kept on the server.

Every step is a GET address: ``?answers=1.3`` is the step the first answer to the first question and the
third answer to the next lead to (checker_graph.py replays them). A question's form sends the answers so
far, the question's name and the chosen answer as GET parameters; a good answer redirects to the next
step's address, so each step can be bookmarked and reloaded, and the back link is the address with the
last answer taken off. No session, cookie or row is written, so a step is the same page for anyone who
asks for its address: the page cache may keep it (home/caching.py), and a cached step never carries one
visitor's answers to another, because the answers are the address.
"""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .checker_graph import BrokenPath, CheckerGraph, format_answers, parse_answers
from .forms_mixin import AccessibleFormMixin
from .templatetags.form_components import choice_options, described_by

ANSWERS = "answers"
QUESTION = "question"
ANSWER = "answer"
SELECT_AN_ANSWER = _("Select an answer")


class CheckerAnswerForm(AccessibleFormMixin, forms.Form):
    answer = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={"required": SELECT_AN_ANSWER, "invalid_choice": SELECT_AN_ANSWER},
    )

    def __init__(self, question, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields[ANSWER]
        field.label = question.text
        field.help_text = question.hint
        field.choices = [(str(number), answer.label) for number, answer in enumerate(question.answers, 1)]


class CheckerFlow:
    """Serves one step of an EligibilityCheckerPage from the request's GET parameters."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.params = request.GET
        self.graph = CheckerGraph(page.steps)

    def serve(self):
        if ANSWERS not in self.params:
            return self.render(self.page.template, {"first_step_url": self.step_url([])})
        try:
            positions = parse_answers(self.params[ANSWERS])
            step = self.graph.replay(positions)
        except BrokenPath:
            return self.start_again()
        if QUESTION in self.params:
            return self.handle_answer(positions, step)
        if step.is_outcome:
            return self.render_outcome(positions, step)
        # Arriving by the back link, the answer given before is chosen again (GOV.UK's pattern).
        form = CheckerAnswerForm(step, initial={ANSWER: self.params.get(ANSWER)})
        return self.render_question(positions, step, form)

    def handle_answer(self, positions, question):
        # The form names the question it asked: a different one means the hidden fields were changed by
        # hand or the page was edited since, and the answer cannot be trusted to mean what it says.
        if question.is_outcome or self.params[QUESTION] != question.name:
            return self.start_again()
        form = CheckerAnswerForm(question, {ANSWER: self.params.get(ANSWER, "")})
        if not form.is_valid():
            return self.render_question(positions, question, form)
        return redirect(self.step_url(positions + [int(form.cleaned_data[ANSWER])]))

    def render_question(self, positions, question, form):
        context = {
            "form": form,
            "question": question,
            "answers": format_answers(positions),
            "options": choice_options(form[ANSWER]),
            "described_by": described_by(form[ANSWER]),
            "back_url": self.back_url(positions),
        }
        return self.render("pages/eligibility_checker_question.html", context)

    def render_outcome(self, positions, outcome):
        context = {
            "outcome": outcome.value,
            "registration_url": self.registration_url(outcome.value.get("support_wanted") or ""),
            "timeline_url": self.page.timeline_url(self.request),
            "back_url": self.back_url(positions),
            "start_url": self.step_url([]),
        }
        return self.render("pages/eligibility_checker_outcome.html", context)

    def start_again(self):
        context = {"start_url": self.page.url}
        return self.render("pages/eligibility_checker_start_again.html", context, status=400)

    def render(self, template, context, status=200):
        return TemplateResponse(self.request, template, {"page": self.page, **context}, status=status)

    def step_url(self, positions):
        return f"{self.page.url}?{urlencode({ANSWERS: format_answers(positions)})}"

    def back_url(self, positions):
        """The previous step with the answer given there chosen again, or the start page."""
        if not positions:
            return self.page.url
        return f"{self.step_url(positions[:-1])}&{urlencode({ANSWER: positions[-1]})}"

    def registration_url(self, support):
        registration = self.page.registration_page_for(self.request)
        if registration is None:
            return ""
        return f"{registration.url}?{urlencode({'support': support})}" if support else registration.url
