"""Demo "Can I join?" checker and "What happens next" timeline, under the home page. The criteria are
examples written for the demo, and the pages say so: a real force confirms its own rules before it
publishes a checker. Idempotent: a page that exists is left alone."""

from home.models import RecruitmentTimelinePage
from positive_action.choices import CheckerOutcomeKind, SupportType
from positive_action.models import EligibilityCheckerPage, SupportRegistrationPage

CHECKER_INTRODUCTION = (
    "<p>Answer a few questions, one at a time, to find out whether you can apply to become a police "
    "officer and what support we can give you. It takes about three minutes.</p>"
    "<p><strong>These are example criteria</strong>, written to show how the checker works. Every force "
    "confirms its own rules, and they change from time to time, so our diversity team will always check "
    "your situation with you.</p>"
)


def question(name, text, hint, *answers):
    return (
        "question",
        {
            "name": name,
            "question": text,
            "hint": hint,
            "answers": [{"label": label, "go_to": go_to} for label, go_to in answers],
        },
    )


def outcome(name, kind, title, text, support=""):
    return (
        "outcome",
        {"name": name, "kind": kind, "title": title, "text": text, "support_wanted": support},
    )


NEXT = ""
TALK_TEXT = (
    "<p>Our diversity team can look at your situation with you in confidence and tell you where you stand "
    "before you spend time on an application.</p>"
)

QUESTIONS = [
    question(
        "age",
        "How old are you?",
        "Example criterion: you can apply from 17 and start training from 18. There is no upper age limit.",
        ("18 or over", NEXT),
        ("17", NEXT),
        ("16 or under", "not-yet-age"),
    ),
    question(
        "nationality",
        "What is your nationality or immigration status?",
        "Example criterion: you need the right to live and work in the UK with no time limit.",
        ("British or Irish citizen", NEXT),
        ("EU, EEA or Swiss citizen with settled or pre-settled status", NEXT),
        ("Another nationality, with indefinite leave to remain", NEXT),
        ("I have leave to remain with a time limit, such as a visa", "not-yet-right-to-remain"),
        ("I am not sure", "talk-to-us-background"),
    ),
    question(
        "residency",
        "Have you lived in the UK for the last three years?",
        "Example criterion: vetting looks at the last three years. Time abroad with the armed forces or on a "
        "government posting counts as living in the UK, and other time abroad does not always rule you out.",
        ("Yes", NEXT),
        ("No", "talk-to-us-background"),
    ),
    question(
        "local-connection",
        "Have you lived, worked or studied in the city for at least three of the last six years?",
        "Example of a force's own rule: some forces ask for a local connection, and accept a second language "
        "spoken in the city instead. The force you apply to confirms its own rule.",
        ("Yes", NEXT),
        ("No, but I speak another language spoken in the city", NEXT),
        ("No", "talk-to-us-local"),
    ),
    question(
        "tattoos",
        "Do you have any tattoos?",
        "Example criterion: tattoos are fine unless they could offend, for example a racist, sexist, violent "
        "or intimidating design. Tattoos on the face or neck are looked at one by one.",
        ("No", NEXT),
        ("Yes, none on my face or neck and none that could offend", NEXT),
        ("Yes, on my face or neck, or one that might offend", "talk-to-us-tattoos"),
    ),
    question(
        "convictions",
        "Have you ever been convicted of an offence, or received a caution, reprimand or warning?",
        "Include anything from when you were young or from abroad, and motoring offences other than "
        "parking. Example criterion: many convictions and cautions do not stop you joining, but you must "
        "declare every one.",
        ("No", NEXT),
        ("Yes", "talk-to-us-convictions"),
    ),
    question(
        "finances",
        "Do you have a county court judgment, a bankruptcy or an individual voluntary arrangement?",
        "Example criterion: being in debt does not stop you applying. Officers must show they manage their "
        "money responsibly, because money trouble can be used to pressure them.",
        ("No", NEXT),
        ("Yes, and it is paid off or discharged", NEXT),
        ("Yes, and it is not yet paid off or discharged", "not-yet-finances"),
    ),
    question(
        "health",
        "Do you have a health condition or disability that you think could affect the job?",
        "Example criterion: everyone has a medical assessment, and each condition is looked at for the person "
        "who has it. Many officers have conditions such as diabetes, asthma or dyslexia, with adjustments "
        "where they need them.",
        ("No", NEXT),
        ("Yes, or I am not sure", "talk-to-us-health"),
    ),
    question(
        "eyesight",
        "Can you see clearly, wearing glasses or contact lenses if you use them?",
        "Example criterion: eyesight, including colour vision, is tested at the medical. Glasses and contact "
        "lenses are fine, and laser eye surgery is accepted after a few months.",
        ("Yes, I think so", NEXT),
        ("No, or I have been told my eyesight is below a standard", "talk-to-us-health"),
    ),
    question(
        "fitness",
        "Could you pass the fitness test today?",
        "Example criterion: the fitness test is a 15-metre shuttle run that gets faster each minute. You "
        "need to keep going for about three and a half minutes (level 5.4).",
        ("Yes, I think so", NEXT),
        ("Not yet: I would like help to get ready", "can-apply-fitness"),
    ),
    question(
        "entry-route",
        "Which way into policing suits you best?",
        "Example entry routes: the routes each force offers, and what they ask for, differ.",
        (
            "A degree apprenticeship: three years of paid training that ends with a degree",
            "can-apply-apprenticeship",
        ),
        (
            "Degree-holder entry: two years of paid training for people who already have a degree",
            "can-apply-degree",
        ),
        ("The entry programme without a degree: two years of paid training", "can-apply-no-degree"),
        ("I am not sure yet", "can-apply-not-sure"),
    ),
]

