"""What each step of the wizard is for, what a good answer looks like, and examples to insert.

This module is the only source of the `guide` catalog (long prose, translated on
its own). It imports nothing from Textual, so the app, the tests and any tool can
read the guidance cheaply.

Language of the examples
    Guidance is shown in the UI language, and so are the examples, including the
    ones the author inserts into the policy with one key. The author is reading the
    guidance in that language and can only judge (and edit) an example they can
    read, so a Croatian UI inserts Croatian text even into an English document;
    it lands in the field being edited, exactly as if the author had typed it.
    `guidance_for(step, lang)` gives another language on request (for example the
    language being edited) without changing the UI language.

Shape of `Guidance.examples` (keyed by the field the example belongs to):
    - `str`: a text field (`mission`, `support_hours`, `intent`, `note`, ...);
    - `tuple[str, ...]`: a list of text (`always`, `never`, `resources`, and in the
      `procedures` step the steps of one procedure, keyed by its kind:
      `complaints`, `inquiries`, `refunds`, `closing`, `feedback`);
    - `tuple[tuple[str, str], ...]`: a list of records with two text fields each,
      in the order given by `EXAMPLE_COLUMNS[field]` (`definitions` is
      (term, meaning), `values` (name, description), `escalation` (role, when),
      `sections` (title, body)).

Helpers for inserting them:
    - `example_for(step, path, data, turn)`: what to insert at the spec path that
      has the focus: a text for a text field (one item of a list, one column of a
      record, cycling with `turn`), a list of items (texts or record mappings) for
      a whole list, None when there is no example for that place. In the
      `procedures` step the example follows the kind of the procedure at `path`.
    - `example_value(step, field)`: one example as spec data, ready to store
      (records as mappings, with the durations, levels and targets that go with
      them; a procedure as one procedure mapping).
    - `example_data(step)`: every insertable value of a step keyed by its path in
      the spec, for `wizard.spec.model.set_at` ("fill this step with the example").

Every example is meant to pass the quality rules of `wizard.check` in its own
language: concrete numbers and units, no vague time words, no placeholders, no
100 % promises, no undefined abbreviations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from wizard.i18n import N_, Translator, translations, ui_language
from wizard.spec.model import get_at


Example = Union[str, tuple[str, ...], tuple[tuple[str, str], ...]]

# Column names (spec keys) of the two-field records in `Guidance.examples`.
EXAMPLE_COLUMNS: dict[str, tuple[str, str]] = {
    "definitions": ("term", "meaning"),
    "values": ("name", "description"),
    "escalation": ("role", "when"),
    "sections": ("title", "body"),
}


@dataclass(frozen=True)
class Guidance:
    """The guidance of one step, already in one language."""

    step: str
    purpose: str  # what the section is for, 2-3 short sentences
    good: tuple[str, ...]  # what a good answer looks like, 3-5 points
    example: str  # a short example of a good answer, to read
    examples: dict[str, Example] = field(default_factory=dict)  # insertable, see module doc


_translator = Translator("guide")

# ---------------------------------------------------------------------------
# basics
BASICS_PURPOSE = N_(
    "The cover of your policy: its title, who keeps it up to date and where to ask "
    "questions. A named owner makes the policy easy to trust."
)
BASICS_GOOD = (
    N_("Keep the title plain. \u201cCustomer Service Policy\u201d tells every reader at once what this is."),
    N_("Name an owner by role, and by name if you like, so everyone knows who answers for the "
       "policy and keeps it up to date."),
    N_("Give one contact that always reaches someone, such as a shared email address or a "
       "phone line, not a personal mailbox that goes quiet during holidays."),
    N_("Choose the date it takes effect and how often it is reviewed: at least every 12 months, "
       "more often if your products or team change a lot."),
)
BASICS_EXAMPLE = N_(
    "Title: Customer Service Policy. Owner: Marta Novak, Head of Customer Service. "
    "Reviewed every 12 months."
)
BASICS_TITLE = N_("Customer Service Policy")
BASICS_OWNER = N_("Head of Customer Service")

# ---------------------------------------------------------------------------
# purpose and scope
PURPOSE_PURPOSE = N_(
    "Say why this policy exists, who must follow it and on which channels customers reach "
    "you."
)
PURPOSE_GOOD = (
    N_("Describe the intent as a result for customers: the same reliable service, whoever "
       "answers and however they contact you."),
    N_("Name everyone who must follow it: the service team, and also other staff who talk to "
       "customers, such as sales, delivery or accounts."),
    N_("Tick every channel customers really use to reach you, and only those. In the service "
       "standards you will set response times for each of them."),
    N_("Leave out history and slogans. The mission and values have their own steps."),
    N_("Before you write, ask front-line staff and a few customers what frustrates them most. "
       "A policy that answers real problems is one people follow."),
)
PURPOSE_EXAMPLE = N_(
    "This policy makes sure every customer gets the same courteous, reliable service, "
    "whoever they speak to. It applies to all employees who deal with customers."
)
PURPOSE_INTENT = N_(
    "This policy sets out the service every customer can expect from us and how each "
    "employee helps to deliver it, so that customers are treated with the same courtesy "
    "and care whoever they speak to."
)
PURPOSE_APPLIES_TO = N_(
    "All employees who deal with customers in person, by phone or in writing, including "
    "the customer service team, shop and delivery staff, and their managers."
)

# ---------------------------------------------------------------------------
# definitions
DEFINITIONS_PURPOSE = N_(
    "A short glossary of the words your policy uses in a special sense, so that everyone "
    "reads them the same way."
)
DEFINITIONS_GOOD = (
    N_("Define every abbreviation the policy uses, or better, write the words out in full."),
    N_("Define the words a promise depends on, such as \u201cworking day\u201d, "
       "\u201ccomplaint\u201d or \u201cresolved\u201d."),
    N_("Explain each term in one plain sentence that a new employee understands on their "
       "first day."),
    N_("Keep the list short: five to ten terms are usually enough."),
)
DEFINITIONS_EXAMPLE = N_("Working day: Monday to Friday, except public holidays.")
DEFINITIONS_ITEMS = (
    (N_("Customer"),
     N_("Anyone who buys from us or contacts us with a question, on any channel.")),
    (N_("Complaint"),
     N_("Any message in which a customer says they are unhappy with our products or "
        "service and expects us to act.")),
    (N_("Working day"),
     N_("Monday to Friday, except public holidays.")),
    (N_("First response"),
     N_("The first personal reply to a customer's message. An automatic confirmation "
        "does not count.")),
)

# ---------------------------------------------------------------------------
# mission
MISSION_PURPOSE = N_(
    "A few sentences on what your company does, for whom, and what customers can count "
    "on. It sets the tone for how staff treat customers."
)
MISSION_GOOD = (
    N_("Keep it to two or three sentences that anyone on the team could repeat from memory."),
    N_("Say what you do and for whom, then what customers can count on."),
    N_("Use your own words instead of phrases such as \u201cworld-class\u201d or \u201cthe best "
       "possible service\u201d, which promise nothing in particular."),
    N_("Promise only what the team can deliver today; ambitions belong in the vision."),
)
MISSION_EXAMPLE = N_(
    "We help families furnish their homes with sturdy, affordable furniture. When something "
    "goes wrong, we listen, explain what we will do and keep our word."
)
MISSION_TEXT = N_(
    "We sell household goods that last, at fair prices, in our shops and online. Customers "
    "can reach us easily and leave every conversation knowing what happens next. When we "
    "make a mistake, we admit it and put it right."
)

# ---------------------------------------------------------------------------
# vision
VISION_PURPOSE = N_(
    "Where you want your customer service to be in a few years. It gives the team a "
    "direction; the standards say what you deliver today."
)
VISION_GOOD = (
    N_("One or two sentences that paint a future the team can picture."),
    N_("Aim high but stay believable, so that you can tell whether you are getting closer."),
    N_("Keep it about customers rather than revenue or market share."),
)
VISION_EXAMPLE = N_("To be the shop our neighbours recommend first when a friend asks where to buy.")
VISION_TEXT = N_(
    "To be the company our customers recommend first, because dealing with us is simple "
    "and we keep our word."
)

# ---------------------------------------------------------------------------
# values
VALUES_PURPOSE = N_(
    "The few principles your team relies on when no rule covers the situation, each with "
    "a short name and what it means in daily work."
)
VALUES_GOOD = (
    N_("Choose three to five values. With more, nobody remembers them."),
    N_("Describe each value as behaviour you could see, not as a feeling."),
    N_("Make sure they fit the mission and do not clash with your targets: speed must never "
       "cost honesty."),
    N_("Ask a few colleagues which values they recognise in their own work before you "
       "settle on the list."),
)
VALUES_EXAMPLE = N_(
    "Honesty: we tell customers what we can and cannot do, even when it is not what they "
    "hoped to hear."
)
VALUES_ITEMS = (
    (N_("Honesty"),
     N_("We tell customers what we can and cannot do, and we never promise what we cannot "
        "deliver.")),
    (N_("Respect"),
     N_("We listen without interrupting, treat every person with courtesy and value their "
        "time.")),
    (N_("Ownership"),
     N_("Whoever takes a request follows it through to the end or hands it over in person "
        "to a colleague.")),
)

# ---------------------------------------------------------------------------
# service standards
STANDARDS_PURPOSE = N_(
    "The concrete promises your team keeps: how staff behave, how long customers wait for "
    "a reply and a solution on each channel, and when they can reach you."
)
STANDARDS_GOOD = (
    N_("Give a number and a unit: \u201cwithin 24 hours\u201d, not \u201cquickly\u201d or "
       "\u201cas soon as possible\u201d."),
    N_("Base each target on what the team achieves today with the people and tools it has. "
       "A modest promise you keep is worth more than a bold one you break."),
    N_("Set a first response and a resolution time for every channel in the scope, and "
       "leave out channels you do not offer."),
    N_("Write three to five \u201calways\u201d and \u201cnever\u201d commitments as "
       "behaviour a customer would notice."),
    N_("Avoid perfect scores and guarantees. A target of 90 or 95 percent is honest and "
       "still ambitious."),
)
STANDARDS_EXAMPLE = N_(
    "Phone: answered within 3 minutes, solved within 1 working day. Email: first response "
    "within 24 hours, solved within 3 working days. Support hours: Monday to Friday, "
    "8:00 to 18:00."
)
STANDARDS_ALWAYS = (
    N_("greet every customer politely and give our name"),
    N_("tell the customer what happens next and by when"),
    N_("keep the customer informed at least once every working day until the case is closed"),
)
STANDARDS_NEVER = (
    N_("close a case before the customer has an answer"),
    N_("make a promise we cannot keep just to end a difficult conversation"),
    N_("share a customer's personal data with anyone who is not entitled to it"),
)
STANDARDS_SUPPORT_HOURS = N_(
    "Monday to Friday from 8:00 to 18:00 and Saturday from 9:00 to 13:00, except public "
    "holidays."
)

# ---------------------------------------------------------------------------
# procedures
PROCEDURES_PURPOSE = N_(
    "Step by step, what staff do in situations that come up again and again, so that "
    "every customer is treated the same way, whoever is on duty."
)
PROCEDURES_GOOD = (
    N_("Start with complaints: that procedure matters most when something has gone wrong."),
    N_("Write each step as one action, in the order it happens, starting with a verb: "
       "\u201cRecord the complaint in the help desk.\u201d"),
    N_("Say who does a step when it is not the person who took the request."),
    N_("Set a time to confirm receipt and a longer time to resolve, and say what the "
       "customer is told when a deadline cannot be met."),
)
PROCEDURES_EXAMPLE = N_(
    "Complaints: record it, confirm receipt within 1 working day, investigate, and offer a "
    "solution within 5 working days. If that is not possible, tell the customer why and "
    "give a new date."
)
PROCEDURES_INQUIRIES = (
    N_("Greet the customer and hear the whole question before answering."),
    N_("Look up the customer's details and earlier contacts in the help desk."),
    N_("Answer the question, or say by what time and date the answer will follow."),
    N_("Record the question and the answer in the help desk."),
)
PROCEDURES_COMPLAINTS = (
    N_("Thank the customer for telling us and apologise for the trouble."),
    N_("Record the complaint in the help desk on the day it arrives."),
    N_("Confirm receipt in writing and give the name of the person handling it."),
    N_("Investigate, agree a solution with the customer and carry it out."),
    N_("If the deadline cannot be met, write to the customer with the reason and a new date."),
    N_("Two working days after the solution, check that the customer is satisfied, then "
       "close the case."),
)
PROCEDURES_REFUNDS = (
    N_("Check the purchase and the reason for the refund in the order system."),
    N_("Approve refunds within your own limit, or pass the request to the team leader."),
    N_("Tell the customer the amount and the date the money will arrive."),
    N_("Pay the refund to the original payment method within 5 working days."),
)
PROCEDURES_CLOSING = (
    N_("Ask whether the answer solves the problem and whether anything else is needed."),
    N_("Sum up what was agreed and any next step, with its date."),
    N_("Thank the customer and say how to reach us again."),
)
PROCEDURES_FEEDBACK = (
    N_("Invite the customer to a short survey after the case is closed."),
    N_("Read every comment, and reply within 2 working days to those that ask a question."),
    N_("Share the main lessons with the team at the monthly meeting."),
)

# ---------------------------------------------------------------------------
# escalation
ESCALATION_PURPOSE = N_(
    "Who takes over a case that cannot be solved at one level, and how fast. No customer "
    "gets stuck, and no employee is left alone with a problem."
)
ESCALATION_GOOD = (
    N_("Use two to four levels, from the first person the customer talks to up to a manager."),
    N_("Name a role at each level rather than a person, so it still works during holidays."),
    N_("Say what sends a case up: a missed deadline, an amount above a limit, a legal or "
       "safety issue, or a customer who asks for a manager."),
    N_("Give each level a time to take over, longer at each level up."),
)
ESCALATION_EXAMPLE = N_(
    "Level 2, team leader: the case is not solved within 1 working day, or the customer "
    "asks for a manager. Takes over within 4 hours."
)
ESCALATION_ITEMS = (
    (N_("Customer service representative"),
     N_("Every new request. The representative solves it or passes it on with all the "
        "details.")),
    (N_("Team leader"),
     N_("The case is not solved within 1 working day, a refund is above the "
        "representative's limit, or the customer asks for a manager.")),
    (N_("Customer service manager"),
     N_("The case is not solved within 3 working days, or it involves a legal, safety or "
        "data protection issue.")),
)

# ---------------------------------------------------------------------------
# training
TRAINING_PURPOSE = N_(
    "How new staff learn the policy, how everyone keeps their skills fresh, and where "
    "they can look things up."
)
TRAINING_GOOD = (
    N_("Plan the first weeks of a new employee: reading the policy, shadowing an experienced "
       "colleague, then serving customers with a mentor nearby."),
    N_("Practise difficult conversations in role play before staff meet them for real."),
    N_("Repeat the training at fixed intervals, for example every 6 months, and whenever "
       "the policy changes."),
    N_("List resources people can open in a minute: the knowledge base, answer templates, "
       "product guides."),
)
TRAINING_EXAMPLE = N_(
    "New colleagues read the policy on their first day, shadow an experienced colleague for "
    "three days and then serve customers with a mentor for two weeks. Refresher training "
    "every 6 months."
)
TRAINING_ONBOARDING = N_(
    "In their first two weeks, every new employee reads this policy, shadows an experienced "
    "colleague for three days, practises common and difficult cases in role play and then "
    "serves customers with a mentor who reviews their work."
)
TRAINING_RESOURCES = (
    N_("This policy and the customer service handbook"),
    N_("The knowledge base with answers to common questions"),
    N_("Answer templates for email and chat"),
    N_("Product guides and price lists"),
)

# ---------------------------------------------------------------------------
# enforcement and review
ENFORCEMENT_PURPOSE = N_(
    "Who makes sure the policy is followed, how you check it, what happens when it is "
    "not, and how staff can suggest improvements."
)
ENFORCEMENT_GOOD = (
    N_("Name one role that is accountable for the whole policy."),
    N_("Measure against the targets you set, using the reports your help desk or phone "
       "system already gives, and look at them on fixed dates."),
    N_("Treat a missed target first as a question: is it a training need, too few people, "
       "or a target that is not realistic?"),
    N_("Keep consequences fair and predictable: coaching first, formal steps only for "
       "repeated or serious breaches."),
    N_("Give staff a simple way to propose changes. They see first where the policy does "
       "not match reality."),
)
ENFORCEMENT_EXAMPLE = N_(
    "The team leader checks response times in the help desk every Monday and discusses "
    "them at the weekly team meeting."
)
ENFORCEMENT_ACCOUNTABLE = N_(
    "The customer service manager, who reports on the policy to the management board every "
    "quarter."
)
ENFORCEMENT_MONITORING = N_(
    "Response and resolution times are measured in the help desk and reviewed every week. "
    "Each month, ten conversations per representative are checked against this policy."
)
ENFORCEMENT_CONSEQUENCES = N_(
    "A missed target is first discussed with the employee to find the cause. Repeated "
    "breaches lead to extra training and a written improvement plan; serious misconduct "
    "follows the disciplinary procedure."
)
ENFORCEMENT_FEEDBACK = N_(
    "Staff can propose changes to this policy at any time to their team leader or at the "
    "monthly team meeting, and every proposal gets a reply within 2 weeks."
)

# ---------------------------------------------------------------------------
# extra sections
SECTIONS_PURPOSE = N_(
    "Topics that matter to your business but have no step of their own, such as social "
    "media, returns or dress code, each with a title and a short text."
)
SECTIONS_GOOD = (
    N_("Add a section only when staff need it to serve customers; everything else belongs "
       "in other documents."),
    N_("Give it a plain title and keep the text to a short paragraph or a few steps."),
    N_("Follow the same rules as everywhere else: times with numbers, no jargon, promises "
       "you can keep."),
    N_("Check that a new section does not contradict your standards or procedures."),
)
SECTIONS_EXAMPLE = N_(
    "Social media: We reply to public comments within 1 working day and move any personal "
    "details to a private message."
)
SECTIONS_ITEMS = (
    (N_("Social media"),
     N_("We reply to comments and messages on our social media pages within 1 working day. "
        "We never discuss a customer's personal details in public and continue such "
        "conversations in a private message.")),
    (N_("Returns"),
     N_("Customers may return unused goods within 30 days with the receipt. We refund the "
        "price to the original payment method within 5 working days of receiving the "
        "goods.")),
)

# ---------------------------------------------------------------------------
# final review
REVIEW_PURPOSE = N_(
    "Read the whole policy once more, fix what the checks found, and export it. A short "
    "policy everyone knows beats a long one nobody reads."
)
REVIEW_GOOD = (
    N_("Fix every error and read every warning: they point to vague times, missing parts "
       "and numbers that do not add up."),
    N_("Read it as a new employee would, and ask a colleague to do the same: can they act "
       "on every sentence?"),
    N_("Aim for one or two pages, and cut whatever staff would not miss."),
    N_("Share it where people work: in the knowledge base and in training, and as a short "
       "public version for customers on your website."),
    N_("Plan the next review now: at least once a year, and whenever products, channels or "
       "the team change."),
)
REVIEW_EXAMPLE = N_(
    "Revision note: First version, agreed with the customer service team and approved by "
    "the management board."
)
REVIEW_NOTE = N_(
    "First version, agreed with the customer service team and approved by the management "
    "board."
)


# ---------------------------------------------------------------------------
# The English source, step by step. Values are the N_-marked msgids above.

@dataclass(frozen=True)
class _Source:
    purpose: str
    good: tuple[str, ...]
    example: str
    examples: dict[str, Example]


_SOURCES: dict[str, _Source] = {
    "basics": _Source(BASICS_PURPOSE, BASICS_GOOD, BASICS_EXAMPLE,
                      {"title": BASICS_TITLE, "owner": BASICS_OWNER}),
    "purpose": _Source(PURPOSE_PURPOSE, PURPOSE_GOOD, PURPOSE_EXAMPLE,
                       {"intent": PURPOSE_INTENT, "applies_to": PURPOSE_APPLIES_TO}),
    "definitions": _Source(DEFINITIONS_PURPOSE, DEFINITIONS_GOOD, DEFINITIONS_EXAMPLE,
                           {"definitions": DEFINITIONS_ITEMS}),
    "mission": _Source(MISSION_PURPOSE, MISSION_GOOD, MISSION_EXAMPLE, {"mission": MISSION_TEXT}),
    "vision": _Source(VISION_PURPOSE, VISION_GOOD, VISION_EXAMPLE, {"vision": VISION_TEXT}),
    "values": _Source(VALUES_PURPOSE, VALUES_GOOD, VALUES_EXAMPLE, {"values": VALUES_ITEMS}),
    "standards": _Source(STANDARDS_PURPOSE, STANDARDS_GOOD, STANDARDS_EXAMPLE, {
        "always": STANDARDS_ALWAYS,
        "never": STANDARDS_NEVER,
        "support_hours": STANDARDS_SUPPORT_HOURS,
    }),
    "procedures": _Source(PROCEDURES_PURPOSE, PROCEDURES_GOOD, PROCEDURES_EXAMPLE, {
        "complaints": PROCEDURES_COMPLAINTS,
        "inquiries": PROCEDURES_INQUIRIES,
        "refunds": PROCEDURES_REFUNDS,
        "closing": PROCEDURES_CLOSING,
        "feedback": PROCEDURES_FEEDBACK,
    }),
    "escalation": _Source(ESCALATION_PURPOSE, ESCALATION_GOOD, ESCALATION_EXAMPLE,
                          {"escalation": ESCALATION_ITEMS}),
    "training": _Source(TRAINING_PURPOSE, TRAINING_GOOD, TRAINING_EXAMPLE,
                        {"onboarding": TRAINING_ONBOARDING, "resources": TRAINING_RESOURCES}),
    "enforcement": _Source(ENFORCEMENT_PURPOSE, ENFORCEMENT_GOOD, ENFORCEMENT_EXAMPLE, {
        "accountable": ENFORCEMENT_ACCOUNTABLE,
        "monitoring": ENFORCEMENT_MONITORING,
        "consequences": ENFORCEMENT_CONSEQUENCES,
        "feedback": ENFORCEMENT_FEEDBACK,
    }),
    "sections": _Source(SECTIONS_PURPOSE, SECTIONS_GOOD, SECTIONS_EXAMPLE,
                        {"sections": SECTIONS_ITEMS}),
    "review": _Source(REVIEW_PURPOSE, REVIEW_GOOD, REVIEW_EXAMPLE, {"note": REVIEW_NOTE}),
}

# Where each insertable example goes in the spec (None: it has no fixed path; a procedure
# is appended to `procedures`, a revision note goes into a new `revisions` entry).
EXAMPLE_PATHS: dict[str, dict[str, tuple | None]] = {
    "basics": {"title": ("title",), "owner": ("owner",)},
    "purpose": {"intent": ("purpose", "intent"), "applies_to": ("purpose", "applies_to")},
    "definitions": {"definitions": ("definitions",)},
    "mission": {"mission": ("mission",)},
    "vision": {"vision": ("vision",)},
    "values": {"values": ("values",)},
    "standards": {
        "always": ("standards", "always"),
        "never": ("standards", "never"),
        "support_hours": ("standards", "support_hours"),
    },
    "procedures": {kind: None for kind in ("complaints", "inquiries", "refunds", "closing", "feedback")},
    "escalation": {"escalation": ("escalation",)},
    "training": {"onboarding": ("training", "onboarding"), "resources": ("training", "resources")},
    "enforcement": {
        "accountable": ("enforcement", "accountable"),
        "monitoring": ("enforcement", "monitoring"),
        "consequences": ("enforcement", "consequences"),
        "feedback": ("enforcement", "feedback"),
    },
    "sections": {"sections": ("sections",)},
    "review": {"note": None},
}

# Language-neutral parts of the examples: spec values that are never translated.
EXAMPLE_SERVICE_LEVELS = (
    {"channel": "phone", "first_response": "3 minutes", "resolution": "1 working day"},
    {"channel": "email", "first_response": "24 hours", "resolution": "3 working days"},
    {"channel": "live_chat", "first_response": "2 minutes", "resolution": "1 working day"},
)
EXAMPLE_METRICS = (
    {"metric": "csat", "target": "90%"},
    {"metric": "first_contact_resolution", "target": "75%"},
    {"metric": "sla_compliance", "target": "95%"},
)
EXAMPLE_PROCEDURE_TARGETS: dict[str, dict[str, str]] = {
    "complaints": {"acknowledge_within": "1 working day", "resolve_within": "5 working days"},
    "inquiries": {"resolve_within": "2 working days"},
    "refunds": {"acknowledge_within": "1 working day", "resolve_within": "5 working days"},
}
# The procedures a "fill this step" inserts (every kind keeps its own example to insert);
# with all of them, a policy made only of examples would run past two pages.
EXAMPLE_FILL_PROCEDURES = ("complaints", "inquiries", "refunds", "closing")
EXAMPLE_ESCALATION_WITHIN = (None, "4 hours", "1 working day")
EXAMPLE_TRAINING_METHODS = ("role_play", "shadowing", "mentoring", "knowledge_base")
EXAMPLE_REFRESHER_MONTHS = 6


def _gettext_for(lang: str | None):
    if lang is None or lang == ui_language():
        return _translator.gettext
    return translations(lang, "guide").gettext


def _translate(value: Example, gettext) -> Example:
    if isinstance(value, str):
        return gettext(value)
    return tuple(_translate(item, gettext) for item in value)  # type: ignore[return-value]


def guidance_for(step: str, lang: str | None = None) -> Guidance:
    """The guidance of `step` in the UI language (or in `lang`); KeyError for an unknown step."""
    source = _SOURCES[step]
    gettext = _gettext_for(lang)
    return Guidance(
        step=step,
        purpose=gettext(source.purpose),
        good=tuple(gettext(item) for item in source.good),
        example=gettext(source.example),
        examples={name: _translate(value, gettext) for name, value in source.examples.items()},
    )


def example_value(step: str, name: str, lang: str | None = None) -> Any:
    """The example `name` of `step` as spec data, ready to store: text as a string, lists of
    text as a list, records as a list of mappings, a procedure (keyed by its kind) as one
    procedure mapping with its targets. KeyError when the step has no such example."""
    value = guidance_for(step, lang).examples[name]
    if step == "procedures":
        procedure: dict[str, Any] = {"kind": name, "steps": list(value)}
        procedure.update(EXAMPLE_PROCEDURE_TARGETS.get(name, {}))
        return procedure
    if name in EXAMPLE_COLUMNS:
        first, second = EXAMPLE_COLUMNS[name]
        records = [{first: a, second: b} for a, b in value]  # type: ignore[misc]
        if name == "escalation":
            for number, (record, within) in enumerate(zip(records, EXAMPLE_ESCALATION_WITHIN), 1):
                record_with_level: dict[str, Any] = {"level": number, **record}
                if within:
                    record_with_level["within"] = within
                records[number - 1] = record_with_level
        return records
    if isinstance(value, tuple):
        return list(value)
    return value


def example_for(
    step: str, path: tuple, data: dict | None = None, turn: int = 0, lang: str | None = None
) -> str | list | None:
    """What to insert at the spec `path` that has the focus in `step` (see the module doc).

    `data` is the spec (needed in the procedures step to know a procedure's kind);
    `turn` picks the next item of a list example on each press (it wraps around)."""
    path = tuple(path)
    examples = guidance_for(step, lang).examples
    if step == "procedures":
        if path == ("procedures",):
            return [example_value(step, kind, lang) for kind in EXAMPLE_FILL_PROCEDURES]
        if len(path) < 3 or path[0] != "procedures" or path[2] != "steps":
            return None
        kind = get_at(data, ("procedures", path[1], "kind")) if data is not None else None
        if kind not in examples:
            return None
        steps = examples[kind]
        return list(steps) if len(path) == 3 else steps[turn % len(steps)]  # type: ignore[return-value]
    for name, prefix in EXAMPLE_PATHS.get(step, {}).items():
        if prefix is None or path[: len(prefix)] != prefix:
            continue
        rest, value = path[len(prefix):], examples[name]
        if isinstance(value, str):
            return value if not rest else None
        if not rest:
            return example_value(step, name, lang)
        if name not in EXAMPLE_COLUMNS:
            return value[turn % len(value)] if isinstance(rest[0], int) else None  # type: ignore[return-value]
        records = example_value(step, name, lang)
        if len(rest) == 1:
            return records[turn % len(records)]
        column = rest[1]
        return value[turn % len(value)][EXAMPLE_COLUMNS[name].index(column)] if column in EXAMPLE_COLUMNS[name] else None  # type: ignore[index]
    return None


def example_data(step: str, lang: str | None = None) -> dict[tuple, Any]:
    """Every example of `step` as spec data keyed by its path, for `set_at`: the translated
    texts plus the language-neutral values that go with them (service levels, metrics,
    procedure targets, training methods). Revision notes are not included (no fixed path)."""
    data: dict[tuple, Any] = {}
    for name, path in EXAMPLE_PATHS[step].items():
        if path is not None:
            data[path] = example_value(step, name, lang)
    if step == "standards":
        data[("standards", "service_levels")] = [dict(level) for level in EXAMPLE_SERVICE_LEVELS]
        data[("standards", "metrics")] = [dict(metric) for metric in EXAMPLE_METRICS]
    elif step == "procedures":
        data[("procedures",)] = [example_value(step, kind, lang) for kind in EXAMPLE_FILL_PROCEDURES]
    elif step == "training":
        data[("training", "methods")] = list(EXAMPLE_TRAINING_METHODS)
        data[("training", "refresher_every_months")] = EXAMPLE_REFRESHER_MONTHS
    return data
