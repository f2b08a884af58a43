"""Ids of file inputs, invisible characters and BOM-less UTF-16 (formats stress report)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from assist.errors import BinaryInput
from assist.ingest.archive import Record, RecordError, iter_records
from assist.ingest.decode import decode_text
from assist.ingest.formats import read_bytes, read_document
from assist.ingest.inputs import iter_inputs

CRIMINAL = (
    "天津市宝坻区人民法院\n刑事判决书\n（2011）宝刑初字第514号\n公诉机关天津市宝坻区人民检察院。\n"
    "被告人马柱，男，1980年5月1日出生。\n本院认为，被告人马柱犯盗窃罪，判处有期徒刑一年，"
    "并处罚金人民币7000元。\n二〇一一年十一月二十一日\n"
)
OTHER = CRIMINAL.replace("514", "515").replace("马柱", "刘军")
ZW = "\u200b"


def _records(items: list[Record | RecordError]) -> list[Record]:
    return [item for item in items if isinstance(item, Record)]


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- ids: two inputs are never dropped because their names collide -------------------------


def test_same_name_other_suffix_in_a_folder_keeps_both(tmp_path: Path) -> None:
    (tmp_path / "判决书.docx").write_bytes(_docx(CRIMINAL))
    (tmp_path / "判决书.txt").write_text(OTHER, encoding="utf-8")
    items = list(iter_records(tmp_path))
    assert all(isinstance(item, Record) for item in items)
    assert [r.id for r in _records(items)] == ["判决书", "判决书.txt"]
    assert "刘军" in _records(items)[1].text


def test_same_file_name_in_two_folders_named_on_the_command_line(tmp_path: Path) -> None:
    for sub, text in (("a", CRIMINAL), ("b", OTHER)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "判决书.txt").write_text(text, encoding="utf-8")
    paths = [str(tmp_path / "a" / "判决书.txt"), str(tmp_path / "b" / "判决书.txt")]
    items = list(iter_inputs(paths))
    assert [r.id for r in _records(items)] == ["判决书", paths[1]]
    again = [r.id for r in _records(list(iter_inputs(paths)))]
    assert again == ["判决书", paths[1]]  # stable: a resumed screen finds the same ids


def test_two_folders_with_the_same_layout(tmp_path: Path) -> None:
    for sub, text in (("run1", CRIMINAL), ("run2", OTHER)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(text, encoding="utf-8")
    items = list(iter_inputs([str(tmp_path / "run1"), str(tmp_path / "run2")]))
    assert [r.id for r in _records(items)] == ["x", "x.txt"]


def test_numbered_records_of_two_files_with_one_name(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        row = {"fact": CRIMINAL if sub == "a" else OTHER}
        (tmp_path / sub / "data.json").write_text(json.dumps(row, ensure_ascii=False) + "\n")
    first = list(iter_records(tmp_path / "a" / "data.json", text_field="fact", id_field=None))
    seen = {r.id for r in _records(first)}
    second = list(iter_records(tmp_path / "b" / "data.json", text_field="fact", id_field=None))
    assert seen == {"data:1"} and _records(second)[0].alt_ids == (f"{tmp_path}/b/data.json:1",)


def test_an_id_the_data_gives_is_still_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [{"id": "k1", "text": CRIMINAL}, {"id": "k1", "text": OTHER}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert isinstance(items[1], RecordError) and items[1].code == "duplicate_id"


def test_the_same_file_twice_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(CRIMINAL, encoding="utf-8")
    items = list(iter_inputs([str(path), str(path)]))
    assert isinstance(items[1], RecordError) and items[1].code == "duplicate_id"


def test_word_lock_files_are_left_out_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "判决书.docx").write_bytes(_docx(CRIMINAL))
    (tmp_path / "~$判决书.docx").write_bytes(b"\x05lock")
    items = list(iter_records(tmp_path))
    assert [(type(i).__name__, getattr(i, "id", "")) for i in items] == [("Record", "判决书")]


# --- invisible characters are dropped when reading ------------------------------------------


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_txt_loses_invisible_characters(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "zw.txt"
    dirty = CRIMINAL.replace("7000", f"7{mark}000").replace("马柱", f"马{mark}柱")
    path.write_text(dirty.replace("二十一", f"二十{mark}一"), encoding="utf-8")
    assert read_document(path).text == CRIMINAL


def test_docx_and_records_lose_invisible_characters(tmp_path: Path) -> None:
    dirty = CRIMINAL.replace("7000", f"7{ZW}000")
    assert read_bytes(_docx(dirty), "x.docx").text == CRIMINAL.rstrip("\n")
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "z", "text": dirty}) + "\n", encoding="utf-8")
    assert _records(list(iter_records(path)))[0].text == CRIMINAL


def test_a_record_of_invisible_characters_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "z", "text": ZW * 3}) + "\n", encoding="utf-8")
    (item,) = iter_records(path)
    assert isinstance(item, RecordError) and item.code == "empty_input"


# --- UTF-16 without a byte-order mark --------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(codec: str) -> None:
    decoded = decode_text(CRIMINAL.encode(codec), "x.txt")
    assert (decoded.text, decoded.encoding) == (CRIMINAL, codec)


def test_utf16_without_bom_csv(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    text = "id,text\nc1," + CRIMINAL.replace("\n", "") + "\n"
    path.write_bytes(text.encode("utf-16-be"))
    assert [r.id for r in _records(list(iter_records(path)))] == ["c1"]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\x00\x00\x10", "English only, no hanzi.\n".encode("utf-16-le")],
    ids=["binary", "utf16-english"],
)
def test_nul_bytes_that_are_not_chinese_utf16_stay_binary(data: bytes) -> None:
    with pytest.raises(BinaryInput):
        decode_text(data, "x.txt")
