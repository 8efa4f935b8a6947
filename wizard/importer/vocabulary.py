"""The words that tell the importer what a part of a document is.

Two sources, per language:
- our own document's words, read from the `render` catalog (headings, labels, table headers,
  channel and metric names, lead-ins, sentence patterns), so a policy this tool rendered maps
  back exactly, and keeps doing so whenever a translation is improved;
- the words people use in their own documents ("Our mission", "Žalbe", "投诉处理",
  "Şikâyetler"), as stems matched inside a heading.
"""

from __future__ import annotations

import re
from functools import cache

from wizard.i18n import translations
from wizard.render import build
from wizard.spec.model import CUSTOMER_WORDS

from .values import squash

# Section headings of our own documents: msgid -> section key. Internal edition first,
# then the public charter's.
SECTION_HEADINGS = {
    "Purpose and scope": "purpose",
    "Definitions": "definitions",
    "Mission": "mission",
    "Vision": "vision",
    "Values": "values",
    "Service standards": "standards",
    "Procedures": "procedures",
    "Escalation matrix": "escalation",
    "Training and resources": "training",
    "Enforcement and review": "enforcement",
    "Contact": "contact",
    "Revision history": "revisions",
    "Our mission": "mission",
    "Our vision": "vision",
    "Our values": "values",
    "Our commitments to you": "standards",
    "When you can expect an answer": "standards",
    "How to complain": "complaints",
    "Contact us": "contact",
}

# Sub-headings our documents put inside a section: msgid -> what follows them.
SUB_HEADINGS = {
    "Service levels": "service_levels",
    "Performance targets": "metrics",
    "Onboarding": "onboarding",
    "Ongoing training": "ongoing",
    "Resources": "resources",
    "Monitoring": "monitoring",
    "Consequences": "consequences",
    "Suggestions from staff": "feedback",
    "Review": "review",
}

# Field labels: msgid -> key.
LABELS = {
    "Company": "company",
    "Effective date": "effective_date",
    "Policy owner": "owner",
    "Document owner": "owner",
    "Version": "version",
    "Applies to": "applies_to",
    "Channels in scope": "channels",
    "Support hours": "support_hours",
    "Responsible for compliance": "accountable",
    "Last revised": "last_revised",
}

# Table headers: msgid -> column.
COLUMNS = {
    "Channel": "channel",
    "First response": "first_response",
    "Resolution": "resolution",
    "Metric": "metric",
    "Target": "target",
    "Level": "level",
    "Role": "role",
    "When a case goes to this level": "when",
    "Time limit": "within",
    "Date": "date",
    "Author": "author",
    "Change": "note",
}