OUTCOMES = [
    outcome(
        "not-yet-age",
        CheckerOutcomeKind.NOT_YET,
        "You are not old enough to apply yet",
        "<p>You can apply from your 17th birthday. Until then, the Volunteer Police Cadets (for ages 13 to "
        "17) is a good way to find out what policing is like.</p>"
        "<p>If you register now, our team can tell you about events near you and help you plan ahead.</p>",
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "not-yet-right-to-remain",
        CheckerOutcomeKind.NOT_YET,
        "You cannot apply as an officer yet",
        "<p>In this example, officers need the right to stay in the UK with no time limit. When you have "
        "indefinite leave to remain or settled status, you can apply.</p>"
        "<p>Some police staff roles have different rules. Our team can tell you which ones are open to you.</p>",
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "not-yet-finances",
        CheckerOutcomeKind.NOT_YET,
        "Apply when the debt is settled",
        "<p>In this example, a county court judgment, bankruptcy or arrangement that is still open stops an "
        "application. When it is paid off or discharged, you can apply, and it will be looked at with the "
        "rest of your history.</p>"
        "<p>Our team can talk you through what vetting asks about money, and plan your application with "
        "you.</p>",
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "talk-to-us-background",
        CheckerOutcomeKind.TALK_TO_US,
        "Talk to us about where you have lived",
        "<p>Your nationality, immigration status or time abroad may not stop you joining, but it needs a "
        "closer look than a checker can give.</p>" + TALK_TEXT,
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "talk-to-us-local",
        CheckerOutcomeKind.TALK_TO_US,
        "Talk to us about the local connection rule",
        "<p>Some forces ask for a connection to the area they police. Whether the rule applies to you, and "
        "whether it is in force when you apply, is something our team can confirm.</p>" + TALK_TEXT,
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "talk-to-us-tattoos",
        CheckerOutcomeKind.TALK_TO_US,
        "Talk to us about your tattoo",
        "<p>A tattoo on the face or neck, or one that might offend, does not always stop you joining. Each "
        "one is looked at on its own: what it shows, where it is and whether it can be covered.</p>"
        + TALK_TEXT,
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "talk-to-us-convictions",
        CheckerOutcomeKind.TALK_TO_US,
        "Talk to us about your record",
        "<p>Many people with a conviction or caution, especially from when they were young, go on to "
        "join. What matters is what it was, when it was, and that you declare it.</p>" + TALK_TEXT,
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "talk-to-us-health",
        CheckerOutcomeKind.TALK_TO_US,
        "Talk to us about your health or eyesight",
        "<p>Health conditions, disabilities and eyesight are assessed for each person by occupational health "
        "doctors, and adjustments are made where they are needed. Telling us now does not count against "
        "you.</p>" + TALK_TEXT,
        SupportType.GENERAL_ADVICE,
    ),
    outcome(
        "can-apply-fitness",
        CheckerOutcomeKind.CAN_APPLY,
        "You can apply, and we can help you get ready for the fitness test",
        "<p>Nothing you told us stops you applying. Many people are not ready for the shuttle run when they "
        "start, and most pass after a few weeks of practice.</p>"
        "<p>We run free fitness-test preparation sessions where you can practise the run with officers who "
        "have done it.</p>",
        SupportType.FITNESS_PREP,
    ),
    outcome(
        "can-apply-apprenticeship",
        CheckerOutcomeKind.CAN_APPLY,
        "You can apply for the degree apprenticeship",
        "<p>Nothing you told us stops you applying. You will be paid while you train and study for a degree in "
        "professional policing practice, with your fees paid.</p>"
        "<p>Our application-form workshops show you what each question is looking for.</p>",
        SupportType.APPLICATION_WORKSHOP,
    ),
    outcome(
        "can-apply-degree",
        CheckerOutcomeKind.CAN_APPLY,
        "You can apply for degree-holder entry",
        "<p>Nothing you told us stops you applying. A degree in any subject counts, and you will be paid "
        "while you train.</p>"
        "<p>Our assessment-centre preparation helps you practise the exercises and the interview.</p>",
        SupportType.ASSESSMENT_PREP,
    ),
    outcome(
        "can-apply-no-degree",
        CheckerOutcomeKind.CAN_APPLY,
        "You can apply for the entry programme without a degree",
        "<p>Nothing you told us stops you applying. You will be paid while you train, and you do not need a "
        "degree to join or to finish.</p>"
        "<p>Our application-form workshops show you what each question is looking for.</p>",
        SupportType.APPLICATION_WORKSHOP,
    ),
    outcome(
        "can-apply-not-sure",
        CheckerOutcomeKind.CAN_APPLY,
        "You can apply: let us help you choose a route",
        "<p>Nothing you told us stops you applying. A mentor from our diversity team can talk through the "
        "routes with you and help you choose the one that fits your life.</p>",
        SupportType.MENTORING,
    ),
]

