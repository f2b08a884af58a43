from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray
from sklearn import metrics as skm  # type: ignore[import-untyped]

from assist.learn.comparison import compare
from assist.learn.metrics import Evaluation, evaluate, reliability, wilson
from assist.learn.thresholds import pr_curve, pr_curves, select_thresholds, thresholds_of

ABC = ["a", "b", "c"]


def onehot(idx: list[int], k: int = 3) -> NDArray[np.float64]:
    return np.eye(k)[idx]


# --- hand-computed multiclass cases ------------------------------------------------------


def test_perfect_multiclass() -> None:
    y = onehot([0, 1, 2, 2])
    ev = evaluate("domain", ABC, y, y)
    assert ev.n == 4 and ev.accuracy == 1.0 and ev.macro_f1 == 1.0 and ev.micro_f1 == 1.0
    assert ev.confusion == ((1, 0, 0), (0, 1, 0), (0, 0, 2))
    assert ev.log_loss == pytest.approx(0.0, abs=1e-12) and ev.brier == 0.0 and ev.ece == 0.0
    assert [s.support for s in ev.labels] == [1, 1, 2]
    assert ev.label("c").precision == ev.label("c").recall == 1.0
    assert all(s.threshold is None for s in ev.labels)  # argmax, no thresholds


def test_all_wrong_multiclass() -> None:
    y = onehot([0, 1, 2])
    ev = evaluate("domain", ABC, y, onehot([1, 2, 0]))
    assert ev.accuracy == 0.0 and ev.micro_f1 == 0.0 and ev.macro_f1 == 0.0
    for s in ev.labels:
        assert (s.tp, s.fp, s.fn, s.tn) == (0, 1, 1, 1)
        assert s.precision == 0.0 and s.recall == 0.0 and s.f1 == 0.0
    assert ev.brier == pytest.approx(2.0)  # the multiclass Brier maximum
    assert ev.ece == pytest.approx(1.0)  # certain and always wrong
    assert ev.log_loss == pytest.approx(-math.log(1e-15))


def test_small_case_against_hand_figures_and_sklearn() -> None:
    p = np.array([[0.7, 0.2, 0.1], [0.4, 0.5, 0.1], [0.2, 0.7, 0.1], [0.1, 0.6, 0.3]])
    truth = [0, 0, 1, 1]  # predicted a, b, b, b; class c never true nor predicted
    ev = evaluate("domain", ABC, onehot(truth), p)
    a, b, c = ev.labels
    assert (a.precision, a.recall, a.f1) == pytest.approx((1.0, 0.5, 2 / 3))
    assert (b.precision, b.recall, b.f1) == pytest.approx((2 / 3, 1.0, 0.8))
    assert (c.precision, c.recall, c.f1, c.support, c.predicted) == (None, None, None, 0, 0)
    assert c.precision_ci is None and c.recall_ci is None and c.tn == 4
    assert ev.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)  # the empty class is left out
    assert ev.macro_f1 == pytest.approx(skm.f1_score(truth, p.argmax(1), average="macro"))
    assert ev.micro_f1 == ev.accuracy == 0.75
    assert b.precision == pytest.approx(
        skm.precision_score(truth, p.argmax(1), labels=[1], average="micro")
    )
    assert ev.log_loss == pytest.approx(-np.mean(np.log([0.7, 0.4, 0.7, 0.6])))
    assert ev.log_loss == pytest.approx(skm.log_loss(truth, p, labels=[0, 1, 2]))
    assert ev.brier == pytest.approx(skm.brier_score_loss(truth, p, labels=[0, 1, 2]))
    assert ev.confusion == ((1, 1, 0), (0, 2, 0), (0, 0, 0))


def test_empty_input_is_none_not_nan() -> None:
    for task, classes in (("domain", ABC), ("issues", ABC), ("domain", [])):
        ev = evaluate(task, classes, [], [])
        assert ev.n == 0
        for value in (ev.accuracy, ev.macro_f1, ev.micro_f1, ev.log_loss, ev.brier, ev.ece):
            assert value is None
        assert all(s.support == s.tp == s.tn == 0 and s.f1 is None for s in ev.labels)
        assert all(b.count == 0 and b.confidence is None for b in ev.bins)
        assert json.loads(json.dumps(ev.to_dict()))["n"] == 0


# --- multi-label -------------------------------------------------------------------------