# What people call the sections in their own documents: stems matched inside a heading
# (casefolded). A procedure kind standing as a section of its own is a procedure.
HEADING_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("purpose", "purpose"), ("scope", "purpose"), ("introduction", "purpose"), ("objective", "purpose"),
           ("definition", "definitions"), ("glossary", "definitions"), ("terms", "definitions"),
           ("mission", "mission"), ("vision", "vision"), ("value", "values"),
           ("standard", "standards"), ("response time", "standards"), ("service level", "standards"),
           ("commitment", "standards"), ("promise", "standards"), ("support hours", "standards"),
           ("procedure", "procedures"), ("process", "procedures"),
           ("complaint", "complaints"), ("inquir", "inquiries"), ("enquir", "inquiries"),
           ("question", "inquiries"), ("refund", "refunds"), ("return", "refunds"),
           ("closing", "closing"), ("ending", "closing"), ("feedback", "feedback"),
           ("escalat", "escalation"), ("training", "training"), ("onboarding", "training"),
           ("enforcement", "enforcement"), ("compliance", "enforcement"), ("monitoring", "enforcement"),
           ("review", "enforcement"), ("contact", "contact"), ("revision", "revisions"),
           ("change history", "revisions"), ("version history", "revisions"), ("changelog", "revisions")),
    "hr": (("svrh", "purpose"), ("područj", "purpose"), ("opseg", "purpose"), ("uvod", "purpose"),
           ("definicij", "definitions"), ("pojmov", "definitions"), ("misij", "mission"),
           ("vizij", "vision"), ("vrijednost", "values"), ("standard", "standards"),
           ("razine uslug", "standards"), ("rokovi", "standards"), ("obećanj", "standards"),
           ("obvez", "standards"), ("postup", "procedures"), ("procedur", "procedures"),
           ("prigovor", "complaints"), ("žalb", "complaints"), ("reklamacij", "complaints"),
           ("upit", "inquiries"), ("povrat novca", "refunds"), ("povrat", "refunds"),
           ("završet", "closing"), ("povratn", "feedback"), ("eskalacij", "escalation"),
           ("osposobljav", "training"), ("obuk", "training"), ("edukacij", "training"),
           ("provedb", "enforcement"), ("nadzor", "enforcement"), ("preispitivanj", "enforcement"),
           ("kontakt", "contact"), ("revizij", "revisions"), ("izmjen", "revisions")),
    "zh": (("目的", "purpose"), ("适用范围", "purpose"), ("范围", "purpose"), ("总则", "purpose"),
           ("定义", "definitions"), ("术语", "definitions"), ("使命", "mission"), ("愿景", "vision"),
           ("价值观", "values"), ("核心价值", "values"), ("服务标准", "standards"), ("服务承诺", "standards"),
           ("时限", "standards"), ("响应时间", "standards"), ("流程", "procedures"), ("程序", "procedures"),
           ("投诉", "complaints"), ("咨询", "inquiries"), ("退款", "refunds"), ("退货", "refunds"),
           ("结束", "closing"), ("反馈", "feedback"), ("升级", "escalation"), ("培训", "training"),
           ("执行", "enforcement"), ("监督", "enforcement"), ("评审", "enforcement"), ("联系", "contact"),
           ("修订", "revisions")),
    "tr": (("amaç", "purpose"), ("kapsam", "purpose"), ("giriş", "purpose"), ("tanım", "definitions"),
           ("terim", "definitions"), ("misyon", "mission"), ("vizyon", "vision"), ("değer", "values"),
           ("standart", "standards"), ("hizmet seviye", "standards"), ("yanıt süre", "standards"),
           ("taahhüt", "standards"), ("prosedür", "procedures"), ("süreç", "procedures"),
           ("şikâyet", "complaints"), ("şikayet", "complaints"), ("soru", "inquiries"),
           ("talep", "inquiries"), ("iade", "refunds"), ("sonlandır", "closing"), ("kapanış", "closing"),
           ("geri bildirim", "feedback"), ("üst seviye", "escalation"), ("eskalasyon", "escalation"),
           ("yükseltme", "escalation"), ("eğitim", "training"), ("uygulama", "enforcement"),
           ("denetim", "enforcement"), ("gözden geçir", "enforcement"), ("iletişim", "contact"),
           ("revizyon", "revisions"), ("değişiklik", "revisions")),
}
PROCEDURE_KINDS = ("inquiries", "complaints", "refunds", "closing", "feedback")

# Words of hand-written sentences about the two times of a procedure.
ACKNOWLEDGE_WORDS = ("acknowledg", "confirm", "potvrđ", "potvrd", "确认", "受理", "onay", "teyit", "alındı")
RESOLVE_WORDS = ("resolv", "settle", "answer", "riješ", "rješav", "odgovara", "解决", "办结", "答复", "çöz",
                 "sonuçlandır", "yanıtl")


