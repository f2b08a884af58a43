"""The `assist` command: thin shell behaviour, exit codes, one JSON answer per line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assist.cli import app
from tests.test_schemas import TEXT

runner = CliRunner()


def test_cli_analyze_one_file_prints_json(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "doc"
    assert data["document"]["case_number"]["normalized"] == "(2011)宝刑初字第514号"


def test_cli_analyze_gb18030_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["court"] == "天津市宝坻区人民法院"


def test_cli_analyze_jsonl_one_answer_per_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT.replace("514", "515")}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]


def test_cli_analyze_bad_input_is_reported_and_run_goes_on(tmp_path: Path) -> None:
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty.write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(empty), str(good)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["id"] == "good"
    error = json.loads(result.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "empty_input" and "empty.txt" in error["source"]


def test_cli_analyze_refuses_non_legal_text(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text(
        "番茄炒蛋：先把鸡蛋打散，锅里放油，炒熟后盛出，再炒番茄。" * 3, encoding="utf-8"
    )
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    assert json.loads(result.stderr.strip())["error"]["code"] == "not_legal_document"


def test_cli_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "properties" in json.loads(result.stdout)


def test_cli_demo_summarises_samples() -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "样例文书解析" in result.stdout


def test_cli_similar_prints_one_line_per_query(tmp_path: Path, real_texts: dict[str, str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    docs = [{"id": k, "text": v} for k, v in list(real_texts.items())[:12]]
    corpus.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    query = tmp_path / "q.txt"
    query.write_text(docs[3]["text"], encoding="utf-8")
    result = runner.invoke(app, ["similar", str(query), "--against", str(corpus), "--top", "3"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    row = json.loads(line)
    assert row["query_id"] == "q"
    assert row["results"][0]["id"] == docs[3]["id"]
    scores = [r["score"] for r in row["results"]]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)


def test_cli_leads_writes_ranked_leads_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out"
    result = runner.invoke(app, ["leads", str(folder), "--out", str(out), "--min-level", "low"])
    assert result.exit_code == 0, result.output
    leads = [json.loads(x) for x in (out / "leads.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(lead["type"] == "unenforced_property_penalty" for lead in leads)
    errors = [
        json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert errors[0]["code"] == "binary_input" and errors[0]["source"].endswith("bad.txt")
    assert (out / "leads.csv").read_text(encoding="utf-8-sig").startswith("rank,lead_id")
