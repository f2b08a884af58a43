"""The plain-text layout of a drafted 检察建议书, and its parser (for the Word export and tests).

A draft is, line by line: the procuratorate, 检察建议书, the 文号; the addressee line (…：); the
opening paragraph; the seven parts of 检察建议工作规定 第十六条, each under its heading (PART_TITLES)
in order; the signature (procuratorate, 院印 placeholder, date); then, after NOTES_MARK, the
drafting notes for the procurator, which are not part of the letter. Blank lines carry no meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: 第十六条's seven parts as the draft's headings, in order.
PART_TITLES: tuple[str, ...] = (
    "一、案件或者问题的来源",
    "二、认定的事实及证据",
    "三、存在的违法情形或者应当消除的隐患",
    "四、建议的具体内容及所依据的规定",
    "五、提出异议的期限",
    "六、书面回复落实情况的期限",
    "七、其他需要说明的事项",
)
NOTES_MARK = "——以下为起草说明"
BASIS_LEAD = "上述建议所依据的规定如下："
_POINT = re.compile(r"^（[一二三四五六七八九十]+）")
_INDENT = "　 \t"


class DraftLayoutError(ValueError):
    """The text is not a draft in this layout (a heading missing or out of order)."""


@dataclass(frozen=True, slots=True)
class DraftParts:
    procuratorate: str
    title: str
    number: str
    addressee: str
    opening: tuple[str, ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs) × 7, in order
    signature: tuple[str, ...]  # procuratorate, （院印）, date
    notes: tuple[str, ...]

    def part(self, index: int) -> tuple[str, ...]:
        """Paragraphs of part ``index`` (1-based, as 第十六条 numbers them)."""
        return self.parts[index - 1][1]


def parse_draft(draft: str) -> DraftParts:
    lines = [ln.strip(_INDENT) for ln in draft.splitlines()]
    lines = [ln for ln in lines if ln]
    notes_at = next((i for i, ln in enumerate(lines) if ln.startswith(NOTES_MARK)), len(lines))
    if notes_at < 8:
        raise DraftLayoutError("too short for a 检察建议书: header, addressee, body, signature")
    header, addressee = lines[:3], lines[3]
    body, signature = lines[4 : notes_at - 3], lines[notes_at - 3 : notes_at]
    starts = []
    for title in PART_TITLES:
        if title not in body:
            raise DraftLayoutError(f"part {title!r} is missing")
        starts.append(body.index(title))
    if starts != sorted(starts):
        raise DraftLayoutError("the seven parts are out of order")
    bounds = [*starts, len(body)]
    parts = tuple(
        (PART_TITLES[k], tuple(body[bounds[k] + 1 : bounds[k + 1]])) for k in range(len(starts))
    )
    return DraftParts(
        procuratorate=header[0],
        title=header[1],
        number=header[2],
        addressee=addressee.rstrip("：:"),
        opening=tuple(body[: starts[0]]),
        parts=parts,
        signature=tuple(signature),
        notes=tuple(lines[notes_at + 1 :]),
    )


def points_of(parts: DraftParts) -> tuple[str, ...]:
    """The numbered recommendations of part 四, without their （一） numbers."""
    out = []
    for para in parts.part(4):
        if para == BASIS_LEAD:
            break
        m = _POINT.match(para)
        if m:
            out.append(para[m.end() :])
    return tuple(out)
