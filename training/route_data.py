"""The labelled pool the router trains and is measured on, in four parts kept apart:

- ``gold``: the 605 real texts labelled by hand (``corpora/labels/real_signals*.jsonl``).
  The only part whose figures count as accuracy on real text.
- ``silver``: other real texts of ``corpora/real/`` labelled from metadata (training only):
  CAIL2018 and LeCaRD charges (food crimes → public_interest/food_drug, ecological crimes →
  ecology, 侵犯公民个人信息 → personal_info, any other charge → criminal/trial, as the labelling
  guide rules for facts), CJRC's civil/criminal field (civil texts get the domain only; criminal
  texts that mention a public-interest crime are left out unless listed in ``HELPER_LABELS``),
  the SCM excerpts not in the gold set (civil, domain only), and ten texts read and labelled
  for this model (``HELPER_LABELS``).
- ``generated``: ``assist.synth`` documents, labelled from their generator kind where the real
  labelled set lacks such documents (see ``generated_label``); civil loan documents keep only
  the domain, because the real set has their sub-domains.
- ``template``: ``training.route_synth`` public-interest documents.

Every example carries a ``group``: the real text it is, or wraps (generated documents embed real
SCM excerpts and CAIL2018 facts; identical excerpts share a group). Folds are drawn by group
hash, so no real excerpt is ever in training and test at once, whatever part it appears in.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assist.synth.generator import KINDS, Sources, generate_one
from training.route_synth import generate_templates

LABEL_FILES = ("labels/real_signals.jsonl", "labels/real_signals_extra.jsonl")
FOOD = re.compile(r"有毒、有害\]?食品|不符合安全标准的食品|[假劣]药")
ECOLOGY = re.compile(
    r"污染环境|非法采矿|破坏性采矿|滥伐林木|盗伐林木|非法捕捞|非法狩猎|非法占用农用地|"
    r"珍贵、濒危野生动物|珍贵、濒危野生动物制品|国家重点保护植物"
)
PERSONAL_INFO = re.compile(r"侵犯公民个人信息")
PUBLIC_INTEREST_TEXT = re.compile(f"{FOOD.pattern}|{ECOLOGY.pattern}|{PERSONAL_INFO.pattern}")
# Real texts read by the author of this model and labelled by hand (not in the gold files).
HELPER_LABELS = {
    "cjrc-dev-677": "public_interest/ecology",  # 非法占用农用地: forest land destroyed by a road
    "cjrc-dev-678": "public_interest/ecology",  # 盗伐林木, volumes stated
    "cjrc-dev-719": "public_interest/ecology",  # 滥伐林木 1880 trees + 非法开垦林地
    "cjrc-dev-720": "public_interest/ecology",  # 滥伐林木 337 m³
    "cjrc-dev-738": "public_interest/ecology",  # 非法采矿, 16,031 t of iron ore
    "cjrc-dev-746": "public_interest/ecology",  # 非法占用农用地 (采砂 on farmland) + a safety crime
    "cjrc-dev-996": "public_interest/ecology",  # a protected moose snared and killed
    "cjrc-dev-1000": "public_interest/ecology",  # 滥伐林木 1635 m³
    "cjrc-dev-971": "public_interest/personal_info",  # thousands of ID records sold
    "lecard--5180": "public_interest/ecology",  # 滥伐林木 with an ecological-loss assessment
}
CAIL_OTHER_CAP = 600  # CAIL2018 facts of ordinary charges kept as silver (by hash order)


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: str  # "domain/subdomain" or "domain"
    part: str  # gold | silver | generated | template
    source: str  # corpus, or generator / template kind
    group: str  # fold key: the real record the text is or wraps
    full: bool  # a whole document (heading to signature) rather than a fact excerpt


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def crime_label(charges: Iterable[str]) -> str:
    """The guide's rule for criminal facts: the public-interest charge decides, else trial."""
    joined = "|".join(charges)
    if FOOD.search(joined):
        return "public_interest/food_drug"
    if ECOLOGY.search(joined):
        return "public_interest/ecology"
    if PERSONAL_INFO.search(joined):
        return "public_interest/personal_info"
    return "criminal/trial"


