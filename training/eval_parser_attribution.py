"""Would the UD parser's subject of a speech verb improve speaker attribution?

Issue 4, point 3. Runs the shipped pipeline (``quoteattr.load()``) on a gold file, and for
every predicted quote matched to a gold quote (``quoteattr.evaluation.match``, the scorer's
matching) whose cue is found in the text (``quoteattr.render.find_cue``) it parses the
quote-aware sentence holding the cue with the parser of ``training/train_parser.py``,
finds the cue token and reads its subject::

    OMP_NUM_THREADS=1 .venv/bin/python -m training.eval_parser_attribution --parser /tmp/quoteattr_parser

Scope. "speaker before cue": the rules' speaker mention ends before the cue (*X mengatakan
bahwa …*, *X menjelaskan, …*); the parser's tag of the cue is counted, not required (a cue the
parser does not tag VERB still gets its subject read). "all cues": every matched quote whose
cue can have a subject: not *menurut*, not a clitic form (*ujarnya*: the speaker is *-nya*),
not a *di-* passive (*Dikatakan X*: the speaker is the agent); this adds the inverted
*“…,” kata X*, where the subject follows the verb, and quotes the rules left without a
mention. A subject inside the quote's own span is dropped.

The subject: the cue's ``nsubj``/``nsubj:pass`` child; when the cue has none and is a
``conj``/``xcomp``/``advcl``/``ccomp``/``parataxis`` of another word, that word's subject
(*X datang dan mengatakan …*). Its span: the subject's subtree without relative clauses,
conjuncts or punctuation. Its name: the subject when it is a PROPN, else its ``appos``/
``flat``/``nmod``/``compound`` PROPN child (appositions first, then nearest the verb),
extended over ``flat``/``flat:name``/``compound`` dependents and adjacent PROPN tokens; then
the words after the last title, organization, place, rank, honorific or day word of the
project's speaker lexicon, or a lower-case word (*Direktur Penyidikan KPK Asep Guntur
Rahayu* → *Asep Guntur Rahayu*). A pronoun, or a description with no name, gives no name.
The name is made canonical the way the gold's ``speaker_name`` is ("fullest name anywhere in
the article"), approximated by the rules' own name for this quote when it contains all the
name's words, else by the longest ``speaker_name`` the pipeline predicted in the same
article that does.

Three ways to use the subject, each counted as fixes (strict speaker wrong → right) and
breaks (right → wrong) on the matched quotes, speaker match as in ``score.py``:

* ``choice-oracle``: replace the rules' mention by the parser's subject when they do not
  overlap (the parser picks another noun phrase), with perfect resolution assumed: the new
  speaker is right iff the subject overlaps the gold mention (``speaker_start/end``). An
  upper bound on what a better subject choice can fix;
* ``choice-name``: the same change, with the parser's canonical name (no name → no change);
* ``override``: replace the rules' ``speaker_name`` whenever the parser's canonical name
  differs from it;
* ``fallback``: use the parser's canonical name only where the rules give no name.

Also printed: mention-level agreement with the gold ``speaker_start``/``speaker_end``, and
speed (words/s) of the parser on the same articles versus the default pipeline, one thread,
best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

import quoteattr
from quoteattr.evaluation import match, score, speaker_ok
from quoteattr.lexicon import speaker_lexicon
from quoteattr.render import find_cue
from quoteattr.segment import paragraphs, quote_spans, sentences
from quoteattr.types import Quote

SUBJ = ("nsubj", "nsubj:pass")
CLIMB = ("conj", "xcomp", "advcl", "ccomp", "parataxis")
NAME_CHILD = ("appos", "flat", "flat:name", "nmod", "compound")
NAME_EXT = ("flat", "flat:name", "compound", "flat:foreign")
COMMAND = "OMP_NUM_THREADS=1 .venv/bin/python -m training.eval_parser_attribution --parser /tmp/quoteattr_parser"


def _words(s: str | None) -> list[str]:
    if not s:
        return []
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[^\w\s-]", " ", s).replace("-", " ").split()


@dataclass
class Subject:
    """The parser's reading of one cue."""

    cue_pos: str
    start: int | None = None  # char offsets (article) of the subject phrase, no relative clause
    end: int | None = None
    text: str | None = None
    name: str | None = None
    kind: str = "none"  # none | name | pronoun | other


