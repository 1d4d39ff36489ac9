"""Building the article's :class:`~quoteattr.resolve.registry.Registry`: people named with NER or
with title + name phrases, the speakers the cues found, stated aliases, and the corrections
that move words between a name and its title."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from spacy.tokens import Doc, Token

from quoteattr.article import Article
from quoteattr.candidates.record import Candidate
from quoteattr.lexicon import Lexicon, default_lexicon
from quoteattr.mentions import (
    inside_hyphenated,
    make_mention,
    name_likeness,
    np_end,
    person_word,
    running_verb,
    split_role_name,
    tokens_text,
)
from quoteattr.mentions.words import citing_verbs, given_name, is_cap, opens_cited_source, past_comma_age, web_address
from quoteattr.resolve.registry import Entity, Registry, fold, name_tail, name_tokens, name_words, opens_sentence
from quoteattr.resolve.role_text import appositive, clean_role


def build_registry(art: Article, cands: list[Candidate], use_ner_registry: bool | None = None) -> Registry:
    """Collect named people and organizations of the article with their stated roles."""
    doc, lex = art.doc, art.lex
    reg = Registry(art.text, lex)
    if use_ner_registry is None:
        # entities are present only when the attributor runs with use_ner=True
        use_ner_registry = doc.has_annotation("ENT_IOB")
    # NER persons with the role phrase around them
    for ent in doc.ents if use_ner_registry else ():
        if ent.label_ != "PER":
            continue
        start = ent.start
        # extend left over the role words of the same noun phrase
        stop = lex.stop_words
        while start < ent.end and doc[start].lower_ in stop:
            start += 1  # NER sometimes swallows "Menurut", "Dikatakan"
        if start >= ent.end:
            continue
        while start > 0 and not doc[start - 1].is_punct and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in lex.role_words_lower or doc[start - 1].lower_ in lex.role_heads
        ):
            if doc[start - 1].lower_ in stop and doc[start - 1].lower_ not in lex.role_heads:
                break
            start -= 1
        role_toks, name_toks = split_role_name(doc, start, ent.end, lex)
        name = tokens_text(doc, name_toks)
        if not name:
            continue
        role = tokens_text(doc, role_toks)
        # appositive before: "Menteri Luar Negeri Rusia, Sergey Lavrov"
        if not role and start >= 2 and doc[start - 1].text == ",":
            ps = start - 2
            while ps > 0 and not doc[ps - 1].is_punct and (doc[ps - 1].text[:1].isupper() or doc[ps - 1].lower_ in lex.role_words_lower):
                ps -= 1
            prev = make_mention(doc, ps, start - 1, lex)
            if prev is not None and prev.kind == "role":
                role = prev.role
        # appositive after: "Yayat Sudrajat, Kepala Bidang …,"
        if not role and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            ae = np_end(doc, ent.end + 1, len(doc), lex)
            if ae > ent.end + 1:
                app = make_mention(doc, ent.end + 1, ae, lex)
                if app is not None and app.kind == "role":
                    role = app.role
        reg.add(name, ent.start_char, clean_role(role, lex))
    # title + name phrases: a second source of names and roles beside NER
    _heuristic_people(art, reg)
    _quoted_nicknames(art.text, reg)
    for c in cands:
        m = c.mention
        if m is None or not m.name:
            continue
        kind = "organization" if m.kind == "organization" else "person"
        if kind == "person" and " dan " in m.name:
            for part in m.name.split(" dan "):  # two people named together: each is a person
                reg.add(part, m.start).spoke = True
            continue
        reg.add(m.name, m.start, clean_role(m.role, lex) if kind == "person" else None, kind).spoke = True
    _aliases(art.text, reg)
    _organizations_in_roles(reg)
    _jurisdictions_in_roles(reg)
    _trim_leaked_words(reg)
    _trim_words_used_apart(reg)
    _trim_sentence_openers(reg)
    _trim_organization_words(reg)
    _trim_words_of_spoken_roles(reg)
    _regain_cut_words(reg, art.lex)
    return reg


def _trim_words_of_spoken_roles(reg: Registry) -> None:
    """``kata vokalis OneRepublic Ryan Tedder``: the cue's reading puts *OneRepublic* in the
    role, so a name read elsewhere as *OneRepublic Ryan Tedder* starts at *Ryan* too."""
    for short in [e for e in reg.entities if e.spoke and e.kind == "person" and e.roles]:
        n = len(short.tokens)
        for ent in list(reg.entities):
            k = len(ent.tokens) - n
            if ent is short or ent.kind != "person" or k < 1 or ent.tokens[k:] != short.tokens:
                continue
            words = name_words(ent.name)
            if len(words) != len(ent.tokens) or any(given_name(w, reg.lex) or w.lower() in reg.lex.words.given_name_titles for w in words[:k]):
                continue  # "Menpora, Imam Nahrawi" … "kata Imam Nahrawi": a given name read as a title
            if any(name_tokens(r)[-k:] == ent.tokens[:k] for r in short.roles):
                _move_to_role(reg, ent, words, k)


def _trim_organization_words(reg: Registry) -> None:
    """``Direktur Utama Kimia Farma Verdi Budidarmo`` … ``Kimia Farma melalui …``: the
    article writes the title's last word with the name's first words elsewhere, without the
    rest of the name, so those words name the organization, not the person."""
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.titled or not ent.roles or len(ent.tokens) < 2:
            continue
        words = name_words(ent.name)
        if len(words) != len(ent.tokens) or given_name(words[0], reg.lex):
            continue
        head = ent.roles[0].split()[-1]
        if head.lower() in reg.lex.role_heads:
            continue  # "Raja Bhumibol" elsewhere is the person by title and first name
        for k in range(len(words) - 1, 0, -1):
            rest = words[k:]
            if len(rest) == 1 and not (given_name(rest[0], reg.lex) or name_likeness(rest[0]) > 0.0):
                continue
            if ent.name.endswith("-" + name_tail(ent.name, k)):
                continue  # never inside a hyphenated word ("Cho Tae-yong")
            org = " ".join([head] + words[:k])
            # the organization written without the next word of the name, whole or hyphenated
            pattern = r"(?<![\w-])" + regex.escape(org) + r"(?![\w-])(?!\.?\s+" + regex.escape(words[k]) + r"(?!\w))"
            if regex.search(pattern, reg.text):
                _move_to_role(reg, ent, words, k)
                break


def _organizations_in_roles(reg: Registry) -> None:
    """``Founder Menganyam Pesisir Kharolin Hilda Amazona`` … ``Menganyam Pesisir tengah
    membina …``: a capitalized name with no title of its own that is the organization of
    someone's stated role names that organization, not a person."""
    roles = [" " + " ".join(name_tokens(r)) + " " for e in reg.entities for r in e.roles]
    for ent in reg.entities:
        if ent.kind == "person" and not ent.roles and not ent.titled and len(ent.tokens) >= 2:
            phrase = " " + " ".join(ent.tokens) + " "
            if any(phrase in r for r in roles):
                ent.kind = "organization"


