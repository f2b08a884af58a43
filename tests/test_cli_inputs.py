"""`assist analyze`: errors name the file (or file:line) and the --max-chars limit is real."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assist.cli import app
from tests.test_schemas import TEXT

runner = CliRunner()
RECIPE = "番茄炒蛋：先把鸡蛋打散，锅里放油，炒熟后盛出，再炒番茄。" * 3


def _errors(stderr: str) -> list[dict[str, str]]:
    return [json.loads(line)["error"] for line in stderr.splitlines() if line.startswith("{")]


def test_not_legal_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text(RECIPE, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    (error,) = _errors(result.stderr)
    assert (error["code"], error["source"]) == ("not_legal_document", str(path))


def test_error_of_a_record_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "r1", "text": RECIPE}, {"id": "r2", "text": TEXT}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    (error,) = _errors(result.stderr)
    assert error["source"] == f"{path}:1"


def test_max_chars_option_limits_and_the_message_names_it(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--max-chars", "100", str(path)])
    assert result.exit_code == 2
    (error,) = _errors(result.stderr)
    assert error["code"] == "input_too_large" and error["source"] == str(path)
    assert "--max-chars" in error["message"] and "ASSIST_MAX_TEXT_CHARS" in error["message"]
    ok = runner.invoke(app, ["analyze", "--max-chars", str(len(TEXT)), str(path)])
    assert ok.exit_code == 0, ok.output


def test_two_files_with_one_name_are_both_analysed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "判决书.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "判决书.txt").write_text(TEXT.replace("514", "515"), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["a/判决书", "b/判决书"]
    two = [str(tmp_path / "a" / "判决书.txt"), str(tmp_path / "b" / "判决书.txt")]
    result = runner.invoke(app, ["analyze", *two])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["判决书", two[1]]
