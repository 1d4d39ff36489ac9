"""The named people and organizations of one article, clustered by name containment
(*Lavrov* ⊂ *Sergey Lavrov*), with their stated roles and aliases."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import regex

from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import nonperson_word
from quoteattr.mentions.words import derived_noun, first_name_word, given_name, name_likeness


def fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def one_edit_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one inserted, deleted, replaced or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


_PAIR = regex.compile(r"^(\p{Lu}[^-\s]*(?:\s+\p{Lu}[^-\s]*)*)-(\p{Lu}[^-\s]*(?:\s+\p{Lu}[^-\s]*)*)$")


def _side_of_a_pair(name: str, seq: tuple[str, ...]) -> str | None:
    """When ``name`` pairs two names with a hyphen (*Anies Baswedan-Sandiaga Uno*, *Agus-Sylvi*:
    a ticket, a duo) and ``seq`` names only one side: that side, the one person's name."""
    m = _PAIR.match(name)
    if m is None or len(m.group(1).split()) != len(m.group(2).split()):
        return None  # "Jean-Paul Moreau", "Kim Jong-un": one hyphenated name
    for side in (m.group(1), m.group(2)):
        if set(seq) <= set(name_tokens(side)):
            return side
    return None


def _portmanteau(word: str, tokens: tuple[str, ...]) -> bool:
    """``word`` (folded) joins the opening letters of two names in a row, three letters or
    more of one of them, the second part its last: *djanur* from *djadjang nurdjaman*,
    *herkis* from *herry kiswanto*, *aher* from *ahmad heryawan* (not *heku*, too short to tell)."""
    for a, b in pairwise(tokens):
        for k in range(1, min(len(a), len(word) - 2) + 1):
            if (k >= 3 or len(word) - k >= 3) and word[:k] == a[:k] and len(word) - k <= len(b) and b.startswith(word[k:]):
                return True
    return False


def _syllabic(short: str, words: list[str]) -> bool:
    """``short`` splits into one piece per word of ``words`` (all folded), in order, each piece
    two letters or more (one for a word of three letters or fewer) found in its word in order
    (a subsequence), the first piece opening with the first word's two letters:
    *kemenkominfo* for *kementerian komunikasi informatika*, *dishub* for *dinas perhubungan*."""

    def inside(piece: str, word: str) -> bool:
        it = iter(word)
        return all(ch in it for ch in piece)

    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(short)
        word = words[j]
        least = 1 if len(word) <= 3 else 2
        rest = len(words) - j - 1
        for end in range(len(short) - rest, i + least - 1, -1):
            piece = short[i:end]
            if (j > 0 or word[:2] == piece[:2]) and inside(piece, word) and fits(end, j + 1):
                return True
        return False

    return fits(0, 0)


def _clipped(word: str, first: str) -> bool:
    """``word`` (folded) is ``first``'s opening four letters or more closed with a vowel that
    is not the next letter of ``first``: *vlado* for *vladimir*."""
    stem = word[:-1]
    return len(stem) >= 4 and word[-1] in "aeiou" and first.startswith(stem) and len(first) > len(word) and first[len(stem)] != word[-1]


def opens_sentence(text: str, at: int) -> bool:
    """The word at ``at`` opens a sentence, a paragraph or a quote."""
    before = text[:at].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n:" or before.endswith(("--", "–", "—"))  # "Jakarta, CNN Indonesia -- …": after the dateline


def _fullest(ents: list[Entity]) -> list[Entity]:
    """``ents`` without those whose name is part of another's (*Taufiq* beside *Muhammad
    Taufiq*): one person read under two names counts once."""
    return [e for e in ents if not any(o is not e and set(e.tokens) < set(o.tokens) for o in ents)]


def name_words(name: str) -> list[str]:
    """The words of a name as written, one per item of :func:`name_tokens` (a nickname in
    quotation marks inside it without them: *Stefano 'Teco' Cugurra*)."""
    return [w.strip(_NAME_EDGES) for w in name.replace("-", " ").split() if w.strip(_NAME_EDGES)]


