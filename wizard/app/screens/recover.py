"""Offer to restore an autosaved draft after a crash, a closed terminal or `kill -9`.

`RecoverDraftScreen(info, differing)` says whose draft it is, when it was last changed
(date and time in the UI language, and how long ago) and which sections differ from
the file on disk, then returns "restore", "discard" or "later" (Escape: later, the
draft stays and is offered again next time). Each window keeps its own draft, so one
file may have several: `number` and `total` say which one this is, and the app asks
about each in turn, newest first.
"""

from __future__ import annotations

from datetime import datetime, timezone

from textual.app import ComposeResult
from textual.widgets import Static

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.app.steps import STEP_TITLES
from wizard.app.ui import list_text, quoted, step_for_path, step_title
from wizard.app.unsaved import describe, from_draft
from wizard.i18n import Translator, ui_language
from wizard.storage import DraftInfo

_ = Translator("app").gettext

# Which step edits each top-level key of the spec, and the step titles (the same msgids
# as the app's own step list, so one translation serves both).
_KEY_STEP = {
    "schema_version": "basics",
    "language": "basics",
    "title": "basics",
    "company": "basics",
    "owner": "basics",
    "contact": "basics",
    "effective_date": "basics",
    "review_every_months": "basics",
    "customer_word": "basics",
    "revisions": "review",
}


def section_names(keys: list[str]) -> list[str]:
    """The titles of the steps that edit these top-level keys, once each, in order."""
    names: list[str] = []
    for key in keys:
        step = _KEY_STEP.get(key, key)
        title = _(STEP_TITLES[step]) if step in STEP_TITLES else key
        if title not in names:
            names.append(title)
    return names


def when_text(moment: datetime, now: datetime | None = None, lang: str | None = None) -> str:
    """`moment` as the UI language writes a date and time, in local time, and how long ago."""
    from babel import Locale
    from babel.dates import format_date, format_time, format_timedelta, get_timezone

    lang = lang or ui_language()
    now = now or datetime.now(timezone.utc)
    zone = get_timezone()
    local = moment.astimezone(zone)
    locale = Locale.parse(lang)
    pattern = locale.datetime_formats["medium"]
    stamp = str(pattern).replace("{1}", format_date(local, "long", locale=lang)).replace(
        "{0}", format_time(local, "short", tzinfo=zone, locale=lang)
    )
    delta = moment - now
    if abs(delta.total_seconds()) < 60:
        ago = _("less than a minute ago")
    else:
        ago = format_timedelta(delta, add_direction=True, locale=lang)
    return _("%(date_time)s (%(ago)s)") % {"date_time": stamp, "ago": ago}


class RecoverDraftScreen(StorageDialog[str]):
    """Restore, discard, or keep a draft for later. Returns "restore", "discard" or "later"."""

    cancel_result = "later"
    default_choice = "restore"

    def __init__(self, info: DraftInfo, differing: list[str], number: int = 1, total: int = 1) -> None:
        super().__init__()
        self.info = info
        self.differing = list(differing)
        self.number, self.total = number, total

    def title_text(self) -> str:
        return _("Unsaved work was found")

    def body(self) -> ComposeResult:
        info = self.info
        if info.target is not None:
            intro = _("Policy Wizard kept your unsaved changes to %(file)s.") % {"file": info.target}
        else:
            name = info.title or info.company or _("untitled")
            intro = _("Policy Wizard kept a new policy that was never saved: %(name)s.") % {"name": name}
        yield Static(intro, id="recover-intro", markup=False)
        if self.total > 1:
            yield Static(
                _("Draft %(number)d of %(total)d: this file was edited in %(total)d windows, and each kept "
                  "its own unsaved changes. Restore one; the others are kept and offered next time.")
                % {"number": self.number, "total": self.total},
                id="recover-count",
                markup=False,
            )
            if info.title:  # the drafts of one file differ in what was typed: show which this is
                yield Static(_("Title in this draft: %(title)s") % {"title": quoted(info.title)},
                             id="recover-title", markup=False)
        yield Static(
            _("Last changed: %(when)s") % {"when": when_text(info.saved_at)}, id="recover-when", markup=False
        )
        file_gone = info.target is not None and not info.target.exists()
        if file_gone:
            yield Static(
                _("The file itself is no longer there: restoring keeps your work, and saving writes the file again."),
                id="recover-file-gone",
                markup=False,
            )
        names = section_names(self.differing)
        if names:
            # Quoted, so titles that hold "and" themselves ("Purpose and scope") do not
            # run together with the list's own "and".
            joined = list_text([quoted(name) for name in names])
            if info.target is not None and not file_gone:
                text = _("Sections that differ from the file: %(sections)s") % {"sections": joined}
            else:
                text = _("Sections written: %(sections)s") % {"sections": joined}
        else:
            text = _("The draft has the same content as the file.")
        yield Static(text, id="recover-sections", markup=False)
        unsaved = from_draft(info.unsaved)
        if unsaved:
            typed = list_text([describe(entry, step_title(step_for_path(entry.path) or "")) for entry in unsaved.values()])
            yield Static(
                _("It also keeps what you typed that is not valid yet, to fix: %(fields)s") % {"fields": typed},
                id="recover-unsaved",
                markup=False,
            )

    def choices(self) -> list[Choice]:
        if self.info.target is not None and self.info.target.exists():
            discard_text = _("Delete the draft and keep the file as it is.")
        else:
            discard_text = _("Delete the draft for good.")
        return [
            Choice("restore", _("Restore"), _("Continue where you left off."), variant="primary"),
            Choice("discard", _("Discard"), discard_text, variant="error"),
            Choice("later", _("Decide later"), _("Keep the draft and ask again next time.")),
        ]

    def keys_hint(self) -> str:
        return _("↑↓ choose · Enter confirm · Esc decide later")