def test_multilabel_thresholds_and_sklearn() -> None:
    y = np.array([[1, 0], [1, 1], [0, 0], [0, 1]], dtype=float)
    p = np.array([[0.9, 0.3], [0.6, 0.35], [0.4, 0.1], [0.2, 0.8]])
    ev = evaluate("issues", ["x", "y"], y, p, thresholds={"y": 0.3})
    pred = (p >= [0.5, 0.3]).astype(int)
    assert [s.threshold for s in ev.labels] == [0.5, 0.3]
    assert ev.accuracy == 0.75  # subset accuracy: row 0 predicts y too
    assert ev.hamming_loss == pytest.approx(skm.hamming_loss(y, pred)) == 1 / 8
    assert ev.macro_f1 == pytest.approx(skm.f1_score(y, pred, average="macro"))
    assert ev.micro_f1 == pytest.approx(skm.f1_score(y, pred, average="micro"))
    for s, counts in zip(ev.labels, skm.multilabel_confusion_matrix(y, pred), strict=True):
        assert s.counts == tuple(map(tuple, counts.tolist()))
    assert ev.log_loss == pytest.approx(skm.log_loss(y.ravel(), p.ravel()))
    assert ev.brier == pytest.approx(np.mean((p - y) ** 2))
    assert ev.confusion is None and sum(b.count for b in ev.bins) == 8
    assert evaluate("issues", ["x", "y"], y, p, thresholds={"y": None}).label("y").threshold == 0.5


def test_multilabel_label_never_true_nor_predicted() -> None:
    ev = evaluate("issues", ["x", "y"], [[1, 0], [0, 0]], [[0.9, 0.1], [0.2, 0.2]])
    assert ev.label("y").f1 is None and ev.label("y").tn == 2
    assert ev.macro_f1 == 1.0 and ev.accuracy == 1.0 and ev.hamming_loss == 0.0


# --- calibration -------------------------------------------------------------------------


def test_reliability_hand_case() -> None:
    bins, ece = reliability([0.25, 0.25, 0.75, 0.75, 1.0], [1, 0, 1, 1, 1], bins=2)
    assert [b.count for b in bins] == [2, 3]  # 1.0 falls in the last bin
    assert bins[0].confidence == 0.25 and bins[0].accuracy == 0.5
    assert bins[1].confidence == pytest.approx(2.5 / 3) and bins[1].accuracy == 1.0
    assert ece == pytest.approx((2 * 0.25 + 3 * (1 - 2.5 / 3)) / 5)
    assert reliability([], [], bins=3)[1] is None


def test_ece_near_zero_when_calibrated_and_positive_when_overconfident() -> None:
    rng = np.random.default_rng(7)
    p = rng.random((20_000, 2))
    calibrated = (rng.random(p.shape) < p).astype(float)
    ev = evaluate("issues", ["x", "y"], calibrated, p)
    assert ev.ece is not None and ev.ece < 0.01
    # over-confident: the model says 0.05 / 0.95 where the truth is a 70 / 30 coin
    sharp = np.where(p > 0.5, 0.95, 0.05)
    over = evaluate(
        "issues", ["x", "y"], (rng.random(p.shape) < np.where(p > 0.5, 0.7, 0.3)), sharp
    )
    assert over.ece is not None and over.ece == pytest.approx(0.25, abs=0.02)


def test_ece_multiclass_uses_top_class_confidence() -> None:
    p = np.array([[0.8, 0.1, 0.1]] * 5)
    ev = evaluate("domain", ABC, onehot([0, 0, 0, 0, 1]), p)  # 80 % confident, 80 % right
    assert ev.ece == pytest.approx(0.0, abs=1e-12)
    assert [b.count for b in ev.bins if b.count] == [5] and ev.bins[8].count == 5


# --- Wilson intervals --------------------------------------------------------------------


def test_wilson_known_values() -> None:
    assert wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert wilson(0, 0) is None
    lo, hi = wilson(1, 2) or (0.0, 0.0)
    assert lo < 0.2 and hi > 0.8  # two documents say almost nothing


def test_label_intervals_contain_the_estimate() -> None:
    ev = evaluate("domain", ABC, onehot([0, 0, 1, 1, 2]), onehot([0, 1, 1, 1, 0]))
    for s in ev.labels:
        if s.precision is not None and s.precision_ci is not None:
            assert s.precision_ci[0] <= s.precision <= s.precision_ci[1]
        if s.recall is not None and s.recall_ci is not None:
            assert s.recall_ci[0] <= s.recall <= s.recall_ci[1]


