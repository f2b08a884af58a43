"""Agents of a party: what kind of representative (lawyer, legal worker, citizen) and which firm.

The party-block parser (:mod:`assist.extract.parties`) finds the agent labels and names; this
module reads the description that follows an agent's name (``，四川维信律师事务所律师。``) and
decides which parties a shared agent (``以上二被告共同委托诉讼代理人``) belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assist.document import Agent, AgentKind, Role

# Legal workers work at a 法律服务所 (or call themselves 法律(服务)工作者 anywhere).
_LEGAL_WORKER = re.compile(r"法律服务所|法律(?:服务)?工作者|基层法律服务")
# 律师 as a profession, not the firm word 律师事务所 nor an assistant (律师助理).
_LAWYER = re.compile(
    r"律师(?!事务所|助理|工作者)|律师事务所(?:[^\s,，。:;；、()]{0,10}?分所)?(?:主任|合伙人)?$"
)
_FIRM = re.compile(
    r"(?:[^\s,，。:;；、()]|\([^()\s,，。]{1,8}\))+?"
    r"(?:律师事务所(?:[^\s,，。:;；、()]{1,10}?分所)?|法律服务所|法律援助中心|法律服务中心)"
)
_WORKER_PLACE = re.compile(r"([^\s,，。:;；、()]+?)(?:基层)?法律(?:服务)?工作者")
_FIRM_LEAD = re.compile(r"^(?:均系|均为|系|为|是|现系|现为)")
# “情况同上” — the same agent described once already, for an earlier party.
_SAME_AS_BEFORE = re.compile(r"同上|同前|情况同|已查")


def describe_agent(details: str) -> tuple[AgentKind, str | None]:
    """Kind and firm of an agent from the text after the name (normalised form)."""
    firm: str | None = None
    match = _FIRM.search(details)
    if match:
        firm = _FIRM_LEAD.sub("", match.group(0)) or None
    if _LEGAL_WORKER.search(details):
        if firm is None:
            place = _WORKER_PLACE.search(details)
            if place:
                firm = _FIRM_LEAD.sub("", place.group(1)) or None
        return "legal_worker", firm
    if _LAWYER.search(details):
        return "lawyer", firm
    return "citizen", None


def make_agent(
    name: str, details: str, start: int, end: int, known: dict[str, Agent] | None = None
) -> Agent:
    """An :class:`Agent`; ``known`` agents lend kind and firm to a “情况同上” repeat."""
    kind, firm = describe_agent(details)
    if known is not None:
        earlier = known.get(name)
        if earlier is not None and kind == "citizen" and _SAME_AS_BEFORE.search(details):
            kind, firm = earlier.kind, earlier.firm
        elif earlier is None or earlier.kind == "citizen":
            known[name] = Agent(name=name, kind=kind, firm=firm, start=start, end=end)
    return Agent(name=name, kind=kind, firm=firm, start=start, end=end)


def agent_targets(
    roles: Sequence[Role], group: Role | None, count: int | None, shared: bool
) -> list[int]:
    """Indexes of the parties (their roles in order so far) that an agent label speaks for.

    ``委托代理人`` → the last party; ``三原告委托代理人`` → the last three plaintiffs;
    ``以上被告共同委托…`` → every defendant so far; ``共同委托…`` → the parties sharing the
    last party's role.
    """
    if not roles:
        return []
    if group is None and not shared and count is None:
        return [len(roles) - 1]
    wanted = group if group is not None else roles[-1]
    picked = [i for i, role in enumerate(roles) if role == wanted]
    if count is not None:
        picked = picked[-count:]
    return picked or [len(roles) - 1]