def _jurisdictions_in_roles(reg: Registry) -> None:
    """``Kapolsek Ciledug, Kompol Sutrisno`` (or ``Sutrisno, Kapolsek Ciledug,``): one word
    read as a person's name after a title, where that title and word together are another
    person's stated role, is the title's place or body, not a person."""
    roles = [" " + " ".join(name_tokens(r)) + " " for e in reg.entities if e.kind == "person" for r in e.roles]
    for ent in list(reg.entities):
        if ent.kind != "person" or len(ent.tokens) != 1 or not ent.titled or ent.spoke:
            continue
        own = [" " + " ".join(name_tokens(r)) + " " for r in ent.roles]
        phrases = [r[:-1] + " " + ent.tokens[0] + " " for r in own]
        if any(p in r for p in phrases for r in roles if r not in own):
            reg.entities.remove(ent)
            reg.cache.clear()


def _regain_cut_words(reg: Registry, lex: Lexicon) -> None:
    """``Kepala BKN Bima Haria Wibisana`` … ``kata Bima``: a word read as the end of the
    title (here a city name) that the article uses alone for a person starts the name."""
    cues = lex.cues

    def after_post_cue(pos: int) -> bool:  # "kata Bima": the word is used for a person
        prev = reg.text[max(0, pos - 20) : pos].split()
        return bool(prev) and (c := cues.get(prev[-1].lower())) is not None and c.kind == "post"

    singles = {
        e.tokens[0]
        for e in reg.entities
        if len(e.tokens) == 1 and e.kind == "person" and e.spoke and any(after_post_cue(p) for p in e.mentions)
    }
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.titled or not ent.roles or ent.tokens[0] in singles:
            continue
        for i, role in enumerate(ent.roles):
            words = role.split()
            last = words[-1] if len(words) >= 2 else ""
            if not last[:1].isupper() or last.isupper() or fold(last) not in singles or lex.is_role_word(last.lower()):
                continue
            if f"{last} {ent.name}" not in reg.text:
                continue  # "Musisi Dua Lipa dan Stormzy": the word is not written before the name
            ent.aliases.add(" ".join(ent.tokens))
            ent.name = f"{last} {ent.name}"
            ent.tokens = name_tokens(ent.name)
            ent.roles[i] = " ".join(words[:-1])
            break