# --- input errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "classes", "y", "p", "kwargs", "match"),
    [
        ("domain", ABC, onehot([0]), [[0.5, 0.5]], {}, "proba must be n × 3"),
        ("domain", ABC, onehot([0, 1]), onehot([0]), {}, "shape"),
        ("domain", ABC, onehot([0]), [[0.5, 0.1, 0.1]], {}, "sum to 1"),
        ("domain", ABC, [[1, 1, 0]], [[0.5, 0.5, 0]], {}, "row 0"),
        ("domain", ABC, [[2, 0, 0]], [[1, 0, 0]], {}, "0/1"),
        ("issues", ABC, [[1, 0, 0]], [[1.2, 0, 0]], {}, r"\[0, 1\]"),
        ("issues", ABC, [[1, 0, 0]], [[math.nan, 0, 0]], {}, r"\[0, 1\]"),
        ("issues", ["a", "a"], [[1, 0]], [[1, 0]], {}, "repeat"),
        ("issues", ABC, [[1, 0, 0]], [[1, 0, 0]], {"thresholds": {"z": 0.3}}, "unknown labels"),
        ("issues", ABC, [[1, 0, 0]], [[1, 0, 0]], {"thresholds": {"a": math.inf}}, "finite"),
        ("domain", ABC, [[1, 0, 0]], [[1, 0, 0]], {"thresholds": {"a": 0.3}}, "multi-label"),
        ("domain", ABC, [[1, 0, 0]], [[1, 0, 0]], {"bins": 0}, "bins"),
        ("topic", ABC, [[1, 0, 0]], [[1, 0, 0]], {}, "unknown task"),
    ],
)
def test_bad_input_is_named(
    task: str, classes: list[str], y: object, p: object, kwargs: dict[str, object], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        evaluate(task, classes, y, p, **kwargs)  # type: ignore[arg-type]


# --- serialisation -----------------------------------------------------------------------


def test_json_round_trip() -> None:
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.ones(3), 30)
    for ev in (
        evaluate("subdomain", ABC, onehot(list(rng.integers(0, 3, 30))), p),
        evaluate(
            "issues", ABC, (rng.random((30, 3)) < 0.3).astype(float), p, thresholds={"a": 0.2}
        ),
    ):
        back = Evaluation.from_dict(json.loads(json.dumps(ev.to_dict())))
        assert back == ev
    with pytest.raises(ValueError, match="not an evaluation record"):
        Evaluation.from_dict({"task": "domain"})


# --- thresholds --------------------------------------------------------------------------

SCORES = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]
TRUTH = [1, 1, 1, 0, 1, 1, 0, 0, 1, 0]  # precision at each cut: 1 1 1 .75 .8 .833 .71 ...


def test_threshold_is_the_lowest_reaching_the_target() -> None:
    y, p = np.array([TRUTH]).T, np.array([SCORES]).T
    choice = select_thresholds(["x"], y, p, target_precision=0.8)["x"]
    assert choice.reached and choice.threshold == 0.4 and choice.positives == 6
    assert choice.precision == pytest.approx(5 / 6) and choice.recall == pytest.approx(5 / 6)
    strict = select_thresholds(["x"], y, p, target_precision=0.9)["x"]
    assert strict.reached and strict.threshold == 0.7 and strict.recall == pytest.approx(0.5)


def test_threshold_when_the_target_is_out_of_reach() -> None:
    truth = [0, 1, 1, 0, 1, 0, 1, 0, 0, 1]  # the top document is negative: best is 2/3 at 0.7
    choice = select_thresholds(["x"], np.array([truth]).T, np.array([SCORES]).T)["x"]
    assert not choice.reached and choice.threshold == 0.7
    assert choice.precision == pytest.approx(2 / 3) and "not reached" in choice.note


def test_too_few_positives_gives_no_threshold() -> None:
    y = np.array([[1, 1], [1, 0], [1, 0], [0, 0]], dtype=float)
    choices = select_thresholds(["x", "y"], y, np.full((4, 2), 0.5), min_positives=3)
    assert choices["x"].threshold == 0.5 and choices["x"].positives == 3
    assert choices["y"].threshold is None and choices["y"].note == "too few positives (1)"
    assert thresholds_of(choices) == {"x": 0.5, "y": None}
    with pytest.raises(ValueError, match="target_precision"):
        select_thresholds(["x"], [[1]], [[0.5]], target_precision=0)


def test_pr_curve_matches_sklearn_with_ties() -> None:
    rng = np.random.default_rng(3)
    p = rng.integers(0, 20, 200) / 20  # many ties
    y = (rng.random(200) < p).astype(int)
    curve = pr_curve(y, p)
    precision, recall, thresholds = skm.precision_recall_curve(y, p, drop_intermediate=False)
    assert np.array_equal(curve.thresholds, thresholds)  # every distinct score, ascending
    assert np.allclose(curve.precision, precision[:-1])
    assert np.allclose(curve.recall, recall[:-1])
    assert pr_curve([], []).thresholds.size == 0
    assert set(pr_curves(["x"], y[:, None], p[:, None])) == {"x"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.integers(0, 10)), min_size=1, max_size=40),
    st.sampled_from([0.5, 0.8, 1.0]),
)
def test_threshold_choice_is_optimal(rows: list[tuple[bool, int]], target: float) -> None:
    y = np.array([[float(t)] for t, _ in rows])
    p = np.array([[s / 10] for _, s in rows])
    choice = select_thresholds(["x"], y, p, target_precision=target, min_positives=1)["x"]
    if not y.sum():
        assert choice.threshold is None
        return
    precision = {t: y[p >= t].mean() for t in np.unique(p)}
    ok = [t for t, v in precision.items() if v >= target]
    assert choice.reached == bool(ok)
    expected = (
        min(ok) if ok else min(t for t, v in precision.items() if v == max(precision.values()))
    )
    assert choice.threshold == expected


