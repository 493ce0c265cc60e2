from wagtail import hooks

from .audit import register_audit_actions


@hooks.register("register_log_actions")
def register_positive_action_log_actions(actions):
    register_audit_actions(actions)