def scm_groups(corpora: Path) -> dict[str, str]:
    """SCM excerpt text → group: identical excerpts (repeated across triplets) are one group.

    Grouping whole triplets instead is degenerate here: triplets share excerpts so often that
    the union of linked triplets holds 211 of the 220 distinct excerpts (one giant fold)."""
    rows = read_jsonl(corpora / "real/scm_triplets.jsonl")
    return {row[k]: group_of_text(row[k]) for row in rows for k in "ABC"}


def group_of_text(text: str) -> str:
    return f"text:{text_hash(text)[:16]}"


def gold_examples(corpora: Path, scm: dict[str, str]) -> list[Example]:
    out = []
    for name in LABEL_FILES:
        for r in read_jsonl(corpora / name):
            label = f"{r['domain']}/{r['subdomain']}"
            corpus = r["source"].split(":")[0]
            group = group_of_text(r["text"])
            out.append(Example(r["doc_id"], r["text"], label, "gold", corpus, group, corpus == "judgments"))  # fmt: skip
    return out


def silver_examples(corpora: Path, scm: dict[str, str], gold_texts: set[str]) -> list[Example]:
    out: list[Example] = []

    def add(rid: str, text: str, label: str, corpus: str) -> None:
        if text and text not in gold_texts:
            gold_texts.add(text)  # also drops repeats within the silver part
            group = group_of_text(text)
            out.append(Example(rid, text, label, "silver", corpus, group, False))

    for text in scm:
        add(f"scm-{text_hash(text)[:10]}", text, "civil", "cail2019-scm")
    others = []
    for r in read_jsonl(corpora / "real/cail2018_facts.jsonl"):
        label = crime_label(r["accusation"])
        if label == "criminal/trial":
            others.append(r)
        else:
            add(r["id"], r["fact"], label, "cail2018")
    others.sort(key=lambda r: text_hash(r["fact"]))
    for r in others[:CAIL_OTHER_CAP]:
        add(r["id"], r["fact"], "criminal/trial", "cail2018")
    for r in read_jsonl(corpora / "real/cjrc_facts.jsonl"):
        text = r["context"]
        if r["id"] in HELPER_LABELS:
            add(r["id"], text, HELPER_LABELS[r["id"]], "cail2019-cjrc")
        elif r["domain"] == "civil":
            add(r["id"], text, "civil", "cail2019-cjrc")
        elif not PUBLIC_INTEREST_TEXT.search(text):
            add(r["id"], text, "criminal/trial", "cail2019-cjrc")
    for r in read_jsonl(corpora / "real/lecard_queries.jsonl"):
        label = HELPER_LABELS.get(r["id"]) or crime_label(r["crime"])
        add(r["id"], r["q"], label, "lecard")
    return out


def generated_label(kind: str, labels: dict[str, Any], text: str) -> str:
    """Label of a generated document from its generator kind (the real set lacks these)."""
    if kind.startswith("civil_loan_"):
        return "civil"  # sub-domain: the real set has plenty; a wrapper cannot tell
    if kind in ("execution_termination", "notice"):
        return "civil/execution"
    if kind in ("criminal_judgment", "criminal_judgment_no_fine", "indictment"):
        return crime_label([labels.get("cause") or ""])
    if kind == "criminal_execution":  # fully paid: nothing in doubt, no sub-domain claimed
        paid = (labels.get("execution") or {}).get("unpaid") == "0.00"
        return "criminal" if paid else "criminal/penalty_execution"
    if kind == "commutation_ruling":  # guide: penalty_execution only when execution is in doubt
        unpaid = "commutation_unpaid" in labels.get("signals", [])
        return "criminal/penalty_execution" if unpaid else "criminal/trial"
    if kind == "admin_judgment":
        return "administrative/judgment"
    if kind == "non_litigation_review":
        return "administrative/non_litigation_execution"
    if kind == "penalty_decision":  # 以罚代刑 (TAXONOMY §1 case_filing) above the threshold
        m = re.search(r"违法所得(\d+)元", text)
        return "criminal/case_filing" if m and int(m.group(1)) >= 50_000 else "administrative"
    if kind == "recommendation":  # a recurring agency defect: 社会治理
        return "administrative/governance"
    raise ValueError(f"no label rule for generated kind {kind!r}")


