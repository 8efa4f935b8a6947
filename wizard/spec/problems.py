"""What is wrong with a spec: one `Problem` per message, all of them in one `SpecError`."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, in the UI language, at a line of a file when known."""

    file: str
    line: int | None
    path: tuple
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class SpecError(Exception):
    """A spec that cannot be used; `problems` lists every reason (at most MAX_PROBLEMS + 1 lines)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
