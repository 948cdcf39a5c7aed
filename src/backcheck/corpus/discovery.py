"""Corpus discovery: the articles of a corpus folder or JSONL manifest, each as an entry that loads its
input or says why it cannot be read (a broken article becomes an error row; a broken corpus raises)."""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BackcheckError

if TYPE_CHECKING:
    from ..run.options import ArticleInput

ARTICLE_FILE = "article.it.txt"
SOURCE_FILE = "source.en.txt"
BACK_TRANSLATION_FILE = "back.en.txt"


@dataclass
class _Entry:
    """One discovered article: either its input or why it cannot be read."""

    id: str
    path: str | None
    load: Callable[[], ArticleInput]
    manifest_line: int | None = None
    # it comes with its back-translation (no engine needs to translate it)
    back_translated: bool = False
    # the article's size (bytes of its file, or characters of a manifest line's text), known before reading
    size: int = 0


def _refuse(article_id: str, where: str | None, message: str, hint: str) -> _Entry:
    """An entry that cannot be checked: it becomes an error row, and the other articles still run."""

    def load() -> ArticleInput:
        raise BackcheckError(message, hint)

    return _Entry(article_id, where, load)


def _outside(path: Path, root: Path) -> bool:
    """True when ``path`` (following every symlink) is not inside ``root`` (already resolved)."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a symlink loop
        return True
    return False


def excluded(name: str, patterns: Sequence[str]) -> bool:
    """True when an article folder name (or manifest id) matches one of the ``--exclude`` globs."""
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


# Text files an article folder may hold by mistake for one of its inputs: a name that starts like one
# ("back.txt", "source.txt", "bt.en.txt") or says a language ("original.en.txt") but is not one of the three.
_INPUT_STEMS = frozenset({"article", "back", "backtranslation", "back-translation", "back_translation", "bt",
                          "source", "sources", "src", "original"})


def _misnamed(folder: Path) -> list[str]:
    """The folder's text files that look meant as the article, its source or its back-translation but
    are not named so: they would be silently left out, so the article is refused instead."""
    known = {ARTICLE_FILE, SOURCE_FILE, BACK_TRANSLATION_FILE}
    out = []
    for p in sorted(folder.iterdir()):
        name = p.name.lower()
        if p.name in known or not name.endswith(".txt") or not p.is_file():
            continue
        if name.split(".")[0] in _INPUT_STEMS or ".en." in name or ".it." in name:
            out.append(p.name)
    return out


def _folder_entries(root: Path, *, follow_symlinks: bool = False, max_bytes: int | None = None,
                    exclude: Sequence[str] = ()) -> list[_Entry]:
    from ..run.options import load_article_input

    if (root / ARTICLE_FILE).is_file():
        raise BackcheckError(
            f"{root} is a single article folder, not a corpus",
            f"run `backcheck check {root / ARTICLE_FILE}`, or give its parent folder",
        )
    real_root = root.resolve()
    entries = []
    for d in sorted(p for p in root.iterdir()
                    if p.is_dir() and not p.name.startswith(".") and not excluded(p.name, exclude)):
        article, source, back = d / ARTICLE_FILE, d / SOURCE_FILE, d / BACK_TRANSLATION_FILE
        if not follow_symlinks:
            escaping = [p for p in (d, article, source, back) if p.exists() and _outside(p, real_root)]
            if escaping:
                link = escaping[0]
                entries.append(_refuse(d.name, str(link), f"{link} is a symlink to {link.resolve()}, outside the "
                                       f"corpus {root}", "refused so outside files never reach a report; pass "
                                       "--follow-symlinks to read it"))
                continue

        misnamed = _misnamed(d)
        if misnamed:
            entries.append(_refuse(d.name, str(article), f"{d}: {', '.join(misnamed)} not read: an article folder "
                                   f"holds {ARTICLE_FILE}, {SOURCE_FILE} and {BACK_TRANSLATION_FILE}",
                                   "rename the file to what it is, or move it out of the folder"))
            continue

        def load(article: Path = article, source: Path = source, back: Path = back,
                 article_id: str = d.name) -> ArticleInput:
            if not article.is_file():
                raise BackcheckError(f"{article} not found", f"every article folder needs an {ARTICLE_FILE}; "
                                     f"skip a folder that holds none with --exclude {article_id}")
            return load_article_input(
                article, [source] if source.is_file() else [], back if back.is_file() else None,
                article_id=article_id, max_bytes=max_bytes,
            )

        entries.append(_Entry(d.name, str(article), load, back_translated=back.is_file(),
                              size=article.stat().st_size if article.is_file() else 0))
    return entries


def _manifest_article(obj: object, where: str) -> tuple[str, str, list[str], str | None, str | None]:
    """Validate one manifest line: (id, it, sources, back_translation, source_kind)."""
    from ..run.options import SOURCE_KINDS

    if not isinstance(obj, dict):
        raise BackcheckError(f"{where}: expected a JSON object, got {type(obj).__name__}",
                             'write {"id": ..., "it": ...} on each line')
    art_id, it = obj.get("id"), obj.get("it")
    if not isinstance(art_id, str) or not art_id.strip():
        raise BackcheckError(f'{where}: "id" is missing or not a non-empty string',
                             "give every article a unique string id")
    if not isinstance(it, str):
        raise BackcheckError(f'{where}: "it" (the Italian article) is missing or not a string',
                             'add "it": "<article text>"')
    source = obj.get("source", [])
    if isinstance(source, str):
        sources = [source] if source.strip() else []
    elif isinstance(source, list) and all(isinstance(s, str) for s in source):
        sources = [s for s in source if s.strip()]
    else:
        raise BackcheckError(f'{where}: "source" must be a string or a list of strings', "fix that line")
    back = obj.get("back_translation")
    if back is not None and not isinstance(back, str):
        raise BackcheckError(f'{where}: "back_translation" must be a string', "fix that line")
    kind = obj.get("source_kind")
    if kind is not None and kind not in SOURCE_KINDS:
        raise BackcheckError(f'{where}: "source_kind" must be one of {", ".join(SOURCE_KINDS)}', "fix that line")
    unknown = set(obj) - {"id", "it", "source", "back_translation", "source_kind"}
    if unknown:
        raise BackcheckError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}",
                             "allowed keys: id, it, source, back_translation, source_kind")
    return art_id, it, sources, back, kind


def _manifest_entries(path: Path, *, max_bytes: int | None = None, exclude: Sequence[str] = ()) -> list[_Entry]:
    """One entry per non-blank line; a malformed line becomes an error row naming ``file:line``."""
    from ..run.options import ArticleInput
    from ..text.reading import read_text

    text = read_text(path, what="corpus manifest", max_bytes=None if max_bytes is None else 1000 * max_bytes)
    entries: list[_Entry] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = f"{exc.msg}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deep"
                raise BackcheckError(f"{where}: not valid JSON ({msg})", "each line must be one JSON object") from None
            art_id, it, sources, back, kind = _manifest_article(obj, where)
            if art_id in seen:
                raise BackcheckError(f"{where}: duplicate id {art_id!r} (first on line {seen[art_id]})",
                                     "ids must be unique")
        except BackcheckError as exc:
            bad_id = f"{path.name}:{lineno}"
            entries.append(_refuse(bad_id, None, exc.message, exc.hint or ""))
            entries[-1].manifest_line = lineno
            seen.setdefault(bad_id, lineno)
            continue
        seen[art_id] = lineno
        if excluded(art_id, exclude):
            continue

        def load(art_id: str = art_id, it: str = it, sources: list[str] = sources,
                 back: str | None = back, where: str = where, kind: str | None = kind) -> ArticleInput:
            if not it.strip():
                raise BackcheckError(f'{where}: article {art_id!r} has an empty "it"',
                                     "give the Italian text")
            if back is not None and not back.strip():
                raise BackcheckError(f'{where}: article {art_id!r} has an empty "back_translation"',
                                     "drop the key or give the text")
            return ArticleInput(id=art_id, text=it, path=None, sources=sources, back_translation=back,
                                source_kind=kind)

        entries.append(_Entry(art_id, None, load, manifest_line=lineno, back_translated=back is not None,
                              size=len(it)))
    return entries


def discover(path: Path, *, follow_symlinks: bool = False, max_bytes: int | None = None,
             exclude: Sequence[str] = ()) -> list[_Entry]:
    """The articles of a corpus folder (sorted by id) or JSONL manifest (in file order; ``-``: standard
    input).

    In a folder, an article folder or file that is a symlink to somewhere outside the corpus becomes an
    error entry unless ``follow_symlinks``; in a manifest, so does a malformed line. ``max_bytes``
    refuses bigger article files unread. Article folders (or manifest ids) matching an ``exclude`` glob
    are left out.
    """
    if str(path) == "-":
        entries = _manifest_entries(path, max_bytes=max_bytes, exclude=exclude)  # a JSONL manifest on stdin
    elif not path.exists():
        raise BackcheckError(f"corpus not found: {path}", "give a corpus folder or a .jsonl manifest")
    elif path.is_dir():
        entries = _folder_entries(path, follow_symlinks=follow_symlinks, max_bytes=max_bytes, exclude=exclude)
    else:
        entries = _manifest_entries(path, max_bytes=max_bytes, exclude=exclude)
    if not entries:
        what = f"no article folders (<id>/{ARTICLE_FILE})" if path.is_dir() else "no articles"
        if exclude:
            what += f" left after --exclude {' '.join(exclude)}"
        raise BackcheckError(f"empty corpus: {path} has {what}", "check the path")
    return entries
