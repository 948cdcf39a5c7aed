"""The held-out report of the judge's training (``training/REPORT.md``): leave-one-document-out
scores by document and by corpus, with the scorer's rules (``../shared/tools``): a gold error is caught
at major when a major-or-worse candidate overlaps it; precision counts reported candidates that
overlap a gold span; false alarms on professional translations are per 100 source sentences."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from collect import overlaps

SEV = {"minor": 1, "major": 2, "critical": 3}
# Unit-level features only: they describe the sentence and its back-translation, not the candidate. A
# model given only these should do no better than chance if the data does not teach the style of
# back-translation (literal human vs opus-mt) instead of errors.
STYLE_FEATURES = ("unit_coverage", "unit_gaps", "unit_score", "whole_article")


def _decide(p_err: float, p_maj: float, t: dict[str, float]) -> int:
    """0 not reported, 1 minor, 2 major."""
    if p_err < t["minor"]:
        return 0
    return 2 if p_maj >= t["major"] else 1


def _doc_scores(rows: list[dict], doc: dict, levels: list[int]) -> dict[str, float]:
    gold = doc["gold"]
    rep = [(r, lv) for r, lv in zip(rows, levels, strict=True) if lv]
    out = {"gold": len(gold), "gold_major": sum(SEV[g[3]] >= 2 for g in gold), "reported": len(rep),
           "majors": sum(lv == 2 for _, lv in rep), "sentences": doc["sentences"]}
    out["hit"] = sum(any(overlaps(g, r["start"], r["end"]) for r, _ in rep) for g in gold)
    out["hit_major"] = sum(any(overlaps(g, r["start"], r["end"]) for r, lv in rep if lv == 2)
                           for g in gold if SEV[g[3]] >= 2)
    out["true"] = sum(r["error"] for r, _ in rep)
    out["true_majors"] = sum(r["error"] for r, lv in rep if lv == 2)
    return out


def _calibration(rows: list[dict], p_err: list[float], bar: float) -> list[str]:
    """The reliability of the held-out p(error) on the real documents: by band of probability, how many
    candidates, their mean probability and the share that are errors, on the machine translations with
    gold spans and on the professional translations apart (their base rates differ), with Brier scores."""
    groups = {"machine-translated (gold)": [i for i, r in enumerate(rows) if not r["corpus"].startswith(
        ("clean:", "synthetic:"))], "professional": [i for i, r in enumerate(rows) if r["corpus"].startswith("clean:")]}
    edges = sorted({0.0, 0.05, 0.1, bar, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0 + 1e-9})
    head = " | ".join(f"{g}: n, mean p, errors" for g in groups)
    out = ["## Calibration", "",
           "How far p(error) can be read as a probability: held-out candidates of the real documents by band of "
           "p(error), with their mean probability and the share of them that overlap a gold error. The model "
           f"is fitted to a mix of documents; the reporting bar ({bar}) starts a band.", "",
           f"| p(error) | {head} |", "|---|" + "---:|" * len(groups)]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        cells = []
        for idx in groups.values():
            b = [i for i in idx if lo <= p_err[i] < hi]
            cells.append(f"{len(b)}, {sum(p_err[i] for i in b) / len(b):.2f}, "
                         f"{sum(rows[i]['error'] for i in b) / len(b):.2f}" if b else "0")
        out.append(f"| {lo:g}–{min(hi, 1.0):g} | " + " | ".join(cells) + " |")
    briers = [f"{g} {sum((p_err[i] - rows[i]['error']) ** 2 for i in idx) / max(len(idx), 1):.3f}"
              for g, idx in groups.items()]
    out += ["", f"Brier score (lower is better): {'; '.join(briers)}.", ""]
    return out


# The probe's rows: all candidates, the real documents, and each kind of back-translation (the machine
# translations with gold spans have a literal human one, the professional translations and their
# synthetic copies the real opus-mt one).
KINDS = (("all", lambda c: True),
         ("real documents (no synthetic copies)", lambda c: not c.startswith("synthetic:")),
         ("machine-translated, literal human back-translation", lambda c: not c.startswith(("clean:", "synthetic:"))),
         ("professional and synthetic, opus-mt back-translation", lambda c: c.startswith(("clean:", "synthetic:"))),
         ("synthetic copies only", lambda c: c.startswith("synthetic:")))


def _probe(rows: list[dict], p_err: list[float]) -> list[str]:
    """The confound probe: held-out AUC of the full model and of a model given only the unit-level features,
    over all the rows and within each kind of back-translation. Every gold error lies in a document with a
    literal back-translation, so a model could score well by telling the two kinds apart; within one kind
    that cannot help, and what the unit-level features still rank there they rank about the sentence."""
    from train_judge import _auc, out_of_fold

    pe_s, _ = out_of_fold(rows, list(STYLE_FEATURES))
    out = ["", "## The back-translation-style probe", "",
           f"Held-out AUC of p(error), leave one document out, of the full model and of a model given only the "
           f"unit-level features ({', '.join(STYLE_FEATURES)}); 0.5 is chance. Every real error (a gold span) is "
           "in a document with a literal human back-translation, the synthetic ones are planted over opus-mt "
           "back-translations: a model that had learnt the kind of back-translation instead of the error would "
           "lose its edge within one kind.", "",
           "| rows | candidates | errors | full model | unit-level only |", "|---|---:|---:|---:|---:|"]
    for name, keep in KINDS:
        idx = [i for i, r in enumerate(rows) if keep(r["corpus"])]
        y = [rows[i]["error"] for i in idx]
        if 0 < sum(y) < len(y):
            out.append(f"| {name} | {len(idx)} | {sum(y)} | {_auc(y, [p_err[i] for i in idx]):.3f} | "
                       f"{_auc(y, [pe_s[i] for i in idx]):.3f} |")
    return out + [""]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "–"


def write_report(path: Path, rows: list[dict], docs: list[dict], p_err: list[float], p_maj: list[float],
                 thresholds: dict[str, float], names: list[str], rows_hash: str) -> None:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_doc[r["doc"]].append(i)
    lines = ["# Judge training report (`make train`)", "",
             f"Written by training/train_judge.py; do not edit. Rows: {len(rows)} candidates from {len(docs)} "
             f"documents (rows sha256 {rows_hash}); {len(names)} features; thresholds: report at "
             f"p(error) ≥ {thresholds['minor']}, major at p(major) ≥ {thresholds['major']}.", "",
             "All scores below are **held out**: each document (a professional one together with its synthetic "
             "copies) was scored by a model trained without it.", ""]
    corpus_tot: dict[str, dict[str, float]] = {}
    table = ["| document | gold | major gold | caught (any) | caught at major | reported | majors | precision "
             "| major precision | majors /100 sent. |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for doc in docs:
        idx = by_doc.get(doc["doc"], [])
        levels = [_decide(p_err[i], p_maj[i], thresholds) for i in idx]
        s = _doc_scores([rows[i] for i in idx], doc, levels)
        tot = corpus_tot.setdefault(doc["corpus"], defaultdict(float))
        for k, v in s.items():
            tot[k] += v
        if doc["corpus"].startswith("synthetic:"):
            continue
        table.append(f"| {doc['doc']} | {s['gold']} | {s['gold_major']} | {s['hit']} | {s['hit_major']} | "
                     f"{s['reported']} | {s['majors']} | {_ratio(s['true'], s['reported'])} | "
                     f"{_ratio(s['true_majors'], s['majors'])} | "
                     f"{100 * s['majors'] / s['sentences']:.1f} |" if s["sentences"] else "| – |")
    lines += ["## By corpus", "", "| corpus | recall (any) | recall of major gold at major | precision | major "
              "precision | majors /100 sent. | minors /100 sent. |", "|---|---:|---:|---:|---:|---:|---:|"]
    for corpus, t in sorted(corpus_tot.items()):
        minors = t["reported"] - t["majors"]
        lines.append(f"| {corpus} | {_ratio(t['hit'], t['gold'])} | {_ratio(t['hit_major'], t['gold_major'])} | "
                     f"{_ratio(t['true'], t['reported'])} | {_ratio(t['true_majors'], t['majors'])} | "
                     f"{100 * t['majors'] / max(t['sentences'], 1):.1f} | "
                     f"{100 * minors / max(t['sentences'], 1):.1f} |")
    lines += ["", "Recall counts gold errors that some candidate reaches; a gold error no check proposes is missed "
              "whatever the model says.", "", "## By document", ""] + table
    lines += _probe(rows, p_err)
    lines += _calibration(rows, p_err, thresholds["minor"])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
