from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from assist.learn.comparison import compare
from assist.learn.metrics import Evaluation, evaluate
from assist.learn.report import ReportSection, relative_links, render_markdown, write_charts
from assist.learn.thresholds import pr_curves, select_thresholds

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
DOMAINS = ["criminal", "civil", "administrative", "public_interest"]
ISSUES = ["false_litigation", "unenforced_property_penalty"]


@pytest.fixture(scope="module")
def multiclass() -> Evaluation:
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(4), 60)
    truth = [int(rng.choice(4, p=row)) for row in p]
    return evaluate("domain", DOMAINS, np.eye(4)[truth], p)


@pytest.fixture(scope="module")
def multilabel_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    p = rng.random((80, 2))
    return (rng.random((80, 2)) < p).astype(float), p


def _is_png(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(PNG_MAGIC) and len(data) > 2000


# --- charts ------------------------------------------------------------------------------


def test_multiclass_charts(tmp_path: Path, multiclass: Evaluation) -> None:
    paths = write_charts(multiclass, tmp_path / "charts", "domain")
    assert set(paths) == {"reliability", "confusion"}
    assert paths["confusion"] == tmp_path / "charts" / "domain-confusion.png"
    assert all(_is_png(p) for p in paths.values())


def test_charts_are_byte_stable_across_runs(tmp_path: Path, multiclass: Evaluation) -> None:
    first = write_charts(multiclass, tmp_path / "one", "x")
    second = write_charts(multiclass, tmp_path / "two", "x")
    for key, path in first.items():
        assert path.read_bytes() == second[key].read_bytes(), key
        assert b"Software" not in path.read_bytes()


def test_multilabel_charts_one_pr_chart_per_label(
    tmp_path: Path, multilabel_data: tuple[np.ndarray, np.ndarray]
) -> None:
    y, p = multilabel_data
    labels = [*ISSUES[:1], "odd/name"]
    ev = evaluate("issues", labels, y, p, thresholds={"odd/name": 0.3})
    paths = write_charts(ev, tmp_path, "issues", pr_data=pr_curves(labels, y, p))
    assert set(paths) == {"reliability", "pr:false_litigation", "pr:odd/name"}
    assert paths["pr:odd/name"].name == "issues-pr-01-odd_name.png"
    assert all(_is_png(path) for path in paths.values())
    marked = write_charts(ev, tmp_path / "m", "i", pr_data=pr_curves(labels, y, p), chosen={})
    assert marked["pr:odd/name"].read_bytes() != paths["pr:odd/name"].read_bytes()  # no line
    assert set(write_charts(ev, tmp_path / "none", "i")) == {"reliability"}


def test_charts_need_no_cjk_font_and_survive_empty_input(tmp_path: Path) -> None:
    chinese = ["刑事", "民事"]
    ev = evaluate("domain", chinese, np.eye(2)[[0, 1, 1]], [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a UserWarning
        paths = write_charts(ev, tmp_path, "zh")
    assert _is_png(paths["confusion"])
    empty = write_charts(evaluate("issues", ISSUES, [], []), tmp_path, "empty")
    assert empty["reliability"].read_bytes().startswith(PNG_MAGIC)


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_multiclass_section(tmp_path: Path, multiclass: Evaluation) -> None:
    old = evaluate("domain", DOMAINS, np.eye(4)[[0, 1]], np.eye(4)[[1, 1]])
    charts = relative_links(write_charts(multiclass, tmp_path / "img", "d"), tmp_path)
    section = ReportSection(
        "Real held-out", multiclass, compare(multiclass, old), charts=charts, notes=("A note.",)
    )
    md = render_markdown("Domain model", [section])
    assert md.startswith("# Domain model\n\n## Real held-out\n\nA note.")
    assert "n = 60 documents" in md
    assert f"| accuracy | {multiclass.accuracy:.3f} |" in md
    assert "| label | support | predicted | precision [95 % CI] | recall [95 % CI] | F1 |" in md
    crim = multiclass.label("criminal")
    assert crim.precision is not None and crim.precision_ci is not None
    ci = f"{crim.precision:.3f} [{crim.precision_ci[0]:.2f}, {crim.precision_ci[1]:.2f}]"
    assert f"| criminal | {crim.support} | {crim.predicted} | {ci} |" in md
    assert multiclass.confusion is not None
    header = "| truth \\ predicted | criminal | civil | administrative | public_interest |"
    first = "| criminal | " + " | ".join(map(str, multiclass.confusion[0])) + " |"
    assert header in md and first in md
    assert "| metric | new | old | Δ |" in md and "| macro F1 |" in md
    acc = multiclass.accuracy or 0.0
    assert f"| accuracy | {acc:.3f} | 0.500 | {acc - 0.5:+.3f} |" in md  # old: 1 of 2 right
    assert "![reliability](img/d-reliability.png)" in md
    assert "### Per-label counts" not in md and "Hamming" not in md


def test_markdown_keeps_sections_apart_and_shows_thresholds(
    multiclass: Evaluation, multilabel_data: tuple[np.ndarray, np.ndarray]
) -> None:
    y, p = multilabel_data
    labels = [ISSUES[0], "a|b"]
    choices = select_thresholds(labels, y, p, min_positives=45)  # 46 and 39 positives
    ev = evaluate("issues", labels, y, p, thresholds={k: c.threshold for k, c in choices.items()})
    md = render_markdown(
        "Report",
        [
            ReportSection("Real held-out", multiclass),
            ReportSection("Generated held-out", ev, thresholds=choices),
        ],
    )
    real, generated = md.split("## Generated held-out")
    assert "## Real held-out" in real and "### Thresholds" not in real
    assert "| subset accuracy |" in generated and "| Hamming loss |" in generated
    assert "| label | TP | FP | FN | TN |" in generated and "truth \\ predicted" not in generated
    head = "| label | threshold | precision | recall | positives | reached | note |"
    assert head in generated
    assert "a\\|b" in generated and "| a|b |" not in generated  # a pipe cannot break a table
    assert "| n/a | n/a | n/a | 39 | no | too few positives (39) |" in generated
    assert "| 46 | yes | precision ≥ 0.80 reached |" in generated
    assert "ECE = " in real and "every (document, label) probability" in generated


def test_markdown_undefined_values_show_as_na() -> None:
    md = render_markdown("Empty", [ReportSection("Nothing", evaluate("domain", DOMAINS, [], []))])
    assert "| accuracy | n/a |" in md and "| criminal | 0 | 0 | n/a | n/a | n/a |" in md
    assert md.endswith("\n") and "\n\n\n" not in md