class SourceIndex:
    """Finds which real SCM excerpt or CAIL2018 fact a generated document wraps (shingles)."""

    SIZE, STEP, MIN_VOTES = 12, 16, 3

    def __init__(self, corpora: Path, scm: dict[str, str]) -> None:
        self.table: dict[str, str] = {}
        texts = [(t, g) for t, g in scm.items()]
        for r in read_jsonl(corpora / "real/cail2018_facts.jsonl"):
            texts.append((r["fact"], group_of_text(r["fact"])))
        for text, group in texts:
            for i in range(0, max(1, len(text) - self.SIZE), self.STEP):
                self.table.setdefault(text[i : i + self.SIZE], group)

    def group_of(self, text: str) -> str | None:
        votes = Counter(
            g for i in range(len(text) - self.SIZE + 1)
            if (g := self.table.get(text[i : i + self.SIZE])) is not None
        )  # fmt: skip
        best = votes.most_common(1)
        return best[0][0] if best and best[0][1] >= self.MIN_VOTES else None


_PROPERTY_STATE = re.compile(r"原判财产性判项罚金人民币[0-9]+元(已全部履行|尚未履行)。")
_UNPAID_WORDING = ("尚未履行", "未缴纳", "至今未履行", "未履行，罪犯称无履行能力", "未执行到位")


def vary_commutation(text: str, label: str, rng: random.Random) -> tuple[str, str]:
    """减刑 rulings as real ones write them: the unpaid 罚金 in other words, or (a third of the
    paid ones) no word on the property items at all — in doubt, so penalty_execution as the
    guide rules for fd-007."""
    m = _PROPERTY_STATE.search(text)
    if m is None:
        return text, label
    if m.group(1) == "尚未履行":
        wording = rng.choice(_UNPAID_WORDING)
        return text[: m.start(1)] + wording + text[m.end(1) :], label
    if rng.random() < 1 / 3:
        return text[: m.start()] + text[m.end() :], "criminal/penalty_execution"
    return text, label


def generated_examples(corpora: Path, index: SourceIndex, per_kind: int, seed: int) -> Iterator[Example]:  # fmt: skip
    sources = Sources(corpora)
    for kind in KINDS:
        for i in range(per_kind):
            doc = generate_one(kind, seed * 1_000_003 + i, sources)
            text, label = doc.text, generated_label(kind, doc.labels, doc.text)
            if kind == "commutation_ruling":
                text, label = vary_commutation(text, label, random.Random(f"vary:{doc.id}"))
            group = index.group_of(text) or f"gen:{doc.id}"
            yield Example(doc.id, text, label, "generated", kind, group, True)


def template_examples(per_kind: int, seed: int) -> Iterator[Example]:
    kinds = {"pi_ecology_judgment": per_kind, "pi_personal_info_judgment": per_kind // 2,
             "pi_civil_suit": per_kind, "pi_admin_suit": per_kind // 2}  # fmt: skip
    for d in generate_templates(kinds, seed):
        yield Example(d.id, d.text, d.label, "template", d.kind, f"tpl:{d.id}", True)


def build_pool(corpora: Path, *, per_kind: int, templates: int, seed: int = 0) -> list[Example]:
    scm = scm_groups(corpora)
    gold = gold_examples(corpora, scm)
    silver = silver_examples(corpora, scm, {e.text for e in gold})
    index = SourceIndex(corpora, scm)
    generated = list(generated_examples(corpora, index, per_kind, seed))
    return [*gold, *silver, *generated, *template_examples(templates, seed)]


def fold_of(group: str, folds: int) -> int:
    return int(hashlib.sha256(group.encode("utf-8")).hexdigest()[:8], 16) % folds


def data_fingerprint(pool: Iterable[Example]) -> str:
    """sha256 over sorted (id, label, text sha256): what the model was trained on."""
    lines = sorted(f"{e.id}\t{e.label}\t{text_hash(e.text)}" for e in pool)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
