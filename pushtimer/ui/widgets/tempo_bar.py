"""The four phases of the current rep (down, bottom, up, top), the current one lit."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pushtimer.session.timeline import PHASE_WORDS, SegmentKind
from pushtimer.ui.widgets.phase_banner import phase_style

Phases = tuple[tuple[SegmentKind, int], ...]


class TempoBar(Widget):
    """One cell per phase, sized to its share of the rep (phases of 0 s are not given); the
    current one on its phase's band colour, as the phase band paints it."""

    DEFAULT_CSS = """
    TempoBar {
        height: 1;
    }
    TempoBar.-empty {
        display: none;
    }
    """

    phases: reactive[Phases] = reactive(())
    current: reactive[str] = reactive("")

    def watch_phases(self, phases: Phases) -> None:
        self.set_class(not phases, "-empty")  # takes no room outside a tempo set

    def render(self) -> Content:
        phases = self.phases
        if not phases:
            return Content("")
        current = phase_style(self.app.theme_variables, self.current)
        cells = []
        for (kind, length), cell in zip(phases, cell_widths(phases, self.size.width), strict=True):
            text = _label(PHASE_WORDS[kind], length, cell - 1).center(cell - 1) + " "
            if kind == self.current:
                cells.append(Content.styled(text[:-1], current) + " ")
            else:
                cells.append(Content(text))
        return Content("").join(cells)


def cell_widths(phases: Phases, width: int) -> list[int]:
    """Each phase's cell: first room for its whole label (``BOTTOM 1s`` and a space) when
    all of them fit, then the rest of the width shared by the phases' seconds."""
    shares = [max(1, length) for _, length in phases]
    needs = [len(f"{PHASE_WORDS[kind]} {length}s") + 1 for kind, length in phases]
    base = needs if sum(needs) <= width else [1] * len(phases)
    spare = max(0, width - sum(base))
    cells = [b + spare * share // sum(shares) for b, share in zip(base, shares, strict=True)]
    cells[-1] += width - sum(cells)  # what rounding left over
    return cells


def _label(word: str, seconds: int, room: int) -> str:
    """The longest of ``DOWN 3s``, ``DOWN``, ``D3`` that fits in ``room`` cells."""
    for label in (f"{word} {seconds}s", word, f"{word[0]}{seconds}"):
        if len(label) <= room:
            return label
    return f"{word[0]}{seconds}"[: max(0, room)]
