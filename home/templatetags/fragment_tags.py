"""{% sharedfragment "name" vary_on... %}...{% endsharedfragment %}: a part of a public page kept in the
cache under the content version (home/caching.py), and {% site_name %} from the same cache."""

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.caching import force_name, shared

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        vary_on = [expression.resolve(context) for expression in self.vary_on]
        return mark_safe(shared(request, name, vary_on, lambda: str(self.nodelist.render(context))))


@register.tag
def sharedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name")
    nodelist = parser.parse(("endsharedfragment",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.simple_tag(takes_context=True)
def site_name(context):
    """The force name from site settings; error pages rendered without a request pass force_name."""
    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return context.get("force_name", "")
    return force_name(request)


@register.simple_tag(takes_context=True)
def form_questions(context, template_name):
    """A public form's questions, drawn from ``template_name`` with the page's context. While the form is
    blank (unbound) they are the same for every visitor, so they are a shared fragment; the form's CSRF
    and one-time tokens are written outside them, and a form with errors is always drawn afresh. A blank
    form with answers filled in from the address (the checker's ``?support=``) is shared only with
    visitors who arrive with the same ones."""
    template = context.template.engine.get_template(template_name)

    def render():
        return template.render(context)

    form = context["form"]
    if form.is_bound:
        return render()
    request = context.get("request")
    # The labels, and the language the contact-language question starts on, follow the page's language.
    vary_on = [context["page"].pk, translation.get_language(), *visible_initial(form)]
    return mark_safe(shared(request, f"form-questions:{template_name}", vary_on, render))


def visible_initial(form):
    """The initial answers drawn among the questions; hidden fields are written outside them, so a value
    there (an ambassador's referral code) makes no fragment of its own."""
    return [
        (name, value)
        for name, value in sorted(form.initial.items())
        if name in form.fields and not form.fields[name].widget.is_hidden and value not in (None, "", [])
    ]
