from django import template

from home.translation import may_clear_review_flag, may_edit, status_of

register = template.Library()


@register.inclusion_tag("home/admin/includes/translation_status_panel.html", takes_context=True)
def translation_status_panel(context, instance):
    """What an editor of a translation must know about it, and the actions open to them."""
    request = context["request"]
    user = request.user
    status = status_of(instance)
    workflow_in_progress = getattr(instance, "workflow_in_progress", False)
    return {
        "request": request,
        "status": status,
        "may_clear": may_clear_review_flag(user),
        "may_sync": user.has_perm("wagtail_localize.submit_translation"),
        "in_moderation": workflow_in_progress,
        "may_submit": status is not None and not workflow_in_progress and may_edit(user, instance),
    }
