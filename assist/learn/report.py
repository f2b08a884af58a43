"""The evaluation report: Markdown tables and PNG charts built from :mod:`assist.learn.metrics`.

Each held-out set gets its own :class:`ReportSection` (real and generated data never mix in one
table). Charts use matplotlib's Agg canvas directly (no pyplot, no global backend switch),
English labels only (no CJK font needed) and no ``Software`` PNG metadata, so reruns on the
same figures give the same bytes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assist.learn.comparison import Comparison
from assist.learn.metrics import Evaluation, LabelStats
from assist.learn.thresholds import PRCurve, ThresholdChoice

if TYPE_CHECKING:
    from matplotlib.figure import Figure

NA = "n/a"
METRIC_NAMES = {
    "accuracy": "accuracy",
    "hamming_loss": "Hamming loss",
    "macro_f1": "macro F1",
    "micro_f1": "micro F1",
    "log_loss": "log loss",
    "brier": "Brier score",
    "ece": "ECE",
}
PNG_METADATA: dict[str, str | None] = {"Software": None}


@dataclass(frozen=True)
class ReportSection:
    """One held-out set: its evaluation and what goes with it. ``charts`` maps a caption to a
    link relative to the Markdown file (see :func:`relative_links`)."""

    heading: str
    evaluation: Evaluation
    comparison: Comparison | None = None
    thresholds: Mapping[str, ThresholdChoice] | None = None
    charts: Mapping[str, str] = field(default_factory=dict)
    notes: Sequence[str] = ()


# --- Markdown ----------------------------------------------------------------------------


def render_markdown(title: str, sections: Sequence[ReportSection]) -> str:
    parts = [f"# {title}"]
    parts.extend(_section(s) for s in sections)
    return "\n\n".join(parts) + "\n"


def _section(section: ReportSection) -> str:
    ev = section.evaluation
    kind = "multi-label" if ev.multilabel else "multiclass"
    blocks = [f"## {section.heading}", *section.notes]
    blocks.append(f"Task `{ev.task}` ({kind}), n = {ev.n} documents, {len(ev.classes)} labels.")
    blocks += ["### Headline", _headline_table(ev)]
    blocks += ["### Per label (95 % Wilson intervals)", _label_table(ev)]
    if ev.confusion is not None:
        blocks += ["### Confusion matrix (rows = truth, columns = prediction)", _confusion(ev)]
    else:
        blocks += ["### Per-label counts", _counts_table(ev)]
    blocks += ["### Calibration", _bins_table(ev)]
    if section.thresholds:
        blocks += ["### Thresholds", _thresholds_table(section.thresholds)]
    if section.comparison is not None:
        blocks += ["### Comparison (new vs old)", _comparison_tables(section.comparison)]
    if section.charts:
        charts = "\n\n".join(f"![{cap}]({link})" for cap, link in section.charts.items())
        blocks += ["### Charts", charts]
    return "\n\n".join(blocks)


def _headline_table(ev: Evaluation) -> str:
    names: tuple[str, ...] = ("accuracy", "hamming_loss") if ev.multilabel else ("accuracy",)
    names += ("macro_f1", "micro_f1", "log_loss", "brier", "ece")
    rows = [(_metric_name(m, ev.multilabel), _num(getattr(ev, m))) for m in names]
    return _table(("metric", "value"), rows)


def _label_table(ev: Evaluation) -> str:
    head: tuple[str, ...] = (
        "label",
        "support",
        "predicted",
        "precision [95 % CI]",
        "recall [95 % CI]",
        "F1",
    )
    rows: list[tuple[str, ...]] = [
        (s.label, str(s.support), str(s.predicted), *_pr_cells(s), _num(s.f1)) for s in ev.labels
    ]
    if ev.multilabel:
        head += ("threshold",)
        rows = [(*r, _num(s.threshold, 2)) for r, s in zip(rows, ev.labels, strict=True)]
    return _table(head, rows)


def _pr_cells(s: LabelStats) -> tuple[str, str]:
    return _with_ci(s.precision, s.precision_ci), _with_ci(s.recall, s.recall_ci)


def _with_ci(value: float | None, ci: tuple[float, float] | None) -> str:
    if value is None or ci is None:
        return NA
    return f"{value:.3f} [{ci[0]:.2f}, {ci[1]:.2f}]"


def _confusion(ev: Evaluation) -> str:
    assert ev.confusion is not None
    head = ("truth \\ predicted", *ev.classes)
    rows = [(c, *(str(v) for v in row)) for c, row in zip(ev.classes, ev.confusion, strict=True)]
    return _table(head, rows)


def _counts_table(ev: Evaluation) -> str:
    rows = [(s.label, str(s.tp), str(s.fp), str(s.fn), str(s.tn)) for s in ev.labels]
    return _table(("label", "TP", "FP", "FN", "TN"), rows)


def _bins_table(ev: Evaluation) -> str:
    what = "fraction positive" if ev.multilabel else "accuracy"
    rows = [
        (f"{b.lower:.1f}–{b.upper:.1f}", str(b.count), _num(b.confidence), _num(b.accuracy))
        for b in ev.bins
        if b.count
    ]
    scope = "every (document, label) probability" if ev.multilabel else "top-class confidence"
    note = f"ECE = {_num(ev.ece)} over {scope}; empty bins are left out."
    return note + "\n\n" + _table(("bin", "count", "mean confidence", what), rows)


def _thresholds_table(choices: Mapping[str, ThresholdChoice]) -> str:
    rows = [
        (
            label,
            _num(c.threshold),
            _num(c.precision),
            _num(c.recall),
            str(c.positives),
            "yes" if c.reached else "no",
            c.note,
        )
        for label, c in choices.items()
    ]
    head = ("label", "threshold", "precision", "recall", "positives", "reached", "note")
    return _table(head, rows)


def _comparison_tables(cmp: Comparison) -> str:
    head = ("metric", "new", "old", "Δ")
    multilabel = any(d.name == "hamming_loss" for d in cmp.headline)
    headline = [
        (_metric_name(d.name, multilabel), _num(d.new), _num(d.old), _signed(d.delta))
        for d in cmp.headline
    ]
    labels = [(d.name, _num(d.new), _num(d.old), _signed(d.delta)) for d in cmp.labels]
    sizes = f"n new = {cmp.n_new}, n old = {cmp.n_old}."
    per_label = _table(("label F1", "new", "old", "Δ"), labels)
    return "\n\n".join([sizes, _table(head, headline), per_label])


def _metric_name(metric: str, multilabel: bool) -> str:
    if metric == "accuracy" and multilabel:
        return "subset accuracy"
    return METRIC_NAMES.get(metric, metric)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [_row(head), "|" + "|".join("---" for _ in head) + "|"]
    lines.extend(_row(r) for r in rows)
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def _num(value: float | None, digits: int = 3) -> str:
    return NA if value is None else f"{value:.{digits}f}"


def _signed(value: float | None) -> str:
    return NA if value is None else f"{value:+.3f}"


def relative_links(paths: Mapping[str, Path], base: Path) -> dict[str, str]:
    """Chart paths as POSIX links relative to the folder ``base`` of the Markdown file."""
    return {key: Path(os.path.relpath(p, base)).as_posix() for key, p in paths.items()}


# --- charts ------------------------------------------------------------------------------


def write_charts(
    evaluation: Evaluation,
    out_dir: Path,
    prefix: str,
    *,
    pr_data: Mapping[str, PRCurve] | None = None,
    chosen: Mapping[str, float | None] | None = None,
) -> dict[str, Path]:
    """Write PNG charts; returns ``{"reliability": ..., "confusion": ..., "pr:<label>": ...}``.

    The confusion heatmap is for multiclass tasks; one precision/recall-vs-threshold chart per
    label of ``pr_data`` (see :func:`assist.learn.thresholds.pr_curves`) for multi-label ones,
    marking ``chosen`` thresholds (default: the ones the evaluation used).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    out = {"reliability": _save(_reliability_figure(evaluation), out_dir / f"{prefix}-reliability")}
    if evaluation.confusion is not None and evaluation.classes:
        out["confusion"] = _save(_confusion_figure(evaluation), out_dir / f"{prefix}-confusion")
    marks = (
        dict(chosen) if chosen is not None else {s.label: s.threshold for s in evaluation.labels}
    )
    for j, label in enumerate(evaluation.classes):
        if evaluation.multilabel and pr_data and label in pr_data:
            fig = _pr_figure(_ascii(label, j), pr_data[label], marks.get(label))
            out[f"pr:{label}"] = _save(fig, out_dir / f"{prefix}-pr-{j:02d}-{_slug(label)}")
    return out


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, stem: Path) -> Path:
    path = stem.with_name(stem.name + ".png")
    fig.savefig(path, format="png", metadata=PNG_METADATA)
    return path