#: characters stripped from the edges of a name's words
_NAME_EDGES = ".,'‘’“”\""


def name_tail(name: str, k: int) -> str:
    """``name`` as written from its ``k``-th word of :func:`name_words` on (*Park Geun-hye*
    keeps its hyphen)."""
    spans = [m for m in regex.finditer(r"[^\s-]+", name) if m.group().strip(".,")]
    if k <= 0 or not spans:
        return name
    if k >= len(spans):
        return ""
    return name[spans[k].start() :].strip()


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in name_words(name))


#: one capitalized word in parentheses (*(BPS)*, *(Kemenhub)*), perhaps with a short upper-case
#: second word (*(Diskar PB)*), not a company's legal form
_ACRONYM_IN_PARENS = regex.compile(r"\s*\((?!(?i:persero|tbk)\))\p{Lu}[\p{L}\p{N}&.-]{1,14}(?: \p{Lu}[\p{Lu}\p{N}&.-]{0,6})?\)")


def without_acronym(name: str) -> str:
    """An institution's name without the parenthesised acronym after it: *Badan Pusat
    Statistik (BPS)* is *Badan Pusat Statistik*. An acronym inside the name, the name going on
    after it, is part of the name as written (*Aliansi Jurnalis Independen (AJI) Kota
    Jayapura*)."""
    m = None
    for m in _ACRONYM_IN_PARENS.finditer(name):
        pass
    if m is None or name[m.end() :].strip():
        return name
    out = name[: m.start()].strip()
    return out or name


#: the words joining two words of an institution's name written on after it (*… Penanggulangan
#: Bencana dan Kebakaran*)
_COMPLETION_JOINERS = frozenset({"dan", "untuk"})
#: lowercase words inside a spelled-out institution name (*Komisi untuk Orang Hilang dan …*)
_ACRONYM_JOINERS = frozenset({"dan", "untuk", "di", "of", "and", "for", "the", "&"})
#: words that open the phrase before an institution's name, not part of it
_ACRONYM_LEADS = _ACRONYM_JOINERS | {"pihak"}
#: capitalized words, hyphenated ones too, possibly joined by *dan*, *untuk*, *di*, *of*, *&*
_CAPITALIZED_RUN = regex.compile(r"\p{Lu}[\p{L}-]*(?:\s+(?:(?:dan|untuk|di|of|and|for|the|&)\s+)?\p{Lu}[\p{L}-]*)+")


@dataclass
class Entity:
    """A person or organization named in the article."""

    name: str
    tokens: tuple[str, ...]
    first: int
    roles: list[str] = field(default_factory=list)
    kind: str = "person"
    mentions: list[int] = field(default_factory=list)
    titled: bool = False  # read right after a title (role head): complete from the left
    spoke: bool = False  # a cue attributes a quote to this name
    aliases: set[str] = field(default_factory=set)
    whole: bool = False  # written whole with a quoted nickname inside (never cut: Stefano 'Teco' Cugurra)

    def best_role(self) -> str | None:
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: (len(r.split()), -self.roles.index(r)))


