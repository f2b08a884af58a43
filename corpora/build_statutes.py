"""Build the bundled statute store ``assist/data/statutes.jsonl.gz`` (maintainers only).

    python -m corpora.build_statutes --shared ../shared/corpora --out assist/data/statutes.jsonl.gz

Reads every statute and judicial interpretation in ``lawrefbook-laws`` (Markdown: a header,
``<!-- INFO END -->``, ``#`` headings, one article per line ``第X条 …`` with its 款 on the
following lines) and the 检察建议工作规定 in ``jianyi-rules`` (plain text), and writes one
JSON object per article and law version, plus ``statutes.manifest.json`` next to it (counts,
versions, the effective dates and their basis, the SHA-256 of every source and of the data
file). Article text is verbatim: the source lines of the article, minus the ``第X条`` label
and the blank after it, joined by ``\\n`` (the blank lines between 款 dropped). Documents
numbered ``一、`` / ``1.`` instead of 第X条 (刑法修正案, 批复, 执行工作规定) store item N as
第N条, the form courts cite them in. Deterministic: same inputs, byte-identical output.

Effective dates come from the header's ``YYYY年M月D日 施行`` line when there is one, else
from ``KNOWN_EFFECTIVE`` below (each with its basis; where the basis is a sentence of the
file, the build checks the sentence is there). ``effective_to`` is the next version's
effective date, or a repeal: a ``《…》…同时废止`` sentence of a later law in the store, or
``KNOWN_END`` for successors the corpus does not hold.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from assist.extract.statutes import normalize_law_name
from assist.law.store import article_label
from assist.text.normalize import normalize
from assist.text.numerals import parse_int

LAWS = "lawrefbook-laws"
JIANYI = "jianyi-rules/人民检察院检察建议工作规定_20190226.full_text.txt"
JIANYI_TITLE = "人民检察院检察建议工作规定"
MAX_BYTES = 4_000_000  # the packaged file must stay well under 5 MB

# Files left out, with the reason (paths under the corpora root; folders end with /).
SKIP = {
    f"{LAWS}/案例/": "typical cases, not statutes",
    f"{LAWS}/司法解释/最高人民法院关于适用《民事诉讼法》的解释(2022-04-01).md": (
        "duplicate of the (2022-04-02) file: same 550 articles, only half-width brackets in "
        "66 of them and a table of contents; the (2022-04-02) file has the official （一） forms"
    ),
}

_BATCH_2020 = (
    "amended text adopted 2020-12-23 (header) in the SPC's batch revision of judicial "
    "interpretations for the 民法典, in force 2021-01-01"
)
_SJ = f"{LAWS}/司法解释/"
# path -> (effective date, basis, sentence of the file that states it or None).
KNOWN_EFFECTIVE: dict[str, tuple[str, str, str | None]] = {
    f"{LAWS}/刑法/刑法.md": ("2024-03-01", "text as amended through 刑法修正案（十二）, in force 2024-03-01 (its item 八)", None),
    f"{LAWS}/刑法/刑法修正案（十一）.md": ("2021-03-01", "its item 四十八", "本修正案自2021年3月1日起施行"),
    f"{LAWS}/刑法/刑法修正案（十二）(2023-12-29).md": ("2024-03-01", "its item 八", "本修正案自2024年3月1日起施行"),
    f"{_SJ}人民检察院刑事诉讼规则（试行）(2012-11-22).md": ("2013-01-01", "第七百零八条", "本规则自2013年1月1日起施行"),
    f"{_SJ}人民检察院办理行政执法机关移送涉嫌犯罪案件的规定(2001-12-03).md": ("2001-12-03", "no commencement clause; date of issue (file name)", None),
    f"{_SJ}人民检察院提起公益诉讼试点工作实施办法(2015-12-24).md": ("2015-12-24", "第五十八条 自发布之日起施行; issued 2015-12-24 (file name)", "本办法自发布之日起施行"),
    f"{_SJ}人民检察院民事诉讼监督规则（试行）(2013-11-18).md": ("2013-11-18", "第一百二十四条 自发布之日起施行; issued 2013-11-18 (file name)", "本规则自发布之日起施行"),
    f"{_SJ}人民检察院行政诉讼监督规则（试行）(2016-04-15).md": ("2016-04-15", "第三十七条 自发布之日起施行; issued 2016-04-15 (file name)", "本规则自发布之日起施行"),
    f"{_SJ}最高人民检察院关于以检察专递方式邮寄送达有关检察法律文书的若干规定(2015-02-13).md": ("2015-02-13", "第十三条 自发布之日起施行; issued 2015-02-13 (file name)", "自发布之日起施行"),
    f"{_SJ}最高人民法院、最高人民检察院关于办理海洋自然资源与生态环境公益诉讼案件若干问题的规定(2022-05-10).md": ("2022-05-15", "第六条", "本规定自2022年5月15日起施行"),
    f"{_SJ}最高人民法院、最高人民检察院关于适用犯罪嫌疑人、被告人逃匿、死亡案件违法所得没收程序若干问题的规定(2017-01-04).md": ("2017-01-05", "commencement date as promulgated (法释〔2017〕1号); the corpus file stops at 第十一条", None),
    f"{_SJ}最高人民法院关于人民法院办理执行异议和复议案件若干问题的规定(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于人民法院执行工作若干问题的规定（试行）(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于刑事裁判涉财产部分执行的若干规定(2014-10-30).md": ("2014-11-06", "commencement date as promulgated (法释〔2014〕13号); the text has no commencement clause", None),
    f"{_SJ}最高人民法院关于在审理经济纠纷案件中涉及经济犯罪嫌疑若干问题的规定(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于审理拒不执行判决、裁定刑事案件适用法律若干问题的解释(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于新民间借贷司法解释适用范围问题的批复.md": ("2021-01-01", "its item 三", "本批复自2021年1月1日起施行"),
    f"{_SJ}最高人民法院关于民事执行中财产调查若干问题的规定(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于民事诉讼证据的若干规定(2019-12-25).md": ("2020-05-01", "第一百条", "本规定自2020年5月1日起施行"),
    f"{_SJ}最高人民法院关于适用《民事诉讼法》审判监督程序若干问题的解释(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于适用《民事诉讼法》执行程序若干问题的解释(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{_SJ}最高人民法院关于适用《民事诉讼法》的解释(2020-12-29).md": ("2021-01-01", _BATCH_2020, None),
    f"{LAWS}/宪法相关法/人民检察院组织法(2018-10-26).md": ("2019-01-01", "第五十三条", "本法自2019年1月1日起施行"),
    f"{LAWS}/宪法相关法/人民法院组织法(2018-10-26).md": ("2019-01-01", "第五十九条", "本法自2019年1月1日起施行"),
    f"{LAWS}/宪法相关法/检察官法(2019-04-23).md": ("2019-10-01", "第七十条", "本法自2019年10月1日起施行"),
    f"{LAWS}/民法典/婚姻家庭编.md": ("2021-01-01", "第一千二百六十条 (附则) and the other parts' headers", None),
    f"{LAWS}/行政法/行政强制法(2011-06-30).md": ("2012-01-01", "第七十一条", "本法自2012年1月1日起施行"),
    f"{LAWS}/诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md": ("2018-10-26", "the 2018 amending decision took effect on promulgation (2018-10-26)", None),
    f"{LAWS}/诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md": ("2022-01-01", "the 2021 amending decision: in force 2022-01-01", None),
    f"{LAWS}/诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md": ("2024-01-01", "the 2023 amending decision: in force 2024-01-01", None),
    f"{LAWS}/诉讼与非诉讼程序法/行政复议法(2023-09-01).md": ("2024-01-01", "第九十条", "本法自2024年1月1日起施行"),
    f"{LAWS}/诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md": ("2017-07-01", "the 2017 amending decision: in force 2017-07-01", None),
    JIANYI: ("2019-02-26", "第三十二条 自公布之日起施行; issued 2019-02-26 (document footer)", "2019年2月26日印发"),
}  # fmt: skip

# law -> (end date, basis) where the successor is not in the corpus.
KNOWN_END: dict[str, tuple[str, str]] = {
    "人民检察院民事诉讼监督规则(试行)": ("2021-08-01", "replaced by 人民检察院民事诉讼监督规则 (in force 2021-08-01; not in the corpus)"),
    "人民检察院行政诉讼监督规则(试行)": ("2021-09-01", "replaced by 人民检察院行政诉讼监督规则 (in force 2021-09-01; not in the corpus)"),
    "最高人民法院关于公布失信被执行人名单信息的若干规定": ("2017-05-01", "revised text in force 2017-05-01 (not in the corpus)"),
}  # fmt: skip

# Short names courts and procurators use that assist/data/law_aliases.tsv lacks.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "人民检察院检察建议工作规定": ("检察建议工作规定", "检察建议规定"),
    "人民检察院刑事诉讼规则": ("刑事诉讼规则", "高检规则", "刑诉规则"),
    "人民检察院民事诉讼监督规则(试行)": ("民事诉讼监督规则(试行)", "民事诉讼监督规则"),
    "人民检察院行政诉讼监督规则(试行)": ("行政诉讼监督规则(试行)", "行政诉讼监督规则"),
    "最高人民法院关于办理减刑、假释案件审查财产性判项执行问题的规定": ("财产性判项规定",),
    "最高人民法院关于刑事裁判涉财产部分执行的若干规定": ("涉财产部分执行规定",),
    "最高人民法院关于新民间借贷司法解释适用范围问题的批复": ("民间借贷批复",),
    "最高人民法院、最高人民检察院关于办理虚假诉讼刑事案件适用法律若干问题的解释": ("虚假诉讼刑事案件解释",),
    "人民检察院提起公益诉讼试点工作实施办法": ("公益诉讼试点工作实施办法",),
    "最高人民法院关于生态环境侵权民事诉讼证据的若干规定": ("生态环境侵权证据规定",),
    "最高人民法院关于行政诉讼撤诉若干问题的规定": ("行政诉讼撤诉规定",),
    "最高人民法院关于在审理经济纠纷案件中涉及经济犯罪嫌疑若干问题的规定": ("经济犯罪嫌疑规定",),
    "最高人民法院、最高人民检察院关于适用犯罪嫌疑人、被告人逃匿、死亡案件违法所得没收程序若干问题的规定": ("违法所得没收程序规定",),
    "最高人民检察院关于以检察专递方式邮寄送达有关检察法律文书的若干规定": ("检察专递规定",),
    "最高人民法院、最高人民检察院关于办理海洋自然资源与生态环境公益诉讼案件若干问题的规定": ("海洋公益诉讼规定",),
}  # fmt: skip

_CN = "〇零一二三四五六七八九十百千"
_LABEL = re.compile(rf"第([{_CN}]+)[ \u3000]*条(?:之([一二三四五六七八九十]+))?[ \u3000]*")
_ITEM = re.compile(r"(?:([一二三四五六七八九十百]+)、|([0-9]+)[.．])[ \u3000]*")
_MD_HEADING = re.compile(r"(#+)[ \u3000]*(.*?)[ \u3000]*$")
_TXT_HEADING = re.compile(rf"第[{_CN}]+[编章节][ \u3000]")
_BARE_HEADING = re.compile(r"附[ \u3000]*则[ \u3000]*")  # 刑事诉讼法 (2018): 附则 without #
_BLANK = re.compile(r"[\s\u200b\ufeff]*")  # 民事诉讼法 (2023) has lines holding only U+200B
_FOOTNOTE = re.compile(r"[\u2460-\u2473]")  # ① … ⑳: an editor's note, not the statute
_TXT_END = re.compile(r"(?:主送|抄送)[:：]")
_EFFECTIVE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[ \u3000]*施行")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_FILE_DATE = re.compile(r"\((\d{4})-\d{2}-\d{2}\)|_(\d{4})\d{4}")
_REPEAL = re.compile(r"[^。]*(?:同时|予以)废止")
_NAMES = re.compile(r"《((?:[^《》]|《[^《》]*》)+)》")


class BuildError(Exception):
    """The sources do not parse as expected; the build stops rather than guess."""


@dataclass
class Art:
    no: int
    sub: int
    lines: list[str]
    chapter: str


@dataclass
class Doc:
    """One source file, parsed."""

    path: str
    sha256: str
    law: str
    title: str
    part: str  # 民法典 编 given in the header (# 合同编), else ""
    header: list[str]
    body: str
    arts: list[Art] = field(default_factory=list)
    skipped_lines: int = 0


def _iso(y: str, m: str, d: str) -> str:
    return date(int(y), int(m), int(d)).isoformat()


def _read(root: Path, rel: str) -> tuple[str, str]:
    data = (root / rel).read_bytes()
    return data.decode("utf-8"), hashlib.sha256(data).hexdigest()


def _split_markdown(text: str) -> tuple[list[str], list[str], list[str]]:
    """(titles from ``# `` lines, other header lines, body lines)."""
    head, sep, body = text.partition("<!-- INFO END -->")
    if not sep:
        raise BuildError("no <!-- INFO END --> marker")
    titles = [ln[2:].strip() for ln in head.splitlines() if ln.startswith("# ")]
    header = [ln.strip() for ln in head.splitlines() if ln.strip() and not ln.startswith("#")]
    return titles, header, body.split("\n")


def _start(line: str, doc: Doc, item_mode: bool) -> tuple[int, int, int] | None:
    """(number, 之-suffix, where the text starts) when ``line`` opens the next article."""
    prev = doc.arts[-1] if doc.arts else None
    if item_mode:
        m = _ITEM.match(line)
        if m is None:
            return None
        no = parse_int(m.group(1)) if m.group(1) else int(m.group(2))
        return (no, 0, m.end()) if no == (prev.no + 1 if prev else 1) else None
    m = _LABEL.match(line)
    if m is None:
        return None
    no, sub = parse_int(m.group(1)), parse_int(m.group(2)) if m.group(2) else 0
    if no is None or sub is None:
        raise BuildError(f"{doc.path}: bad label {m.group(0)!r}")
    if article_label(no, sub) != re.sub(r"[ \u3000]", "", m.group(0)):
        raise BuildError(f"{doc.path}: label {m.group(0)!r} is not in canonical form")
    if prev is not None and (no, sub) not in ((prev.no + 1, 0), (prev.no, prev.sub + 1)):
        raise BuildError(f"{doc.path}: {m.group(0)!r} out of sequence after {prev}")
    return no, sub, m.end()


def _parse(doc: Doc, lines: list[str], txt: bool) -> None:
    """Fill ``doc.arts`` from the body lines: labels, headings, continuation paragraphs."""
    item_mode = not any(_LABEL.match(ln) for ln in lines)
    chapters: dict[int, str] = {0: doc.part} if doc.part else {}
    cur: Art | None = None
    after_heading = 0  # level of the heading just read, while no other line followed it
    for line in lines:
        if _BLANK.fullmatch(line):
            continue
        if txt and _TXT_END.match(line):
            break
        level, name = _heading(line, txt)
        if level:
            chapters = {k: v for k, v in chapters.items() if k < level} | {level: name}
            cur, after_heading = None, level
            continue
        if (start := _start(line, doc, item_mode)) is not None:
            no, sub, at = start
            chapter = " / ".join(v for _, v in sorted(chapters.items()) if v)
            cur = Art(no, sub, [line[at:]] if line[at:] else [], chapter)
            doc.arts.append(cur)
        elif cur is not None and not _FOOTNOTE.match(line):
            cur.lines.append(line)
        elif after_heading and len(line) < 30 and "。" not in line:
            chapters[after_heading] += line.strip()  # a heading wrapped onto a second line
        else:
            doc.skipped_lines += 1  # preamble, appendix (刑法 附件), signature, editor's note
        after_heading = 0


def _heading(line: str, txt: bool) -> tuple[int, str]:
    """(level, name) of a heading line (Markdown #, or 第X章 in plain text); (0, "") if none."""
    if not txt and (h := _MD_HEADING.match(line)):
        return len(h.group(1)), re.sub(r"\s+", " ", h.group(2))
    if (txt and _TXT_HEADING.match(line)) or _BARE_HEADING.fullmatch(line):
        return 2, re.sub(r"\s+", " ", line.strip())
    return 0, ""


def _load(root: Path, rel: str) -> Doc:
    text, sha = _read(root, rel)
    if rel == JIANYI:
        if JIANYI_TITLE not in text:
            raise BuildError(f"{rel}: title {JIANYI_TITLE} not found")
        lines = text.split("\n")
        first = next(i for i, ln in enumerate(lines) if _TXT_HEADING.match(ln) or _LABEL.match(ln))
        header = [ln.strip() for ln in lines[:first] if ln.strip()]
        doc = Doc(rel, sha, normalize_law_name(JIANYI_TITLE), JIANYI_TITLE, "", header, text)
        _parse(doc, lines[first:], txt=True)
        return doc
    titles, header, body = _split_markdown(text)
    doc = Doc(rel, sha, normalize_law_name(titles[0]), titles[0], "", header, text)
    doc.part = titles[1] if len(titles) > 1 else ""
    _parse(doc, body, txt=False)
    if not doc.arts:
        raise BuildError(f"{rel}: no articles found")
    return doc


def _version(doc: Doc) -> str:
    """Year of the latest adoption or amendment in the header (施行 lines left out)."""
    dates = [m.group(1) for ln in doc.header if "施行" not in ln for m in _DATE.finditer(ln)]
    if dates:
        return max(dates)
    m = _FILE_DATE.search(doc.path)
    if m is None:
        raise BuildError(f"{doc.path}: no date for the version")
    return m.group(1) or m.group(2)


def _effective(doc: Doc) -> tuple[str, str]:
    """(effective date, basis) from the header's 施行 line, else from KNOWN_EFFECTIVE."""
    found = [_iso(*m.groups()) for ln in doc.header if (m := _EFFECTIVE.search(ln))]
    known = KNOWN_EFFECTIVE.get(doc.path)
    if found:
        if known and known[0] != found[0]:
            raise BuildError(f"{doc.path}: header says {found[0]}, table says {known[0]}")
        return found[0], "header 施行 line"
    if known is None:
        raise BuildError(f"{doc.path}: no 施行 date in the header and none in KNOWN_EFFECTIVE")
    day, basis, evidence = known
    if evidence and evidence not in doc.body:
        raise BuildError(f"{doc.path}: {evidence!r} not in the file")
    return day, basis


@dataclass
class Version:
    law: str
    version: str
    effective_from: str
    basis: str
    docs: list[Doc]
    effective_to: str | None = None
    end_basis: str | None = None

    @property
    def group(self) -> str:
        return self.law.removesuffix("(试行)")


def _versions(docs: list[Doc]) -> list[Version]:
    """Files of one law and version (the 编 of 民法典) merged; article runs must not overlap."""
    merged: dict[tuple[str, str], list[Doc]] = {}
    for doc in docs:
        merged.setdefault((doc.law, _version(doc)), []).append(doc)
    out = []
    for (law, ver), parts in sorted(merged.items()):
        parts.sort(key=lambda d: d.arts[0].no)
        labels = [(a.no, a.sub) for d in parts for a in d.arts]
        if labels != sorted(set(labels)):
            raise BuildError(f"{law} {ver}: overlapping or unordered articles across files")
        dates = {_effective(d) for d in parts}
        if len({d for d, _ in dates}) != 1:
            raise BuildError(f"{law} {ver}: parts disagree on the effective date: {dates}")
        day, basis = sorted(dates)[0]
        out.append(Version(law, ver, day, basis, parts))
    return out


def _set_ends(versions: list[Version]) -> None:
    """effective_to: next version of the group, a 同时废止 sentence of a later law, KNOWN_END."""
    groups: dict[str, list[Version]] = {}
    for v in versions:
        groups.setdefault(v.group, []).append(v)
    for vs in groups.values():
        vs.sort(key=lambda v: v.effective_from)
        for a, b in itertools.pairwise(vs):
            a.effective_to, a.end_basis = b.effective_from, f"next version ({b.version})"
    latest = {vs[-1].law: vs[-1] for vs in groups.values()}
    for v in versions:
        for doc in v.docs:
            for art in doc.arts:
                for sentence in _REPEAL.findall("".join(art.lines)):
                    for name in _NAMES.findall(sentence):
                        _repeal(latest.get(normalize_law_name(name)), v, art)
    for law, (day, basis) in KNOWN_END.items():
        if law not in latest or latest[law].effective_to is not None:
            raise BuildError(f"KNOWN_END: {law} not in the store or already ended")
        latest[law].effective_to, latest[law].end_basis = day, basis


def _repeal(old: Version | None, by: Version, art: Art) -> None:
    """``by`` names ``old`` in a 同时废止 sentence: ``old`` ends when ``by`` takes effect."""
    if old is None or old.group == by.group or old.effective_to is not None:
        return
    if old.effective_from >= by.effective_from:
        raise BuildError(f"{by.law} repeals the later {old.law}")
    label = article_label(art.no, art.sub)
    old.effective_to = by.effective_from
    old.end_basis = f"repealed by {by.law} {label} (in force {by.effective_from})"


def _aliases(versions: list[Version]) -> dict[str, list[str]]:
    """law group -> aliases: law_aliases.tsv entries naming it, EXTRA_ALIASES, file titles."""
    groups = {v.group for v in versions}
    found: dict[str, set[str]] = {g: set() for g in groups}
    tsv = resources.files("assist.data").joinpath("law_aliases.tsv").read_text(encoding="utf-8")
    for line in tsv.splitlines():
        if line and not line.startswith("#"):
            alias = line.split("\t")[0]
            target = normalize_law_name(alias)
            for g in (target, target.removesuffix("(试行)")):
                if g in found:
                    found[g].add(normalize(alias))
    for law, extra in EXTRA_ALIASES.items():
        found[law.removesuffix("(试行)")].update(extra)
    for v in versions:
        found[v.group].update(normalize(d.title) for d in v.docs)
        found[v.group].add(v.law)
    owner: dict[str, str] = {}
    for g, names in found.items():
        for n in names:
            key = normalize_law_name(n)
            if owner.setdefault(key, g) != g:
                raise BuildError(f"alias {n!r} names both {owner[key]} and {g}")
    return {g: sorted(n for n in names if n != g) for g, names in found.items()}


def _records(versions: list[Version], aliases: dict[str, list[str]]) -> list[dict[str, Any]]:
    out = []
    for v in sorted(versions, key=lambda v: (v.group, v.effective_from)):
        for doc in v.docs:
            for art in doc.arts:
                out.append({
                    "law": v.law, "aliases": aliases[v.group], "version": v.version,
                    "effective_from": v.effective_from, "effective_to": v.effective_to,
                    "article": article_label(art.no, art.sub), "article_no": art.no,
                    "text": "\n".join(art.lines),
                    "source": {"path": doc.path, "sha256": doc.sha256}, "chapter": art.chapter,
                })  # fmt: skip
    return out


def _gzip(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write("".join(lines).encode("utf-8"))
    return buf.getvalue()


def _sources(root: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """(files to read, what is left out and why), paths under the corpora root."""
    take: list[str] = []
    skipped: dict[str, dict[str, Any]] = {}
    for p in sorted((root / LAWS).rglob("*.md")):
        rel = p.relative_to(root).as_posix()
        if p.name in ("README.md", "_index.md"):
            continue
        key = next((k for k in SKIP if rel == k or (k.endswith("/") and rel.startswith(k))), None)
        if key is None:
            take.append(rel)
        else:
            entry = skipped.setdefault(key, {"path": key, "reason": SKIP[key], "files": 0})
            entry["files"] += 1
    return [*take, JIANYI], list(skipped.values())


def build(root: Path, out: Path) -> dict[str, Any]:
    """Parse the sources, write the data file and its manifest; return the manifest."""
    paths, skipped = _sources(root)
    docs = [_load(root, rel) for rel in paths]
    versions = _versions(docs)
    _set_ends(versions)
    aliases = _aliases(versions)
    records = _records(versions, aliases)
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records]
    data = _gzip(lines)
    if len(data) > MAX_BYTES:
        raise BuildError(f"{out.name} is {len(data)} bytes, over the {MAX_BYTES} budget")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    manifest = {
        "file": out.name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
        "records": len(records), "laws": len(aliases), "versions": [
            {"law": v.law, "version": v.version, "effective_from": v.effective_from,
             "effective_from_basis": v.basis, "effective_to": v.effective_to,
             "effective_to_basis": v.end_basis, "articles": sum(len(d.arts) for d in v.docs),
             "header": [ln for d in v.docs[:1] for ln in d.header],
             "sources": [{"path": d.path, "sha256": d.sha256, "articles": len(d.arts),
                          "lines_not_in_articles": d.skipped_lines} for d in v.docs]}
            for v in sorted(versions, key=lambda v: (v.group, v.effective_from))
        ], "skipped": skipped, "builder": "corpora/build_statutes.py",
    }  # fmt: skip
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    out.with_name(out.name.split(".")[0] + ".manifest.json").write_text(text, encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--out", type=Path, default=Path("assist/data/statutes.jsonl.gz"))
    args = ap.parse_args(argv)
    m = build(args.shared, args.out)
    print(
        f"{m['records']} articles, {m['laws']} laws, {len(m['versions'])} versions, {m['bytes']} bytes"
    )


if __name__ == "__main__":
    main()