def _reliability_figure(ev: Evaluation) -> Figure:
    fig = _new_figure(5.5, 6.0)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": (3, 1)})
    filled = [b for b in ev.bins if b.count]
    width = ev.bins[0].upper - ev.bins[0].lower if ev.bins else 0.1
    centres = [(b.lower + b.upper) / 2 for b in filled]
    what = "fraction positive" if ev.multilabel else "accuracy"
    top.bar(
        centres,
        [b.accuracy or 0.0 for b in filled],
        width=width,
        edgecolor="black",
        alpha=0.6,
        label=what,
    )
    top.plot(
        [b.confidence for b in filled],
        [b.accuracy for b in filled],
        "o-",
        color="C3",
        label="accuracy at mean confidence",
    )
    top.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    top.set(xlim=(0, 1), ylim=(0, 1), ylabel=what)
    top.set_title(f"Reliability ({ev.task}, n={ev.n}), ECE = {_num(ev.ece)}")
    top.legend(loc="upper left", fontsize="small")
    bottom.bar(
        [(b.lower + b.upper) / 2 for b in ev.bins],
        [b.count for b in ev.bins],
        width=width,
        edgecolor="black",
        color="C0",
    )
    xlabel = "predicted probability" if ev.multilabel else "top-class confidence"
    bottom.set(xlabel=xlabel, ylabel="count")
    fig.tight_layout()
    return fig