def _trim_leaked_words(reg: Registry) -> None:
    """``Direktur Telkomsel Setyanto Hantoro`` … ``kata Setyanto``: the word the article uses
    alone starts the name, and the words before it belong to the title.

    Applies to a name read after a title whose leading words have no first-name evidence;
    at least two words stay. The long form stays an alias and the title gets the words.
    """
    singles = {e.tokens[0] for e in reg.entities if len(e.tokens) == 1 and e.kind == "person"}
    for ent in list(reg.entities):
        if ent.kind != "person" or len(ent.tokens) < 3 or not ent.titled:
            continue
        words = ent.name.split()
        if len(words) != len(ent.tokens):
            continue
        p = next((i for i in range(1, len(ent.tokens) - 1) if ent.tokens[i] in singles), 0)
        if p == 0 or any(given_name(w, reg.lex) for w in words[:p]):
            continue
        if ent.tokens[0] in singles and not given_name(words[p], reg.lex):
            continue  # both words are used alone: only a first-name word decides
        if p == 1 and not reg._standalone(words[0], words[1]):
            continue  # "Paulus Totok Lusida" … "kata Totok": people go by a second name too
        _move_to_role(reg, ent, words, p)


def _trim_words_used_apart(reg: Registry) -> None:
    """``Direktur Olahraga Ducati Paolo Ciabatti`` … ``untuk Ducati`` … ``kata Ciabatti``: the
    first word of a name read after a title, no first-name word and never a speaker's word
    on its own, that the article writes elsewhere without the rest of the name, while it
    calls the person by another word of the name, is the title's organization.

    At least two words stay; the long form stays an alias and the title gets the word."""
    singles = {e.tokens[0] for e in reg.entities if len(e.tokens) == 1 and e.kind == "person"}
    spoken = {e.tokens[0] for e in reg.entities if len(e.tokens) == 1 and e.kind == "person" and e.spoke}
    for ent in list(reg.entities):
        if ent.kind != "person" or len(ent.tokens) < 3 or not ent.titled:
            continue
        words = ent.name.split()
        if len(words) != len(ent.tokens) or given_name(words[0], reg.lex) or ent.tokens[0] in spoken or "-" in words[0]:
            continue
        if not any(t in singles for t in ent.tokens[1:]):
            continue  # the article calls the person by no other word of the name
        if reg._standalone(words[0], words[1]):
            _move_to_role(reg, ent, words, 1)


#: particles a word of running text may carry (*Pergilah*, *Sedianya*, *Apakah*, *Iapun*)
_PARTICLES = ("lah", "kah", "nya", "pun")


