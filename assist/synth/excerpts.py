"""Real excerpts the generator wraps, and the strict reading of their own party blocks.

An excerpt is used only when its party block reads cleanly (every sentence a known label,
every name found again in the body), so that generated labels stay exact.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assist.text.normalize import normalize

_SENT = re.compile(r"[^。]+。")
_PARTY = re.compile(r"^(原告|被告)[:：]?([^，,。:：（()）\s、]{1,20})(?:[，,。（(]|$)")
_AGENT = re.compile(
    r"^(?:委托代理人|委托诉讼代理人)[:：]?([^，,。:：（()）\s、]{2,4})[，,。（(](.*)$"
)
_SKIP = re.compile(r"^(?:法定代表人|负责人|住所地|经营者|统一社会信用代码)")
_CRIMINAL = re.compile(r"[\u4e00-\u9fff0-9×Xx*]{2,}")  # not ）黄某 (a stray bracket) or 李Ｘ
_FIRM = re.compile(r"(?:^|[，,。系为])([^，,。系]{2,30}?(?:律师事务所|法律服务所|法律服务部))")


@dataclass(frozen=True, slots=True)
class LoanExcerpt:
    """A 民间借贷 excerpt: its party block as written, labels for it, and the body after it."""

    source: str
    party_block: str
    parties: tuple[dict[str, Any], ...]
    body: str


def _agent(match: re.Match[str]) -> dict[str, Any]:
    rest = normalize(match.group(2))
    firm = _FIRM.search(rest)
    kind = "lawyer" if "律师事务所" in rest else "legal_worker" if "法律服务" in rest else "citizen"
    name = normalize(match.group(1))
    return {
        "name": name,
        "kind": kind,
        "firm": firm.group(1) if firm and kind != "citizen" else None,
    }


def read_loan_excerpt(text: str, source: str) -> LoanExcerpt | None:
    """Split an SCM excerpt into party block and body; None unless the block reads cleanly."""
    block, sep, body = text.partition("\n")
    if not sep or not body.strip():
        return None
    parties: list[dict[str, Any]] = []
    for sentence in _SENT.findall(block):
        sentence = sentence.strip()
        if m := _PARTY.match(sentence):
            role = "plaintiff" if m.group(1) == "原告" else "defendant"
            name = normalize(m.group(2))
            kind = "organization" if name.endswith(("公司", "银行", "社", "厂")) else "person"
            parties.append(
                {"name": name, "role": role, "kind": kind, "prior_role": None, "agents": []}
            )
        elif (a := _AGENT.match(sentence)) and parties:
            parties[-1]["agents"].append(_agent(a))
        elif not _SKIP.match(sentence):
            return None
    roles = {p["role"] for p in parties}
    norm_body = normalize(body)
    if roles != {"plaintiff", "defendant"} or any(p["name"] not in norm_body for p in parties):
        return None
    return LoanExcerpt(source, block.strip(), tuple(parties), body.strip())


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def loan_excerpts(corpora: Path) -> list[LoanExcerpt]:
    """Every clean 民间借贷 excerpt in corpora/real/scm_triplets.jsonl (A, B and C)."""
    out: list[LoanExcerpt] = []
    seen: set[str] = set()
    for row in load_jsonl(corpora / "real/scm_triplets.jsonl"):
        for key in ("A", "B", "C"):
            text = row[key]
            if text in seen:
                continue
            seen.add(text)
            ex = read_loan_excerpt(text, f"cail2019-scm:{row['id']}:{key}")
            if ex is not None:
                out.append(ex)
    return out


def criminal_facts(corpora: Path) -> list[dict[str, Any]]:
    """CAIL2018 facts whose single criminal's clean name appears in the fact (exact labels)."""
    out = []
    for row in load_jsonl(corpora / "real/cail2018_facts.jsonl"):
        names = row.get("criminals") or []
        if len(names) == 1 and names[0] in row["fact"] and _CRIMINAL.fullmatch(names[0]):
            out.append(row)
    return out
