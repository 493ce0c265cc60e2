"""The eligibility checker's blocks: questions with their answers, and outcomes, in one stream whose
graph is checked when the page is saved (positive_action/checker_graph.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RichTextBlock

from .checker_graph import CheckerGraph
from .choices import CheckerOutcomeKind, SupportType

NAME_HELP = _("Lower-case letters, numbers and hyphens, unique on this page; answers use it to go here")

QUESTION_PREVIEW = {
    "name": "age",
    "question": "Are you 17 or over?",
    "hint": "You can apply at 17 and join at 18.",
    "answers": [
        {"label": "Yes", "go_to": ""},
        {"label": "No", "go_to": "not-yet-age"},
    ],
}
OUTCOME_PREVIEW = {
    "name": "can-apply",
    "title": "You can apply",
    "kind": CheckerOutcomeKind.CAN_APPLY,
    "text": "<p>Nothing you told us stops you applying. Our team can help you prepare.</p>",
    "support_wanted": SupportType.APPLICATION_WORKSHOP,
}


class CheckerAnswerBlock(blocks.StructBlock):
    """One answer to a question and where it leads."""

    label = blocks.CharBlock(max_length=200, label=_("Answer"))
    go_to = blocks.CharBlock(
        max_length=40,
        required=False,
        label=_("Then go to"),
        help_text=_("Leave empty for the next question, or give the short name of a question or an outcome"),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class CheckerQuestionBlock(blocks.StructBlock):
    """A question asked on a page of its own, with two or more answers."""

    name = blocks.CharBlock(max_length=40, label=_("Short name"), help_text=NAME_HELP)
    question = blocks.CharBlock(max_length=200, label=_("Question"))
    hint = blocks.TextBlock(
        max_length=600, required=False, label=_("Hint"), help_text=_("Shown under the question")
    )
    answers = blocks.ListBlock(CheckerAnswerBlock(), min_num=2, label=_("Answers"))

    class Meta:
        icon = "help"
        template = "components/streamfield/blocks/checker_question_block.html"
        preview_value = QUESTION_PREVIEW
        description = _("A question on a page of its own, with its answers and where each leads")
        label = _("Question")


class CheckerOutcomeValue(blocks.StructValue):
    def kind_label(self):
        return CheckerOutcomeKind(self["kind"]).label if self.get("kind") in CheckerOutcomeKind.values else ""

    def support_label(self):
        support = self.get("support_wanted")
        return SupportType(support).label if support in SupportType.values else ""


class CheckerOutcomeBlock(blocks.StructBlock):
    """Where a visitor's answers lead: what it means, what support exists, and a link to register."""

    name = blocks.CharBlock(max_length=40, label=_("Short name"), help_text=NAME_HELP)
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    kind = blocks.ChoiceBlock(choices=CheckerOutcomeKind.choices, label=_("Kind"))
    text = RichTextBlock(
        features=["h2", "bold", "italic", "ol", "ul", "link"],
        label=_("What it means and the support we offer"),
    )
    support_wanted = blocks.ChoiceBlock(
        choices=SupportType.choices,
        required=False,
        label=_("Support to fill in"),
        help_text=_("Ticked for the visitor on the registration form when they follow the link"),
    )

    class Meta:
        icon = "flag"
        template = "components/streamfield/blocks/checker_outcome_block.html"
        value_class = CheckerOutcomeValue
        preview_value = OUTCOME_PREVIEW
        description = _("Where some answers end: what it means and the support we offer")
        label = _("Outcome")


class CheckerStepsBlock(blocks.StreamBlock):
    """The checker's questions, in the order asked, and its outcomes; refuses a graph that strands or
    loops a visitor, with the message on the block and answer at fault."""

    question = CheckerQuestionBlock()
    outcome = CheckerOutcomeBlock()

    def clean(self, value):
        value = super().clean(value)
        problems = CheckerGraph(value).problems()
        if problems:
            raise blocks.StreamBlockValidationError(
                block_errors=block_errors(problems),
                non_block_errors=[problem.message for problem in problems if problem.index is None],
            )
        return value

    class Meta:
        block_counts = {"question": {"min_num": 1}, "outcome": {"min_num": 1}}
        icon = "list-ol"
        template = "components/streamfield/blocks/checker_steps_block.html"
        preview_value = [
            ("question", QUESTION_PREVIEW),
            ("outcome", OUTCOME_PREVIEW),
            ("outcome", {**OUTCOME_PREVIEW, "name": "not-yet-age", "title": "Not yet"}),
        ]
        description = _("The checker's questions and outcomes")


def block_errors(problems):
    """Problems as Wagtail's nested block errors: {block index: the block's field (or answer) errors}."""
    by_block = {}
    for problem in problems:
        if problem.index is None:
            continue
        fields = by_block.setdefault(problem.index, {})
        if problem.answer is None:
            fields[problem.field] = ValidationError(problem.message)
        else:
            fields.setdefault("answers", {})[problem.answer] = blocks.StructBlockValidationError(
                block_errors={problem.field: ValidationError(problem.message)}
            )
    return {
        index: blocks.StructBlockValidationError(
            block_errors={
                name: blocks.ListBlockValidationError(block_errors=error) if name == "answers" else error
                for name, error in fields.items()
            }
        )
        for index, fields in by_block.items()
    }