def _trim_sentence_openers(reg: Registry) -> None:
    """``Pergilah Rins …`` beside ``Alex Rins``, ``Sedianya Mary Jane …`` beside ``Mary Jane``,
    ``Instagram Bella …``: a first word of running text capitalized only because it opens the
    sentence ran into a name the article writes without it. It is a word of running text with
    a particle (*-lah*, *-nya*), a social platform, or a common word while the rest of the name
    belongs to a longer name (the person has another first name). The name starts after it."""
    lex = reg.lex
    platforms = lex.words.social_platforms
    for ent in list(reg.entities):
        if ent.kind != "person" or len(ent.tokens) < 2:
            continue
        words = name_words(ent.name)
        low = words[0].lower()
        if len(words) != len(ent.tokens) or given_name(words[0], lex) or low in lex.words.given_name_titles or low in lex.descriptors or lex.is_role_word(low):
            continue  # "Pihak Truecaller", "Pelatih Budi": read by the description and title rules
        rest = set(ent.tokens[1:])
        opening = all(opens_sentence(reg.text, p) for p in ent.mentions)
        others = [o for o in reg.entities if o is not ent and o.kind == "person" and rest <= set(o.tokens)]
        if not others and not (opening and _running_word_before_a_name(words, lex)):
            continue
        particle = any(low.endswith(p) and (low in lex.running_text or low.removesuffix(p) in lex.running_text) for p in _PARTICLES)
        longer = low in lex.common_words and any(len(o.tokens) > len(rest) for o in others)
        if not (low in platforms or ((particle or longer or not others) and opening)):
            continue
        ent.aliases.add(" ".join(ent.tokens))
        ent.name, ent.tokens = name_tail(ent.name, 1), ent.tokens[1:]
        same = next((o for o in reg.entities if o is not ent and o.tokens == ent.tokens), None)
        if same is not None:  # one entity for the name
            same.mentions.extend(ent.mentions)
            same.aliases.update(ent.aliases)
            same.spoke = same.spoke or ent.spoke
            same.titled = same.titled or ent.titled
            same.roles.extend(r for r in ent.roles if r not in same.roles)
            same.first = min(same.first, ent.first)
            reg.entities.remove(ent)
            reg.cache.clear()


def _running_word_before_a_name(words: list[str], lex: Lexicon) -> bool:
    """``Prestasi Jorge Lorenzo …``, ``Seandainya Jeff Goldblum …`` opening a sentence: a word
    the corpus writes in lower case (running text), then two words or more that it never does,
    the first spelled like a given name: the name starts after the word."""
    if len(words) < 3 or words[0].lower() not in lex.written_lower:
        return False  # a root no article writes in lower case (Juan, Dian) may be a first name
    return not any(w.lower() in lex.running_text for w in words[1:]) and (given_name(words[1], lex) or name_likeness(words[1]) > 0.1)


def _move_to_role(reg: Registry, ent: Entity, words: list[str], k: int) -> None:
    """The first ``k`` words of ``ent``'s name belong to its title: the name starts after
    them, the long form stays an alias, and a registered entity with the short name merges in."""
    lead = " ".join(words[:k])
    ent.aliases.add(" ".join(ent.tokens))
    ent.name, ent.tokens = name_tail(ent.name, k), ent.tokens[k:]
    ent.roles = [f"{r} {lead}" for r in ent.roles] or [lead]
    for other in reg.entities:
        if other is not ent and other.tokens == ent.tokens:
            ent.mentions.extend(other.mentions)
            ent.roles.extend(r for r in other.roles if r not in ent.roles)
            other.aliases.add(" ".join(name_tokens(lead + " " + ent.name)))


