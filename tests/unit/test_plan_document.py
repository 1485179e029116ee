"""The plan editor's document: files kept as written, edits changing only their lines."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pushtimer.plan.document import PlanDocument
from pushtimer.plan.errors import PlanError
from pushtimer.plan.exercises import catalogue
from pushtimer.plan.saving import (
    EditedPlan,
    new_plan,
    new_plan_path,
    open_for_editing,
    save_new_plan,
    save_plan,
    slug_of,
)
from pushtimer.resources import plans_dir

SHIPPED = sorted(plans_dir().glob("*.toml"))

COMMENTED = """\
# My own plan, written by hand.
name = "Hand-made"   # what the picker shows

[defaults]
rest = "45s"  # short rests
tempo = "3110"

# Monday
[[workout]]
name = "Mon"

[[workout.exercise]]
name = "Knee push-up"  # easier
sets = 3
reps = 8
rest = 60
cues = ["Slow down",   "Chest to the floor"]

[[workout.exercise]]
# a plank to finish
name = "Plank"
hold = "30s"

# Thursday
[[workout]]
name = "Thu"
[[workout.exercise]]
name = "Wide push-up"
reps = 10
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_plan_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    document = PlanDocument(text, str(path))
    assert document.dump() == text
    assert not document.changed
    assert document.problems() == []


def test_a_hand_commented_plan_round_trips_and_one_rest_changes_one_line() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    assert document.dump() == COMMENTED
    assert document.set((0, 0), "rest", 90)
    assert changed_lines(COMMENTED, document.dump()) == ["-rest = 60", "+rest = 90"]
    # Setting it back gives the file back.
    document.set((0, 0), "rest", 60)
    assert document.dump() == COMMENTED


def test_setting_the_same_value_changes_nothing() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    assert not document.set((0, 0), "cues", ["Slow down", "Chest to the floor"])
    assert not document.set((), "defaults.rest", "45s")
    assert document.dump() == COMMENTED


def test_a_new_key_is_one_new_line_and_comments_stay() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    document.set((0, 1), "per_side", True)
    after = document.dump()
    assert changed_lines(COMMENTED, after) == ["+per_side = true"]
    assert after.count("#") == COMMENTED.count("#")


def test_an_inline_table_gets_a_key_on_its_one_line() -> None:
    text = (plans_dir() / "beginner.toml").read_text(encoding="utf-8")
    document = PlanDocument(text, "beginner.toml")
    document.set((0, 0), "progress.then", "Wide push-up")
    assert changed_lines(text, document.dump()) == [
        '-progress = { add = 1, up_to = 12, then = "Wide push-up, on the toes (back-week)" }',
        '+progress = { add = 1, up_to = 12, then = "Wide push-up" }',
    ]
    document.set((0, 0), "progress", None)
    assert changed_lines(text, document.dump())[0].startswith("-progress = ")
    assert len(changed_lines(text, document.dump())) == 1


def test_moving_an_exercise_down_and_back_gives_the_file_back() -> None:
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        document = PlanDocument(text, str(path))
        for workout in range(document.workout_count()):
            if document.exercise_count(workout) > 1:
                assert document.move_exercise(workout, 0, 1) == 1
                assert document.dump() != text
                assert document.move_exercise(workout, 1, -1) == 0
                assert document.dump() == text, path.name


def test_moving_the_last_workout_first_keeps_a_blank_line_before_each_header() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    assert document.move_workout(1, -1) == 0
    after = document.dump()
    assert after.index('name = "Thu"') < after.index('name = "Mon"')
    lines = after.splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("[[workout]]")]
    assert all(lines[i - 1] == "" or lines[i - 1].startswith("#") for i in headers)
    assert not after.endswith("\n\n")
    assert document.problems() == []


