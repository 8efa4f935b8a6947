"""Reading the author's text in four languages: folding, sentences, word counts, vocabularies.

Matching is done on a *folded* copy of the text that has exactly the same length
as the original, so a match can always be quoted from the original:

- everything is lower-cased one character at a time (never `str.lower()` on the
  whole string: `"İ".lower()` is two characters long);
- Turkish text first maps `I` to `ı` and `İ` to `i` (Turkish casing), then
  dotless `ı` to `i`, and Croatian and Turkish letters lose their diacritics
  (`č ć š ž đ ş ğ ç ö ü` -> `c c s z d s g c o u`), so `HIZLI`, `hızlı` and a
  `hizli` typed on a keyboard without Turkish letters all match, as do `što
  prije` and `sto prije`.

Vocabulary patterns below are written already folded (lower case, no Croatian
or Turkish diacritics) and must not use upper-case regex escapes such as `\\W`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from wizard.spec.model import Duration

_STRIP = str.maketrans("čćšžđşğçöüıâîû", "ccszdsgcouiaiu")


@lru_cache(maxsize=4096)
def fold(text: str, lang: str) -> str:
    """Lower-case `text` for matching in `lang`, keeping its length (see the module doc)."""
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    else:
        text = text.replace("İ", "i")
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: go one by one
        lowered = "".join(ch if len(low := ch.lower()) != 1 else low for ch in text)
    if lang in ("hr", "tr"):
        lowered = lowered.translate(_STRIP)
    return lowered


# --- sentences and length ---------------------------------------------------------------

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_WORD_RE = re.compile(rf"[^\W\d_{_CJK}]+(?:['’-][^\W\d_{_CJK}]+)*|\d+(?:[.,:]\d+)*")
# A sentence ends at . ! ? followed by space and a word that does not start in lower case
# ("d.o.o. pruža" and "e.g. the" stay one sentence), at Chinese 。！？ and at line breaks.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[^a-zà-ɏ\s])|(?<=[。！？])|\n\s*\n?")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def sentences(text: str) -> list[str]:
    """The sentences of `text` (Western and Chinese punctuation), without empty pieces."""
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence of `text` that contains a letter."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start or match.end() > start:
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a and _HAS_LETTER.search(text[a:b])]


def word_count(text: str) -> tuple[int, int]:
    """`(words, chinese_characters)`: Chinese is counted by character, everything else by word."""
    cjk = len(_CJK_RE.findall(text))
    return len(_WORD_RE.findall(text)), cjk


# --- vocabularies -----------------------------------------------------------------------------

# Vague time promises: speed without a number. Longer phrases first where they overlap.
VAGUE_TIME: dict[str, list[str]] = {
    "en": [
        r"as (?:soon|quickly|fast|early) as (?:possible|we can|we are able to|practicable|feasible)",
        r"as (?:soon|quickly|fast) as (?:humanly )?possible",
        r"a\.s\.a\.p\.?",
        r"asap",
        r"in a timely (?:manner|fashion|way)",
        r"at (?:the|your|our) earliest (?:opportunity|convenience|possible time)",
        r"in short order",
        r"instantly",
        r"urgently",
        r"(?:within|in) a (?:reasonable|short) (?:time|timeframe|period(?: of time)?)",
        r"without (?:undue |unnecessary )?delay",
        r"in due course",
        r"in no time",
        r"right away",
        r"straight away",
        r"at once",
        r"immediately",
        r"promptly",
        r"prompt",
        r"quickly",
        r"quick(?! (?:reference|start|guide|tips?|links?|access|questions?|check))",
        r"fast",
        r"swift(?:ly)?",
        r"rapid(?:ly)?",
        r"speedy|speedily",
        r"expeditiously",
        r"shortly",
        r"timely",
        r"(?<!as )soon(?! as)",
    ],
    "hr": [
        r"sto (?:je )?(?:prije|brze|skorije|hitnije)(?: (?:je )?moguce)?",
        r"cim (?:je )?(?:prije|moguce)(?: moguce)?",
        r"u (?:sto )?najkracem (?:mogucem )?(?:roku|vremenu)",
        r"u (?:sto )?kracem (?:mogucem )?roku",
        r"u (?:razumnom|primjerenom|kratkom|najskorijem) (?:roku|vremenu)",
        r"u (?:najskorije|dogledno|skorije) vrijeme",
        r"zurno",
        r"bez (?:nepotrebnog |ikakvog )?(?:odgode|odgadanja|odlaganja|cekanja)",
        r"pravovremen\w*",
        r"promptn\w*",
        r"ekspeditivn\w*",
        r"ubrzo",
        r"uskoro",
        r"odmah",
        r"hitno",
        r"brz(?:o|a|e|i|u|og|oga|om|ome|ih|im|ima|oj)?(?! (?:vodic\w*|pregled\w*|pristup\w*|start\w*))",
    ],
    "tr": [
        r"(?:mumkun olan |mumkun oldugunca )?en kisa (?:zamanda|surede|sure icinde|vadede)",
        r"mumkun oldugunca (?:cabuk|hizli\w*|erken)",
        r"kisa (?:surede|zamanda|sure icinde)",
        r"makul (?:bir )?(?:surede|sure icinde|zamanda)",
        r"bir an (?:once|evvel)",
        r"(?:vakit )?kaybetmeden",
        r"gecikmeksizin|gecikmeden",
        r"zamaninda",
        r"hizli\w*(?! (?:baslangic|erisim|rehber|kilavuz)\w*)",
        r"hizla",
        r"suratle",
        r"en erken (?:zamanda|surede|firsatta)",
        r"cabuk\w*",
        r"(?<!hemen )hemen(?! hemen)",
        r"derhal",
        r"aninda",
        r"ivedi\w*",
        r"acilen",
        r"yakinda",
        r"seri bir sekilde",
    ],
    "zh": [
        r"尽可能(?:快|早|迅速)",
        r"尽快",
        r"尽早",
        r"尽速",
        r"从速",
        r"第一时间",
        r"(?<![以涉提普])及时(?![间段长效])",
        r"及早",
        r"迅速",
        r"马上",
        r"立即",
        r"立刻",
        r"即刻",
        r"随即",
        r"即时(?!通讯|通信|消息|聊天)",
        r"快速(?!入门|指南|参考|查询)",
        r"很快(?!乐)",
        r"短时间内",
        r"(?:在)?合理(?:的)?(?:时间|期限)内",
        r"不久(?!前)",
    ],
}

# The "at once" family: suggest a short concrete time ("within 1 hour") rather than a day.
IMMEDIATE: dict[str, str] = {
    "en": r"immediately|right away|straight away|at once|in no time",
    "hr": r"odmah|hitno",
    "tr": r"hemen|derhal|aninda|acilen",
    "zh": r"马上|立即|立刻|即刻|随即|第一时间",
}

_EN_NUMBER = (
    r"\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|ninety|half an?|a few"
)
_HR_NUMBER = (
    r"\d+(?:[.,]\d+)?|jedan|jednog|jednoga|jedne|jednu|jednom|dva|dvije|dvaju|tri|cetiri|pet|"
    r"sest|sedam|osam|devet|deset|dvanaest|petnaest|dvadeset|trideset|cetrdeset|pola"
)
_TR_NUMBER = (
    r"\d+(?:[.,]\d+)?|bir|iki|uc|dort|bes|alti|yedi|sekiz|dokuz|on|on iki|yirmi|yirmi dort|"
    r"otuz|kirk|kirk sekiz|elli|altmis|yetmis iki|yarim"
)
# A concrete time: a number with a unit, or a named deadline such as "the same day".
CONCRETE_TIME: dict[str, str] = {
    "en": (
        rf"(?:{_EN_NUMBER})[\s-]*(?:working |business |calendar )?"
        r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|rings?)(?!\w)"
        r"|\d+\s*(?:h|min|s)(?!\w)"
        r"|(?:same|next|following) (?:working |business )?day"
        r"|end of (?:the )?(?:next )?(?:working |business )?day"
        r"|within the hour|by (?:noon|midday|midnight|tomorrow)"
    ),
    "hr": (
        rf"(?:{_HR_NUMBER})\s*(?:radn\w* )?(?:sekund\w*|minut\w*|sat\w*|dan\w*|tjed\w*|mjesec\w*|zvon\w*)"
        r"|\d+\s*(?:h|min|s)(?!\w)"
        r"|ist(?:i|og|oga|om) (?:radn\w* )?dan\w*"
        r"|(?:sljedec|iduc|naredn)\w* (?:radn\w* )?dan\w*"
        r"|do kraja (?:radnog |sljedeceg |iduceg )?dana"
    ),
    "tr": (
        rf"(?<!\w)(?:{_TR_NUMBER})\s*(?:is |takvim )?"
        r"(?:saniye\w*|dakika\w*|saat\w*|gun\w*|hafta\w*|ay(?:da|lik|i|in|dan)?(?!\w)|cal\w*)"
        r"|\d+\s*(?:sa|dk|sn)(?!\w)"
        r"|ayni (?:is )?gun\w*|ertesi (?:is )?gun\w*|gun (?:icinde|sonuna kadar)|mesai bitimine kadar"
    ),
    "zh": (
        r"[0-9０-９]+(?:\.[0-9]+)?\s*(?:个)?\s*(?:秒钟?|分钟|小时|钟头|工作日|天|日|周|星期|礼拜|月)"
        r"|[一二两三四五六七八九十百半]+\s*(?:个)?\s*(?:秒钟?|分钟|小时|钟头|工作日|天|日|周|星期|礼拜|月)"
        r"|当天|当日|次日|同一天|同日|即日|下一个工作日"
    ),
}

# Absolute promises nobody can always keep.
ABSOLUTE: dict[str, list[str]] = {
    "en": [
        r"(?:always|every time,?) 100 ?%",
        r"100 ?%|100 percent|(?:one )?hundred percent",
        r"guarantee[ds]?|guaranteeing",
        r"never (?:fail|miss|make (?:a )?mistakes?|let (?:you|anyone|a customer|our customers) down)",
        r"without (?:fail|exception)",
        r"zero (?:complaints|errors|mistakes|defects|waiting(?: time)?)",
        r"every single (?:time|customer|case|issue|problem)",
    ],
    "hr": [
        r"uvijek 100 ?%",
        r"100 ?%|sto posto|stopostotn\w*",
        r"(?:za)?jamc\w*",
        r"garantir\w*",
        r"bez (?:ijedne )?(?:iznimke|greske|pogreske)",
        r"nikad(?:a)? ne (?:grijes\w*|pogrijes\w*|zakaz\w*|pogrijes\w*)",
        r"nula (?:prigovora|pogresaka|gresaka)",
    ],
    "tr": [
        r"her zaman %\s?100",
        r"%\s?100(?![\d.,])|100 ?%|yuzde ?(?:yuz|100)",
        r"garanti (?:ed|ver|veri)\w*|garantil\w*",
        r"istisnasiz",
        r"(?:asla|hicbir zaman|hic) hata (?:yapma|yapmay)\w*",
        r"sifir (?:sikayet|hata)\w*",
    ],
    "zh": [
        r"保证(?!金|期)",
        r"担保",
        r"百分之百|100\s*[%％]",
        r"绝不出错|绝无差错|永不出错|从不出错|万无一失",
        r"零投诉|零差错|零失误|零等待",
        r"无一例外|毫无例外",
    ],
}
# A sentence about refunds or warranties may promise "100%" or a "guarantee" legitimately.
REFUND_CONTEXT: dict[str, str] = {
    "en": r"refund\w*|money[- ]back|warrant\w*|reimburs\w*|return\w*",
    "hr": r"povrat\w*|jamstv\w*|garancij\w*|reklamacij\w*",
    "tr": r"iade\w*|garanti (?:sure|belge|kapsam)\w*|geri odeme\w*",
    "zh": r"退款|退货|退还|保修|质保|三包",
}

# Words written in capitals for emphasis, times, currencies and codes everybody knows:
# not jargon that needs a definition.
NOT_JARGON = frozenset(
    {
        # English emphasis and common words
        "NOT", "ALL", "ANY", "NO", "AND", "OR", "THE", "WE", "YOU", "OUR", "ONLY", "DO", "MUST",
        "NEVER", "EVERY", "ALWAYS", "OK", "HOW", "WHY", "WHAT",
        # Croatian
        "NE", "NIKAD", "UVIJEK", "SVE", "SVI", "KAKO", "NIJE", "ILI", "SAMO", "MORA",
        # Turkish
        "ASLA", "HER", "VE", "DEĞİL", "HİÇ", "ÇOK", "AMA", "YOK",
        "VAŽNO", "NEMA",
        # times, places, currencies, document types known to everyone
        "AM", "PM", "UTC", "GMT", "CET", "CEST", "EU", "UK", "USA", "US", "UN", "ID", "PDF",
        "EUR", "USD", "GBP", "TRY", "CNY", "RMB", "HRK", "TL", "FAQ", "PIN", "SMS", "WWW",
        # names and abbreviations everybody knows (carriers, taxes, devices, roles)
        "DHL", "UPS", "GLS", "DPD", "TNT", "EMS", "IBAN", "VAT", "PDV", "KDV", "QR", "TV", "PC", "IT",
        "USB", "GPS", "ATM", "VIP", "CEO",
        # placeholders are reported by their own rule
        "TBD", "TBA", "TBC", "TODO", "FIXME", "XXX", "XX",
    }
)
_ROMAN = re.compile(r"^[IVXLC]+$")
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")


def acronyms(text: str) -> list[tuple[str, int]]:
    """`(acronym, offset)` for each all-capital Latin token of 2-5 letters (`SLAs` gives `SLA`)."""
    found = []
    for match in _LATIN_RUN.finditer(text):
        token = match.group()
        if token.endswith("s") and 3 <= len(token) <= 6 and token[:-1].isupper():
            token = token[:-1]
        if not (2 <= len(token) <= 5) or not token.isupper():
            continue
        if token in NOT_JARGON or _ROMAN.match(token):
            continue
        found.append((token, match.start()))
    return found


@cache
def compiled(table: str, lang: str) -> re.Pattern | None:
    """One alternation of a vocabulary for `lang`, with word boundaries where words have them."""
    source = {"vague": VAGUE_TIME, "absolute": ABSOLUTE}[table].get(lang)
    if not source:
        return None
    body = "|".join(f"(?:{pattern})" for pattern in source)
    if lang == "zh":
        return re.compile(f"(?:{body})")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@cache
def compiled_single(table: str, lang: str) -> re.Pattern | None:
    source = {"concrete": CONCRETE_TIME, "refund": REFUND_CONTEXT}[table].get(lang)
    if not source:
        return None
    if lang == "zh":
        return re.compile(f"(?:{source})")
    return re.compile(rf"(?<!\w)(?:{source})")


# --- unfilled placeholders (any language) ------------------------------------------------------

_UNIT_AFTER_LETTER = (
    r"rings?|seconds?|minutes?|hours?|days?|working|business|weeks?|months?|"
    r"sekund\w*|minut\w*|sat\w*|dan\w*|radn\w*|tjed\w*|mjesec\w*|"
    r"saniye|dakika|saat|gün|iş|hafta|ay|秒|分钟|小时|天|个|周"
)
PLACEHOLDER = re.compile(
    "|".join(
        (
            r"\[[^\[\]\n]{0,80}\]",  # [X], [Company], [insert name here], [Tvrtka], [公司名称]
            r"【[^【】\n]{0,80}】|［[^［］\n]{0,80}］",
            r"<[^\W\d_][^<>\n/=@]{2,60}>",  # <company name>
            r"\{\{?\s*[^\W\d][\w .-]{0,40}\}\}?",  # {company}
            r"(?<!\w)(?:TBD|TBA|TBC|TODO|FIXME|to be (?:determined|decided|confirmed|announced)|lorem ipsum)(?!\w)",
            r"(?<![A-Za-z])[xX]{2,}(?![A-Za-z])",  # xxx, XX小时
            r"×{2,}|某某|待定|待补充|待填写|待确认|待完善",
            r"(?<!\w)(?:belirlenecek(?:tir)?|doldurulacak(?:tır)?|naknadno (?:ce se )?odrediti|bit će naknadno određen\w*)(?!\w)",
            r"(?<!\w)N\. ?N\.",  # Croatian "N. N.", a person not yet named
            r"(?<!\w)(?:yyyy[-./]mm[-./]dd|dd[-./]mm[-./]yyyy\.?|mm/dd/yyyy)(?!\w)",  # a date format, not a date
            r"\.{3,}|…+",
            r"_{3,}",
            rf"(?<![\w.])[XYN](?=\s*(?:{_UNIT_AFTER_LETTER}))",  # within X hours
        )
    ),
    re.IGNORECASE,
)
_CASE_SENSITIVE_PLACEHOLDER = re.compile(r"^(?:N\. ?N\.|[XYN])$")


def placeholders(text: str) -> list[tuple[str, int]]:
    """`(placeholder, offset)` of each unfilled placeholder in `text`."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        token = match.group()
        if re.fullmatch(r"\[\s*\d+\s*\]", token):
            continue  # a footnote mark such as [1]
        if len(token) == 1 and token not in "XYN…":
            continue  # a lower-case x/y/n matched only because of IGNORECASE
        if token.lower().startswith("n.") and not token.startswith("N"):
            continue
        found.append((token, match.start()))
    return found