#: honorifics that may open a nickname (*akrab disapa Gus Ipul*, *disapa chef Nando*)
_NICK_HONORIFIC = r"((?i:gus|cak|kang|bang|mbak|mas|pak|bu|bung|kak|om|chef|coach|haji|h\.|hj\.|daeng)\s+)?"
_NICK = r"(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})"
#: the verbs of being called: *(yang) (lebih) akrab disapa (dengan)*, *biasa dipanggil*,
#: *dikenal sebagai*, *(lebih) dikenal dengan nama*, *biasa kita kenal dengan nama*, *akrab dengan sapaan*
_CALLED = (
    r"(?:yang\s+)?(?:lebih\s+|juga\s+)?(?:(?:akrab|biasa|karib|sering|kerap)\s+)?"
    r"(?:(?:di|(?:kita|kami)\s+)kenal\s+(?:dengan|sebagai)(?:\s+nama)?|disapa(?:\s+dengan)?|dipanggil(?:\s+dengan)?|dengan\s+(?:sapaan|panggilan|nama)(?:\s+akrab)?)"
)

#: right after a name: *Saifullah Yusuf atau (yang akrab disapa) Gus Ipul*, *Angie alias …*
_ALIAS = regex.compile(r"\s*,?\s*(?:(?:atau\s+)?" + _CALLED + r"|atau|alias)\s+" + _NICK_HONORIFIC + _NICK)

_ALIAS_WORD = regex.compile(r"(?<![\p{L}])(?:atau|alias|disapa|dipanggil|dikenal|sapaan|panggilan)(?![\p{L}])")

#: "Teco, sapaan (akrab) Stefano Cugurra": the nickname first, then the name it stands for
_NICKNAME_FIRST = regex.compile(
    r"(?<![\p{L}])(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*(?:,|--|–|—)?\s*(?:nama\s+)?(?:sapaan|panggilan)\s+(?:(?:akrab|karib)\s+)?(?:(?:bagi|untuk)\s+)?"
    r"(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3})"
)

#: a nickname stated of someone the sentence refers back to: *pria yang akrab disapa Emil
#: itu*, *ujar Tiko, sapaan akrabnya*, *Nana, begitu ia biasa dipanggil*
_NICKNAME_OF_REFERENT = regex.compile(
    r"(?<![\p{L}])(?:yang\s+" + _CALLED.removeprefix(r"(?:yang\s+)?") + r"\s+" + _NICK_HONORIFIC + _NICK
    + r"|" + _NICK + r"\s*(?:,|--|–|—)?\s*(?:(?:sapaan|panggilan)\s+(?:(?:akrab|karib)\s*)?nya|begitu\s+(?:ia|dia|beliau)\s+(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)))"
)


def _known_aliases(lex: Lexicon | None = None) -> dict[tuple[str, ...], frozenset[str]]:
    """Full name tokens → folded nicknames (the lexicon's ``aliases.json``), with and without
    a leading honorific (*Gus Ipul* is looked up as *ipul*); built once per lexicon."""
    lex = lex if lex is not None else default_lexicon()
    known = lex.cache.get("known_aliases")
    if known is None:
        known = lex.cache["known_aliases"] = _fold_aliases(lex)
    return known


def _fold_aliases(lex: Lexicon) -> dict[tuple[str, ...], frozenset[str]]:
    honorifics = lex.honorifics
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for full, nicknames in lex.aliases.items():
        forms: set[str] = set()
        for nick in nicknames:
            toks = name_tokens(nick)
            forms.add(" ".join(toks))
            if len(toks) > 1 and toks[0] in honorifics:
                forms.add(" ".join(toks[1:]))
        out[name_tokens(full)] = frozenset(forms)
    return out