TIMELINE_INTRODUCTION = (
    "Joining takes about six months from application to offer. These are the stages, how long each one "
    "usually takes, and the free support we offer at each."
)


def stage(title, duration, what_happens, support):
    return {"title": title, "duration": duration, "what_happens": what_happens, "support": support}


STAGES = [
    stage(
        "Enquiry",
        "As long as you need",
        "<p>You find out about the role, come to an event or talk to a community ambassador.</p>",
        "<p>Register for support and someone from our diversity team will call you to answer your "
        "questions, in confidence.</p>",
    ),
    stage(
        "Application",
        "About 2 weeks to complete",
        "<p>You fill in the online application form: your history, and examples of times you have shown the "
        "values and behaviours policing looks for.</p>",
        "<p>Application-form workshops, and a member of our team to read your answers before you send them.</p>",
    ),
    stage(
        "Online assessment",
        "About 2 weeks",
        "<p>You complete online exercises at home: situations you might face at work, and how you would "
        "respond.</p>",
        "<p>Assessment preparation sessions that take you through the kinds of exercise you will see.</p>",
    ),
    stage(
        "Interview",
        "1 day, usually within a month",
        "<p>You answer questions about what you have done and what you would do, with an assessor.</p>",
        "<p>A mock interview with an officer, and feedback you can use on the day.</p>",
    ),
    stage(
        "Fitness test",
        "1 day",
        "<p>You run the 15-metre shuttle run to level 5.4 (about three and a half minutes).</p>",
        "<p>Free practice sessions with officers, and a plan to build up to the test.</p>",
    ),
    stage(
        "Medical",
        "2 to 4 weeks",
        "<p>An occupational health check of your health, eyesight and hearing.</p>",
        "<p>Advice on what to bring, and on asking for adjustments if you have a condition or disability.</p>",
    ),
    stage(
        "Vetting and references",
        "6 to 12 weeks",
        "<p>Checks on you, your history and your finances, and references from employers or teachers.</p>",
        "<p>Help with the vetting form, especially if you have lived abroad or have family overseas.</p>",
    ),
    stage(
        "Offer",
        "About 2 weeks after your checks",
        "<p>You get a conditional offer, then a start date for your training.</p>",
        "<p>A mentor who joined recently, and a chance to meet our staff support associations.</p>",
    ),
    stage(
        "Training",
        "2 to 3 years, paid, depending on your route",
        "<p>Classroom learning, then work with a tutor constable on the streets, while you study for your "
        "qualification.</p>",
        "<p>Continued mentoring, and our support associations for Black, Asian and minority ethnic, women, "
        "LGBT+ and disabled officers.</p>",
    ),
]


def ensure_timeline_page(home):
    page = RecruitmentTimelinePage.objects.child_of(home).first()
    if page:
        return page
    registration = SupportRegistrationPage.objects.child_of(home).first()
    body = []
    if registration:
        body.append(
            (
                "call_to_action",
                {
                    "heading": "Get support at every stage",
                    "description": "Register with our diversity team and we will stay with you from your "
                    "application to your first day.",
                    "link": {"label": "Register for support", "page": registration, "url": ""},
                },
            )
        )
    page = RecruitmentTimelinePage(
        title="What happens next",
        slug="what-happens-next",
        search_description="The stages of joining, how long each takes and the support at each one.",
        introduction=TIMELINE_INTRODUCTION,
        timeline=[("recruitment_timeline", {"heading": "", "stages": STAGES})],
        body=body,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_checker_page(home):
    page = EligibilityCheckerPage.objects.child_of(home).first()
    if page:
        return page
    page = EligibilityCheckerPage(
        title="Can I join?",
        slug="can-i-join",
        search_description="Check whether you can apply to become a police officer, and the support we offer.",
        introduction=CHECKER_INTRODUCTION,
        steps=QUESTIONS + OUTCOMES,
        registration_page=SupportRegistrationPage.objects.child_of(home).first(),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_checker_demo(home):
    ensure_timeline_page(home)
    ensure_checker_page(home)