def _subject_token(cue: Token) -> Token | None:
    tok: Token | None = cue
    for _ in range(3):
        if tok is None:
            break
        subj = [c for c in tok.children if c.dep_.lower() in SUBJ]
        if subj:
            return min(subj, key=lambda c: abs(c.i - cue.i))
        tok = tok.head if tok.dep_.lower() in CLIMB and tok.head is not tok else None
    return None


def _phrase(subj: Token) -> tuple[int, int]:
    """Token range of the subject without relative clauses, clauses or conjuncts; the
    punctuation inside it is kept (*Direktur olahraga Bayern, Hasan Salihamidzic*), not at its ends."""
    keep = {subj.i}
    stack = [subj]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_.lower() in ("acl", "acl:relcl", "parataxis", "advcl", "conj", "cc"):
                continue
            keep.add(c.i)
            stack.append(c)
    lo, hi = subj.i, subj.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = subj.doc
    while lo < subj.i and doc[lo].is_punct:
        lo += 1
    while hi > subj.i and doc[hi].is_punct:
        hi -= 1
    return lo, hi + 1


def _name_of(subj: Token, cue: Token) -> tuple[str | None, str]:
    doc = subj.doc
    head: Token | None = None
    if subj.pos_ == "PROPN":
        head = subj
    elif subj.pos_ == "PRON":
        return None, "pronoun"
    else:
        kids = [c for c in subj.subtree if c is not subj and c.pos_ == "PROPN" and c.dep_.lower() in NAME_CHILD and c.head.i == subj.i]
        if kids:
            head = min(kids, key=lambda c: (c.dep_.lower() != "appos", abs(c.i - cue.i)))
    if head is None:
        return None, "other"
    idx = {head.i}
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_.lower() in NAME_EXT and c.pos_ in ("PROPN", "NOUN", "X"):
                idx.add(c.i)
                stack.append(c)
    lo, hi = min(idx), max(idx)
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and lo - 1 != cue.i:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and hi + 1 != cue.i:
        hi += 1
    name = clean_name(doc[lo : hi + 1])
    return (name, "name") if name else (None, "other")


def _name_words_ok(tok: Token) -> bool:
    lex = speaker_lexicon()
    low = tok.lower_
    if not tok.text[:1].isupper() or low in lex.role_words_lower or low in lex.days or lex.is_role_word(low):
        return False
    return not any(low == r[0] for r in lex.ranks)


def clean_name(span: Span) -> str | None:
    """A person's name: the words of ``span`` after its last title/organization/place/rank/
    lower-case word; an organization's (the span opens with an organization word): all of it."""
    toks = [t for t in span if not t.is_punct or t.text in "-'."]
    lex = speaker_lexicon()
    if toks and (toks[0].lower_ in lex.org_words or toks[0].lower_ in lex.org_speakers) and toks[0].lower_ not in lex.role_heads:
        return " ".join(t.text for t in toks)  # an organization: "Kementerian Hukum", "Komisi III"
    keep: list[Token] = []
    for t in toks:
        keep = keep + [t] if _name_words_ok(t) else []
    return " ".join(t.text for t in keep) or None