def _aliases(text: str, reg: Registry) -> None:
    """``Saifullah Yusuf atau Gus Ipul``: the alias names the same person. Well-known
    nicknames (*Gus Ipul*, *Jokowi*) link to a full name the article states."""
    known = _known_aliases(reg.lex)
    stated = _ALIAS_WORD.search(text) is not None  # no alias phrase in the article: nothing to scan for
    for ent in list(reg.entities):
        if ent.kind != "person" or not ent.tokens:
            continue
        if len(ent.tokens) >= 2:
            ent.aliases.update(known.get(ent.tokens, ()))
        at = text.find(ent.name) if stated and ent.name else -1
        while at >= 0:
            end = at + len(ent.name)
            whole = (at == 0 or not text[at - 1].isalpha()) and (end >= len(text) or not text[end].isalpha())
            a = _ALIAS.match(text, end) if whole else None
            if a:
                ent.aliases.update(_nickname_forms(a.group(1), a.group(2)))
            at = text.find(ent.name, at + 1)
    for m in _NICKNAME_FIRST.finditer(text) if ("sapaan" in text or "panggilan" in text) else ():
        full = name_tokens(m.group(2))
        named = next((e for e in reg.entities if e.kind == "person" and e.tokens == full), None)
        if named is not None:
            nick = name_tokens(m.group(1))
            named.aliases.add(" ".join(nick))
            if len(nick) > 1 and nick[0] in reg.lex.honorifics:
                named.aliases.add(" ".join(nick[1:]))  # "Mbah Rono — sapaan Surono" … "kata Rono"
    for m in _NICKNAME_OF_REFERENT.finditer(text) if stated else ():
        forms = _nickname_forms(m.group(1), m.group(2)) if m.group(2) else _nickname_forms(None, m.group(3))
        nick_toks = name_tokens(m.group(2) or m.group(3))
        if any(forms & e.aliases for e in reg.entities):
            continue  # stated right after the name: read above
        # the person the description or the pronoun refers back to: the last one who spoke
        # before, else the last one named before
        best: tuple[bool, int, Entity] | None = None
        for e in reg.entities:
            if e.kind != "person" or e.tokens == nick_toks or len(e.tokens) < 2 and not (e.roles or e.titled):
                continue
            last = max((p for p in e.mentions if p < m.start()), default=-1)
            if last >= 0 and m.start() - last < 600 and (best is None or (e.spoke, last) > best[:2]):
                best = (e.spoke, last, e)
        if best is not None:
            best[2].aliases.update(forms)


#: a nickname in quotation marks, then the capitalized words of a name: *'Teco' Cugurra*
_QUOTED_NICKNAME = regex.compile(
    r"(['‘“\"])(\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)?)(['’”\"])\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})(?![\p{L}])"
)
_QUOTE_PAIRS = frozenset({("'", "'"), ("‘", "’"), ("“", "”"), ('"', '"')})


def _quoted_nicknames(text: str, reg: Registry) -> None:
    """``Stefano 'Teco' Cugurra``: a name with a nickname in quotation marks between its
    words is one person's full name, the nickname among its words; the nickname, the first
    words and the last words used alone name that person (:meth:`Registry.canonical` finds
    them inside it, never cutting it)."""
    if not any(q in text for q in "'‘“\""):
        return
    lex = reg.lex

    def name_word(w: str) -> bool:
        low = w.lower()
        if given_name(w, lex):
            return True
        return w[:1].isupper() and not (low in lex.stop_words or low in lex.common_words or low in lex.role_heads or lex.is_role_word(low) or low in lex.org_words or low in lex.places)

    for m in _QUOTED_NICKNAME.finditer(text):
        if (m.group(1), m.group(3)) not in _QUOTE_PAIRS or not all(name_word(w) for w in m.group(4).split()):
            continue
        before = text[: m.start()].split()
        first: list[str] = []
        while before and name_word(before[-1]) and (not first or given_name(before[-1], lex)) and len(first) < 2:
            first.insert(0, before.pop())  # one word, two when the first opens person names
        if not first:
            continue
        start = m.start() - len(" ".join(first)) - 1
        if text[start : m.start()].strip() != " ".join(first):
            continue  # the words before were not written with single spaces
        ent = reg.add(text[start : m.end()], start)
        ent.whole = True
        ent.aliases.add(" ".join(name_tokens(m.group(2))))


def _nickname_forms(honorific: str | None, nick: str) -> set[str]:
    """The folded forms a nickname is used in: with its honorific (*Om Shancoz*) and without."""
    forms = {" ".join(name_tokens(nick))}
    if honorific:
        forms.add(" ".join(name_tokens(f"{honorific.strip()} {nick}")))
    return forms


