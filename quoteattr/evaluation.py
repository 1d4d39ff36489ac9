"""Scoring predictions against gold annotations (same figures as ``shared/eval/score.py``).

Matching (GUIDELINES.md): a predicted quote matches a gold quote when their spans
overlap and the overlap covers at least half of the gold span's alphanumeric
characters; one-to-one, greedy, largest overlap (Jaccard over alphanumeric positions)
first. Speaker accuracy compares case-folded, whitespace-normalized ``speaker_name``;
lenient accuracy accepts a prediction whose tokens are a subset of the gold name's;
role accuracy needs token F1 ≥ 0.5.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

_ALNUM = re.compile(r"\w", re.UNICODE)


def _norm(s: Any) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"[^\w\s-]", " ", s)
    return " ".join(s.split())


def _tokens(s: Any) -> list[str]:
    return _norm(s).replace("-", " ").split()


def match(text: str, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of predicted to gold quotes: ``[(gold_i, pred_i)]``."""
    gpos = [{i for i in range(g["quote_start"], g["quote_end"]) if _ALNUM.match(text[i])} for g in gold]
    cands = []
    for pi, p in enumerate(pred):
        try:
            ps, pe = int(p["quote_start"]), int(p["quote_end"])
        except (KeyError, TypeError, ValueError):
            continue
        ppos = {i for i in range(max(ps, 0), min(pe, len(text))) if _ALNUM.match(text[i])}
        for gi, gp in enumerate(gpos):
            if not gp:
                continue
            ov = len(gp & ppos)
            if ov and ov >= 0.5 * len(gp):
                cands.append((ov / len(gp | ppos), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def speaker_ok(g: Mapping[str, Any], p: Mapping[str, Any], lenient: bool = False) -> bool:
    gn, pn = _norm(g.get("speaker_name")), _norm(p.get("speaker_name"))
    if not gn:
        return not pn
    if gn == pn:
        return True
    if lenient and pn:
        return set(_tokens(pn)) <= set(_tokens(gn))
    return False


def role_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gt, pt = _tokens(g.get("role")), _tokens(p.get("role"))
    if not gt or not pt:
        return False
    common = sum(min(gt.count(t), pt.count(t)) for t in set(gt))
    if not common:
        return False
    prec, rec = common / len(pt), common / len(gt)
    return 2 * prec * rec / (prec + rec) >= 0.5


def _prf(tp: int, npred: int, ngold: int) -> dict[str, Any]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": npred, "gold": ngold}


def _group(t: Any) -> str:
    return "direct" if t == "direct" else "indirect"


def score(gold: Mapping[str, Mapping[str, Any]], preds: Mapping[str, Sequence[Mapping[str, Any]]]) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """Score predictions (article id → quote dicts) against gold (article id → record).

    Returns:
        (figures, errors): the figures of ``score.py`` and a list of error tuples
        ``(kind, article_id, …)`` with kind in missed, spurious, speaker, role.
    """
    c: dict[str, int] = defaultdict(int)
    errors: list[tuple[Any, ...]] = []
    for aid, art in gold.items():
        text = art["text"]
        g = art.get("quotes") or []
        p = list(preds.get(aid, []))
        pairs = match(text, g, p)
        c["gold"] += len(g)
        c["pred"] += len(p)
        c["tp"] += len(pairs)
        for q in g:
            c["gold_" + _group(q["type"])] += 1
        for q in p:
            c["pred_" + _group(q.get("type", "direct"))] += 1
        for gi, pi in pairs:
            gq, pq = g[gi], p[pi]
            c["tp_" + _group(gq["type"])] += 1
            if _group(gq["type"]) == _group(pq.get("type", "direct")):
                c["tp_typed_" + _group(gq["type"])] += 1
            if speaker_ok(gq, pq):
                c["spk"] += 1
            else:
                errors.append(("speaker", aid, gq.get("quote", "")[:80], gq.get("speaker_name"), pq.get("speaker_name")))
            if speaker_ok(gq, pq, lenient=True):
                c["spk_lenient"] += 1
            if gq.get("role"):
                c["role_gold"] += 1
                if role_ok(gq, pq):
                    c["role_ok"] += 1
                else:
                    errors.append(("role", aid, gq.get("speaker_name"), gq.get("role"), pq.get("role")))
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for gi, gq in enumerate(g):
            if gi not in mg:
                errors.append(("missed", aid, gq["type"], gq.get("quote", "")[:100], gq.get("speaker_name")))
        for pi, pq in enumerate(p):
            if pi not in mp:
                s, e = pq.get("quote_start"), pq.get("quote_end")
                frag = text[s:e][:100] if isinstance(s, int) and isinstance(e, int) else str(pq.get("quote", ""))[:100]
                errors.append(("spurious", aid, pq.get("type"), frag, pq.get("speaker_name")))
    res = {
        "articles": len(gold),
        "quotes": _prf(c["tp"], c["pred"], c["gold"]),
        "direct": _prf(c["tp_typed_direct"], c["pred_direct"], c["gold_direct"]),
        "indirect": _prf(c["tp_typed_indirect"], c["pred_indirect"], c["gold_indirect"]),
        "attribution": _prf(c["spk"], c["pred"], c["gold"]),
        "speaker_accuracy": round(c["spk"] / c["tp"], 4) if c["tp"] else 0.0,
        "speaker_accuracy_lenient": round(c["spk_lenient"] / c["tp"], 4) if c["tp"] else 0.0,
        "role_accuracy": round(c["role_ok"] / c["role_gold"], 4) if c["role_gold"] else 0.0,
    }
    return res, errors
