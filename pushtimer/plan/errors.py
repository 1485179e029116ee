"""The error a plan raises: one readable line per problem, each naming the file and place."""

from __future__ import annotations


class PlanError(Exception):
    """A plan could not be loaded. ``lines`` holds one complete message per problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines

    @classmethod
    def single(cls, source: str, message: str) -> PlanError:
        return cls([f"{source}: {message}"])