def _heuristic_people(art: Article, reg: Registry) -> None:
    """Without NER: register title + name phrases and multi-word capitalized names."""
    doc, lex = art.doc, art.lex
    common = lex.common_words
    k = 0
    n = len(doc)
    while k < n:
        tok = doc[k]
        if not tok.text[:1].isupper() or tok.lower_ in lex.function_words or tok.lower_ in lex.pronouns or inside_hyphenated(doc, k, lex) or (
            (tok.lower_ in lex.connectors or tok.lower_ in lex.cues or running_verb(tok, lex) or tok.lower_ in citing_verbs(art.phrases["via_before"]))
            and art.sents[art.sent_of(tok.idx)].start == tok.idx
        ):  # "Sementara …", "Diberitakan Osen, …", "Melansir Variety, …": a connector, a cue or a verb opening the sentence
            k += 1
            continue
        end = np_end(doc, k, n, lex)
        if end <= k:
            k += 1
            continue
        end = _before_paired_name(doc, k, end)
        if _wrapped_in_quote_marks(doc, k, end) or (k > 0 and doc[k - 1].lower_ in lex.words.title_introducers):
            k = end  # "film 'Cinta Silver'", "buku berjudul Cinta Silver": a work's title, no person
            continue
        if opens_cited_source(doc, k, lex):
            k = end  # "Mengutip Ace Showbiz, …", "seperti dilansir dari Variety": the source, no person
            continue
        if tok.lower_ in lex.words.party_heads and end - k >= 2 and is_cap(doc[k + 1]):
            # "Pihak Samsung sudah memberi tanggapan": the party is the organization named after the word
            reg.add(tokens_text(doc, list(doc[k + 1 : end])) or "", doc[k + 1].idx, kind="organization")
            k = end
            continue
        if (pair := _names_sharing_a_title(art, k, end)) is not None:
            role_toks, names = pair
            for toks in names:  # "Komisioner KPU Andi Saputra dan Rina Kartika": one title, two people
                reg.add(tokens_text(doc, toks) or "", toks[0].idx, clean_role(tokens_text(doc, role_toks), lex), titled=True)
            k = end
            continue
        role_toks, name_toks = split_role_name(doc, k, end, lex)
        if name_toks and role_toks and _title_before_an_appositive_name(art, name_toks, end):
            k = end  # "Ketua Bidang Hukmiyah Syariah, Lukman Hakim": the words before the comma are the title's
            continue
        if name_toks and not all(t.text.isupper() for t in name_toks) and 2 * sum(t.lower_ in common for t in name_toks) <= len(name_toks) and (
            len(name_toks) >= 2 or _has_title_word(role_toks, lex) or (k >= 2 and doc[k - 1].text == ",")
        ):
            m = make_mention(doc, k, end, lex)
            if m is not None and m.kind == "name":
                role = tokens_text(doc, role_toks)
                role = clean_role(role, lex)
                if role is None:
                    # appositives: "kader PDI-P, Wiradarma Harefa," / "Kulna, ayah kandung X,"
                    if k >= 2 and doc[k - 1].text == ",":
                        role = appositive(doc, k - 2, -1, lex)
                    if role is None and end + 1 < n and doc[end].text == ",":
                        role = appositive(doc, past_comma_age(doc, end) + 1, 1, lex)
                    if role is None and k >= 2 and doc[k - 1].lower_ in lex.words.naming_words:
                        # "Kader PDI-P bernama Angga Nugraha": the description names the role
                        before = k - 3 if k >= 3 and doc[k - 2].lower_ == "yang" else k - 2
                        role = appositive(doc, before, -1, lex)
                # a dateline before the name (Suara.com - …) is no title
                titled = any(not (t.is_punct or web_address(t.text)) for t in role_toks)
                reg.add(tokens_text(doc, name_toks) or "", name_toks[0].idx, role, titled=titled)
                if role and role_toks:
                    _coordinated_name(art, reg, end, role)
        k = max(end, k + 1)