# --- comparison --------------------------------------------------------------------------


def test_compare_signs_and_better() -> None:
    y = onehot([0, 1, 2, 0])
    good = evaluate("domain", ABC, y, 0.7 * y + 0.1)
    bad = evaluate("domain", ABC, y, onehot([0, 0, 0, 0]) * 0.7 + 0.1)
    up, down = compare(good, bad), compare(bad, good)
    for metric in ("accuracy", "macro_f1", "micro_f1"):
        assert (up.delta(metric).delta or 0) > 0 > (down.delta(metric).delta or 0)
        assert up.better(metric) and not down.better(metric)
    assert up.better("log_loss") and up.better("brier") and not down.better("brier")
    assert {d.name: d.delta for d in up.labels}["b"] == pytest.approx(1.0)
    assert not compare(good, good).better()  # strictly better only
    with pytest.raises(ValueError, match="unknown metric"):
        up.better("auc")
    with pytest.raises(ValueError, match="cannot compare"):
        compare(good, evaluate("subdomain", ABC, y, y))
    json.dumps(up.to_dict())


def test_compare_label_sets_and_undefined_values() -> None:
    new = evaluate("issues", ["x", "z"], [[1, 0]], [[0.9, 0.1]])
    old = evaluate("issues", ["x", "y"], [[1, 1]], [[0.9, 0.9]])
    cmp = compare(new, old)
    deltas = {d.name: d for d in cmp.labels}
    assert list(deltas) == ["x", "z", "y"]
    assert deltas["z"].new is None and deltas["z"].delta is None and deltas["y"].new is None
    assert "hamming_loss" in [d.name for d in cmp.headline]
    empty = evaluate("issues", ["x"], [], [])
    assert not compare(empty, evaluate("issues", ["x"], [[1]], [[0.9]])).better()


# --- properties --------------------------------------------------------------------------


@st.composite
def _inputs(draw: st.DrawFn) -> tuple[str, list[str], NDArray[np.float64], NDArray[np.float64]]:
    task = draw(st.sampled_from(["domain", "issues"]))
    k = draw(st.integers(1, 4))
    n = draw(st.integers(0, 12))
    unit = st.floats(0, 1, allow_nan=False)
    p = np.array(draw(st.lists(st.lists(unit, min_size=k, max_size=k), min_size=n, max_size=n)))
    p = p.reshape(n, k)
    if task == "domain":
        p = (p + 1e-9) / (p + 1e-9).sum(axis=1, keepdims=True)
        y = onehot(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)), k)
    else:
        y = np.array(draw(st.lists(st.integers(0, 1), min_size=n * k, max_size=n * k)), float)
    return task, [f"c{j}" for j in range(k)], y.reshape(n, k), p


@settings(max_examples=150, deadline=None)
@given(_inputs(), st.integers(1, 12))
def test_evaluate_never_raises_and_stays_in_range(
    data: tuple[str, list[str], NDArray[np.float64], NDArray[np.float64]], bins: int
) -> None:
    task, classes, y, p = data
    ev = evaluate(task, classes, y, p, bins=bins)
    unit = [ev.accuracy, ev.hamming_loss, ev.macro_f1, ev.micro_f1, ev.ece]
    for s in ev.labels:
        unit += [s.precision, s.recall, s.f1, *(s.precision_ci or ()), *(s.recall_ci or ())]
        assert s.tp + s.fp + s.fn + s.tn == ev.n
    assert all(0 <= v <= 1 for v in unit if v is not None)
    assert ev.log_loss is None or ev.log_loss >= 0
    assert ev.brier is None or 0 <= ev.brier <= (1 if task == "issues" else 2)
    assert len(ev.bins) == bins
    assert sum(b.count for b in ev.bins) == (y.size if task == "issues" else ev.n)
    if ev.confusion is not None:
        assert sum(map(sum, ev.confusion)) == ev.n
    assert Evaluation.from_dict(json.loads(json.dumps(ev.to_dict()))) == ev