def test_add_copy_and_delete_keep_a_plan_that_validates() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    chosen = next(e for e in catalogue() if e.get("hold") is not None)
    at = document.add_exercise(1, chosen)
    assert at == 1
    assert document.label((1, 1)) == chosen["name"]
    assert document.duplicate_exercise(1, 1) == 2
    assert document.add_workout(catalogue()[0]) == 2
    assert document.duplicate_workout(0) == 1
    plan = document.plan()
    assert [w.name for w in plan.workouts] == ["Mon", "Mon", "Thu", "Day 3"]
    assert len(plan.workouts[2].exercises) == 3
    document.delete_workout(1)
    document.delete_exercise(1, 2)
    document.delete_exercise(1, 1)
    document.delete_workout(2)
    assert document.dump() == COMMENTED


def test_the_last_exercise_and_workout_cannot_be_deleted() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    with pytest.raises(ValueError, match="at least one exercise"):
        document.delete_exercise(1, 0)
    document.delete_workout(1)
    with pytest.raises(ValueError, match="at least one workout"):
        document.delete_workout(0)


def test_problems_carry_their_place_and_key() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    document.set((0, 1), "hold", "thirty")
    document.set((1,), "name", "")
    problems = document.problems()
    assert [(p.path, p.key) for p in problems] == [((0, 1), "hold"), ((1,), "name")]
    assert problems[0].text.startswith('"hold" must be')
    with pytest.raises(PlanError):
        document.plan()


def test_a_shorthand_plan_is_one_workout_until_a_second_is_added() -> None:
    text = 'name = "Quick"\n\n[[exercise]]\nname = "Push-up"\nreps = 5\n'
    document = PlanDocument(text, "quick.toml")
    assert document.shorthand
    assert document.workout_count() == 1
    assert document.label((0,)) == "Quick"
    document.set((0, 0), "reps", "many")
    assert [(p.path, p.key) for p in document.problems()] == [((0, 0), "reps")]
    document.set((0, 0), "reps", 6)
    document.add_workout(catalogue()[0])
    assert not document.shorthand
    plan = document.plan()
    assert [w.name for w in plan.workouts] == ["Quick", "Day 2"]
    assert plan.workouts[0].exercises[0].reps == 6


