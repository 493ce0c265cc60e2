"""The eligibility checker's questions and outcomes as a graph: checked when an editor saves the page, and
walked on every step a visitor takes.

Editors write the steps as one stream of question and outcome blocks. Each question has a short name and
answers; an answer goes on to the next question in the stream (when "then go to" is empty), or to the
question or outcome with the name it gives. A visitor's place is the list of answer positions they chose
(1 = first answer), replayed from the first question: nothing but that list is ever needed, so the step
can live in the address and nothing is kept on the server.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
# Longer than any sensible checker; refuses a crafted address before it is replayed.
MAX_ANSWERS = 40
POSITION = re.compile(r"^[0-9]{1,2}$")  # not str.isdigit(), which also accepts "²"


@dataclass(frozen=True)
class Answer:
    label: str
    go_to: str


@dataclass(frozen=True)
class Question:
    index: int  # position in the editor's stream, for error messages
    name: str
    text: str
    hint: str
    answers: tuple

    is_outcome = False


@dataclass(frozen=True)
class Outcome:
    index: int
    name: str
    value: object = field(compare=False)  # the block's StructValue, for the template

    is_outcome = True


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the graph: the block (and answer) it is on, the field and what to do."""

    index: int | None
    answer: int | None
    field: str
    message: str


class BrokenPath(Exception):
    """The answers in an address do not lead anywhere on this page (edited by hand, or the page changed)."""


class CheckerGraph:
    def __init__(self, steps):
        """``steps``: the page's StreamValue (or any iterable of objects with block_type and value)."""
        self.questions, self.outcomes = [], []
        for index, step in enumerate(steps):
            value = step.value
            if step.block_type == "question":
                answers = tuple(
                    Answer(answer["label"], (answer.get("go_to") or "").strip())
                    for answer in value["answers"]
                )
                self.questions.append(
                    Question(index, value["name"].strip(), value["question"], value.get("hint", ""), answers)
                )
            else:
                self.outcomes.append(Outcome(index, value["name"].strip(), value))
        self.by_name = {}
        for step in self.outcomes + self.questions:
            self.by_name.setdefault(step.name, step)

    @property
    def first(self):
        return self.questions[0] if self.questions else None

    def target(self, question, answer):
        """The question or outcome an answer leads to, or None when it leads nowhere."""
        if answer.go_to:
            return self.by_name.get(answer.go_to)
        following = self.questions.index(question) + 1
        return self.questions[following] if following < len(self.questions) else None

    def replay(self, positions):
        """The step the answers lead to from the first question; BrokenPath when they lead nowhere."""
        if len(positions) > MAX_ANSWERS or self.first is None:
            raise BrokenPath
        step = self.first
        for position in positions:
            if step is None or step.is_outcome or not 1 <= position <= len(step.answers):
                raise BrokenPath
            step = self.target(step, step.answers[position - 1])
        if step is None:
            raise BrokenPath
        return step

    def problems(self):
        """Everything that would strand or loop a visitor, with where it is, for the editor."""
        found = self.naming_problems()
        if not self.questions:
            found.append(Problem(None, None, "", _("Add at least one question.")))
        if not self.outcomes:
            found.append(
                Problem(None, None, "", _("Add at least one outcome, so every visitor gets an answer."))
            )
        found += self.answer_problems()
        if not found:
            found += self.loop_problems()
        return found

    def naming_problems(self):
        found, seen = [], set()
        for step in sorted(self.questions + self.outcomes, key=lambda step: step.index):
            if not NAME_PATTERN.match(step.name):
                message = _(
                    "Use lower-case letters, numbers and hyphens (at most 40), like “age” or “can-apply”."
                )
                found.append(Problem(step.index, None, "name", message))
            elif step.name in seen:
                message = _("“%(name)s” is already the name of another question or outcome.")
                found.append(Problem(step.index, None, "name", message % {"name": step.name}))
            seen.add(step.name)
        return found

    def answer_problems(self):
        found = []
        for question in self.questions:
            for number, answer in enumerate(question.answers):
                if answer.go_to and answer.go_to not in self.by_name:
                    message = _("There is no question or outcome named “%(name)s”.")
                    found.append(Problem(question.index, number, "go_to", message % {"name": answer.go_to}))
                elif answer.go_to == question.name:
                    message = _("An answer cannot go back to its own question.")
                    found.append(Problem(question.index, number, "go_to", message))
                elif self.target(question, answer) is None:
                    message = _(
                        "This is the last question: name the outcome or question this answer goes to."
                    )
                    found.append(Problem(question.index, number, "go_to", message))
        return found

    def loop_problems(self):
        """An answer that leads back to a question already asked on the way (a depth-first search)."""
        found, finished = [], set()

        def visit(question, on_the_way):
            on_the_way.add(question.name)
            for number, answer in enumerate(question.answers):
                step = self.target(question, answer)
                if step.is_outcome or step.name in finished:
                    continue
                if step.name in on_the_way:
                    message = _(
                        "This answer leads back to “%(name)s”, which was already asked: visitors would go round in a loop."
                    )
                    found.append(Problem(question.index, number, "go_to", message % {"name": step.name}))
                    continue
                visit(step, on_the_way)
            on_the_way.discard(question.name)
            finished.add(question.name)

        for question in self.questions:
            if question.name not in finished:
                visit(question, set())
        return found


def parse_answers(text):
    """The answer positions in an address (``"1.3.2"``); BrokenPath for anything else."""
    if text == "":
        return []
    parts = text.split(".")
    if len(parts) > MAX_ANSWERS or not all(POSITION.match(part) for part in parts):
        raise BrokenPath
    return [int(part) for part in parts]


def format_answers(positions):
    return ".".join(str(position) for position in positions)