# --- concrete examples in the language of the text ----------------------------------------------

_EN_UNITS = {
    "second": ("second", "seconds"),
    "minute": ("minute", "minutes"),
    "hour": ("hour", "hours"),
    "day": ("day", "days"),
    "working_day": ("working day", "working days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
}
# Croatian after "u roku od" (genitive): forms for 1, 21 ... / 2-4, 22-24 ... / the rest.
_HR_UNITS = {
    "second": ("sekunde", "sekunde", "sekundi"),
    "minute": ("minute", "minute", "minuta"),
    "hour": ("sata", "sata", "sati"),
    "day": ("dana", "dana", "dana"),
    "working_day": ("radnog dana", "radna dana", "radnih dana"),
    "week": ("tjedna", "tjedna", "tjedana"),
    "month": ("mjeseca", "mjeseca", "mjeseci"),
}
_TR_UNITS = {
    "second": "saniye",
    "minute": "dakika",
    "hour": "saat",
    "day": "gün",
    "working_day": "iş günü",
    "week": "hafta",
    "month": "ay",
}
_ZH_UNITS = {
    "second": "秒",
    "minute": "分钟",
    "hour": "小时",
    "day": "天",
    "working_day": "个工作日",
    "week": "周",
    "month": "个月",
}


def _hr_form(count: int) -> int:
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


def within(duration: Duration, lang: str) -> str:
    """"within 24 hours" written in `lang`, with correct grammar, for a hint's example."""
    count, unit = duration.amount, duration.unit
    if lang == "hr":
        return f"u roku od {count} {_HR_UNITS[unit][_hr_form(count)]}"
    if lang == "tr":
        return f"{count} {_TR_UNITS[unit]} içinde"
    if lang == "zh":
        return f"{count}{_ZH_UNITS[unit]}内"
    singular, plural = _EN_UNITS[unit]
    return f"within {count} {singular if count == 1 else plural}"


# --- what a sentence is about (to suggest the policy's own targets) ----------------------------

CHANNEL_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "phone": r"phone\w*|call\w*|telephone\w*",
        "email": r"e-?mails?",
        "live_chat": r"(?:live )?chats?",
        "social_media": r"social media|facebook|instagram|twitter",
        "in_person": r"in person|in[- ]store|at the counter|face to face",
        "messaging": r"whatsapp|messag\w*|sms|text messages?",
    },
    "hr": {
        "phone": r"telefon\w*|poziv\w*",
        "email": r"e-?mail\w*|e-?post\w*",
        "live_chat": r"chat\w*|razgovor\w* uzivo",
        "social_media": r"drustven\w* mrez\w*|facebook\w*|instagram\w*",
        "in_person": r"osobno|poslovnic\w*|trgovin\w*",
        "messaging": r"whatsapp\w*|poruk\w*|sms\w*",
    },
    "tr": {
        "phone": r"telefon\w*|arama\w*",
        "email": r"e-?posta\w*|e-?mail\w*",
        "live_chat": r"canli (?:destek|sohbet)\w*|chat\w*",
        "social_media": r"sosyal medya\w*|facebook\w*|instagram\w*",
        "in_person": r"yuz yuze|magaza\w*|sahsen",
        "messaging": r"whatsapp\w*|mesaj\w*|sms\w*",
    },
    "zh": {
        "phone": r"电话|来电|热线",
        "email": r"电子邮件|邮件|邮箱",
        "live_chat": r"在线客服|在线聊天|在线咨询",
        "social_media": r"社交媒体|微博|抖音",
        "in_person": r"当面|到店|门店|柜台",
        "messaging": r"即时通讯|微信|短信",
    },
}
COMPLAINT_WORDS: dict[str, str] = {
    "en": r"complain\w*",
    "hr": r"prigovor\w*|reklamacij\w*|zalb\w*",
    "tr": r"sikayet\w*",
    "zh": r"投诉",
}


@cache
def topic_pattern(topic: str, lang: str) -> re.Pattern | None:
    """A pattern for a channel key or "complaints" in folded text of `lang`."""
    source = COMPLAINT_WORDS.get(lang) if topic == "complaints" else CHANNEL_WORDS.get(lang, {}).get(topic)
    if not source:
        return None
    return re.compile(f"(?:{source})" if lang == "zh" else rf"(?<!\w)(?:{source})")
