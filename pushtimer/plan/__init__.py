"""The plan format: models, loading and checking. Never imports the UI toolkit."""

from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import load_plan, load_plan_bytes, load_plan_data, load_plan_text
from pushtimer.plan.model import Defaults, Exercise, Plan, Workout

__all__ = [
    "Defaults",
    "Exercise",
    "Plan",
    "PlanError",
    "Workout",
    "load_plan",
    "load_plan_bytes",
    "load_plan_data",
    "load_plan_text",
]