class Scaffold:
    """Our own document's words in one language, with reverse look-ups."""

    def __init__(self, lang: str) -> None:
        catalog = translations(lang, "render")
        self.lang = lang
        # lookups in the render catalog (named so that extraction does not copy its messages here)
        ours, ours_in_context = catalog.gettext, catalog.pgettext
        self.ours = ours  # for the few words a reader needs besides these tables
        self.field_pattern = ours("%(label)s: %(value)s")
        self.sections = {squash(ours(msgid)): key for msgid, key in SECTION_HEADINGS.items()}
        self.subheadings = {squash(ours(msgid)): key for msgid, key in SUB_HEADINGS.items()}
        self.labels = {squash(ours(msgid)): key for msgid, key in LABELS.items()}
        self.columns = {squash(ours(msgid)): key for msgid, key in COLUMNS.items()}
        self.channel_names = {ours(msgid): key for key, msgid in build.CHANNEL_NAMES.items()}
        self.channel_words = {ours_in_context("in a sentence", msgid): key for key, msgid in build.CHANNEL_WORDS.items()
                              if key != "other"}
        self.metric_names = {squash(ours(msgid)): key for key, msgid in build.METRIC_NAMES.items()}
        self.procedure_titles = {squash(ours(msgid)): key for key, msgid in build.PROCEDURE_TITLES.items()}
        # What the policy calls the people it serves shows in a few of our words: each such
        # wording -> the words it is written for (several words may share one wording).
        self.served: dict[str, dict[str, set[str]]] = {}
        for slot in build.SERVED_MESSAGES:
            for word in CUSTOMER_WORDS:
                shown = squash(build.served_message(lang, word, slot))
                self.served.setdefault(slot, {}).setdefault(shown, set()).add(word)
        for kind in ("feedback", "closing"):
            for shown in self.served[kind]:
                self.procedure_titles.setdefault(shown, kind)
        self.metric_names.update((shown, "csat") for shown in self.served["csat"])
        self.method_words = {ours_in_context("in a sentence", msgid): key for key, msgid in build.METHOD_WORDS.items()}
        self.always = squash(ours("We will always:"))
        self.never = squash(ours("We will never:"))
        self.methods_sentence = pattern(ours("We train through %(methods)s."))
        self.contact_sentences = tuple(pattern(ours(msgid)) for msgid in (
            *build.DOCUMENT_PHRASES["questions"], "We are here to help: %(contact)s"))
        self.dash = build.DASH

    def own_words_in(self, blocks) -> int:
        """How many of our own headings (sections, their parts, procedures), field labels and
        table headers the blocks use."""
        count = 0
        for block in blocks:
            if block.kind == "heading":
                folded = squash(strip_numbering(block.text))
                count += folded in self.sections or folded in self.subheadings or folded in self.procedure_titles
            items = [block.item] if block.kind == "paragraph" else block.items
            count += sum(1 for item in items if item.label and squash(item.label) in self.labels)
            if block.kind == "table" and block.rows:
                count += sum(1 for cell in block.rows[0] if squash(cell) in self.columns)
        return count

    def served_words(self, slot: str, text: str) -> set[str] | None:
        """The customer words a title or label of ours is written for, if it is ours."""
        return self.served.get(slot, {}).get(squash(text))

    def heading_key(self, text: str) -> str | None:
        """The section a heading names: our own heading exactly, else a word people use."""
        folded = squash(strip_numbering(text))
        if folded in self.sections:
            return self.sections[folded]
        for code in dict.fromkeys((self.lang, "en")):
            for stem, key in HEADING_WORDS[code]:
                if stem in folded:
                    return key
        return None

    def procedure_kind(self, title: str) -> str | None:
        folded = squash(strip_numbering(title))
        if folded in self.procedure_titles:
            return self.procedure_titles[folded]
        for code in dict.fromkeys((self.lang, "en")):
            for stem, key in HEADING_WORDS[code]:
                if key in PROCEDURE_KINDS and stem in folded:
                    return key
        return None

    def split_field(self, label: str, text: str) -> tuple[str, str] | None:
        """(label key, value) of "Label: value" written with our field pattern (the Chinese
        catalog uses a full-width colon), when the label is one of ours."""
        if label:
            key = self.labels.get(squash(label))
            if key is None:
                return None
            return key, strip_field(text, label, self.field_pattern)
        for shown, key in self.labels.items():
            value = _after_label(text, shown, self.field_pattern)
            if value is not None:
                return key, value
        return None


def strip_field(text: str, label: str, field_pattern: str) -> str:
    """The value of "label: value" (any colon, any spacing)."""
    rest = text[len(label):] if text.startswith(label) else text.split(label, 1)[-1]
    separator = field_pattern.replace("%(label)s", "").replace("%(value)s", "")
    for mark in dict.fromkeys((separator.strip(), ":", "：")):
        stripped = rest.lstrip()
        if mark and stripped.startswith(mark):
            return stripped[len(mark):].strip()
    return rest.strip()


def _after_label(text: str, shown_label: str, field_pattern: str) -> str | None:
    """The value when `text` starts with the (casefolded) label and a colon."""
    head = squash(text[: len(shown_label) + 2])
    if not head.startswith(shown_label):
        return None
    rest = text[len(shown_label):].lstrip()
    if rest[:1] not in (":", "："):
        return None
    return rest[1:].strip()


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*(?:\.|\s|\)|、)|[IVX]{1,4}\.|[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十\d]{1,3}[章节条])\s*")


def strip_numbering(heading: str) -> str:
    """ "2.1 Complaints" -> "Complaints"; "三、投诉处理" -> "投诉处理". """
    return _NUMBERING.sub("", heading, count=1).strip()


def pattern(template: str) -> re.Pattern:
    """A catalog sentence as a regular expression: each %(name)s a named group, spaces loose."""
    parts = re.split(r"%\((\w+)\)s", template)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"(?P<{part}>.+?)")
        else:
            out.append(r"[\s\u00a0\u202f]*".join(re.escape(piece) for piece in re.split(r"\s+", part)))
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


@cache
def scaffold(lang: str) -> Scaffold:
    return Scaffold(lang)
