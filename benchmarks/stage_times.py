"""CPU seconds of each stage of cronica's pipeline over the speed benchmark's documents, by
timers around the stages (no profiler): steadier than wall-clock ratios on a shared machine,
and what tells one commit's stages from another's (run it on each, alternating).

Usage: python benchmarks/stage_times.py [--docs N] [--wiki N] [--warm]
The models are loaded and each language warmed up on a bundled example first; the timed pass
then meets the texts' names for the first time (`--warm`: a second pass, names known).
Stages: cronica's spaCy components (`cronica_*`), the story (places resolved together),
events built per sentence, normalisation, zones, merging; the model's own components that
run one document at a time (attribute ruler, lemmatizer) are shown as `model:`; the rest
(the model's batched components, function components and the glue between stages) is one
line.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

MODEL_AND_GLUE = "model's batched components and glue"


class StageClock:
    """Own CPU seconds per stage: a stage's time less that of the stages it calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        """Time `owner.name` (a function or method) as `stage`."""
        function = getattr(owner, name)

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                self.seconds[stage] += spent - self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent

        setattr(owner, name, timed)


def _instrument(clock: StageClock, langs: list[str]) -> None:
    import cronica.pipeline as pipeline_module
    from cronica.components.nlp import load_nlp

    wrapped: set[type] = set()
    for lang in langs:
        for name, component in load_nlp(lang).pipeline:
            cls = type(component)
            if cls in wrapped:
                continue
            try:  # a batched component's __call__ goes unused: it shows 0 and is left out
                clock.wrap(cls, "__call__", name if name.startswith("cronica") else
                           f"model:{name}")  # fmt: skip
            except (TypeError, AttributeError):
                continue  # a function component, or a compiled class: counted with the glue
            wrapped.add(cls)
    for name, stage in (("normalise", "normalise"), ("zone_document", "zones"),
                        ("sentence_events", "build"), ("merge_document", "merge"),
                        ("release", "release")):  # freeing what the components kept
        clock.wrap(pipeline_module, name, stage)
    clock.wrap(pipeline_module.Pipeline, "_story", "story")


def run(docs: int, wiki: int, warm: bool) -> dict[str, Any]:
    """Seconds per stage of one timed pass (see the module's docstring)."""
    from cronica.pipeline import Pipeline

    why = corpus.available()
    texts = corpus.news_es(docs) + corpus.wikipedia_en(wiki) if why is None else corpus.bundled()
    documents = [t.document() for t in texts]
    langs = sorted({t.lang for t in texts})
    pipeline = Pipeline()
    for lang in langs:
        example = next((t for t in corpus.bundled() if t.lang == lang), None)
        if example is not None:
            pipeline.extract(example.document())
    if warm:
        for doc in documents:
            pipeline.extract(doc)
    clock = StageClock()
    _instrument(clock, langs)
    start = time.process_time()
    for doc in documents:
        pipeline.extract(doc)
    total = time.process_time() - start
    stages = dict(clock.seconds)
    stages[MODEL_AND_GLUE] = total - sum(stages.values())
    return {"documents": len(texts), "total": total, "stages": stages, "warm": warm}


def report(result: dict[str, Any]) -> list[str]:
    """Markdown lines: each stage's CPU seconds, cronica's own and the model's."""
    stages = result["stages"]
    model = sum(v for k, v in stages.items() if k.startswith("model:") or k == MODEL_AND_GLUE)
    return [
        f"CPU seconds per stage, {result['documents']} documents, "
        f"{'second pass (names known)' if result['warm'] else 'first pass'}: "
        f"total {result['total']:.2f}, the model {model:.2f}, "
        f"cronica's own stages {result['total'] - model:.2f}",
        "",
        "| stage | CPU s |",
        "|---|---:|",
        *(f"| {k} | {v:.3f} |" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])
          if v > 0),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20, help="Spanish news texts")
    parser.add_argument("--wiki", type=int, default=2, help="English Wikipedia articles")
    parser.add_argument("--warm", action="store_true", help="time a second pass")
    args = parser.parse_args()
    print("\n".join(report(run(args.docs, args.wiki, args.warm))))


if __name__ == "__main__":
    main()
