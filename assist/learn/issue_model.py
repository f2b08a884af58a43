"""A learned ``issues`` model as a second reader beside the detectors (opt-in).

With ``ASSIST_ISSUE_MODEL=issues`` (a registry name under ``models/``), the Analyzer loads that
name's active version at start-up and, for each issue type the model has a threshold for that
REACHED its target precision in training (``meta.json`` → ``metrics.thresholds``), raises a lead
the detectors did not: when the model's probability is at or above the threshold and no detector
issue of that type exists. Such a lead has no rule signal; its rationale says it comes from the
model, with the threshold's measured precision, so a procurator can weigh it and record a review —
the review then becomes a label for the next training. Detector issues are never changed, and the
recommendation is drafted from the detectors' issues only (a draft cites evidence).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assist.analysis import Issue, Level
from assist.learn.registry import LoadedLearned, ModelError, load_learned

ENV = "ASSIST_ISSUE_MODEL"


@dataclass(frozen=True, slots=True)
class Cut:
    threshold: float
    precision: float | None
    target: float | None


@dataclass(frozen=True, slots=True)
class IssueModel:
    loaded: LoadedLearned
    cuts: dict[str, Cut]

    @property
    def name(self) -> str:
        return f"{self.loaded.meta.name}/{self.loaded.meta.version}"

    def extra_issues(self, text: str, issues: Sequence[Issue]) -> tuple[Issue, ...]:
        """Leads of the types the detectors did not raise, where the model is confident."""
        raised = {i.type for i in issues}
        wanted = [c for c in self.cuts if c not in raised]
        if not wanted:
            return ()
        proba = self.loaded.estimator.predict_proba([text])[0]
        classes = list(self.loaded.estimator.classes_)
        out = []
        for label in wanted:
            p, cut = float(proba[classes.index(label)]), self.cuts[label]
            if p >= cut.threshold:
                out.append(Issue(label, round(p, 4), level_of(p), (), self.rationale(p, cut)))
        return tuple(out)

    def rationale(self, p: float, cut: Cut) -> str:
        measured = f"，交叉验证精确率{cut.precision:.0%}" if cut.precision is not None else ""
        return (
            f"学习模型{self.name}判断本文书值得关注（概率{p:.2f}≥阈值{cut.threshold:.2f}{measured}）；"
            "规则未发现相应信号，请人工核实后记录复核意见。"
        )


def level_of(score: float) -> Level:
    """TAXONOMY §2: high ≥ 0.7, medium ≥ 0.4, else low."""
    return "high" if score >= 0.7 else "medium" if score >= 0.4 else "low"


def reached_cuts(loaded: LoadedLearned) -> dict[str, Cut]:
    """The thresholds that reached their target precision in training."""
    detail = loaded.meta.metrics.get("thresholds") or {}
    out = {}
    for label, threshold in loaded.meta.thresholds.items():
        info = detail.get(label) or {}
        if info.get("reached") is True and label in loaded.estimator.classes_:
            out[label] = Cut(float(threshold), info.get("precision"), info.get("target_precision"))
    return out


def load_issue_model(models_root: Path, name: str, version: str | None = None) -> IssueModel:
    loaded = load_learned(models_root / name, version)
    if loaded.meta.task != "issues":
        raise ModelError(
            f"{loaded.path} is a {loaded.meta.task} model; {ENV} must name an issues model"
        )
    return IssueModel(loaded, reached_cuts(loaded))


def default_issue_model(models_root: Path) -> IssueModel | None:
    """The model named by ``ASSIST_ISSUE_MODEL`` (unset or empty: none, the default)."""
    name = os.environ.get(ENV, "").strip()
    return load_issue_model(models_root, name) if name else None