def read_subject(parser: Language, text: str, sent: tuple[int, int], cue: tuple[int, int]) -> Subject:
    """Parse ``text[sent[0]:sent[1]]`` and read the subject of the token at ``cue``."""
    s0, s1 = sent
    doc = parser(text[s0:s1])
    span = doc.char_span(cue[0] - s0, cue[1] - s0, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Subject(cue_pos="?")
    verb = span.root if len(span) > 1 else span[0]
    out = Subject(cue_pos=verb.pos_)
    subj = _subject_token(verb)
    if subj is None:
        return out
    lo, hi = _phrase(subj)
    phrase: Span = doc[lo:hi]
    out.start, out.end = s0 + phrase.start_char, s0 + phrase.end_char
    out.text = phrase.text
    out.name, out.kind = _name_of(subj, verb)
    return out


def canonical(name: str, rules_name: str | None, article_names: list[str]) -> str:
    """The rules' own name when it contains all of ``name``'s words (same person, nothing to
    change), else the longest ``speaker_name`` predicted in the article that does, else ``name``."""
    want = set(_words(name))
    if want and want <= set(_words(rules_name)):
        return rules_name or name
    best = name
    for cand in article_names:
        if want and want <= set(_words(cand)) and len(_words(cand)) > len(_words(best)):
            best = cand
    return best


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    return None not in a and None not in b and a[0] < b[1] and b[0] < a[1]  # type: ignore[operator]


def _sentence_of(sents: list[tuple[int, int]], char: int) -> tuple[int, int] | None:
    for s, e in sents:
        if s <= char < e:
            return s, e
    return None


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out.setdefault(str(rec["id"]), rec)
    return out


def git_state() -> str:
    """Where the rules come from: HEAD of the imported quoteattr's repository, and whether
    quoteattr/ has uncommitted edits there; else the package path (e.g. a ``git archive`` export)."""
    pkg = Path(quoteattr.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True, cwd=pkg).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "."], capture_output=True, text=True, check=True, cwd=pkg).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"package at {pkg} (not a git checkout)"
    return head + (" + uncommitted edits in quoteattr/" if dirty else "")


