"""cronica's registered spaCy components and the extensions they write.

They run after the language model, on each parsed paragraph of a document, in this order:
``cronica_sentences`` (index, evidence and zone of each sentence), ``cronica_time`` (its
date), ``cronica_triggers``, ``cronica_attribution``, ``cronica_arguments`` and
``cronica_quantities``. Each reads the document's context from ``Doc._.story``
(cronica.story.Story) and writes ``Span._`` extensions of the sentence; a Doc without a
story passes through unchanged.
"""

from __future__ import annotations

from cronica.components import arguments, attribution, quantities, sentences, time, triggers
from cronica.components.extensions import read_sentences

COMPONENTS = (
    sentences.NAME,
    time.NAME,
    triggers.NAME,
    attribution.NAME,
    arguments.NAME,
    quantities.NAME,
)

__all__ = ["COMPONENTS", "read_sentences"]