def test_a_file_that_is_not_toml_is_one_line_in_validates_words(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('name = "x"\nrest = = 4\n', encoding="utf-8")
    with pytest.raises(PlanError) as error:
        open_for_editing(broken)
    assert len(error.value.lines) == 1
    assert error.value.lines[0].startswith(f"{broken}:2:")


def test_saving_is_atomic_keeps_a_backup_and_refuses_what_is_not_a_file(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "mine.toml"
    plan.write_text(COMMENTED, encoding="utf-8")
    edit = open_for_editing(plan)
    assert not edit.changed
    edit.document.set((0, 0), "rest", 90)
    assert edit.changed
    assert edit.save() == plan
    assert (tmp_path / "mine.toml.bak").read_text(encoding="utf-8") == COMMENTED
    assert "rest = 90" in plan.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml", "mine.toml.bak"]
    assert not edit.changed
    with pytest.raises(OSError, match="not a regular file"):
        save_plan(COMMENTED, tmp_path)


def test_a_shipped_plan_is_saved_as_a_copy_in_the_users_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    shipped = plans_dir() / "beginner.toml"
    before = shipped.read_bytes()
    edit = open_for_editing(shipped)
    assert edit.shipped
    edit.document.set((0, 0), "rest", 75)
    target = edit.save()
    assert target == tmp_path / "pushtimer" / "plans" / "beginner.toml"
    assert shipped.read_bytes() == before
    assert "rest = 75" in target.read_text(encoding="utf-8")


def test_a_new_plan_is_named_by_its_name_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    first = new_plan("Knee push-ups, week 1")
    assert first.changed  # a new plan is unsaved until saved
    assert first.problems() == []
    path = first.save()
    assert path.name == "knee-push-ups-week-1.toml"
    second = new_plan("Knee push-ups, week 1")
    assert second.save().name == "knee-push-ups-week-1-2.toml"
    assert new_plan_path("Knee push-ups, week 1", path.parent).name.endswith("-3.toml")
    assert slug_of("Ünïcode ☃ plan") == "unicode-plan"
    assert slug_of("☃") == "plan"
    unnamed = new_plan("")
    assert [(p.path, p.key) for p in unnamed.problems()] == [((), "name")]
    assert isinstance(unnamed, EditedPlan)


def test_a_name_taken_while_saving_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program makes ``mine.toml`` between the name being chosen and the file
    being put there: that file stays as it was, and the plan takes the next name."""
    real_link = os.link
    raced: list[Path] = []

    def racing_link(source: Path, target: Path) -> None:
        if not raced:  # the other program is faster, once
            raced.append(Path(target))
            Path(target).write_text("theirs")
        real_link(source, target)

    monkeypatch.setattr(os, "link", racing_link)
    path = save_new_plan('name = "Mine"\n', "Mine", tmp_path)
    assert path.name == "mine-2.toml"
    assert (tmp_path / "mine.toml").read_text() == "theirs"
    assert path.read_text() == 'name = "Mine"\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-2.toml", "mine.toml"]


def test_without_hard_links_a_new_plan_still_takes_a_free_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: Path, target: Path) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "mine.toml").write_text("theirs")
    path = save_new_plan('name = "Mine"\n', "Mine", tmp_path)
    assert path.name == "mine-2.toml"
    assert path.read_text() == 'name = "Mine"\n'
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-2.toml", "mine.toml"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1
).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(
    path=st.sampled_from(SHIPPED),
    key=st.sampled_from(["rest", "sets", "name", "tempo", "rest_after"]),
    value=st.one_of(st.integers(1, 50), _TEXT),
)
def test_any_one_edit_changes_at_most_one_line_and_undoing_it_restores_the_file(
    path: Path, key: str, value: object
) -> None:
    text = path.read_text(encoding="utf-8")
    document = PlanDocument(text, str(path))
    before = document.get((0, 0), key)
    document.set((0, 0), key, value)
    changed = changed_lines(text, document.dump())
    assert len([line for line in changed if line.startswith("+")]) <= 1
    assert len([line for line in changed if line.startswith("-")]) <= 1
    # What was written reads back as the value given.
    assert PlanDocument(document.dump(), "again").get((0, 0), key) == value
    document.set((0, 0), key, before)
    if before is not None:
        assert document.dump() == text


def test_a_first_default_makes_a_defaults_table_before_the_workouts() -> None:
    document = new_plan("Mine").document
    text = document.dump()
    document.set((), "defaults.prepare", 2)
    document.set((), "defaults.rest", "45s")
    assert document.dump().startswith('name = "Mine"\n\n[defaults]\nprepare = 2\nrest = "45s"\n\n')
    assert document.plan().defaults.rest == 45
    document.set((), "defaults.prepare", None)
    document.set((), "defaults.rest", None)
    assert document.dump() == text


def test_a_value_emptied_then_typed_again_comes_back_on_its_own_line() -> None:
    document = PlanDocument(COMMENTED, "mine.toml")
    document.set((0, 0), "sets", None)  # a field emptied, as on the way to typing 4
    document.set((0, 0), "sets", 4)
    assert changed_lines(COMMENTED, document.dump()) == ["-sets = 3", "+sets = 4"]
    document.set((1,), "name", None)
    document.set((1,), "name", "Thursday")
    assert changed_lines(COMMENTED, document.dump())[-2:] == ['-name = "Thu"', '+name = "Thursday"']


def test_saving_keeps_the_files_mode_and_a_new_plan_follows_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    plan = tmp_path / "shared.toml"
    plan.write_text(COMMENTED, encoding="utf-8")
    plan.chmod(0o644)
    save_plan(COMMENTED.replace("rest = 60", "rest = 90"), plan)
    assert stat.S_IMODE(plan.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "shared.toml.bak").stat().st_mode) == 0o644
    old = os.umask(0o027)
    try:
        save_plan(COMMENTED, tmp_path / "new.toml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


def test_the_users_copy_of_a_shipped_plan_stands_in_for_it_in_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pushtimer.plan.catalog import find_plans

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    edit = open_for_editing(plans_dir() / "back-week.toml")
    edit.document.set((0, 0), "sets", 5)
    copy = edit.save()
    found = [(plan.slug, plan.origin, plan.path) for plan in find_plans()]
    assert [f for f in found if f[0] == "back-week"] == [("back-week", "user", copy)]
