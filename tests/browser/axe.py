"""Run axe-core on a page and fail on any WCAG 2.2 AA violation."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


# A colour is judged as it ends up, not halfway through a fade: wait for the short animations and
# transitions (a message appearing, a panel opening) to end. Long decorative ones, such as the admin's
# Help badge that pings five times over 25 seconds, are left running.
ANIMATIONS_SETTLED = """() => document.getAnimations()
    .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime <= 3000)
    .every((animation) => animation.playState !== "running")"""


def assert_no_axe_violations(page):
    page.wait_for_function(ANIMATIONS_SETTLED)
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