def _confusion_figure(ev: Evaluation) -> Figure:
    assert ev.confusion is not None
    k = len(ev.classes)
    fig = _new_figure(2.5 + 0.5 * k, 2.0 + 0.5 * k)
    ax = fig.subplots()
    image = ax.imshow(ev.confusion, cmap="Blues")
    fig.colorbar(image, ax=ax, shrink=0.8)
    peak = max((max(row) for row in ev.confusion), default=0)
    for i, row in enumerate(ev.confusion):
        for j, v in enumerate(row):
            colour = "white" if peak and v > peak / 2 else "black"
            ax.text(j, i, str(v), ha="center", va="center", color=colour, fontsize="small")
    names = [_ascii(c, j) for j, c in enumerate(ev.classes)]
    ax.set_xticks(range(k), names, rotation=45, ha="right")
    ax.set_yticks(range(k), names)
    ax.set(xlabel="predicted", ylabel="truth", title=f"Confusion matrix ({ev.task}, n={ev.n})")
    fig.tight_layout()
    return fig


def _pr_figure(label: str, curve: PRCurve, threshold: float | None) -> Figure:
    fig = _new_figure(5.5, 4.0)
    ax = fig.subplots()
    ax.plot(curve.thresholds, curve.precision, ".-", label="precision")
    ax.plot(curve.thresholds, curve.recall, ".-", label="recall")
    if threshold is not None:
        ax.axvline(threshold, color="C3", linestyle="--", label=f"threshold {threshold:.2f}")
    ax.set(xlim=(0, 1), ylim=(0, 1.05), xlabel="threshold", ylabel="value")
    ax.set_title(f"{label}: precision and recall vs threshold")
    ax.legend(loc="best", fontsize="small")
    fig.tight_layout()
    return fig


def _ascii(label: str, index: int) -> str:
    """Chart text must not need a CJK font: a non-ASCII label shows as its column number."""
    return label if label.isascii() else f"label {index}"


def _slug(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", label).strip("_") or "label"
