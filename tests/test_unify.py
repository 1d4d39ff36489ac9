"""One person, one name across an article's quotes (:mod:`quoteattr.resolve.unify`)."""

from __future__ import annotations

import pytest

from quoteattr.lexicon import default_lexicon
from quoteattr.resolve.unify import one_name_per_person
from quoteattr.types import Quote


def _q(name: str, role: str | None = None, stype: str = "person") -> Quote:
    return Quote(type="direct", quote="Kami siap.", quote_start=0, quote_end=10, speaker=name, speaker_name=name, speaker_type=stype, role=role)  # type: ignore[arg-type]


TEXT = "Country Manager Velaris Budi Santoso membuka kantor baru. Velaris kini punya 50 karyawan."


@pytest.mark.parametrize(
    "names,roles,expected",
    [
        # an organization word written apart glued before a name another quote uses alone
        (["Velaris Budi Santoso", "Budi Santoso"], ["Country Manager", None], [("Budi Santoso", "Country Manager Velaris"), ("Budi Santoso", None)]),
        # no role: the organization is the role
        (["Velaris Budi Santoso", "Budi Santoso"], [None, None], [("Budi Santoso", "Velaris"), ("Budi Santoso", None)]),
        # a first-name word before the name is the person's own
        (["Muhammad Budi Santoso", "Budi Santoso"], [None, None], [("Muhammad Budi Santoso", None), ("Budi Santoso", None)]),
        # a leading word the text never writes apart from the name stays
        (["Rajawali Budi Santoso", "Budi Santoso"], [None, None], [("Rajawali Budi Santoso", None), ("Budi Santoso", None)]),
        # one word left is too little to tell
        (["Velaris Santoso", "Santoso"], [None, None], [("Velaris Santoso", None), ("Santoso", None)]),
    ],
)
def test_one_name_per_person(names, roles, expected):
    quotes = [_q(n, r) for n, r in zip(names, roles)]
    assert [(q.speaker_name, q.role) for q in one_name_per_person(quotes, TEXT, default_lexicon())] == expected


def test_organizations_keep_their_names():
    quotes = [_q("Velaris Budi Santoso", stype="organization"), _q("Budi Santoso", stype="organization")]
    assert [q.speaker_name for q in one_name_per_person(quotes, TEXT, default_lexicon())] == ["Velaris Budi Santoso", "Budi Santoso"]
