"""Training data for the stanza backend, written in the formats stanza's trainers read.

* Tokenizer: UD Indonesian CSUI (``id_csui-ud-train.conllu``) → paragraphs of raw text plus
  one label per character (``0`` inside a token, ``1`` token end, ``2`` sentence end), the
  format of ``stanza.utils.datasets.prepare_tokenizer_data``. Multi-word tokens
  (``menyetujuinya`` = ``menyetujui`` + ``nya``) are kept as one surface token, so the
  tokenizer needs no MWT model and every token is a span of the input text, as quoteattr's
  Docs require. Groups of ``PARA`` consecutive treebank sentences form one paragraph.
* NER: the idner-news-2k / NER-UI / NERGRIT sets read, label-mapped and deduplicated by
  :mod:`training.convert_ner` (same code, same priorities as the spaCy model), written as
  stanza's JSON (a list of sentences, each a list of ``{"text", "ner"}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from training import convert_ner

PARA = 10

Token = tuple[str, bool]  # surface form, SpaceAfter


def read_conllu_tokens(path: Path) -> Iterator[list[Token]]:
    """Sentences as (surface token, space after) lists; multi-word tokens stay whole."""
    sent: list[Token] = []
    skip_to = 0
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent, skip_to = [], 0
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            tid = cols[0]
            if "." in tid:
                continue
            space = "SpaceAfter=No" not in cols[9]
            if "-" in tid:
                end = int(tid.split("-")[1])
                sent.append((cols[1], space))
                skip_to = end
                continue
            if int(tid) <= skip_to:
                continue
            sent.append((cols[1], space))
    if sent:
        yield sent


def paragraphs(sents: list[list[Token]], size: int = PARA) -> Iterator[list[list[Token]]]:
    for i in range(0, len(sents), size):
        yield sents[i : i + size]


def para_text_labels(para: list[list[Token]]) -> tuple[str, str]:
    """Raw text of a paragraph and its per-character labels (same length)."""
    text: list[str] = []
    labels: list[str] = []
    for s_i, sent in enumerate(para):
        for t_i, (tok, space) in enumerate(sent):
            last_tok = t_i == len(sent) - 1
            text.append(tok)
            labels.append("0" * (len(tok) - 1) + ("2" if last_tok else "1"))
            if last_tok:
                if s_i < len(para) - 1:
                    text.append(" ")
                    labels.append("0")
            elif space:
                text.append(" ")
                labels.append("0")
    return "".join(text), "".join(labels)


def write_conllu(sents: list[list[Token]], path: Path) -> None:
    """A minimal CoNLL-U of the surface tokens (the gold file for the tokenizer's dev score)."""
    with open(path, "w", encoding="utf-8") as out:
        for n, sent in enumerate(sents, 1):
            out.write(f"# sent_id = {n}\n")
            for i, (tok, space) in enumerate(sent, 1):
                misc = "_" if space else "SpaceAfter=No"
                out.write(f"{i}\t{tok}\t_\t_\t_\t_\t{0 if i == 1 else 1}\t{'root' if i == 1 else 'dep'}\t_\t{misc}\n")
            out.write("\n")


def write_tokenizer_split(sents: list[list[Token]], prefix: Path) -> dict[str, str]:
    texts, labels = [], []
    for para in paragraphs(sents):
        t, lab = para_text_labels(para)
        assert len(t) == len(lab)
        texts.append(t)
        labels.append(lab)
    files = {"txt": str(prefix) + ".txt", "label": str(prefix) + ".toklabels", "conllu": str(prefix) + ".conllu"}
    Path(files["txt"]).write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    Path(files["label"]).write_text("\n\n".join(labels) + "\n", encoding="utf-8")
    write_conllu(sents, Path(files["conllu"]))
    return files


def tokenizer_data(ud_dir: Path, out_dir: Path, dev_sents: int = 66, limit: int | None = None) -> dict[str, dict[str, str]]:
    """CSUI train → train (all but the last ``dev_sents`` sentences) and dev; CSUI test → test."""
    out_dir.mkdir(parents=True, exist_ok=True)
    csui = ud_dir / "UD_Indonesian-CSUI"
    train = list(read_conllu_tokens(csui / "id_csui-ud-train.conllu"))
    test = list(read_conllu_tokens(csui / "id_csui-ud-test.conllu"))
    dev, train = train[-dev_sents:], train[:-dev_sents]
    if limit:
        train = train[:limit]
    return {
        "train": write_tokenizer_split(train, out_dir / "train"),
        "dev": write_tokenizer_split(dev, out_dir / "dev"),
        "test": write_tokenizer_split(test, out_dir / "test"),
    }


def ner_data(ner_dir: Path, out_dir: Path, nergrit: bool = True, limit: int | None = None) -> dict[str, str]:
    """Write train/dev/idner_test JSON for stanza's NER trainer; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    splits, stats = convert_ner.load_splits(convert_ner.source_files(ner_dir))
    corpora = dict(convert_ner.CORPORA)
    train_name = "train_plus" if nergrit else "train"
    wanted = {"train": corpora[train_name], "dev": corpora["dev"], "idner_test": corpora["idner_test"]}
    paths = {}
    for name, parts in wanted.items():
        sents = [s for part in parts for s in splits.get(part, [])]
        if limit and name == "train":
            sents = sents[:limit]
        data = [[{"text": w, "ner": t} for w, t in zip(words, tags)] for words, tags in sents]
        path = out_dir / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths[name] = str(path)
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2))
    return paths


def ner_sentences(path: str | Path) -> list[tuple[list[str], list[str]]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [([t["text"] for t in s], [t["ner"] for t in s]) for s in data]