def timed(fn: Any, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` runs (CPU time is steadier on a busy machine)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def evaluate(gold: dict[str, dict[str, Any]], nlp: Language, parser: Language) -> dict[str, Any]:
    preds: dict[str, list[Quote]] = {aid: list(nlp(art["text"])._.quotes or []) for aid, art in gold.items()}
    base, _ = score(gold, {aid: [q.to_dict() for q in qs] for aid, qs in preds.items()})
    c: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    parsed_words = 0
    parse_secs = 0.0
    for aid, art in gold.items():
        text = art["text"]
        norm = nlp.make_doc(text).text  # offset-preserving normalization, as the rules see it
        paras = paragraphs(norm)
        sents = [(s.start, s.end) for s in sentences(norm, paras, quote_spans(norm, paras))]
        pq = preds[aid]
        article_names = [q.speaker_name for q in pq if q.speaker_name]
        for gi, pi in match(text, art.get("quotes") or [], [q.to_dict() for q in pq]):
            g, p = art["quotes"][gi], pq[pi]
            pdict = p.to_dict()
            ok = speaker_ok(g, pdict)
            c["matched"] += 1
            cue = find_cue(text, p)
            sent = _sentence_of(sents, cue[0]) if cue else None
            if cue is None or sent is None:
                c["no_cue"] += 1
                continue
            parsed_words += len(norm[sent[0] : sent[1]].split())
            t0 = time.perf_counter()
            subj = read_subject(parser, norm, sent, cue)
            parse_secs += time.perf_counter() - t0
            cue_low = (p.cue or "").lower()
            if cue_low.startswith("menurut"):
                c["cue_menurut"] += 1
                continue
            if cue_low.endswith("nya") or (cue_low.startswith("di") and not cue_low.startswith("dia")):
                c["cue_clitic_or_passive"] += 1  # the speaker is the clitic / the agent, not a subject
                continue
            if subj.start is not None and _overlap((subj.start, subj.end), (p.quote_start, p.quote_end)):
                subj = Subject(cue_pos=subj.cue_pos)  # a subject inside the quote is never the speaker
                c["subject_inside_quote"] += 1
            before = p.speaker_end is not None and p.speaker_end <= cue[0]
            gold_m = (g.get("speaker_start"), g.get("speaker_end"))
            rule_m = (p.speaker_start, p.speaker_end)
            subj_m = (subj.start, subj.end)
            new_name = canonical(subj.name, p.speaker_name, article_names) if subj.name else None
            new_ok = speaker_ok(g, {"speaker_name": new_name})
            disagree = subj.start is not None and not _overlap(subj_m, rule_m)
            changes = {
                "choice-oracle": (disagree, _overlap(subj_m, gold_m)),
                "choice-name": (disagree and new_name is not None, new_ok),
                "override": (new_name is not None and _words(new_name) != _words(p.speaker_name), new_ok),
                "fallback": (new_name is not None and not p.speaker_name, new_ok),
            }
            for sc in ["all"] + (["before"] if before else []):
                c[f"{sc}:n"] += 1
                c[f"{sc}:cue_verb"] += subj.cue_pos == "VERB"
                c[f"{sc}:rules_ok"] += ok
                c[f"{sc}:subject_found"] += subj.start is not None
                c[f"{sc}:subject_name"] += subj.name is not None
                c[f"{sc}:rules_mention_gold"] += _overlap(rule_m, gold_m)
                c[f"{sc}:parser_mention_gold"] += _overlap(subj_m, gold_m)
                c[f"{sc}:parser_name_ok"] += new_ok
                c[f"{sc}:wrong_mention_not_gold"] += (not ok) and not _overlap(rule_m, gold_m)
                for pol, (changed, right) in changes.items():
                    if changed:
                        c[f"{sc}:{pol}:changed"] += 1
                        c[f"{sc}:{pol}:fix"] += (not ok) and right
                        c[f"{sc}:{pol}:break"] += ok and not right
            if not ok or any(ch and ok and not right for ch, right in changes.values()):
                examples.append({
                    "id": aid, "cue": p.cue, "before": before, "gold": g.get("speaker_name"), "gold_mention": g.get("speaker"),
                    "rules": p.speaker_name, "rules_mention": p.speaker, "parser_subject": subj.text,
                    "parser_name": subj.name, "parser_canonical": new_name, "cue_pos": subj.cue_pos,
                })
    c["parsed_words"] = parsed_words
    return {"baseline": base, "counts": dict(c), "examples": examples, "cue_sentence_parse_seconds": round(parse_secs, 3)}


def speed(gold: dict[str, dict[str, Any]], nlp: Language, parser: Language, repeat: int) -> dict[str, Any]:
    texts = [art["text"] for art in gold.values()]
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))
    list(parser.pipe(texts[:5]))
    w_rules, c_rules = timed(lambda: list(nlp.pipe(texts)), repeat)
    w_parser, c_parser = timed(lambda: list(parser.pipe(texts)), repeat)
    return {
        "words": n_words,
        "pipeline_words_per_sec": round(n_words / w_rules),
        "parser_words_per_sec": round(n_words / w_parser),
        "parser_over_pipeline_time": round(w_parser / w_rules, 1),
        "pipeline_words_per_cpu_sec": round(n_words / c_rules),
        "parser_words_per_cpu_sec": round(n_words / c_parser),
        "parser_over_pipeline_cpu": round(c_parser / c_rules, 1),
        "pipeline_seconds": round(w_rules, 3),
        "parser_seconds": round(w_parser, 3),
    }


SCOPES = (("speaker before cue", "before"), ("all cues", "all"))
POLICIES = ("choice-oracle", "choice-name", "override", "fallback")


def _row(label: str, c: dict[str, int], sc: str) -> str:
    keys = ("n", "cue_verb", "rules_ok", "subject_found", "subject_name", "rules_mention_gold", "parser_mention_gold", "parser_name_ok", "wrong_mention_not_gold")
    widths = (4, 5, 7, 5, 5, 8, 7, 6, 6)
    return f"{label:18} " + " ".join(f"{c.get(f'{sc}:{k}', 0):{w}d}" for k, w in zip(keys, widths))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Measure whether the UD parser's subject of the cue verb would fix speaker attribution.")
    ap.add_argument("--gold", type=Path, default=Path("../shared/eval/dev.gold.jsonl"))
    ap.add_argument("--parser", type=Path, default=Path("/tmp/quoteattr_parser"), help="output of training.train_parser")
    ap.add_argument("--model", default=None, help="quoteattr.load() model argument (default: the shipped pipeline)")
    ap.add_argument("--repeat", type=int, default=5, help="timing runs (best is kept)")
    ap.add_argument("--out", type=Path, default=Path("runs/parser/attribution.json"))
    ap.add_argument("--examples", action="store_true", help="print the quotes where the rules are wrong or the parser would change a right one")
    args = ap.parse_args(argv)

    gold = load_gold(args.gold)
    nlp = quoteattr.load(args.model)
    parser = spacy.load(args.parser)
    res = evaluate(gold, nlp, parser)
    res["speed_1_thread"] = speed(gold, nlp, parser, args.repeat)
    res["command"] = COMMAND
    res["code"] = git_state()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False))

    b, c, sp = res["baseline"], res["counts"], res["speed_1_thread"]
    print(f"rules: quoteattr at {res['code']}")
    print(f"gold: {args.gold}  articles: {b['articles']}  matched quotes: {b['quotes']['tp']}  "
          f"speaker accuracy (rules): {b['speaker_accuracy']:.4f}  attribution F1: {b['attribution']['f1']:.4f}")
    print(f"matched quotes left out: no cue found {c.get('no_cue', 0)}, cue menurut {c.get('cue_menurut', 0)}, "
          f"clitic (-nya) or di- passive cue {c.get('cue_clitic_or_passive', 0)}; parser subjects inside the quote (dropped): "
          f"{c.get('subject_inside_quote', 0)}")
    print()
    print(f"{'scope':18} {'n':>4} {'VERB':>5} {'rulesOK':>7} {'subj':>5} {'name':>5} {'rulesM=G':>8} {'parsM=G':>7} {'parsOK':>6} {'wrongM':>6}")
    for label, sc in SCOPES:
        print(_row(label, c, sc))
    print("  VERB: parser tags the cue VERB; rulesOK: rules' speaker_name right; subj/name: the parser found a subject /")
    print("  a name in it; rulesM=G, parsM=G: the rules' mention / the parser's subject overlaps the gold mention;")
    print("  parsOK: the parser's canonical name is right; wrongM: rules wrong and their mention is not the gold one")
    print()
    print(f"{'scope':18} {'policy':14} {'changed':>7} {'fixes':>6} {'breaks':>6} {'net':>5}")
    for label, sc in SCOPES:
        for pol in POLICIES:
            ch, fx, br = (c.get(f"{sc}:{pol}:{k}", 0) for k in ("changed", "fix", "break"))
            print(f"{label:18} {pol:14} {ch:7d} {fx:6d} {br:6d} {fx - br:+5d}")
    print()
    print(f"speed, one thread, {sp['words']} words of {b['articles']} articles (best of {args.repeat}):")
    print(f"  wall: pipeline {sp['pipeline_words_per_sec']} words/s, parser {sp['parser_words_per_sec']} words/s, "
          f"parser/pipeline time {sp['parser_over_pipeline_time']}x")
    print(f"  CPU:  pipeline {sp['pipeline_words_per_cpu_sec']} words/s, parser {sp['parser_words_per_cpu_sec']} words/s, "
          f"parser/pipeline time {sp['parser_over_pipeline_cpu']}x")
    print(f"  parsing only the cue sentences of the matched quotes, one call each ({c.get('parsed_words', 0)} words): "
          f"{res['cue_sentence_parse_seconds']:.2f} s wall = {res['cue_sentence_parse_seconds'] / sp['pipeline_seconds']:.1f}x the pipeline's time")
    if args.examples:
        print()
        for e in res["examples"]:
            print(json.dumps(e, ensure_ascii=False))


if __name__ == "__main__":
    main()
