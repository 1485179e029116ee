"""The error a plan raises: one readable line per problem, each naming the file and place."""

from __future__ import annotations

from msgspec import Struct


class Problem(Struct, frozen=True):
    """One problem of a plan, for a form to show beside its field: the 0-based numbers of
    the workout and exercise it is in (``()`` for the plan, ``(0,)`` for workout 1, ``(0,
    1)`` for its exercise 2), the key it is about (``rest``, ``progress.add``) if any, and
    the words, as ``validate`` says them after the place."""

    path: tuple[int, ...]
    key: str | None
    text: str


class PlanError(Exception):
    """A plan could not be loaded. ``lines`` holds one complete message per problem;
    ``problems`` the same problems with their places, when the checker found them."""

    def __init__(self, lines: list[str], problems: list[Problem] | None = None) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        self.problems = problems or []

    @classmethod
    def single(cls, source: str, message: str) -> PlanError:
        return cls([f"{source}: {message}"])
