"""Blocks -> a policy spec, and a note of where each block went.

The document is cut into sections at its top-level headings; each heading is named by our
own catalog (exactly, for documents this tool rendered) or by the words people use for it,
and a reader per section turns its blocks into values. Whatever a reader cannot place is
kept: it goes into `sections` under its own heading and is listed as not placed, so nothing
of the source is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wizard.render import build
from wizard.spec.model import CUSTOMER_WORDS, DEFAULT_CUSTOMER_WORD, DURATION_METRICS, PERCENT_METRICS

from .blocks import Block, Item
from .sentences import read_month_sentence, read_rank, read_time_sentence, split_sentences
from .values import (
    parse_count_text,
    parse_date_text,
    parse_duration_text,
    parse_percent_text,
    parse_signed_text,
    split_known_list,
    squash,
)
from .vocabulary import ACKNOWLEDGE_WORDS, PROCEDURE_KINDS, RESOLVE_WORDS, Scaffold, scaffold, strip_numbering


@dataclass
class Placement:
    """Where one block of the source went: a spec path such as "procedures[2].steps"."""

    where: int
    target: str
    excerpt: str = ""


@dataclass
class Imported:
    spec: dict
    lang: str
    placed: list[Placement] = field(default_factory=list)
    unplaced: list[Placement] = field(default_factory=list)


# Words of hand-written documents beyond our own labels.
_TITLE_FIELD_WORDS = (("owner", "owner"), ("politika sorumlusu", "owner"), ("politikadan sorumlu", "owner"), ("policy owner", "owner"), ("document owner", "owner"),
                      ("nositelj", "owner"), ("vlasnik", "owner"), ("负责人", "owner"), ("责任人", "owner"),
                      ("sorumlu", "owner"), ("politika sahibi", "owner"), ("effective date", "effective_date"),
                      ("effective from", "effective_date"), ("valid from", "effective_date"),
                      ("datum stupanja na snagu", "effective_date"), ("vrijedi od", "effective_date"),
                      ("生效日期", "effective_date"), ("施行日期", "effective_date"),
                      ("yürürlük tarihi", "effective_date"), ("company", "company"), ("tvrtka", "company"),
                      ("公司", "company"), ("şirket", "company"))
_HOURS_LABELS = ("support hours", "opening hours", "business hours", "hours", "radno vrijeme", "服务时间",
                 "营业时间", "工作时间", "çalışma saatleri", "hizmet saatleri")
_ALWAYS_WORDS = ("always", "uvijek", "始终", "一定", "承诺做到", "her zaman", "daima")
_NEVER_WORDS = ("never", "nikada", "nikad", "绝不", "决不", "杜绝", "asla", "hiçbir zaman")
_CHANNEL_WORDS = (("phone", "phone"), ("telefon", "phone"), ("电话", "phone"), ("e-mail", "email"),
                  ("email", "email"), ("e-pošt", "email"), ("e-post", "email"), ("邮件", "email"),
                  ("chat", "live_chat"), ("在线客服", "live_chat"), ("聊天", "live_chat"), ("sohbet", "live_chat"),
                  ("social", "social_media"), ("društven", "social_media"), ("社交", "social_media"),
                  ("sosyal", "social_media"), ("in person", "in_person"), ("osobno", "in_person"),
                  ("当面", "in_person"), ("yüz yüze", "in_person"), ("mağaza", "in_person"),
                  ("messag", "messaging"), ("poruk", "messaging"), ("即时通讯", "messaging"),
                  ("mesajlaşma", "messaging"), ("whatsapp", "messaging"))
_METRIC_WORDS = (("csat", "csat"), ("nps", "nps"), ("fcr", "first_contact_resolution"),
                 ("first contact", "first_contact_resolution"), ("sla", "sla_compliance"),
                 ("first response", "first_response_time"), ("prvog odgovora", "first_response_time"),
                 ("首次响应", "first_response_time"), ("ilk yanıt", "first_response_time"),
                 ("resolution time", "resolution_time"), ("rješavanja", "resolution_time"),
                 ("解决时", "resolution_time"), ("çözüm süre", "resolution_time"),
                 ("satisfaction", "csat"), ("zadovoljstv", "csat"), ("满意度", "csat"), ("memnuniyet", "csat"))
_COLUMN_WORDS = (("level", "level"), ("razin", "level"), ("级别", "level"), ("层级", "level"), ("seviye", "level"),
                 ("kademe", "level"), ("role", "role"), ("who", "role"), ("ulog", "role"), ("odgovorn", "role"),
                 ("角色", "role"), ("负责", "role"), ("rol", "role"), ("sorumlu", "role"), ("yetkili", "role"),
                 ("when", "when"), ("trigger", "when"), ("uvjet", "when"), ("kada", "when"), ("条件", "when"),
                 ("情形", "when"), ("koşul", "when"), ("durum", "when"), ("time", "within"), ("rok", "within"),
                 ("时限", "within"), ("süre", "within"), ("channel", "channel"), ("kanal", "channel"),
                 ("渠道", "channel"), ("first response", "first_response"), ("prvi odgovor", "first_response"),
                 ("首次响应", "first_response"), ("ilk yanıt", "first_response"), ("resolution", "resolution"),
                 ("rješavanje", "resolution"), ("解决", "resolution"), ("çözüm", "resolution"),
                 ("metric", "metric"), ("pokazatelj", "metric"), ("指标", "metric"), ("gösterge", "metric"),
                 ("target", "target"), ("cilj", "target"), ("目标", "target"), ("hedef", "target"))
_ENFORCEMENT_WORDS = (("monitor", "monitoring"), ("praćenj", "monitoring"), ("监督", "monitoring"),
                      ("监测", "monitoring"), ("izleme", "monitoring"), ("consequence", "consequences"),
                      ("posljedic", "consequences"), ("后果", "consequences"), ("处罚", "consequences"),
                      ("yaptırım", "consequences"), ("suggest", "feedback"), ("feedback", "feedback"),
                      ("prijedl", "feedback"), ("建议", "feedback"), ("öneri", "feedback"), ("review", "review"),
                      ("preispit", "review"), ("评审", "review"), ("复审", "review"), ("gözden geçir", "review"))
# Our time sentences name the kind of procedure they belong to ("every complaint").
_FAMILY_KINDS = {family: kind for kind, family in build.SENTENCE_FAMILIES.items()}
_TERM_SEPARATOR = re.compile(r"\s*(?::|：|\s[–—-]\s)\s*")


def interpret(blocks: list[Block], lang: str) -> Imported:
    """The spec that `blocks`, written in `lang`, describe."""
    return _Interpreter(blocks, lang).run()


class _Interpreter:
    def __init__(self, blocks: list[Block], lang: str) -> None:
        self.blocks = blocks
        self.lang = lang
        self.words: Scaffold = scaffold(lang)
        self.spec: dict[str, Any] = {"schema_version": 1, "language": lang}
        self.result = Imported(self.spec, lang)
        self.leftovers: list[tuple[str, int, list[Block]]] = []  # (title, where, blocks)
        self.own = False  # whether the document uses our own headings (see _own_document)
        self.customer_words = set(CUSTOMER_WORDS)  # narrowed by each of our wordings found

    # ---------------------------------------------------------------- overall shape

    def run(self) -> Imported:
        blocks = self.blocks
        self.own = self._own_document()
        title_level, section_level = self._levels()
        index = 0
        if title_level and blocks and blocks[0].kind == "heading" and blocks[0].level == title_level:
            self._title(blocks[0])
            index = 1
        intro: list[Block] = []
        while index < len(blocks) and not self._starts_section(blocks[index], section_level):
            intro.append(blocks[index])
            index += 1
        self._title_fields(intro)
        while index < len(blocks):
            head = blocks[index]
            body: list[Block] = []
            index += 1
            while index < len(blocks) and not self._starts_section(blocks[index], section_level):
                body.append(blocks[index])
                index += 1
            self._section(head, body)
        self._keep_leftovers()
        self._customer_word()
        return self.result

    def _levels(self) -> tuple[int, int]:
        """(the title's heading level or 0, the level of section headings)."""
        headings = [b for b in self.blocks if b.kind == "heading"]
        if not headings:
            return 0, 0
        first = headings[0]
        same = [h for h in headings[1:] if h.level == first.level]
        known = [h for h in same if self.words.heading_key(h.text)]
        if self.blocks[0] is first and not (self.words.heading_key(first.text) and known):
            rest = [h.level for h in headings[1:]]
            return first.level, (min(rest) if rest else first.level + 1)
        return 0, first.level

    def _starts_section(self, block: Block, section_level: int) -> bool:
        return block.kind == "heading" and block.level <= section_level

    def _own_document(self) -> bool:
        """Whether this tool wrote the document: our own headings and labels (two or more, most
        headings not numbered, and more of them than headings we would have to guess). Then a heading that is not ours
        is the author's extra section, and names in tables are never guessed from a word."""
        headings = [b.text for b in self.blocks if b.kind == "heading"]
        ours = self.words.own_words_in(self.blocks)
        guessed = sum(1 for text in headings if squash(text) not in self.words.sections and self.words.heading_key(text))
        numbered = sum(1 for text in headings if strip_numbering(text) != text) * 2 > len(headings) >= 2
        return ours >= 2 and ours >= guessed and not numbered

    def title_of(self, head: Block) -> str:
        """A heading as a title in the policy: without the document's own numbering ("5.")."""
        return head.text if self.own else strip_numbering(head.text)

    def place(self, block: Block | None, target: str, text: str = "") -> None:
        if block is not None:
            self.result.placed.append(Placement(block.where, target, _excerpt(text or _block_text(block))))

    def leftover(self, title: str, where: int, blocks: list[Block]) -> None:
        if blocks:
            self.leftovers.append((title if self.own else strip_numbering(title), where, blocks))

    def _keep_leftovers(self) -> None:
        """What no reader placed becomes extra sections, listed in the report as not placed."""
        for title, where, blocks in self.leftovers:
            body = blocks_as_text(blocks)
            if not body:
                continue
            sections = self.spec.setdefault("sections", [])
            entry = {"title": title} if title else {}
            entry["body"] = body
            sections.append(entry)
            target = f"sections[{len(sections)}]"
            for block in blocks:
                self.result.unplaced.append(Placement(block.where, target, _excerpt(_block_text(block))))
            del where

    # ---------------------------------------------------------------- title block

    def _title(self, block: Block) -> None:
        text = block.text
        words = self.words.served_words("title", text)
        if words is None:
            self.spec["title"] = text
        else:  # our default title, which names the people served
            self.hear_customer_word(words)
        self.place(block, "title", text)

    def hear_customer_word(self, words: set[str]) -> None:
        """Narrow down what the policy calls the people it serves, from one of our wordings."""
        self.customer_words &= words

    def _customer_word(self) -> None:
        """Write down the customer word our wordings agree on (none: the default)."""
        words = self.customer_words
        if DEFAULT_CUSTOMER_WORD not in words and words:
            self.spec["customer_word"] = next(word for word in CUSTOMER_WORDS if word in words)

    def _title_fields(self, blocks: list[Block]) -> None:
        rest: list[Block] = []
        for block, item in _items(blocks):
            found = self.words.split_field(item.label, item.text) or _typed_field(item, _TITLE_FIELD_WORDS)
            if found is None:
                rest.append(block)
                continue
            key, value = found
            if key == "company":
                self.spec["company"] = value
            elif key == "owner":
                self.spec["owner"] = value
            elif key == "effective_date":
                date = parse_date_text(value, self.lang)
                if date is None:
                    rest.append(block)
                    continue
                self.spec["effective_date"] = date
            elif key == "version":
                pass  # the number of revisions: the revision history says it again
            else:
                rest.append(block)
                continue
            self.place(block, key if key != "version" else "revisions", value)
        if rest:
            paragraphs = [b for b in rest if b.kind == "paragraph" and not b.label]
            if paragraphs and len(paragraphs) == len(rest):
                purpose = self.spec.setdefault("purpose", {})
                purpose["intent"] = "\n\n".join(b.text for b in paragraphs)
                for block in paragraphs:
                    self.place(block, "purpose.intent")
            else:
                self.leftover(self.spec.get("title", ""), rest[0].where, rest)

    # ---------------------------------------------------------------- sections

    def _section(self, head: Block, body: list[Block]) -> None:
        exact = squash(strip_numbering(head.text)) in self.words.sections
        key = self.words.heading_key(head.text) if exact or not self.own else None
        reader = {
            "purpose": self._purpose, "definitions": self._definitions, "mission": self._text,
            "vision": self._text, "values": self._values, "standards": self._standards,
            "procedures": self._procedures, "escalation": self._escalation, "training": self._training,
            "enforcement": self._enforcement, "contact": self._contact, "revisions": self._revisions,
        }.get(key or "")
        if key in PROCEDURE_KINDS:
            self._procedure(head, body, key)
        elif reader is None:
            self._extra(head, body)
        else:
            reader(head, body, key)

    def _extra(self, head: Block, body: list[Block]) -> None:
        sections = self.spec.setdefault("sections", [])
        entry: dict[str, Any] = {"title": self.title_of(head)}
        text = blocks_as_text(body)
        if text:
            entry["body"] = text
        sections.append(entry)
        target = f"sections[{len(sections)}]"
        if self.own:
            self.place(head, target, head.text)
            for block in body:
                self.place(block, target)
        else:  # a heading of the author's own: worth a look, it may be a part we know by another name
            self.result.unplaced.append(Placement(head.where, target, _excerpt(head.text)))

    def _text(self, head: Block, body: list[Block], key: str) -> None:
        text = blocks_as_text(body)
        if text:
            self.spec[key] = _joined(self.spec.get(key), text)
        self.place(head, key, head.text)
        for block in body:
            self.place(block, key)

    def _purpose(self, head: Block, body: list[Block], key: str) -> None:
        purpose = self.spec.setdefault("purpose", {})
        rest: list[Block] = []
        for block, item in _items(body):
            found = self.words.split_field(item.label, item.text)
            if found and found[0] == "applies_to":
                purpose["applies_to"] = found[1]
                self.place(block, "purpose.applies_to")
            elif found and found[0] == "channels":
                channels = split_known_list(found[1], self.words.channel_words, self.lang)
                if channels is None:
                    rest.append(block)
                    continue
                purpose["channels"] = channels
                self.place(block, "purpose.channels")
            elif block.kind == "paragraph" and not found:
                purpose["intent"] = _joined(purpose.get("intent"), block.text)
                self.place(block, "purpose.intent")
            else:
                rest.append(block)
        self.place(head, "purpose", head.text)
        if not purpose:
            del self.spec["purpose"]
        self.leftover(head.text, head.where, _unique(rest))

    def _pairs(self, body: list[Block], key: str, first: str, second: str) -> list[Block]:
        """Term/meaning pairs from "**Term**: meaning" paragraphs, "Term: meaning" list items,
        two-column tables and sub-headings with text under them. Returns what is not a pair."""
        entries = self.spec.setdefault(key, [])
        rest: list[Block] = []
        index = 0
        while index < len(body):
            block = body[index]
            if block.kind == "heading":
                following = []
                while index + 1 < len(body) and body[index + 1].kind == "paragraph":
                    index += 1
                    following.append(body[index])
                entry = {first: block.text}
                if following:
                    entry[second] = "\n\n".join(b.text for b in following)
                entries.append(entry)
                self.place(block, f"{key}[{len(entries)}]")
                for b in following:
                    self.place(b, f"{key}[{len(entries)}].{second}")
            elif block.kind == "table" and block.rows and all(len(row) == 2 for row in block.rows):
                rows = block.rows[1:] if len(block.rows) > 1 else block.rows
                for term, meaning in rows:
                    entries.append({first: term, second: meaning} if meaning else {first: term})
                self.place(block, key)
            elif block.kind in ("paragraph", "bullets", "numbered"):
                items = [block.item] if block.kind == "paragraph" else list(block.items)
                pairs = [_pair(item, self.words.field_pattern) for item in items]
                if block.kind == "paragraph" and pairs[0] is None:
                    rest.append(block)
                else:
                    for item, pair in zip(items, pairs):
                        term, meaning = pair or (item.text, "")
                        entries.append({first: term, second: meaning} if meaning else {first: term})
                    self.place(block, key)
            else:
                rest.append(block)
            index += 1
        if not entries:
            del self.spec[key]
        return rest

    def _definitions(self, head: Block, body: list[Block], key: str) -> None:
        self.place(head, key, head.text)
        self.leftover(head.text, head.where, self._pairs(body, "definitions", "term", "meaning"))

    def _values(self, head: Block, body: list[Block], key: str) -> None:
        self.place(head, key, head.text)
        self.leftover(head.text, head.where, self._pairs(body, "values", "name", "description"))

    # ---------------------------------------------------------------- standards

    def _standards(self, head: Block, body: list[Block], key: str) -> None:
        standards = self.spec.setdefault("standards", {})
        rest: list[Block] = []
        lead = ""
        self.place(head, "standards", head.text)
        for block in body:
            if block.kind == "heading" and squash(block.text) in self.words.subheadings:
                self.place(block, "standards")
                continue
            if block.kind == "paragraph" and (not block.label or block.label == block.text):
                folded = squash(block.text)
                if folded in (self.words.always, self.words.never) or (
                        folded.endswith((":", "：")) and _lead_of(folded)):
                    lead = "never" if folded == self.words.never or _lead_of(folded) == "never" else "always"
                    self.place(block, f"standards.{lead}")
                    continue
            if block.kind in ("bullets", "numbered"):
                which = lead or "always"
                standards.setdefault(which, []).extend(item.text for item in block.items)
                self.place(block, f"standards.{which}")
                lead = ""
                continue
            lead = ""
            if block.kind == "table" and self._standards_table(block, standards):
                continue
            if block.kind == "paragraph":
                hours = self._support_hours(block)
                if hours is not None:
                    standards["support_hours"] = hours
                    self.place(block, "standards.support_hours")
                    continue
            rest.append(block)
        if not standards:
            del self.spec["standards"]
        self.leftover(head.text, head.where, rest)

    def _support_hours(self, block: Block) -> str | None:
        found = self.words.split_field(block.label, block.text)
        if found and found[0] == "support_hours":
            return found[1]
        if found:
            return None
        label = squash(block.label or _TERM_SEPARATOR.split(block.text, 1)[0])
        if label in _HOURS_LABELS and _TERM_SEPARATOR.search(block.text):
            return _TERM_SEPARATOR.split(block.text, 1)[1].strip()
        return None

    def _columns(self, header: tuple[str, ...]) -> list[str | None]:
        columns = []
        for cell in header:
            folded = squash(cell)
            column = self.words.columns.get(folded)
            if column is None:
                column = next((key for word, key in _COLUMN_WORDS if word in folded), None)
            columns.append(column)
        return columns

    def _standards_table(self, block: Block, standards: dict) -> bool:
        if len(block.rows) < 2:
            return False
        columns = self._columns(block.rows[0])
        if "channel" in columns and ("first_response" in columns or "resolution" in columns):
            levels = standards.setdefault("service_levels", [])
            for row in block.rows[1:]:
                entry = self._service_level(dict(zip(columns, row)))
                if entry is None:
                    return False
                levels.append(entry)
            self.place(block, "standards.service_levels")
            return True
        if "metric" in columns and "target" in columns:
            metrics = standards.setdefault("metrics", [])
            for row in block.rows[1:]:
                cells = dict(zip(columns, row))
                metrics.append(self._metric(cells.get("metric", ""), cells.get("target", "")))
            self.place(block, "standards.metrics")
            return True
        return False

    def _service_level(self, cells: dict) -> dict | None:
        entry = _channel_entry(cells.get("channel", ""), self.words, guess=not self.own)
        for column in ("first_response", "resolution"):
            cell = (cells.get(column) or "").strip()
            if not cell or cell == self.words.dash:
                continue
            duration = parse_duration_text(cell, self.lang)
            if duration is None:
                return None
            entry[column] = duration
        return entry

    def _metric(self, name: str, target: str) -> dict:
        folded = squash(name)
        served = self.words.served_words("csat", name)
        if served is not None:
            self.hear_customer_word(served)
        metric = self.words.metric_names.get(folded) or (next(
            (key for word, key in _METRIC_WORDS if word in folded), "other") if not self.own else "other")
        target = target.strip()
        if not target or target == self.words.dash:
            value: Any = None
        elif metric in PERCENT_METRICS:
            value = parse_percent_text(target, self.lang)
        elif metric == "nps":
            value = parse_signed_text(target, self.lang)
        elif metric in DURATION_METRICS:
            value = parse_duration_text(target, self.lang)
        else:
            value = target
        exact = folded in self.words.metric_names and metric != "other"
        if value is None and target and target != self.words.dash:
            metric, value = "other", target  # a target we cannot read is kept as text
        entry: dict[str, Any] = {"metric": metric}
        if metric == "other" and not (exact and squash(name) == squash(self.words.ours("Other metric"))):
            entry["name"] = name
        if value is not None:
            entry["target"] = value
        return entry

    # ---------------------------------------------------------------- procedures

    def _procedures(self, head: Block, body: list[Block], key: str) -> None:
        self.place(head, "procedures", head.text)
        index = 0
        rest: list[Block] = []
        while index < len(body) and body[index].kind != "heading":
            rest.append(body[index])
            index += 1
        while index < len(body):
            sub = body[index]
            inner: list[Block] = []
            index += 1
            while index < len(body) and body[index].kind != "heading":
                inner.append(body[index])
                index += 1
            self._procedure(sub, inner, self.words.procedure_kind(sub.text) or "other")
        self.leftover(head.text, head.where, rest)

    def _procedure(self, head: Block, body: list[Block], kind: str) -> None:
        procedures = self.spec.setdefault("procedures", [])
        procedure: dict[str, Any] = {"kind": kind}
        procedures.append(procedure)
        path = f"procedures[{len(procedures)}]"
        self.place(head, path, head.text)
        family = None
        for block in body:
            if block.kind in ("bullets", "numbered"):
                procedure.setdefault("steps", []).extend(item.text for item in block.items)
                self.place(block, f"{path}.steps")
            elif block.kind == "paragraph" and (times := self._procedure_times(block.text, procedure)):
                family = times if isinstance(times, str) else family
                self.place(block, path)
            else:
                text = blocks_as_text([block])
                if text:
                    procedure.setdefault("steps", []).append(text)
                    self.place(block, f"{path}.steps")
        procedure["kind"] = _kind_with_family(procedure["kind"], family)
        title = self.title_of(head)
        served = self.words.served_words(procedure["kind"], title)
        if served is not None:
            self.hear_customer_word(served)
        if procedure["kind"] == "other" or self.words.procedure_titles.get(squash(title)) != procedure["kind"]:
            procedure["title"] = title
        # the contract's key order
        procedures[-1] = {key: procedure[key] for key in ("kind", "title", "steps", "acknowledge_within",
                                                            "resolve_within") if key in procedure}

    def _procedure_times(self, text: str, procedure: dict) -> str | bool:
        """Read our acknowledge/resolve sentences (or one unambiguous hand-written one) into
        `procedure`; the kind our sentences name ("complaint"), True, or False if not times."""
        sentences = split_sentences(text)
        found: dict[str, str] = {}
        for sentence in sentences:
            ours = read_time_sentence(sentence, self.lang)
            if ours is not None:
                family, acknowledge, resolve = ours
                found.update((key, value) for key, value in (("acknowledge_within", acknowledge),
                                                              ("resolve_within", resolve)) if value)
                found["family"] = family  # our sentences name the kind
                continue
            typed = self._typed_time(sentence)
            if typed is None:
                return False
            found.update([typed])
        family = found.pop("family", None)
        if not found or any(key in procedure for key in found):
            return False
        procedure.update(found)
        return family or True

    def _typed_time(self, sentence: str) -> tuple[str, str] | None:
        folded = squash(sentence)
        acknowledge = any(word in folded for word in ACKNOWLEDGE_WORDS)
        resolve = any(word in folded for word in RESOLVE_WORDS)
        if acknowledge == resolve:
            return None
        numbers = re.findall(r"\d+", sentence)
        if len(numbers) != 1:
            return None
        start = sentence.index(numbers[0])
        duration = parse_duration_text(sentence[start:start + 40].split(",")[0].split("，")[0].rstrip(".。"), self.lang)
        if duration is None:
            return None
        return ("acknowledge_within" if acknowledge else "resolve_within"), duration

    # ---------------------------------------------------------------- escalation

    def _escalation(self, head: Block, body: list[Block], key: str) -> None:
        levels = self.spec.setdefault("escalation", [])
        rest: list[Block] = []
        self.place(head, "escalation", head.text)
        for block in body:
            if block.kind == "table" and len(block.rows) >= 2:
                columns = self._columns(block.rows[0])
                if "role" not in columns and "level" not in columns:
                    rest.append(block)
                    continue
                for row in block.rows[1:]:
                    levels.append(self._level(dict(zip(columns, row)), len(levels) + 1))
                self.place(block, "escalation")
            elif block.kind in ("bullets", "numbered"):
                for item in block.items:
                    levels.append({"level": len(levels) + 1, "role": item.text})
                self.place(block, "escalation")
            else:
                rest.append(block)
        if not levels:
            del self.spec["escalation"]
        self.leftover(head.text, head.where, rest)

    def _level(self, cells: dict, position: int) -> dict:
        entry: dict[str, Any] = {}
        text = cells.get("level") or ""
        level = (read_rank(text, self.lang) or parse_count_text(text, self.lang)) if text else None
        if level is not None and level > 0:
            entry["level"] = level
        elif not cells.get("level") or cells.get("level") != self.words.dash:
            entry["level"] = position
        for column in ("role", "when"):
            text = (cells.get(column) or "").strip()
            if text and text != self.words.dash:
                entry[column] = text
        within = (cells.get("within") or "").strip()
        if within and within != self.words.dash:
            duration = parse_duration_text(within, self.lang)
            if duration is not None:
                entry["within"] = duration
            else:
                entry["when"] = _joined(entry.get("when"), within, " ")
        return entry

    # ---------------------------------------------------------------- training, enforcement

    def _training(self, head: Block, body: list[Block], key: str) -> None:
        training = self.spec.setdefault("training", {})
        rest: list[Block] = []
        part = ""
        self.place(head, "training", head.text)
        for block in body:
            if block.kind == "heading":
                part = self.words.subheadings.get(squash(block.text), "")
                if part not in ("onboarding", "ongoing", "resources"):
                    part = _guess_training_part(block.text)
                if part:
                    self.place(block, "training")
                    continue
                rest.append(block)
                continue
            if block.kind in ("bullets", "numbered") and part in ("resources", ""):
                training.setdefault("resources", []).extend(item.text for item in block.items)
                self.place(block, "training.resources")
            elif block.kind == "paragraph" and part == "ongoing" and self._training_sentences(block.text, training):
                self.place(block, "training")
            elif block.kind == "paragraph" and part in ("onboarding", ""):
                training["onboarding"] = _joined(training.get("onboarding"), block.text)
                self.place(block, "training.onboarding")
            else:
                rest.append(block)
        if not training:
            del self.spec["training"]
        self.leftover(head.text, head.where, rest)

    def _training_sentences(self, text: str, training: dict) -> bool:
        found: dict[str, Any] = {}
        for sentence in split_sentences(text):
            match = self.words.methods_sentence.match(sentence)
            if match:
                methods = split_known_list(match.group("methods"), self.words.method_words, self.lang)
                if methods is None:
                    return False
                found["methods"] = list(dict.fromkeys(methods))
                continue
            months = read_month_sentence(sentence, self.lang)
            if months is None or months[0] != "refresher_every_months":
                return False
            found["refresher_every_months"] = months[1]
        training.update(found)
        return bool(found)

    def _enforcement(self, head: Block, body: list[Block], key: str) -> None:
        enforcement = self.spec.setdefault("enforcement", {})
        rest: list[Block] = []
        part = ""
        self.place(head, "enforcement", head.text)
        for block in body:
            if block.kind == "heading":
                part = self.words.subheadings.get(squash(block.text), "")
                if part not in ("monitoring", "consequences", "feedback", "review"):
                    folded = squash(block.text)
                    part = next((k for word, k in _ENFORCEMENT_WORDS if word in folded), "")
                if part:
                    self.place(block, "enforcement")
                else:
                    rest.append(block)
                continue
            if block.kind == "paragraph":
                found = self.words.split_field(block.label, block.text)
                if found and found[0] == "accountable":
                    enforcement["accountable"] = found[1]
                    self.place(block, "enforcement.accountable")
                    continue
                if part == "review":
                    months = read_month_sentence(block.text, self.lang)
                    if months is not None and months[0] == "review_every_months":
                        self.spec["review_every_months"] = months[1]
                        self.place(block, "review_every_months")
                        continue
            if part in ("monitoring", "consequences", "feedback"):
                text = blocks_as_text([block])
                enforcement[part] = _joined(enforcement.get(part), text)
                self.place(block, f"enforcement.{part}")
            else:
                rest.append(block)
        if not enforcement:
            del self.spec["enforcement"]
        self.leftover(head.text, head.where, rest)

    # ---------------------------------------------------------------- contact, revisions

    def _contact(self, head: Block, body: list[Block], key: str) -> None:
        self.place(head, "contact", head.text)
        rest: list[Block] = []
        for block in body:
            if block.kind != "paragraph" or "contact" in self.spec:
                rest.append(block)
                continue
            for regex in self.words.contact_sentences:
                match = regex.match(block.text)
                if match:
                    self.spec["contact"] = match.group("contact").strip()
                    break
            else:
                self.spec["contact"] = _contact_in(block.text)
            self.place(block, "contact")
        self.leftover(head.text, head.where, rest)

    def _revisions(self, head: Block, body: list[Block], key: str) -> None:
        revisions = self.spec.setdefault("revisions", [])
        rest: list[Block] = []
        self.place(head, "revisions", head.text)
        for block in body:
            found = self.words.split_field(block.label, block.text) if block.kind == "paragraph" else None
            if found and found[0] == "last_revised":
                self.place(block, "revisions")
                continue
            if block.kind == "table" and len(block.rows) >= 2:
                columns = self._columns(block.rows[0])
                if "date" in columns:
                    for row in block.rows[1:]:
                        revisions.append(self._revision(dict(zip(columns, row))))
                    self.place(block, "revisions")
                    continue
            rest.append(block)
        if not revisions:
            del self.spec["revisions"]
        self.leftover(head.text, head.where, rest)

    def _revision(self, cells: dict) -> dict:
        entry: dict[str, Any] = {}
        date = parse_date_text(cells.get("date", ""), self.lang)
        if date:
            entry["date"] = date
        for column, key in (("author", "author"), ("note", "note")):
            text = (cells.get(column) or "").strip()
            if text and text != self.words.dash:
                entry[key] = text
        if not date and cells.get("date", "").strip() not in ("", self.words.dash):
            entry["note"] = _joined(cells["date"].strip(), entry.get("note", ""), " ")
        return entry


# -------------------------------------------------------------------- helpers


def _typed_field(item: Item, words: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """(key, value) of "Label: value" whose label is one of `words` (label word, key)."""
    parts = _TERM_SEPARATOR.split(item.text, 1) if not item.label else [item.label, item.text]
    if len(parts) != 2:
        return None
    label = squash(parts[0]).rstrip(":：")
    for word, key in words:
        if label == word:
            value = parts[1]
            if item.label:
                from .vocabulary import strip_field

                value = strip_field(item.text, item.label, "%(label)s: %(value)s")
            return key, value.strip()
    return None


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+[\w/]|\+?\d[\d /().-]{6,}\d")


def _contact_in(text: str) -> str:
    """The e-mail address, web address or telephone number a sentence gives, when it gives
    one; else the whole sentence."""
    found = _ADDRESS.findall(text)
    return found[0] if len(found) == 1 else " ".join(text.split())


def _items(blocks: list[Block]):
    """(block, item) for every paragraph and list item: fields may be written either way."""
    for block in blocks:
        if block.kind == "paragraph":
            yield block, block.item
        elif block.kind in ("bullets", "numbered"):
            for item in block.items:
                yield block, item
        else:
            yield block, Item("")


def _unique(blocks: list[Block]) -> list[Block]:
    seen, out = set(), []
    for block in blocks:
        if id(block) not in seen:
            seen.add(id(block))
            out.append(block)
    return out


def _pair(item: Item, field_pattern: str) -> tuple[str, str] | None:
    """(term, meaning) of "**Term**: meaning" or "Term: meaning" / "Term – meaning"."""
    if item.label:
        from .vocabulary import strip_field

        return item.label, strip_field(item.text, item.label, field_pattern)
    parts = _TERM_SEPARATOR.split(item.text, 1)
    if len(parts) == 2 and 0 < len(parts[0]) <= 60 and parts[1]:
        return parts[0].strip(), parts[1].strip()
    return None


def _kind_with_family(kind: str, family: str | None) -> str:
    """Our time sentences name the kind ("every complaint"): they decide it over the title."""
    if family is None:
        return kind
    if family in _FAMILY_KINDS:
        return _FAMILY_KINDS[family]
    return "other" if kind in build.SENTENCE_FAMILIES else kind


def _lead_of(folded: str) -> str:
    if any(word in folded for word in _NEVER_WORDS):
        return "never"
    if any(word in folded for word in _ALWAYS_WORDS):
        return "always"
    return ""


def _channel_entry(text: str, words: Scaffold, guess: bool) -> dict:
    """A service level's channel: our own name of it, else (in a document of the author's own)
    the word it contains, else a channel of the author's with that name."""
    text = text.strip()
    if text in words.channel_names:
        return {"channel": words.channel_names[text]}
    folded = squash(text)
    for word, key in _CHANNEL_WORDS if guess else ():
        if word in folded:
            return {"channel": key}
    return {"channel": "other", "name": text}


def _guess_training_part(heading: str) -> str:
    folded = squash(heading)
    if any(w in folded for w in ("onboard", "uvodn", "入职", "oryantasyon", "işe alım")):
        return "onboarding"
    if any(w in folded for w in ("resource", "materijal", "资料", "资源", "kaynak")):
        return "resources"
    return ""


def _joined(old: Any, new: str, separator: str = "\n\n") -> str:
    return f"{old}{separator}{new}" if isinstance(old, str) and old else new


def blocks_as_text(blocks: list[Block]) -> str:
    """Blocks as the text of a free-text field: paragraphs apart, list items and table rows
    one per line, so that nothing of them is lost."""
    parts = []
    for block in blocks:
        if block.kind in ("paragraph", "heading"):
            parts.append(block.text)
        elif block.kind == "bullets":
            parts.append("\n".join(f"- {item.text}" for item in block.items))
        elif block.kind == "numbered":
            parts.append("\n".join(f"{n}. {item.text}" for n, item in enumerate(block.items, 1)))
        elif block.kind == "table":
            parts.append("\n".join(" | ".join(row) for row in block.rows))
    return "\n\n".join(part for part in parts if part.strip())


def _block_text(block: Block) -> str:
    return blocks_as_text([block])


def _excerpt(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
