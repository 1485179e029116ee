"""The history's progress view: one exercise at a time, its target now and why, records,
the last sessions, and a chart of its figure per session (textual-plotext), or a
sparkline where the terminal is too small for a chart."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Sparkline

from pushtimer.coach.chart import axes, chart_title, day_label
from pushtimer.coach.progress import ExerciseProgress
from pushtimer.ui.widgets.text_line import TextLine

CHART_ROWS = 8  # below this many rows left for it, the chart is a sparkline
CHART_COLUMNS = 40
SHORT_ROWS = 16  # below this, the why and the last sessions give their rows to the chart


class ProgressScreen(Screen[None]):
    """How each exercise is going; left and right go through them, Escape goes back."""

    BINDINGS = [
        Binding("escape,q,p", "close", "Back", tooltip="back to the history"),
        Binding("left,comma", "step(-1)", "Previous", key_display="←", tooltip="previous exercise"),
        Binding("right,full_stop", "step(1)", "Next", key_display="→", tooltip="next exercise"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_ROWS, "-tall")]

    def __init__(self, report: list[ExerciseProgress]) -> None:
        super().__init__()
        self.report = report
        self.index = 0

    def compose(self) -> ComposeResult:
        from textual_plotext import PlotextPlot

        with Vertical(id="coach"):
            yield TextLine(id="coach-title", classes="dialog-title")
            yield TextLine(id="coach-target")
            yield TextLine(id="coach-why", classes="dim")
            yield TextLine(id="coach-records")
            yield TextLine(id="coach-last")
            yield TextLine(id="coach-chart-title")
            yield PlotextPlot(id="coach-chart")
            yield Sparkline([0], id="coach-spark")
        yield Footer()

    def on_mount(self) -> None:
        self.show_exercise()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_chart()

    def action_step(self, by: int) -> None:
        if self.report:
            self.index = (self.index + by) % len(self.report)
            self.show_exercise()

    def action_close(self) -> None:
        self.dismiss(None)

    def show_exercise(self) -> None:
        """Fill the view with the exercise at ``index``."""
        text = {
            "title": "Progress: no sessions yet",
            "target": "Progress shows once you have trained.",
            "why": "",
            "records": "",
            "last": "",
            "chart-title": "",
        }
        item = self.report[self.index] if self.report else None
        if item is not None:
            text = _texts(item, self.index, len(self.report))
        for key, value in text.items():
            self.query_one(f"#coach-{key}", TextLine).text = value
        self._draw(item)
        self._fit_chart()

    def _draw(self, item: ExerciseProgress | None) -> None:
        from textual_plotext import PlotextPlot

        figures = [] if item is None else item.figures
        self.query_one(Sparkline).data = figures or [0]
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        if item is not None and len(figures) > 1:
            drawn = axes(item, 4)
            plt.plot(drawn.sessions, drawn.figures, marker="braille")
            plt.scatter(drawn.sessions, drawn.figures, marker="●")
            plt.xlim(0, drawn.right)
            plt.xticks(drawn.ticks, drawn.labels)
            plt.yticks(drawn.levels)
        plot.refresh()

    def _fit_chart(self) -> None:
        """The chart where there is room for one, else the sparkline."""
        from textual_plotext import PlotextPlot

        item = self.report[self.index] if self.report else None
        enough = item is not None and len(item.sessions) > 1
        room = self.size.height - 8 >= CHART_ROWS and self.size.width >= CHART_COLUMNS
        self.query_one(PlotextPlot).display = enough and room
        self.query_one(Sparkline).display = enough and not room


def _texts(item: ExerciseProgress, index: int, count: int) -> dict[str, str]:
    where = f"  ({index + 1} of {count})" if count > 1 else ""  # the footer says ← →
    targets = [
        f"{t.target.short()} {t.target.mark}".rstrip() + f" in {t.where}" for t in item.targets
    ]
    why = "; ".join(t.target.why for t in item.targets)
    last = [f"{day_label(p.started)}: {p.said(item.unit)}" for p in reversed(item.sessions[-2:])]
    sessions = len(item.sessions)
    return {
        "title": f"Progress: {item.heading}{where}",
        "target": "Target now: " + "; ".join(targets)
        if targets
        else "No target: not in a plan that progresses",
        "why": why,
        "records": "Records: " + ("; ".join(item.records.lines()) or "none yet"),
        "last": "Last: " + " · ".join(last),
        "chart-title": (
            f"{chart_title(item).capitalize()}, {sessions} sessions: "
            f"{min(item.figures)} to {max(item.figures)}"
            if sessions > 1
            else "A chart shows from the second session."
        ),
    }
