"""Build ``corpora/real/`` from the raw shared corpora (maintainers only).

    python -m corpora.build --shared ../shared/corpora --out corpora

Reads the raw files once, decodes them (CAIL2018 is GB18030), masks personal data
(ID and mobile numbers) without changing any text's length, keeps provenance on every
record and writes UTF-8 JSON Lines plus ``MANIFEST.json``. The output is deterministic:
no timestamps, fixed key order, subsets chosen by content hash, never by chance.
The project reads only the committed output; it never needs ``../shared`` at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

Record = dict[str, Any]

# --- personal-data masking (length-preserving) ------------------------------------

_DIGIT = "0-9\uff10-\uff19"  # ASCII and full-width digits
_FW = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
# Letters next to a digit run mean a code (hex ids, contract numbers), not an ID or phone.
_ID_RE = re.compile(
    rf"(?<![{_DIGIT}A-Za-z])(?:[{_DIGIT}]{{17}}[{_DIGIT}XxＸｘ]|[{_DIGIT}]{{15}})(?![{_DIGIT}A-Za-z])"
)
# A number right after an ID label is an ID even when its birth date is a typo.
_ID_CONTEXT_RE = re.compile(
    rf"(?:身份证件?号码?|公民身份号码|身份号码|身份证)[^{_DIGIT}\n]{{0,8}}$"
)
_MOBILE_RE = re.compile(
    rf"(?<![{_DIGIT}A-Za-z])[1１][3-9３-９][{_DIGIT}][- ]?[{_DIGIT}]{{4}}[- ]?[{_DIGIT}]{{4}}"
    rf"(?![{_DIGIT}A-Za-z])"
)


def _birth_date_ok(num: str) -> bool:
    """True when ``num`` has the shape of a PRC ID number: region digit 1-8, valid birth date."""
    if num[0] not in "12345678":
        return False
    if len(num) == 18:
        year, month, day = int(num[6:10]), int(num[10:12]), int(num[12:14])
    else:
        year, month, day = 1900 + int(num[6:8]), int(num[8:10]), int(num[10:12])
    if not 1880 <= year <= 2030:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _keep_ends(s: str, head: int, tail: int) -> str:
    return s[:head] + "*" * (len(s) - head - tail) + s[len(s) - tail :]


def _mask_id(text: str, m: re.Match[str]) -> str:
    num = m.group()
    before = text[max(0, m.start() - 16) : m.start()]
    if _ID_CONTEXT_RE.search(before):
        return _keep_ends(num, 4, 4)
    return _keep_ends(num, 4, 4) if _birth_date_ok(num.translate(_FW)) else num


def _mask_mobile(m: re.Match[str]) -> str:
    raw = m.group()
    digit_pos = [i for i, ch in enumerate(raw) if ch.translate(_FW).isdigit()]
    hidden = set(digit_pos[3:-4])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(raw))


def mask_pii(text: str) -> str:
    """Mask ID numbers (keep first and last 4) and mobile numbers (138****1234).

    The result has exactly the length of ``text``, so character offsets stay valid,
    and masking twice changes nothing.
    """
    src = text
    masked = _ID_RE.sub(lambda m: _mask_id(src, m), src)
    return _MOBILE_RE.sub(_mask_mobile, masked)


def mask_all(value: Any) -> Any:
    """Apply :func:`mask_pii` to every string inside a JSON value."""
    if isinstance(value, str):
        return mask_pii(value)
    if isinstance(value, list):
        return [mask_all(v) for v in value]
    if isinstance(value, dict):
        return {k: mask_all(v) for k, v in value.items()}
    return value


# --- sources -------------------------------------------------------------------------

LICENCES: dict[str, dict[str, str]] = {
    "judgments": {
        "licence": "court documents: not subject to copyright (著作权法 第五条)",
        "citation": "texts from public repositories Island0214/WineTasters, summerwindsky/test, "
        "chenliy/youshu and public judgment web pages (cn.govopendata.com and others)",
    },
    "scm": {
        "licence": "CAIL2019-SCM, research use",
        "citation": "Xiao et al., CAIL2019-SCM: A Dataset of Similar Case Matching in Legal "
        "Domain, arXiv:1911.08962 (china-ai-law-challenge/CAIL2019)",
    },
    "cail2018": {
        "licence": "CAIL2018 subset via the sihuajian/cail2018 mirror, academic use",
        "citation": "Xiao et al., CAIL2018: A Large-Scale Legal Dataset for Judgment "
        "Prediction, arXiv:1807.02478",
    },
    "lblj": {
        "licence": "SMP-CAIL2021 argument understanding (focus recognition), research use",
        "citation": "CAIL2021 论辩理解 / 争议焦点识别 (china-ai-law-challenge)",
    },
    "cjrc": {
        "licence": "CAIL2019-CJRC, research use",
        "citation": "Duan et al., CJRC: A Reliable Human-Annotated Benchmark DataSet for "
        "Chinese Judicial Reading Comprehension, arXiv:1912.09156",
    },
    "lecard": {
        "licence": "LeCaRD, MIT licence",
        "citation": "Ma et al., LeCaRD: A Legal Case Retrieval Dataset for Chinese Law "
        "System, SIGIR 2021 (myx666/LeCaRD)",
    },
}

CAIL2018_BUDGET = 2_900_000  # bytes; the full set (~5.2 MB) is over the 3 MB target
CJRC_BUDGET = 2_000_000
FILE_LIMIT = 5_000_000
TOTAL_LIMIT = 15_000_000


def _read_jsonl(path: Path, encoding: str = "utf-8") -> list[Record]:
    lines = path.read_bytes().decode(encoding).splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _line(record: Record) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _prov(key: str, source: str) -> Record:
    return {"source": source, "licence": LICENCES[key]["licence"]}


def build_judgments(shared: Path) -> list[Record]:
    out: list[Record] = []
    for name, kind in (("full_dev.jsonl", "full"), ("pages_dev.jsonl", "page")):
        for r in _read_jsonl(shared / "judgments" / name):
            rec: Record = {"id": r["id"], **_prov("judgments", f"judgments/{name}#{r['id']}")}
            rec["kind"] = kind
            rec["text"] = mask_pii(r["text"])
            if kind == "full":
                rec["origin"] = {"repo": r["source_repo"], "path": r["source_path"]}
            else:
                rec["origin"] = {"url": r["url"]}
                rec["site_metadata"] = mask_all(r["site_metadata"])
            out.append(rec)
    return out


def build_scm(shared: Path) -> list[Record]:
    rows = _read_jsonl(shared / "cail2019-scm" / "dev.jsonl")
    return [
        {
            "id": f"scm-dev-{i:04d}",
            "A": mask_pii(r["A"]),
            "B": mask_pii(r["B"]),
            "C": mask_pii(r["C"]),
            **_prov("scm", f"cail2019-scm/dev.jsonl#{i}"),
        }
        for i, r in enumerate(rows)
    ]


def build_cail2018(shared: Path) -> list[Record]:
    rows = _read_jsonl(shared / "cail2018" / "data_train.json", encoding="gb18030")
    out: list[Record] = []
    for i, r in enumerate(rows):
        meta, term = r["meta"], r["meta"]["term_of_imprisonment"]
        out.append(
            {
                "id": f"cail2018-train-{i:05d}",
                "fact": mask_pii(r["fact"]),
                "accusation": meta["accusation"],
                "relevant_articles": meta["relevant_articles"],
                "punish_of_money": meta["punish_of_money"],
                "criminals": meta["criminals"],
                "imprisonment": term["imprisonment"],  # months
                "life_imprisonment": term["life_imprisonment"],
                "death_penalty": term["death_penalty"],
                **_prov("cail2018", f"cail2018/data_train.json#{i}"),
            }
        )
    return out


_LBLJ_TEXTS = (("claims", "诉称段"), ("defense", "辩称段"), ("reasoning", "裁判分析过程段"))
_LBLJ_LABELS = (
    ("focus", "争议焦点"),
    ("claim_labels", "诉讼请求"),
    ("defense_labels", "抗辩事由"),
    ("focus_labels", "争议焦点子节点"),
)


def build_lblj(shared: Path) -> list[Record]:
    path = shared / "cail2021-lblj" / "SMP-CAIL2021-focus_recognition-train.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["dataset"]
    out: list[Record] = []
    for i, r in enumerate(rows):
        rec: Record = {"id": r["文书ID"]}
        for key, src in _LBLJ_TEXTS:
            rec[key] = mask_pii(r[src]) if r.get(src) is not None else None
        for key, src in _LBLJ_LABELS:
            rec[key] = mask_all(r.get(src, []))
        texts = (rec[k] or "" for k, _ in _LBLJ_TEXTS)
        rec["mentions_false_litigation"] = any("虚假诉讼" in t for t in texts)
        rec.update(_prov("lblj", f"cail2021-lblj/{path.name}#{i}"))
        out.append(rec)
    return out


def build_cjrc(shared: Path) -> list[Record]:
    data = json.loads((shared / "cail2019-cjrc" / "dev_ground_truth.json").read_text("utf-8"))
    out: list[Record] = []
    for i, case in enumerate(data["data"]):
        para = case["paragraphs"][0]  # one paragraph per case in this release
        out.append(
            {
                "id": f"cjrc-dev-{case['caseid']}",
                "domain": case["domain"],
                "casename": para["casename"],
                "context": mask_pii(para["context"]),
                **_prov("cjrc", f"cail2019-cjrc/dev_ground_truth.json#data[{i}]"),
            }
        )
    return out


def build_lecard(shared: Path) -> list[Record]:
    rows = _read_jsonl(shared / "lecard" / "query.json")
    return [
        {
            "id": f"lecard-{r['ridx']}",
            "ridx": r["ridx"],
            "q": mask_pii(r["q"]),
            "crime": r["crime"],
            "path": r["path"],
            **_prov("lecard", f"lecard/query.json#{i}"),
        }
        for i, r in enumerate(rows)
    ]


# --- deterministic stratified subsets -------------------------------------------------


def stratified_subset(
    records: Sequence[Record], key: Callable[[Record], str], budget: int, floor: int = 3
) -> tuple[list[Record], bool]:
    """Largest equal-fraction sample per stratum whose JSONL fits in ``budget`` bytes.

    Within a stratum records are ranked by the SHA-256 of their line, so the choice is
    reproducible and independent of the input order; every stratum keeps at least
    ``floor`` records (or all it has). Returns the records in input order.
    """
    sizes = [len(_line(r)) for r in records]
    if sum(sizes) <= budget:
        return list(records), False
    strata: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        strata.setdefault(key(r), []).append(i)
    for idx in strata.values():
        idx.sort(key=lambda i: hashlib.sha256(_line(records[i])).hexdigest())

    def take(frac: float) -> list[int]:
        chosen: list[int] = []
        for name in sorted(strata):
            idx = strata[name]
            chosen += idx[: max(min(floor, len(idx)), math.ceil(len(idx) * frac))]
        return chosen

    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if sum(sizes[i] for i in take(mid)) <= budget else (lo, mid)
    return [records[i] for i in sorted(take(lo))], True


# --- output ---------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_jsonl(path: Path, records: Iterable[Record]) -> bytes:
    data = b"".join(_line(r) for r in records)
    path.write_bytes(data)
    return data


def build(shared: Path, out: Path) -> Record:
    """Write every file under ``out/real`` and return the manifest."""
    real = out / "real"
    real.mkdir(parents=True, exist_ok=True)
    cail = build_cail2018(shared)
    cail_sub, cail_cut = stratified_subset(cail, lambda r: r["accusation"][0], CAIL2018_BUDGET)
    cjrc = build_cjrc(shared)
    cjrc_sub, cjrc_cut = stratified_subset(cjrc, lambda r: r["domain"], CJRC_BUDGET)
    plan: list[tuple[str, str, list[Record], list[str], str | None]] = [
        ("judgments.jsonl", "judgments", build_judgments(shared),
         ["judgments/full_dev.jsonl", "judgments/pages_dev.jsonl"], None),
        ("scm_triplets.jsonl", "scm", build_scm(shared), ["cail2019-scm/dev.jsonl"], None),
        ("cail2018_facts.jsonl", "cail2018", cail_sub, ["cail2018/data_train.json"],
         f"stratified by first accusation: {len(cail_sub)} of {len(cail)}" if cail_cut else None),
        ("lblj_focus.jsonl", "lblj", build_lblj(shared),
         ["cail2021-lblj/SMP-CAIL2021-focus_recognition-train.json"], None),
        ("cjrc_facts.jsonl", "cjrc", cjrc_sub, ["cail2019-cjrc/dev_ground_truth.json"],
         f"stratified by domain: {len(cjrc_sub)} of {len(cjrc)}" if cjrc_cut else None),
        ("lecard_queries.jsonl", "lecard", build_lecard(shared), ["lecard/query.json"], None),
    ]  # fmt: skip
    files: Record = {}
    for name, key, records, sources, subset in plan:
        data = write_jsonl(real / name, records)
        if len(data) > FILE_LIMIT:
            raise SystemExit(f"{name}: {len(data)} bytes is over the {FILE_LIMIT}-byte limit")
        files[name] = {
            "records": len(records),
            "bytes": len(data),
            "sha256": _sha256(data),
            "source": sources,
            "source_sha256": {s: _sha256((shared / s).read_bytes()) for s in sources},
            "subset": subset,
            **LICENCES[key],
        }
    total = sum(f["bytes"] for f in files.values())
    if total > TOTAL_LIMIT:
        raise SystemExit(f"corpora/real is {total} bytes, over the {TOTAL_LIMIT}-byte limit")
    manifest: Record = {
        "generator": "corpora/build.py",
        "rebuild": "python -m corpora.build --shared ../shared/corpora --out corpora",
        "masking": "ID numbers (15/18 digits): first 4 and last 4 kept, the rest '*'; "
        "mobile numbers: 138****1234; text length unchanged",
        "total_bytes": total,
        "files": files,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (real / "MANIFEST.json").write_text(text, encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, required=True, help="the raw shared corpora folder")
    parser.add_argument("--out", type=Path, required=True, help="the project's corpora/ folder")
    args = parser.parse_args(argv)
    manifest = build(args.shared, args.out)
    for name, info in manifest["files"].items():
        print(f"{name:24} {info['records']:6d} records {info['bytes']:10,d} bytes")
    print(f"{'total':24} {'':14} {manifest['total_bytes']:10,d} bytes")


if __name__ == "__main__":
    main()
