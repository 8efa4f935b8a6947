"""Sentences a native editor would write, not translate: the small things a reviewer of each
language still marked in otherwise finished documents (issue #10)."""

from __future__ import annotations

from wizard.render import render

SPEC = {
    "schema_version": 1,
    "language": "en",
    "company": "Kava d.o.o.",
    "standards": {"always": ["Smile."], "never": ["Argue."]},
}


def lines_after(text: str, line: str) -> list[str]:
    """The non-empty lines that follow `line` in a rendered document."""
    lines = [one.strip() for one in text.splitlines() if one.strip()]
    return lines[lines.index(line) + 1:]


def test_the_chinese_charter_promises_once_under_its_promise_heading():
    """"我们对您的承诺" then "我们承诺做到：" said 承诺 twice in a row; 始终做到 pairs with 坚决杜绝."""
    charter = render(SPEC, "zh", "md", audience="public")
    following = lines_after(charter, "## 我们对您的承诺")
    assert following[0] == "我们始终做到：" and "我们坚决杜绝：" in following
    assert "承诺" not in "".join(following[:4])