class Registry:
    """The named entities of one article, clustered by name containment."""

    def __init__(self, text: str = "", lex: Lexicon | None = None) -> None:
        self.entities: list[Entity] = []
        self.text = text
        self.lex = lex if lex is not None else default_lexicon()
        #: values derived from the entities, kept until one is added (see their users)
        self.cache: dict[str, Any] = {}

    def add(self, name: str, pos: int, role: str | None = None, kind: str = "person", titled: bool = False) -> Entity:
        toks = name_tokens(name)
        for ent in self.entities:
            if ent.tokens == toks:
                ent.mentions.append(pos)
                ent.titled = ent.titled or titled
                if role and role not in ent.roles:
                    ent.roles.append(role)
                return ent
        ent = Entity(name, toks, pos, [role] if role else [], kind, [pos], titled)
        self.entities.append(ent)
        self.cache.clear()
        return ent

    def completed(self, name: str, unique: bool = False) -> str:
        """An institution's name as the article writes it in full elsewhere: *Polda Metro* →
        *Polda Metro Jaya*, *Departemen Pemilu* → *Departemen Pemilu Singapura*. The words
        after a whole-word occurrence of ``name`` that are capitalized and never a person's
        (organization, place or derived words; *dan* or *untuk* between two of them), up to a
        punctuation mark, where no capitalized word stands before ``name`` (*Peraturan Bank
        Indonesia Nomor …* is a regulation); the longest such reading (with ``unique``, only
        when the article writes one reading: *Polda* → *Polda Metro Jaya*, not where it writes
        *Polda Jawa Barat* too)."""
        lex = self.lex
        best = name
        readings: set[str] = set()
        for m in regex.finditer(rf"(?<![\w-]){regex.escape(name)}(?=[ \t])", self.text):
            before = self.text[max(0, m.start() - 40) : m.start()].split()
            if before and before[-1][:1].isupper() and not before[-1].endswith((".", ",", ":", ";", "\"", "”")):
                continue  # inside a longer capitalized phrase (Peraturan Bank Indonesia Nomor …)
            taken: list[str] = []
            for w in self.text[m.end() : m.end() + 160].split()[:10]:
                core = w.rstrip(".,;:!?\"”’)")
                verb = len(core) > 5 and core.lower().startswith(lex.words.verb_like_prefixes) and core.lower() in lex.running_text and core.lower() not in lex.org_words | lex.words.not_verbs
                institutional = core[:1].isupper() and core.isalpha() and (nonperson_word(core, lex) or derived_noun(core, lex)) and not given_name(core, lex) and not verb
                joiner = core.lower() in _COMPLETION_JOINERS and core == w and bool(taken)
                if not ((institutional and core.lower() not in lex.role_heads) or joiner):
                    break
                taken.append(core)
                if core != w:
                    break  # a punctuation mark closes the name
            while taken and taken[-1].lower() in _COMPLETION_JOINERS:
                taken.pop()
            if taken:
                readings.add(" ".join(taken))
            if taken and len(name.split()) + len(taken) > len(best.split()):
                best = f"{name} {' '.join(taken)}"
        if unique and len({r.split()[0] for r in readings}) > 1:
            return name
        return best

    def spelled_out(self, acronym: str) -> str | None:
        """The name the article spells out before ``(acronym)``: *Badan Pusat Statistik* for
        *BPS* in *Badan Pusat Statistik (BPS) mencatat …*; the capitalized words (joined by
        *dan*, *untuk*, *di*, *of*) right before the parenthesis, two to twelve of them."""
        if not acronym or " " in acronym or not acronym[:1].isupper():
            return None
        at = self.text.find(f"({acronym})")
        if at < 0:
            return self._spelled_by_initials(acronym)
        words = self.text[max(0, at - 200) : at].split()
        taken: list[str] = []
        for w in reversed(words):
            if w[:1].isupper() and not w.endswith((".", ",", ":", ";", '"', "”")):
                taken.append(w)
            elif w.lower() in _ACRONYM_JOINERS and taken:
                taken.append(w)
            else:
                break
            if len(taken) > 12:
                return None
        taken.reverse()
        lex = self.lex
        # the title of a person (*Kepala Badan …*) or a sentence's opening word is not the name
        # (*Sekretaris Jenderal Komite …*: a title right before an organization word;
        # *Ikatan Ahli Arkeologi* keeps its title-like word)
        cut = [i + 1 for i in range(len(taken) - 1) if taken[i].lower() in lex.role_heads and taken[i + 1].lower() in lex.org_words]
        if cut:
            taken = taken[cut[-1] :]
        while taken and (taken[0].lower() in _ACRONYM_LEADS or taken[0].lower() in lex.stop_words or taken[0].lower() in lex.connectors or taken[0].lower() in lex.cues):
            taken.pop(0)
        if len(taken) < 2:
            return None
        return " ".join(taken)

    def spelled_by_syllables(self, short: str) -> str | None:
        """The capitalized words of the article that a one-word abbreviation built from their
        syllables stands for (*Kemenkominfo* for *Kementerian Komunikasi dan Informatika*,
        *Kemenhub* for *Kementerian Perhubungan*, *Bawaslu* for *Badan Pengawas Pemilu*): each
        word in order gives the abbreviation its next letters, in its own order (the first
        word from its start), *dan*, *untuk* … none. The words hold an organization word and no
        title opens them; the window found most often wins, then the first."""
        if not (5 <= len(short) <= 14 and short.isalpha() and short[:1].isupper() and not short.isupper()):
            return None
        key = f"syllables:{short}"
        if key in self.cache:
            return self.cache[key]  # type: ignore[no-any-return]
        lex = self.lex
        low = short.lower()
        found: dict[str, int] = {}
        for run in _CAPITALIZED_RUN.finditer(self.text):
            words = run.group(0).split()
            for i, first in enumerate(words):
                if first.lower() in _ACRONYM_JOINERS or first.lower() in lex.role_heads or first.lower() in lex.stop_words or not first.lower().startswith(low[:2]):
                    continue
                for j in range(i + 1, len(words)):
                    window = words[i : j + 1]
                    content = [w.lower() for w in window if w.lower() not in _ACRONYM_JOINERS]
                    if low in content:
                        break  # "Amerika" in "Amerika Serikat": a shorter name, no abbreviation
                    if len(content) >= 2 and any(w.lower() in lex.org_words for w in window) and _syllabic(low, content):
                        phrase = " ".join(window)
                        found[phrase] = found.get(phrase, 0) + 1
        best = max(found, key=lambda p: (found[p], -self.text.find(p))) if found else None
        self.cache[key] = best
        return best

    def _spelled_by_initials(self, acronym: str) -> str | None:
        """The capitalized words of the article whose initials spell ``acronym`` when no
        parenthesis states it: *Komisi Pemberantasan Korupsi* for *KPK*, *Perserikatan
        Bangsa-Bangsa* for *PBB* (each part of a hyphenated word counts; *dan*, *untuk*, *di*,
        *of* may join them). The words must hold an organization word (*Agus Martowardojo* is
        no *AM*), and a window opened by a title (*Menteri Agama* for *MA*) is a person's
        office, not the name; the window found most often wins, then the first."""
        letters = acronym.replace("-", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return None
        key = f"initials:{acronym}"
        if key in self.cache:
            return self.cache[key]  # type: ignore[no-any-return]
        lex = self.lex
        found: dict[str, int] = {}
        for run in _CAPITALIZED_RUN.finditer(self.text):
            words = run.group(0).split()
            for i, first in enumerate(words):
                if first.lower() in _ACRONYM_JOINERS or first.lower() in lex.role_heads or first.lower() in lex.stop_words:
                    continue
                initials = ""
                for j in range(i, len(words)):
                    w = words[j]
                    if w.lower() in _ACRONYM_JOINERS:
                        continue
                    initials += "".join(p[:1] for p in w.split("-") if p)
                    if initials == letters and j > i and any(x.lower() in lex.org_words for x in words[i : j + 1]):
                        phrase = " ".join(words[i : j + 1])
                        found[phrase] = found.get(phrase, 0) + 1
                    if len(initials) >= len(letters) or not letters.startswith(initials):
                        break
        best = max(found, key=lambda p: found[p]) if found else None  # ties: the first found
        self.cache[key] = best
        return best

    def canonical(self, name: str) -> Entity | None:
        """The entity :meth:`_canonical` reads for ``name``, or the person that entity's name is
        a stated alias of (*Titiek* read as *Titiek Soeharto*, stated as the alias of *Siti
        Hediati Hariyadi*: that person)."""
        ent = self._canonical(name)
        if ent is None:
            return None
        folded = " ".join(ent.tokens)
        owners = [e for e in self.entities if e is not ent and e.kind == "person" and folded in e.aliases and len(e.tokens) >= 2]
        if len(owners) != 1:
            return ent
        owners[0].roles.extend(r for r in ent.roles if r not in owners[0].roles)  # the roles stated with the alias are the person's
        return owners[0]

    def _canonical(self, name: str) -> Entity | None:
        """The fullest entity whose name contains every token of ``name``.

        A longer candidate that only adds leading words to a name read right after a
        title (*Balongan Yulianto Triwibowo* vs *GM Yulianto Triwibowo*) is leakage from
        an organization name and loses. Without any containing name, a stated alias
        (*Saifullah Yusuf atau Gus Ipul*), a unique nickname prefix (*Wira* for
        *Wiradarma Harefa*), or, for a mention with no title of its own, a unique name one
        letter away (the article's misspelling) links the mention.
        """
        seq = name_tokens(name)
        toks = set(seq)
        if not toks:
            return None
        exact = next((e for e in self.entities if e.tokens == seq), None)
        for e in self.entities:
            side = _side_of_a_pair(e.name, seq)
            if side is not None and len(name_tokens(side)) > len(seq):
                return self.add(side, e.first, e.best_role(), kind=e.kind)  # "Anies" in "Anies Baswedan-Sandiaga Uno"
        cands = [e for e in self.entities if toks <= set(e.tokens) and e is not exact and _side_of_a_pair(e.name, seq) is None]
        suffixes = self.lex.words.generational_suffixes
        if any(e.tokens[-1] in suffixes and e.tokens[-1] not in toks for e in cands):
            # "Trump" where the article names Donald Trump and Donald Trump Jr: the father
            plain = [e for e in cands if e.tokens[-1] not in suffixes]
            if plain or (exact is not None and len(seq) >= 2):
                cands = plain
        titled = [e for e in cands if e.titled]
        cands = [
            e for e in cands
            if not any(t is not e and len(t.tokens) < len(e.tokens) and e.tokens[-len(t.tokens):] == t.tokens and not self._name_words_lead(e, len(t.tokens)) for t in titled)
        ]
        if cands:
            best = max(cands, key=lambda e: (len(e.tokens), e.titled, len(e.mentions)))
            if best.whole:
                return best
            if exact is not None and best.tokens[: len(seq)] == seq and self._stood_alone_first(exact, best):
                return exact  # "Apple" … "Apple Pay": the longer name is another thing's (a product, a show)
            # "Tjipinang Jaya Arief Prasetyo" for "Arief": a name that starts two or more
            # words into the candidate starts there (company name + person name)
            p = best.tokens.index(seq[0]) if seq[0] in best.tokens else 0
            # …and one word in, for a first name used alone in a name read after a title
            # ("Gubernur Sulut Salman Saelangi" … "kata Salman"); a surname used alone
            # ("Lavrov") ends the name and keeps its first name
            first_name_use = p == 1 and best.titled and len(seq) == 1 and len(best.tokens) - p >= 2
            words = name_words(best.name)  # aligned with best.tokens
            lead = words[:p]
            # a title that is also a given name kept in the name (*Ratu Tisha Destria*) is a name word
            lead_not_name = not any(given_name(w, self.lex) or w.lower() in self.lex.words.given_name_titles for w in lead)
            if p > 0 and f"{words[p - 1]}-{words[p]}" in best.name:
                return best  # never cut inside a hyphenated word (Hans-Joachim Watzke)
            if p >= 3 and not self._name_word(words[0]):
                # "Moto GP Valentino Rossi" for "Rossi": three words or more ran in before the
                # name, the first no name word; the name starts at the name words before it
                q = p
                while q > 0 and (self._name_word(words[q - 1]) or first_name_word(words[q - 1], self.lex)):
                    q -= 1
                return self.add(name_tail(best.name, q), best.first, best.best_role(), kind=best.kind, titled=best.titled)
            # "Usul Ahmad Dhani membentuk …" (a headline-like noun before the name): a common
            # word before a name of two words or more is not part of it
            common_lead = p >= 1 and lead_not_name and all(w.lower() in self.lex.common_words for w in lead) and len(best.tokens) - p >= 2
            if p >= 2 and not common_lead and self._common_word_ran_in(words):
                # "Komentar Jurgen Klopp" for "Klopp": a common word ran into a name the article
                # also writes without it
                return self.add(name_tail(best.name, 1), best.first, best.best_role(), kind=best.kind, titled=best.titled)
            if common_lead and best.tokens[p:] == seq:
                return self.add(name_tail(best.name, p), best.first, best.best_role(), kind=best.kind, titled=best.titled)
            if (p >= 2 or first_name_use or common_lead) and lead_not_name and best.tokens[p : p + len(seq)] == seq and len(best.tokens) - p > len(seq):
                return self.add(name_tail(best.name, p), best.first, best.best_role(), titled=True)
            # "TJSL Pelindo Febrianto Zenny" for "Febrianto Zenny": the extra first word is
            # used elsewhere in the article on its own (an organization), so it is not a name;
            # only in a name read right after a title, where the title's organization can run
            # into it (*Harry Styles* at a sentence start keeps *Harry*, used alone elsewhere)
            # (a name read with no title whose first word is spelled like a given name, *musisi Ed
            # Sheeran* … *Ed mengenakan*, keeps it: the word used alone is the first name)
            given = bool(lead) and not best.titled and not nonperson_word(lead[0], self.lex) and name_likeness(lead[0]) > 0.3
            if p == 1 and self._may_have_leaked(best, lead[0]) and exact is not None and best.tokens[1 : 1 + len(seq)] == seq and not given_name(lead[0], self.lex) and not given and self._standalone(lead[0], words[1]):
                if len(best.tokens) - 1 > len(seq):
                    # "Xbox Mike Nichols" for "Mike": the name is "Mike Nichols", not the first name alone
                    return self.add(name_tail(best.name, 1), best.first, best.best_role(), titled=True)
                exact.roles.extend(r for r in best.roles if r not in exact.roles)
                return exact
            if p >= 1 and len(best.name.split()) >= 3 and not given_name(words[0], self.lex) and self._alone(words[0]) and f"{words[0]}-{words[1]}" not in best.name:
                # "TJSL Pelindo Febrianto Zenny": "Pelindo" also stands alone in the article
                return self.add(name_tail(best.name, 1), best.first, best.best_role(), titled=True)
            return best
        folded = " ".join(seq)
        for e in self.entities:
            if folded in e.aliases:
                # a one-word owner under its fullest name (*Djanur* stated of *Djadjang*, who
                # is *Djadjang Nurdjaman*)
                fuller = len(e.tokens) == 1 and any(set(e.tokens) < set(o.tokens) for o in self.entities)
                return (self._canonical(e.name) if fuller else None) or e
        if len(toks) == 1:
            (t,) = toks
            pref = [
                e
                for e in self.entities
                if len(t) >= 3
                and len(e.tokens) >= 2
                and (
                    any(w.startswith(t) and w != t for w in e.tokens)
                    # portmanteau nicknames: "Jokowi" for Joko Widodo, "Djanur" for Djadjang
                    # Nurdjaman, "Herkis" for Herry Kiswanto, "Aher" for Ahmad Heryawan
                    or any(t == e.tokens[0] + e.tokens[1][:k] for k in (1, 2, 3))
                    or (e.kind == "person" and len(t) >= 4 and _portmanteau(t, e.tokens))
                    # a name cut short and closed with a vowel: "Vlado" for Vladimir Vujovic
                    or (e.kind == "person" and _clipped(t, e.tokens[0]))
                    # the end of a later name word: "Toni" for Raja Juli Antoni
                    or (e.kind == "person" and len(t) >= 4 and any(w.endswith(t) and len(w) > len(t) for w in e.tokens[1:]))
                )
            ]
            pref = _fullest(pref)
            if len(pref) == 1:
                return pref[0]
            if exact is None or not (exact.roles or exact.titled):
                # a mention read nowhere with a title of its own: a nickname that starts a
                # one-word name (*Soleh* for *Kepala Desa Solehudin*, *Fatur* for *Faturachman*),
                # or the article's misspelling of a name it wrote before (*Scheniderlin*,
                # *Wesbrook*); a name and its short form both near count once (:func:`_fullest`)
                near = [
                    e
                    for e in self.entities
                    if e is not exact
                    and e.kind == "person"
                    and len(t) >= 4
                    and (
                        (len(e.tokens) == 1 and e.tokens[0].startswith(t) and len(e.tokens[0]) - len(t) >= 2)
                        or any(len(w) >= 4 and one_edit_apart(t, w) for w in e.tokens)
                    )
                ]
                near = _fullest(near)
                if len(near) == 1:
                    return near[0]
        return exact

    def _stood_alone_first(self, short: Entity, long: Entity) -> bool:
        """The article wrote ``short`` on its own before it first wrote ``long``, which adds
        words after it, and ``short`` does not open with a given name: *Apple* before *Apple
        Pay*, *Nintendo* before *Nintendo Switch*. A person's full name comes first and the
        first name alone after it (*Febri Diansyah* … *kata Febri*), or with a title when a
        headline wrote the first name before it."""
        words = name_words(short.name)
        if not words or given_name(words[0], self.lex) or long.titled or long.roles:
            return False  # a full name given with its title (Wali Kota Bogor Bima Arya) is a person's
        long_words = name_words(long.name)
        if len(long_words) <= len(words):
            return False
        nxt = long_words[len(words)]
        pattern = regex.compile(r"(?<!\w)" + regex.escape(short.name) + r"(?!\w)(?!\s+" + regex.escape(nxt) + r")")
        return pattern.search(self.text, 0, min(long.mentions)) is not None

    def _name_words_lead(self, ent: Entity, tail: int) -> bool:
        """The words of ``ent``'s name before its last ``tail`` are all words that open or belong
        to person names (*Muhammad* in *Muhammad Amien Rais*): no organization ran into it."""
        lead = name_words(ent.name)[: len(ent.tokens) - tail]
        return bool(lead) and all(given_name(w, self.lex) or w.lower() in self.lex.words.given_name_titles for w in lead)

    def _name_word(self, word: str) -> bool:
        """A word that opens or belongs to person names (a given name, *Imam*, *Ratu*)."""
        return given_name(word, self.lex) or word.lower() in self.lex.words.given_name_titles

    def _may_have_leaked(self, ent: Entity, lead: str) -> bool:
        """The first word of ``ent``'s name may be an organization or common word that ran
        into it: the name was read after a title, follows a role word (*pelatih Arema Aji
        Santoso*), or its first word is itself a role, place or common word (*Danau*, *Jeddah*)
        or is spelled like an organization's (:func:`~quoteattr.mentions.words.name_likeness` below
        -0.3: *Xbox*, *Pelindo*)."""
        low = lead.lower()
        lex = self.lex
        if low in lex.common_words or lex.is_role_word(low) or low in lex.role_heads or low in lex.places or name_likeness(lead) < -0.3:
            return True
        before = self.text[: ent.first].rstrip()
        if ent.titled:
            # after a title only a word that is no name-like first name (an acronym, or spelled
            # like an organization's: TJSL, Pelindo; a first name no list holds may lean a little
            # to places, Thibaut) ran in, or the name of the village, district or city the title
            # names (Kepala Desa Tegalmulyo Sutarno); "Aktris Carrie Fisher" keeps Carrie
            marker = before.rsplit(None, 1)[-1].lower() if before else ""
            return lead.isupper() or name_likeness(lead) < -0.2 or marker in lex.words.place_markers
        if not before or before[-1] in ",.;:(\"“":
            return False  # an appositive or a sentence start: nothing ran into the name
        prev = before.split()[-1].lower()
        return prev in lex.role_heads or lex.is_role_word(prev)

    def _common_word_ran_in(self, words: list[str]) -> bool:
        """The name's first word is a common word, no name word, and the rest of the name (two
        words or more) stands in the text without it."""
        first = words[0]
        if len(words) < 3 or first.lower() not in self.lex.common_words or given_name(first, self.lex) or first.lower() in self.lex.words.given_name_titles:
            return False
        rest = " ".join(words[1:])
        pattern = regex.compile(r"(?<!" + regex.escape(first) + r"\s)(?<![\w-])" + regex.escape(rest) + r"(?![\w-])")
        return pattern.search(self.text) is not None

    def _standalone(self, word: str, nxt: str) -> bool:
        """``word`` occurs in the text not followed by ``nxt`` (capitalized, whole word). A
        common word opening a sentence is the common word (*Demi bersiap-siap, …* says
        nothing of *Demi Moore*)."""
        pattern = regex.compile(r"(?<!\w)" + regex.escape(word) + r"(?!\w)(?!\s+" + regex.escape(nxt) + r")")
        if word.lower() not in self.lex.common_words:
            return pattern.search(self.text) is not None
        return any(not opens_sentence(self.text, m.start()) for m in pattern.finditer(self.text))

    def _alone(self, word: str) -> bool:
        """``word`` occurs in the text followed by a lower-case word or punctuation (used on its
        own); a name particle is no such word (*Alessandro del Piero*)."""
        pattern = regex.compile(r"(?<!\w)" + regex.escape(word) + r"(?=\s+(\p{Ll}+)|\s*[,.;:)])")
        particles = self.lex.words.name_particles
        return any(m.group(1) is None or m.group(1) not in particles for m in pattern.finditer(self.text))

    def roles_of(self, ent: Entity) -> list[str]:
        """Every role stated for any name variant of ``ent``."""
        out: list[str] = []
        for other in self.entities:
            if set(other.tokens) <= set(ent.tokens):
                out.extend(r for r in other.roles if r not in out)
        return out

    def _spelled_titles(self, words: Iterable[str]) -> set[str]:
        """The words with each short title word that stands for one full form spelled out
        (``roles.json``: *dirut* → *direktur utama*, *menperin* → *menteri perindustrian*)."""
        out: set[str] = set()
        for w in words:
            full = self.lex.role_aliases.get(w)
            out.update(full[0].split() if full and len(full) == 1 else [w])
        return out

    def by_role(self, role_text: str, before: int) -> Entity | None:
        """The person whose stated role matches a role-only mention (``Presiden``)."""
        low = fold(role_text)
        words = set(low.split())
        targets = self.lex.role_aliases.get(low, [low])
        # a short title word stands for its full form (Dirut IKT = Direktur Utama … IKT)
        spelled = self._spelled_titles(words)
        modifiers = self.lex.role_modifiers
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            if ent.kind != "person":
                continue
            for role in self.roles_of(ent):
                rl = fold(role)
                rw = [w.strip("(),") for w in rl.split()]  # "… Rakyat (MPR)": the acronym is a word of the role
                ok = any(t in rl for t in targets) or (len(words) >= 1 and (words <= set(rw) or spelled <= set(rw)))
                if not ok and len(words) >= 2:
                    # "papar Menteri Perindustrian" for the article's "Menperin Airlangga
                    # Hartarto": the stated role's short title words spelled out
                    ok = words <= self._spelled_titles(rw)
                # "Wakil Presiden Ma'ruf Amin" does not answer "kata Presiden"
                at = next((i for i, w in enumerate(rw) if w in words or any(t.startswith(w + " ") or t == w for t in targets)), 0)
                if ok and any(tuple(rw[max(0, at - len(m)) : at]) == m for m in modifiers):
                    ok = False
                if ok:
                    score = max([m for m in ent.mentions if m <= before] or [-1])
                    if best is None or score > best[0]:
                        best = (score, ent)
        if best is None:
            return None
        return self.canonical(best[1].name) or best[1]  # "Presiden Jokowi" → Joko Widodo