def _title_before_an_appositive_name(art: Article, name_toks: list[Token], end: int) -> bool:
    """A titled run whose "name" no word of which is a person's (*Ketua Bidang Hukmiyah Syariah*,
    *Kepala … Badan Geologi*) before a comma and a person's name with no title of its own, closed
    by a comma or the sentence end: the run is that person's title, its last words an
    organization's, no person."""
    doc, lex = art.doc, art.lex

    def has_a_person_word(toks: Iterable[Token]) -> bool:
        return any(person_word(t.text, lex) or given_name(t.text, lex) for t in toks)

    if end + 1 >= len(doc) or doc[end].text != "," or has_a_person_word(name_toks):
        return False
    e = np_end(doc, end + 1, len(doc), lex)
    if e <= end + 1 or (e < len(doc) and doc[e].text not in {",", "."}):
        return False
    app = make_mention(doc, end + 1, e, lex)
    return app is not None and app.kind == "name" and not app.role and has_a_person_word(doc[end + 1 : e])


def _wrapped_in_quote_marks(doc: Doc, k: int, end: int) -> bool:
    """The run ``doc[k:end]`` stands alone between a pair of quotation marks."""
    return k >= 1 and end < len(doc) and (doc[k - 1].text, doc[end].text) in _QUOTE_PAIRS


def _names_sharing_a_title(art: Article, k: int, end: int) -> tuple[list[Token], list[list[Token]]] | None:
    """The title and the two names of a phrase ``doc[k:end]`` that joins two people by *dan*
    after one title (*Komisioner KPU Andi Saputra dan Rina Kartika*); ``None`` when the
    phrase is no such pair (*Menteri Pemuda dan Olahraga Imam Nahrawi*)."""
    doc, lex = art.doc, art.lex
    for d in range(k + 3, end - 2):
        if doc[d].lower_ != "dan":
            continue
        role_toks, first = split_role_name(doc, k, d, lex)
        second = _plain_name(art, d + 1, end)
        if role_toks and second is not None and len(first) >= 2 and not any(t.lower_ in lex.common_words for t in first):
            return role_toks, [first, second]
    return None


def _plain_name(art: Article, start: int, end: int) -> list[Token] | None:
    """The name ``doc[start:end]`` when it is one with no title: two words or more, none a
    common word; else ``None``."""
    role_toks, name_toks = split_role_name(art.doc, start, end, art.lex)
    if role_toks or len(name_toks) < 2 or any(t.lower_ in art.lex.common_words for t in name_toks):
        return None
    return name_toks


def _coordinated_name(art: Article, reg: Registry, end: int, role: str) -> None:
    """``Komisioner KPU RI Wahyu Setiawan dan Ilham Saputra``: a second name of two words or
    more joined by *dan* to a name read after its title shares that title."""
    doc, lex = art.doc, art.lex
    if end + 2 >= len(doc) or doc[end].lower_ != "dan" or not is_cap(doc[end + 1]):
        return
    name_toks = _plain_name(art, end + 1, np_end(doc, end + 1, len(doc), lex))
    if name_toks is not None:
        reg.add(tokens_text(doc, name_toks) or "", name_toks[0].idx, role, titled=True)


def _before_paired_name(doc: Doc, k: int, end: int) -> int:
    """``Kevin Sanjaya Sukamuljo/Marcus Fernaldi Gideon``: a slash between two names of two
    words or more (a doubles pair) ends the first; the second is read as a phrase of its own."""
    for s in range(k + 2, end - 2):
        if doc[s].text == "/" and not doc[s - 1].whitespace_ and is_cap(doc[s - 1]) and is_cap(doc[s - 2]) and is_cap(doc[s + 1]) and is_cap(doc[s + 2]):
            return s
    return end






def _has_title_word(toks: list[Token], lex: Lexicon) -> bool:
    """The words read before a name include a title, organization or description word or an
    acronym ("Piala Dunia Antarklub" has none: it is not a title and a name)."""
    return any(t.lower_ in lex.role_heads or lex.is_role_word(t.lower_) or t.lower_ in lex.descriptors or (t.text.isupper() and len(t.text) > 1) for t in toks)
