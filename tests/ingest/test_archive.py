"""Archives: folders, JSON Lines (also GB18030 CAIL2018 style), CSV and Parquet, streamed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from assist.ingest.archive import Record, RecordError, iter_records

FACT_1 = (
    "北京市通州区人民检察院指控：2011年9月8日7时30分许，被告人李×1在本市通州区潞城镇某村某养殖场内，"
    "因琐事与同事王×（女，54岁）发生纠纷，被告人李×1将王×推倒在地，致王×左臂受伤。"
)
FACT_2 = (
    "公诉机关指控：2016年1月29日晚，被告人杨1某与被害人朱某（另案处理）因债务问题在电话中发生口角后相约见面，"
    "被告人杨1某持菜刀将被害人朱某手臂及肩部砍伤。"
)
LOAN = (
    "原告张某1诉称：被告王某1于2014年6月28日向原告借款30000元，"
    "约定月息2分，到期后经原告多次催要未还。"
)
EXECUTION = (
    "申请执行人胡加党与被执行人马军装饰装修合同纠纷一案，被执行人马军下落不明，也无可供执行的财产。"
)


def _items(path: Path, **kwargs: object) -> list[Record | RecordError]:
    return list(iter_records(path, **kwargs))  # type: ignore[arg-type]


def _codes(items: list[Record | RecordError]) -> list[str]:
    return [item.code if isinstance(item, RecordError) else "ok" for item in items]


def test_archive_jsonl_bad_lines_are_recorded_and_iteration_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": LOAN, "court": "尖扎县人民法院", "year": 2016}),
        "",
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "body": LOAN}),
        json.dumps({"text": LOAN}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": "  \n"}),
        json.dumps({"id": "a", "text": EXECUTION}),
        json.dumps({"id": 7, "text": EXECUTION, "tags": ["执行", "终本"]}),
        json.dumps({"id": True, "text": EXECUTION}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(path)
    assert _codes(items) == [
        "ok",
        "bad_record",
        "bad_record",
        "bad_record",
        "bad_record",
        "empty_input",
        "duplicate_id",
        "ok",
        "bad_record",
    ]
    first, seventh = items[0], items[7]
    assert isinstance(first, Record) and isinstance(seventh, Record)
    assert (first.id, first.text, first.source) == ("a", LOAN, f"{path}:1")
    assert first.meta == {"court": "尖扎县人民法院", "year": "2016"}
    assert (seventh.id, seventh.meta) == ("7", {"tags": '["执行", "终本"]'})
    errors = [item for item in items if isinstance(item, RecordError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7, 8, 10)]
    assert errors[1].message.startswith("missing 'text'")
    assert errors[2].message.startswith("missing 'id'")


def test_archive_gb18030_cail2018_style_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "data_train.json"
    rows = [
        {"fact": FACT_1, "meta": {"accusation": ["故意伤害"], "punish_of_money": 0}},
        {"fact": FACT_2, "meta": {"accusation": ["故意伤害"], "punish_of_money": 0}},
    ]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_bytes(text.encode("gb18030"))
    items = _items(path, text_field="fact", id_field=None)
    assert [(r.id, r.text) for r in items if isinstance(r, Record)] == [
        ("data_train:1", FACT_1),
        ("data_train:2", FACT_2),
    ]
    first = items[0]
    assert isinstance(first, Record)
    assert json.loads(first.meta["meta"])["accusation"] == ["故意伤害"]


def test_archive_jsonl_with_a_line_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "u", "text": LOAN}, ensure_ascii=False).encode("utf-8")
    gbk = json.dumps({"id": "g", "text": FACT_2}, ensure_ascii=False).encode("gbk")
    path.write_bytes(good + b"\n" + gbk + b"\n" + b'{"id": "x", "text": "\xff\xfe\xfd"}\n')
    items = _items(path)
    assert _codes(items) == ["ok", "ok", "undecodable_input"]
    assert isinstance(items[1], Record) and items[1].text == FACT_2


def test_archive_pretty_printed_json_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps({"dataset": [{"id": "1", "text": LOAN}]}, indent=2))
    items = _items(path)
    assert _codes(items) == ["bad_record"]
    assert isinstance(items[0], RecordError) and "not JSON Lines" in items[0].message


def test_archive_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [
        json.dumps({"id": "big", "text": LOAN * 50}, ensure_ascii=False),
        json.dumps({"id": "small", "text": LOAN}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _items(path, max_bytes=2000)
    assert _codes(items) == ["input_too_large", "ok"]
    assert isinstance(items[1], Record) and items[1].source == f"{path}:2"


def test_archive_csv_keeps_other_columns_and_numbers_lines(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "id,text,court\n"
        f'1,"{LOAN}",尖扎县人民法院\n'
        f'2,"{EXECUTION}\n第二段：终结本次执行程序。",临夏市人民法院\n'
        ",没有编号的一行,某法院\n"
        "\n"
        f'4,"{FACT_2}",某法院,多余的一列\n'
        "5,,某法院\n",
        encoding="utf-8",
    )
    items = _items(path)
    assert _codes(items) == ["ok", "ok", "bad_record", "bad_record", "empty_input"]
    first, second = items[0], items[1]
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.id, first.text, first.meta) == ("1", LOAN, {"court": "尖扎县人民法院"})
    assert second.text.endswith("终结本次执行程序。")
    assert [item.source for item in items] == [f"{path}:{n}" for n in (2, 3, 5, 7, 8)]


def test_archive_gbk_csv_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(f"编号,text,id\nA,{FACT_1},k1\n".encode("gbk"))
    items = _items(path)
    assert isinstance(items[0], Record)
    assert (items[0].id, items[0].text, items[0].meta) == ("k1", FACT_1, {"编号": "A"})


def test_archive_utf16_csv(tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(f"id,text\nu1,{LOAN}\n".encode("utf-16"))
    assert _items(path) == [Record("u1", LOAN, f"{path}:2", {})]


def test_archive_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("id,sc,answer\n0,被告人康某骑一辆自行车来到现场,1\n", encoding="utf-8")
    items = _items(path)
    assert _codes(items) == ["bad_record"]
    assert isinstance(items[0], RecordError) and "'text'" in items[0].message
    assert _codes(_items(path, text_field="sc")) == ["ok"]


def test_archive_parquet_streams_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "docs.parquet"
    table = pa.table(
        {
            "id": list(range(600)),
            "text": [FACT_1 if i != 300 else None for i in range(600)],
            "year": [2016] * 600,
        }
    )
    pq.write_table(table, path, row_group_size=100)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the whole file must not be read at once")

    monkeypatch.setattr(pq.ParquetFile, "read", refuse)
    monkeypatch.setattr(pq, "read_table", refuse)
    items = _items(path)
    assert len(items) == 600
    bad = items[300]
    assert isinstance(bad, RecordError) and (bad.code, bad.source) == ("bad_record", f"{path}:301")
    first = items[0]
    assert isinstance(first, Record) and (first.id, first.meta) == ("0", {"year": "2016"})


def test_archive_corrupt_parquet(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    assert _codes(_items(path)) == ["corrupt_file"]


def test_archive_folder_mixes_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / "a_loan.txt").write_bytes(LOAN.encode("gbk"))
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "d_scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "e_batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": FACT_1}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    document = docx.Document()
    document.add_paragraph(EXECUTION)
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "sub" / "f_ruling.docx").write_bytes(buffer.getvalue())
    (tmp_path / "sub" / "a_loan.html").write_text(f"<p>{LOAN}</p>", encoding="utf-8")
    items = _items(tmp_path)
    expected = ["ok", "empty_input", "unsupported_format", "corrupt_file", "ok", "ok", "ok"]
    assert _codes(items) == expected
    assert items[-1] == Record(
        "sub/f_ruling",
        EXECUTION,
        str(tmp_path / "sub" / "f_ruling.docx"),
        {"format": "docx"},
    )
    records = [item for item in items if isinstance(item, Record)]
    assert [r.id for r in records] == ["a_loan", "j1", "sub/a_loan", "sub/f_ruling"]
    assert records[0].meta == {"encoding": "gb18030", "format": "txt"}
    assert items[2].source == str(tmp_path / "c_photo.jpg")


def test_archive_folder_sorted_and_html_included(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(LOAN, encoding="utf-8")
    (tmp_path / "a.htm").write_text(f"<p>{EXECUTION}</p>", encoding="utf-8")
    assert [r.id for r in _items(tmp_path) if isinstance(r, Record)] == ["a", "b"]


def test_archive_single_document_and_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "案件.txt"
    path.write_text(FACT_2, encoding="utf-8")
    assert _items(path) == [
        Record("案件", FACT_2, str(path), {"encoding": "utf-8", "format": "txt"})
    ]
    assert _codes(_items(tmp_path / "nowhere")) == ["unreadable_file"]
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert _codes(_items(tmp_path / "empty.jsonl")) == ["empty_input"]


def test_archive_binary_file_named_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "zipped.jsonl"
    path.write_bytes(b"PK\x03\x04\x14\x00" + bytes(200))
    assert _codes(_items(path)) == ["binary_input"]
