"""Finding plans: the shipped ones, the user's plan folder, and a plan named on the command line."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Literal

from msgspec import Struct

from pushtimer.plan.errors import PlanError
from pushtimer.resources import plans_dir

Origin = Literal["shipped", "user"]


class PlanFile(Struct, frozen=True):
    """A plan file found in one of the plan folders."""

    path: Path
    origin: Origin

    @property
    def slug(self) -> str:
        """The name a plan is called by on the command line: ``back-week``."""
        return self.path.stem


def user_plans_dir() -> Path:
    """``plans/`` in the user's config folder (honours XDG_CONFIG_HOME on Linux)."""
    import platformdirs  # only needed when the user's folder is asked for

    return platformdirs.user_config_path("pushtimer") / "plans"


def find_plans() -> list[PlanFile]:
    """Shipped plans, then the user's, each sorted by file name. A user's plan of a
    shipped plan's name (the editor's copy of it) stands in for the shipped one, as it
    does on the command line (``resolve_plan``): it is listed once, as the user's."""
    user = user_plans_dir()
    mine = [PlanFile(path, "user") for path in plan_files(user)] if user.is_dir() else []
    taken = {plan.slug for plan in mine}
    shipped = [PlanFile(path, "shipped") for path in plan_files(plans_dir())]
    return [plan for plan in shipped if plan.slug not in taken] + mine


def plan_files(folder: Path) -> list[Path]:
    """The ``*.toml`` regular files in ``folder``, sorted. Only names and ``stat`` are
    read: a FIFO, a device or a socket named like a plan is never opened (opening a FIFO
    would wait for a writer for ever), and a folder is left out."""
    return sorted(path for path in folder.glob("*.toml") if path.is_file())


def resolve_plan(argument: str) -> Path:
    """The file a PLAN argument means: a path, or the name of a user or shipped plan.

    ``back-week`` and ``back-week.toml`` find the shipped plan when no such file is in
    the current folder; the user's own plans win over shipped ones of the same name. A
    bare name that is neither a file nor a plan raises PlanError naming the plans there
    are.
    """
    path = Path(argument)
    with contextlib.suppress(RuntimeError):  # ~someone who is not a user here: as typed
        path = path.expanduser()
    if path.exists() or len(path.parts) > 1:
        return path
    stem = path.stem if path.suffix == ".toml" else path.name
    plans = sorted(find_plans(), key=lambda p: p.origin != "user")
    for plan in plans:
        if plan.slug == stem:
            return plan.path
    names = ", ".join(sorted({plan.slug for plan in plans}))
    raise PlanError.single(argument, f"no such file, and no plan of that name ({names})")
