"""Smoke test for the NER training code (training/convert_ner.py, training/build_model.py).

Runs the real conversion + spaCy training for a few steps on hand-written Indonesian CoNLL
sentences laid out like ``../shared/data/ner`` in ``tmp_path`` (no shared data needed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the repo root holds quoteattr/ and training/
    sys.path.insert(0, str(ROOT))

spacy = pytest.importorskip("spacy")

import quoteattr.tokenizer  # noqa: E402,F401
from training.build_model import build  # noqa: E402
from training.convert_ner import convert, map_tags, read_conll  # noqa: E402

# (words, tags) with idner-style labels.
SENTENCES = [
    ("Presiden Joko Widodo meresmikan bandara baru di Kulon Progo .", "O B-PER I-PER O O O O B-LOC I-LOC O"),
    ("Menteri Luar Negeri Retno Marsudi bertemu Menlu Rusia Sergei Lavrov di Jakarta .",
     "O O O B-PER I-PER O O B-LOC B-PER I-PER O B-LOC O"),
    ("Bank Indonesia menahan suku bunga acuan , kata Perry Warjiyo .", "B-ORG I-ORG O O O O O O B-PER I-PER O"),
    ("Gubernur Anies Baswedan meninjau banjir di Jakarta Utara .", "O B-PER I-PER O O O B-LOC I-LOC O"),
    ("KPK memeriksa Setya Novanto di Gedung Merah Putih .", "B-ORG O B-PER I-PER O B-LOC I-LOC I-LOC O"),
    ("Partai Golkar menggelar rapat di Bandung .", "B-ORG I-ORG O O O B-LOC O"),
    ("Sri Mulyani mengatakan ekonomi Indonesia tumbuh lima persen .", "B-PER I-PER O O B-LOC O O O O"),
    ("Polda Metro Jaya menangkap dua tersangka di Bekasi .", "B-ORG I-ORG I-ORG O O O O B-LOC O"),
]
NERUI_MAP = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def _write_idner(path: Path, sents) -> None:
    lines = []
    for words, tags in sents:
        for w, t in zip(words.split(), tags.split()):
            lines.append(f"{w} PROPN {t}\r\n")
        lines.append("\r\n")
    path.write_text("".join(lines), encoding="utf-8")


def _write_nerui(path: Path, sents) -> None:
    lines = []
    for words, tags in sents:
        for w, t in zip(words.split(), tags.split()):
            if t != "O":
                t = t[:2] + NERUI_MAP[t[2:]]
            lines.append(f"{w}\t{t}\n")
        lines.append("\n")
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    idner = root / "data" / "ner" / "idner-news-2k"
    nerui = root / "data" / "ner" / "indolem-nerui-nerugm" / "data" / "nerui"
    idner.mkdir(parents=True)
    nerui.mkdir(parents=True)
    _write_idner(idner / "train.txt", SENTENCES[:6])
    _write_idner(idner / "dev.txt", SENTENCES[6:])
    _write_idner(idner / "test.txt", SENTENCES[6:])
    # NER-UI: one sentence duplicates the idner test split and must be dropped from training.
    _write_nerui(nerui / "train.01.tsv", SENTENCES[:3] + SENTENCES[6:7])
    _write_nerui(nerui / "dev.01.tsv", SENTENCES[3:4])
    _write_nerui(nerui / "test.01.tsv", SENTENCES[4:5])
    return root


def test_map_tags_repairs_and_maps() -> None:
    mapping = {"PERSON": "PER", "PLACE": "LOC"}
    assert map_tags(["I-PERSON", "I-PERSON", "B-TIME", "I-PLACE"], mapping) == ["B-PER", "I-PER", "O", "B-LOC"]


def test_convert_dedupes_eval_sentences_out_of_training(shared: Path, tmp_path: Path) -> None:
    info = convert(shared / "data" / "ner", tmp_path / "corpus")
    splits = info["splits"]
    assert splits["idner_test"]["kept"] == 2
    assert splits["idner_dev"]["kept"] == 0  # same sentences as test: test wins
    assert splits["nerui_train"]["dup_other"] >= 3  # overlaps idner train/test
    words, tags = next(read_conll(shared / "data" / "ner" / "idner-news-2k" / "train.txt"))
    assert words[:3] == ["Presiden", "Joko", "Widodo"] and tags[1] == "B-PER"


def test_build_writes_loadable_pipeline(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "id_news"
    overrides = {
        "training.max_steps": 12,
        "training.eval_frequency": 4,
        "components.tok2vec.model.encode.width": 32,
        "components.tok2vec.model.encode.depth": 1,
    }
    meta = build(shared, out, tmp_path / "work", overrides=overrides, bench=False)
    assert (out / "meta.json").exists() and (out / "config.cfg").exists()
    saved = json.loads((out / "meta.json").read_text())
    assert saved["lang"] == "id" and saved["sources"]
    assert "idner_test" in meta["performance"]["evaluation"]
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    doc = nlp("Presiden Joko Widodo meresmikan bandara di Jakarta.")
    assert len(doc) > 0
    assert all(ent.label_ in {"PER", "ORG", "LOC"} for ent in doc.ents)


def test_ngram_weights_lean_to_the_entity_type() -> None:
    """training/build_names.py: n-grams of person-name words weigh above 0, of others below."""
    from collections import Counter

    from training.build_names import grams, ngram_weights

    person = Counter({w: 3 for w in ["Wahyudi", "Hendrawan", "Suryadi", "Setiawan", "Kurniawan", "Hidayat"]})
    other = Counter({w: 3 for w in ["Kemenkes", "Kemenhub", "Kemendag", "Pertamina", "Telkomsel", "Indosat"]})
    weights = ngram_weights(person, other, min_types=2, min_weight=0.0)
    assert weights["wan$"] > 0 > weights["^kem"]
    assert grams("Ab") == ["^a", "ab", "b$", "^ab", "ab$", "^ab$"]


@pytest.mark.parametrize("word,sign", [("Setyanto", 1), ("Herry", 1), ("Kemenperin", -1), ("Bukalapak", -1), ("Telkomsel", -1)])
def test_name_likeness_of_the_shipped_ngrams(word: str, sign: int) -> None:
    """The shipped resources/name_ngrams.json reads name-like and organization-like spellings apart."""
    from quoteattr.mentions import name_likeness

    assert name_likeness(word) * sign > 0.2


def test_given_names_come_from_the_train_speakers_not_from_words_of_other_entities(tmp_path: Path) -> None:
    """training/build_names.py: the first word of a person speaker named with two words or
    more, unless the NER counts see it mostly outside person names or a speaker list holds it."""
    from collections import Counter

    from training.build_names import given_names

    quotes = [
        {"speaker_name": "Marcello Tavani", "speaker_type": "person"},
        {"speaker_name": "Dorenko", "speaker_type": "person"},  # one word: no given name to read
        {"speaker_name": "Kementerian Perhubungan", "speaker_type": "organization"},
        {"speaker_name": "Pasar Santoso", "speaker_type": "person"},  # a listed organization word
        {"speaker_name": "Garuda Wibowo", "speaker_type": "person"},  # mostly an organization's word
    ]
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({"id": "a", "text": "", "quotes": quotes}) + "\n", encoding="utf-8")
    assert given_names(train, Counter({"Garuda": 1}), Counter({"Garuda": 9})) == ["Marcello"]


@pytest.mark.parametrize("word", ["Valentino", "Sebastian", "Febri"])
def test_the_shipped_given_names_are_given_names(word: str) -> None:
    from quoteattr.mentions.words import given_name

    assert given_name(word)


def test_role_head_miner_lists_unknown_heads_once_per_speaker(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from mine_role_heads import candidates

    quotes = [
        {"speaker_name": "Budi", "role": "penjinak ular Desa Sukamaju"},
        {"speaker_name": "Budi", "role": "penjinak ular Desa Sukamaju"},  # the same pair: counted once
        {"speaker_name": "Rina", "role": "mantan penjinak ular"},  # after a modifier
        {"speaker_name": "Agus", "role": "Kepala Dinas Kesehatan"},  # a known title
    ]
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({"quotes": quotes}) + "\n", encoding="utf-8")
    assert candidates(train, 2) == [("penjinak", 2, "penjinak ular Desa Sukamaju")]


def test_unseen_names_script_scores_with_the_given_names_forgotten(tmp_path: Path) -> None:
    """scripts/unseen_names.py empties the given names every stage reads, and scores as
    ``quoteattr evaluate`` does; run in its own process (it changes the package lexicon)."""
    import subprocess

    text = 'Budayawan Sebastian Kurniadi hadir di Yogyakarta.\n\n"Kami siap," kata Kurniadi.'
    quote = {"type": "direct", "quote": "Kami siap", "speaker": "Kurniadi", "speaker_name": "Sebastian Kurniadi", "speaker_type": "person", "role": "Budayawan"}
    start = text.index("Kami siap")
    said = text.rindex("Kurniadi")
    quote.update(quote_start=start, quote_end=start + len("Kami siap"), speaker_start=said, speaker_end=said + len("Kurniadi"))
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": text, "quotes": [quote]}) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "unseen_names.py"), str(gold), "--json"], capture_output=True, text=True, check=True).stdout
    lines = out.strip().splitlines()
    assert lines[0].startswith("given names forgotten: ") and int(lines[0].split(": ")[1]) > 1000
    fig = json.loads(lines[1])
    assert fig["given_names"] == "forgotten" and fig["quotes"]["tp"] == 1
    from quoteattr.mentions.words import given_name

    assert given_name("Sebastian")  # this process's lexicon is untouched
