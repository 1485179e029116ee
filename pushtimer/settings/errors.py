"""The error a settings file raises: one readable line per problem, as a plan's."""

from __future__ import annotations

from pushtimer.plan.errors import PlanError


class SettingsError(PlanError):
    """The settings file could not be used. ``lines`` holds one complete message per
    problem, each naming the file (a PlanError, so it is reported the same way)."""
