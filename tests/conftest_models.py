"""Build random-weight MarianMT checkpoints with real SentencePiece tokenizers, offline.

Used by the ``tiny_marian`` session fixture (tests) and by ``bench/bench_engines.py`` (the full
opus-mt-it-en architecture). The folder has exactly the files a hub MarianMT checkpoint has:
config.json, generation_config.json, model.safetensors, source.spm, target.spm, vocab.json,
tokenizer_config.json, so the real loading code is exercised. Outputs are garbage text.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

IT_WORDS = (
    "il la lo gli le un una di da in con su per tra fra che non si è sono ha hanno governo ministro "
    "città legge lavoro Roma Milano presidente paese guerra pace notizia giornale oggi ieri domani "
    "anno mese settimana giorno persone cittadini sindaco regione accordo elezioni economia crescita "
    "prezzo euro milioni mille cento detto dichiarato annunciato approvato nuova nuovo grande piccolo "
    "primo ultimo secondo molto poco sempre ancora già mai dopo prima durante contro verso senza "
    "Mosca Washington difesa segretario incontro telefonata colloquio Ucraina Russia esercito truppe"
).split()
EN_WORDS = (
    "the a an of from in with on for between that not is are has have government minister city law "
    "work Rome Milan president country war peace news newspaper today yesterday tomorrow year month "
    "week day people citizens mayor region agreement elections economy growth price euro million "
    "thousand hundred said stated announced approved new big small first last second very little "
    "always still already never after before during against towards without Moscow Washington "
    "defense secretary meeting call talk Ukraine Russia army troops"
).split()


def _sentences(words: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randint(4, 16)
        s = " ".join(rng.choice(words) for _ in range(k))
        punct = rng.choice([".", ".", ".", "?", "!", ",", ":"])
        out.append(s[0].upper() + s[1:] + punct + rng.choice(["", " 2024", " «Sì»", " (1.300)"]))
    return out


def _train_spm(lines: list[str], prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    src = prefix.with_suffix(".txt")
    src.write_text("\n".join(lines), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(src), model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, minloglevel=2, num_threads=1,
        bos_id=-1, eos_id=2, unk_id=1, pad_id=-1,
    )
    return prefix.with_suffix(".model")


def build_marian(
    folder: Path,
    *,
    vocab_size: int = 300,
    pad_vocab_to: int | None = None,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 2,
    ffn: int = 64,
    max_positions: int = 128,
    num_beams: int = 2,
    max_length: int = 24,
    n_sentences: int = 600,
    seed: int = 13,
) -> Path:
    """Write a random-weight MarianMT checkpoint into ``folder`` and return it."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    folder.mkdir(parents=True, exist_ok=True)
    work = folder / "_spm"
    work.mkdir(exist_ok=True)
    src = _train_spm(_sentences(IT_WORDS, n_sentences, seed), work / "source", vocab_size)
    tgt = _train_spm(_sentences(EN_WORDS, n_sentences, seed + 1), work / "target", vocab_size)

    import sentencepiece as spm

    pieces: list[str] = []
    seen = {"</s>", "<unk>", "<pad>", "<s>"}
    for model in (src, tgt):
        sp = spm.SentencePieceProcessor(model_file=str(model))
        for i in range(sp.get_piece_size()):
            p = sp.id_to_piece(i)
            if p not in seen:
                seen.add(p)
                pieces.append(p)
    tokens = ["</s>", "<unk>", *pieces]
    if pad_vocab_to:
        tokens += [f"<fill{i}>" for i in itertools.islice(itertools.count(), pad_vocab_to - 1 - len(tokens))]
    tokens.append("<pad>")
    vocab = {t: i for i, t in enumerate(tokens)}
    pad = vocab["<pad>"]

    (folder / "source.spm").write_bytes(src.read_bytes())
    (folder / "target.spm").write_bytes(tgt.read_bytes())
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": "it", "target_lang": "en", "model_max_length": 512,
                    "tokenizer_class": "MarianTokenizer"}), encoding="utf-8")
    for f in work.iterdir():
        f.unlink()
    work.rmdir()

    config = MarianConfig(
        vocab_size=len(tokens), decoder_vocab_size=len(tokens), d_model=d_model,
        encoder_layers=layers, decoder_layers=layers, encoder_attention_heads=heads,
        decoder_attention_heads=heads, encoder_ffn_dim=ffn, decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions, activation_function="swish", pad_token_id=pad,
        eos_token_id=0, bos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0,
        scale_embedding=True, share_encoder_decoder_embeddings=True, tie_word_embeddings=True,
        dropout=0.1, attention_dropout=0.0, activation_dropout=0.0,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model.eval()
    model.save_pretrained(folder)
    GenerationConfig(
        bad_words_ids=[[pad]], bos_token_id=0, decoder_start_token_id=pad, eos_token_id=0,
        forced_eos_token_id=0, max_length=max_length, num_beams=num_beams, pad_token_id=pad,
        renormalize_logits=True,
    ).save_pretrained(folder)
    return folder
