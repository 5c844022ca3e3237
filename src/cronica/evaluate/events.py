"""`events`: cronica's events against our gold JSON Lines (one gold event per line).

Each gold file is its own set and its own result: `events` (the Aleppo example),
`events-news` (Spanish news, texts in news_es/) and `events-wikipedia` (English articles, texts
in wikipedia_en/). A set's documents are those its gold names plus those listed in
`<stem>_docs.txt` beside the gold file (documents with nothing codable: all their predictions
are false positives). A document's date is the gold `dct`, else its YYYY-MM-DD folder; its
language comes from the file or folder name (news_es -> es), else it is detected.

Matching rule: a prediction matches a gold event when the sub-event type is equal and, after
whitespace normalisation, the predicted evidence sentence (or the sentence of any mention merged
into the event) contains the gold evidence, or the gold evidence contains that sentence (a
sentence the splitter cut shorter, of at least 20 characters). Matching is one-to-one and
greedy within a document; among candidates, those agreeing on more attributes are taken first.

Predictions geocoded to a country other than the document's (its gold events' `country`, else
its country folder: syria/ -> Syria) count neither way; `out_of_country` says how many there
were, `out_of_country_on_gold` how many of those would have matched a gold event (a place
resolved abroad, as "Rusia bombardeó" -> Russia). Over matched events: accuracy of place,
date, actors, quantities, fatalities and sources; precision per predicted zone (Event.zone,
"unknown" when unset) and recall per gold section (main, caption, related).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cronica.documents.zones import RepetitionIndex
from cronica.evaluate import predictors
from cronica.evaluate.events_docs import (
    doc_countries,
    find_text,
    guess_lang,
    listed_docs,
    load_gold,
    make_document,
)
from cronica.evaluate.events_match import (
    ATTRIBUTES,
    event_view,
    in_country,
    place_ok,
    same_evidence,
    score,
    sources_ok,
)
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import Document, Event

NAME = "events"
DEFAULT_PATH = "gold/seed_alepo_2016.jsonl"
Predictor = Callable[[Document], list[Event]]
__all__ = ["ATTRIBUTES", "SETS", "EventSet", "evaluate", "find_text", "guess_lang", "listed_docs",
           "load_gold", "place_ok", "run", "run_many", "set_name", "sources_ok"]  # fmt: skip


@dataclass(frozen=True)
class EventSet:
    """One gold file scored on its own, under its own name (an entry of the suite)."""

    name: str
    DEFAULT_PATH: str  # noqa: N815 - the attribute every evaluation has

    def run(
        self,
        path: Path,
        limit: int | None = None,
        predict: Predictor | None = None,
        texts_dir: Path | None = None,
    ) -> Result:
        """This set's evaluation on `path` (skipped when it is absent)."""
        return run(path, limit, predict, texts_dir, name=self.name)


SETS = {
    "events": EventSet("events", DEFAULT_PATH),
    "events-news": EventSet("events-news", "gold/news_dev.jsonl"),
    "events-wikipedia": EventSet("events-wikipedia", "gold/wikipedia_dev.jsonl"),
}


def set_name(path: Path) -> str:
    """The set a gold file is (by its file name), else plain `events`."""
    for name, event_set in SETS.items():
        if path.name == Path(event_set.DEFAULT_PATH).name:
            return name
    return NAME


def evaluate(
    gold_path: Path,
    predict: Predictor | None,
    texts_dir: Path | None = None,
    limit: int | None = None,
    name: str = NAME,
) -> Result:
    """Run `predict` on every document of the set and score its events.

    The default predictor is cronica's pipeline with a repetition index over the corpus the
    documents come from (every file beside them), as a run over that corpus would have."""
    gold = load_gold(gold_path)
    docs = sorted({g["doc"] for g in gold} | set(listed_docs(gold_path)))
    docs = docs[:limit] if limit else docs
    if predict is None:
        predict = predictors.events(corpus_repetition(docs, gold, gold_path, texts_dir))
    gold = [g for g in gold if g["doc"] in docs]
    pred: list[dict[str, Any]] = []
    missing: list[str] = []
    out_of_country: list[dict[str, Any]] = []
    for doc in docs:
        rows = [g for g in gold if g["doc"] == doc]
        anchor = Path(rows[0]["_gold_file"]) if rows else gold_path
        text_path = find_text(doc, anchor, texts_dir)
        if text_path is None:
            missing.append(doc)
            continue
        countries = doc_countries(doc, rows)
        for event in predict(make_document(doc, text_path, rows)):
            view = {**event_view(event), "doc": doc}
            (pred if in_country(view, countries) else out_of_country).append(view)
    gold = [g for g in gold if g["doc"] not in missing]
    scored = score(gold, pred)
    scored["metrics"]["out_of_country"] = len(out_of_country)
    scored["metrics"]["out_of_country_on_gold"] = sum(_on_gold(p, gold) for p in out_of_country)
    return ok(name, scored["metrics"], scored["per_class"], scored["worst_errors"], n=len(gold),
              seconds=0.0, data=str(gold_path), documents=len(docs) - len(missing),
              texts_missing=missing, predictions=len(pred),
              out_of_country=[_brief(p) for p in out_of_country])  # fmt: skip


def _on_gold(pred: dict[str, Any], gold: list[dict[str, Any]]) -> bool:
    """Whether a prediction left out for its country would have matched a gold event."""
    return any(g["doc"] == pred["doc"] and g["sub_event_type"] == pred["sub_event_type"]
               and same_evidence(g["evidence"], pred["sentence"]) for g in gold)  # fmt: skip


def _brief(pred: dict[str, Any]) -> dict[str, Any]:
    keys = ("doc", "sub_event_type", "location_canonical", "country", "sentence")
    return {k: pred.get(k) for k in keys}


def corpus_repetition(
    docs: list[str], gold: list[dict[str, Any]], gold_path: Path, texts_dir: Path | None
) -> RepetitionIndex | None:
    """Lines recurring across the corpus folders the set's documents live in."""
    roots: set[Path] = set()
    for doc in docs:
        rows = [g for g in gold if g["doc"] == doc]
        found = find_text(doc, Path(rows[0]["_gold_file"]) if rows else gold_path, texts_dir)
        if found is not None:
            roots.add(found.parents[len(Path(doc).parts) - 1])
    index = RepetitionIndex()
    for root in sorted(roots):
        for file in sorted(root.rglob("*")):
            if file.suffix in (".txt", ".md") and file.is_file():
                text = file.read_text(encoding="utf-8", errors="replace")
                index.add(Document(id=str(file), text=text))
    return index if len(index) > 1 else None


def run(
    path: Path,
    limit: int | None = None,
    predict: Predictor | None = None,
    texts_dir: Path | None = None,
    name: str | None = None,
) -> Result:
    """The events evaluation on one gold file (or a folder's files together); skipped when it
    is absent. The result is named after the set the file is, unless `name` is given."""
    label = name or set_name(path)

    def body() -> Result:
        return evaluate(path, predict, texts_dir, limit, label)

    return guarded(label, path, body)


def run_many(path: Path, limit: int | None = None) -> list[Result]:
    """One result per gold file: `path` a file, or each .jsonl file of a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if len(files) <= 1:
        return [run(files[0] if files else path, limit)]
    names = [set_name(f) for f in files]
    return [run(f, limit, name=n if n != NAME else f"{NAME}-{f.stem}")
            for f, n in zip(files, names, strict=True)]  # fmt: skip
