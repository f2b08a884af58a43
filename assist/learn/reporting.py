"""The reports of ``assist train`` and ``assist evaluate``: Markdown + PNG charts, parts apart.

One section per part of the held-out set (``all``, then ``real``, ``generated``, ``review`` as
present), each with the comparison against the other version on the same rows; charts go to a
folder beside the Markdown file, linked relatively.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assist.learn.comparison import compare
from assist.learn.evaluation import EvalResult
from assist.learn.metrics import Evaluation
from assist.learn.report import ReportSection, relative_links, render_markdown, write_charts
from assist.learn.thresholds import PRCurve, ThresholdChoice
from assist.learn.train import Part, TrainResult, TrainSpec

PART_TITLES = {
    "all": "all held-out documents",
    "real": "REAL held-out documents",
    "generated": "GENERATED held-out documents (not a measure of accuracy on real text)",
    "review": "reviewed documents (procurators' decisions)",
}


def sections(
    parts: Sequence[Part],
    out_md: Path,
    prefix: str,
    *,
    thresholds: dict[str, ThresholdChoice] | None = None,
    curves: dict[str, PRCurve] | None = None,
    against: str | None = None,
) -> list[ReportSection]:
    charts_dir = out_md.with_suffix("")
    out = []
    for i, part in enumerate(parts):
        first = i == 0  # "all", or the only part: thresholds and PR curves go there
        ev = part.evaluation
        chosen = {k: c.threshold for k, c in (thresholds or {}).items()} or None
        charts = write_charts(
            ev, charts_dir, f"{prefix}-{part.name}",
            pr_data=curves if first else None, chosen=chosen,
        )  # fmt: skip
        notes = [] if part.old is None else [f"Compared with version {against} on the same rows."]
        if (domain := domain_accuracy(ev)) is not None:
            notes.append(f"Domain accuracy (the predicted sub-domain's domain): {domain:.3f}.")
        out.append(
            ReportSection(
                heading=f"Held-out: {PART_TITLES.get(part.name, part.name)} (n = {ev.n})",
                evaluation=ev,
                comparison=compare(ev, part.old) if part.old is not None else None,
                thresholds=thresholds if first and thresholds else None,
                charts=relative_links(charts, out_md.parent),
                notes=notes,
            )
        )
    return out


def domain_accuracy(ev: Evaluation) -> float | None:
    """For ``subdomain`` models: how often the predicted class names the right domain."""
    if ev.task != "subdomain" or ev.confusion is None or ev.n == 0:
        return None
    domains = [c.partition("/")[0] for c in ev.classes]
    right = sum(
        count
        for i, row in enumerate(ev.confusion)
        for j, count in enumerate(row)
        if domains[i] == domains[j]
    )
    return right / ev.n


def _write(out_md: Path, text: str) -> Path:
    out_md.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_md.with_name(out_md.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_md)
    return out_md


def write_training_report(
    result: TrainResult, spec: TrainSpec, out_md: Path, *, command: str = ""
) -> Path:
    name = f"{spec.name}/{result.version}"
    intro = ReportIntro(
        f"Model `{name}` — backend `{spec.backend}`, task `{spec.task}`",
        [
            f"Trained on {result.n_train} documents; held out {result.n_test} by document hash "
            f"({spec.test_percent}% bucket, salt {spec.salt!r}); issue level ≥ {spec.min_level} "
            "counts as positive." if spec.task == "issues" else
            f"Trained on {result.n_train} documents; held out {result.n_test} by document hash "
            f"({spec.test_percent}% bucket, salt {spec.salt!r}).",
            f"Fit time {result.seconds_fit:.1f} s. Registered at `{_shown(result.path)}` (not active: "
            f"`assist models promote {spec.name} {result.version}`).",
            f"Compared with the active version {result.compared_with} on the same held-out rows."
            if result.compared_with else "No active version of the same task to compare with.",
            *result.notes,
            *([f"Command: `{command}`"] if command else []),
            *(f"{len(result.problems)} label problems (notices or skipped records) — run "
              "`assist labels validate`." for _ in [0] if result.problems),
        ],
    )  # fmt: skip
    body = sections(
        result.parts, out_md, f"{spec.name}-{result.version}", thresholds=result.thresholds,
        curves=result.curves, against=result.compared_with,
    )  # fmt: skip
    return _write(out_md, intro.render() + render_markdown(intro.title, body).split("\n", 1)[1])


def write_evaluation_report(result: EvalResult, out_md: Path, *, command: str = "") -> Path:
    intro = ReportIntro(
        f"Evaluation of `{result.name}/{result.version}`",
        [
            f"{result.n} documents ({result.split.get('rule')} split"
            + (f", {result.split.get('test_percent')}% by document hash" if result.split.get("rule") == "test" else "")
            + ").",
            f"Compared with version {result.against} on the same rows." if result.against
            else "No other version compared.",
            *([f"Command: `{command}`"] if command else []),
        ],
    )  # fmt: skip
    body = sections(
        result.parts, out_md, f"eval-{result.name}-{result.version}", against=result.against
    )
    return _write(out_md, intro.render() + render_markdown(intro.title, body).split("\n", 1)[1])


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when under it (reports are committed)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class ReportIntro:
    def __init__(self, title: str, lines: Sequence[str]) -> None:
        self.title, self.lines = title, [line for line in lines if line]

    def render(self) -> str:
        return f"# {self.title}\n\n" + "\n".join(f"- {line}" for line in self.lines) + "\n"
