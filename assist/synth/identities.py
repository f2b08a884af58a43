"""Names that are unique across a whole generated archive, with no memory of the names used.

A serial number maps to a name through a bijection (an affine permutation of the name space
followed by a mixed-radix split), so that serial ``k`` always gives the same name and two
serials never give the same name. Each archive document owns a block of serials (``Cast``);
the people a planted pattern shares take serials after every document's block.

Persons get full names (surname + two given characters: 王建华), never masked ones, so a
cross-case stage can tell them apart; masked names (张某) are drawn per document elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from math import gcd

from assist.synth.pools import name_pools, places

PERSONS_PER_DOC = 12
COMPANIES_PER_DOC = 3
_PERSON_MULT = 7_368_787  # multipliers that scramble consecutive serials
_COMPANY_MULT = 1_299_709


def _coprime(multiplier: int, modulus: int) -> int:
    while gcd(multiplier, modulus) != 1:
        multiplier += 1
    return multiplier % modulus or 1


@cache
def _person_space() -> tuple[tuple[str, ...], tuple[str, ...], int, int]:
    pools = name_pools()
    surnames, given = pools["surname"], pools["given_char"]
    size = len(surnames) * len(given) ** 2
    return surnames, given, size, _coprime(_PERSON_MULT, size)


@cache
def _company_space() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int, int]:
    pools = name_pools()
    cities = tuple(dict.fromkeys(p.city.removesuffix("市") for p in places()))
    core, trades = pools["company_char"], pools["company_trade"]
    size = len(cities) * len(core) ** 2 * len(trades) * len(pools["company_form"])
    return cities, core, trades, size, _coprime(_COMPANY_MULT, size)


def person_capacity() -> int:
    return _person_space()[2]


def company_capacity() -> int:
    return _company_space()[3]


def person_name(serial: int, salt: int = 0) -> str:
    """The person of ``serial``: distinct serials give distinct names (for one ``salt``)."""
    surnames, given, size, mult = _person_space()
    if not 0 <= serial < size:
        raise ValueError(f"person serial {serial} outside the name space (0..{size - 1})")
    x = (serial * mult + salt) % size
    x, second = divmod(x, len(given))
    x, first = divmod(x, len(given))
    return surnames[x] + given[first] + given[second]


def company_parts(serial: int, salt: int = 0) -> tuple[str, str]:
    """(name, trade) of the company of ``serial``: distinct serials give distinct names."""
    cities, core, trades, size, mult = _company_space()
    if not 0 <= serial < size:
        raise ValueError(f"company serial {serial} outside the name space (0..{size - 1})")
    forms = name_pools()["company_form"]
    x = (serial * mult + salt) % size
    x, form = divmod(x, len(forms))
    x, trade = divmod(x, len(trades))
    x, second = divmod(x, len(core))
    city, first = divmod(x, len(core))
    name = f"{cities[city]}{core[first]}{core[second]}{trades[trade]}{forms[form]}"
    return name, trades[trade]


def company_name(serial: int, salt: int = 0) -> str:
    return company_parts(serial, salt)[0]


@dataclass
class Cast:
    """The serials one archive document may use for its parties and agents."""

    person_base: int
    company_base: int
    salt: int
    persons: int = 0
    companies: int = 0

    @classmethod
    def for_document(cls, logical: int, salt: int) -> Cast:
        return cls(logical * PERSONS_PER_DOC, logical * COMPANIES_PER_DOC, salt)

    def person(self) -> str:
        if self.persons >= PERSONS_PER_DOC:
            raise RuntimeError("a generated document used more unique persons than its block")
        self.persons += 1
        return person_name(self.person_base + self.persons - 1, self.salt)

    def company(self) -> str:
        if self.companies >= COMPANIES_PER_DOC:
            raise RuntimeError("a generated document used more unique companies than its block")
        self.companies += 1
        return company_name(self.company_base + self.companies - 1, self.salt)


@dataclass
class SharedNames:
    """Serials after every document's block: the people and companies planted patterns share."""

    documents: int
    salt: int
    persons: int = 0
    companies: int = 0

    def person(self) -> str:
        serial = self.documents * PERSONS_PER_DOC + self.persons
        self.persons += 1
        return person_name(serial, self.salt)

    def company(self, trade: str | None = None) -> str:
        """The next shared company, of ``trade`` when given (serials of other trades are skipped)."""
        while True:
            serial = self.documents * COMPANIES_PER_DOC + self.companies
            self.companies += 1
            name, its_trade = company_parts(serial, self.salt)
            if trade is None or its_trade == trade:
                return name


def check_capacity(documents: int, shared: int = 100_000) -> None:
    """Refuse an archive too large for the name spaces (about a million documents)."""
    if documents * PERSONS_PER_DOC + shared > person_capacity():
        raise ValueError(f"an archive of {documents} documents exceeds the person name space")
    if documents * COMPANIES_PER_DOC + shared > company_capacity():
        raise ValueError(f"an archive of {documents} documents exceeds the company name space")
