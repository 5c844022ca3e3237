"""Document language: one of the installed language packs, or an InputError otherwise.

py3langid scores the text against a set of major languages (the supported ones plus the
languages most often confused with them or most likely to turn up instead). Its normalised
probabilities are a softmax over that set. The decision:

- the best language is a supported one: that is the answer;
- another language is best and clearly confident (probability >= `REJECT_PROBABILITY` and
  `REJECT_RATIO` times the best supported one): the text is rejected;
- otherwise the text is short or full of names (``"HTS tomó Maarat al-Numan"``) and the
  best supported language is returned.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from cronica.datafiles import load_yaml
from cronica.lang import packs, supported
from cronica.record import Document, InputError
from cronica.text import fold

if TYPE_CHECKING:  # py3langid is imported when a language is detected, not at start-up
    from py3langid.langid import LanguageIdentifier

REJECT_PROBABILITY = 0.6
REJECT_RATIO = 4.0
MAX_CHARS = 20_000  # enough for a stable answer; keeps long documents cheap


def rivals() -> tuple[str, ...]:
    """Languages scored besides the supported ones (data/language_rivals.yaml): close
    relatives of the supported languages, which steal short texts, and other common inputs."""
    return tuple(str(code) for code in load_yaml("language_rivals.yaml")["rivals"])


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in supported() + rivals() if code in ident.labels])
    return ident


def language_scores(text: str) -> list[tuple[str, float]]:
    """(language, probability) over the supported languages and their rivals, best first."""
    return [(lang, float(p)) for lang, p in _identifier().rank(text[:MAX_CHARS])]


def detect_language(text: str, source: str) -> str:
    """A supported language code for `text`; raise InputError naming `source` otherwise."""
    codes = "|".join(supported())
    if not any(ch.isalpha() for ch in text):
        raise InputError(source, f"unknown language (no words found); use --lang {codes}")
    scores = language_scores(text)
    best, p_best = scores[0]
    if best in supported():
        return best
    probs = dict(scores)
    fallback = max(supported(), key=lambda code: probs.get(code, 0.0))
    p_fallback = probs.get(fallback, 0.0)
    if p_best >= REJECT_PROBABILITY and p_best >= REJECT_RATIO * p_fallback:
        raise InputError(
            source,
            f"unknown language: none of {', '.join(p.name for p in packs().values())} "
            f"(detected {best}, p={p_best:.2f}); use --lang {codes}",
        )
    return fallback


def normalise_lang(code: str, source: str, line: int | None = None) -> str:
    """Map a user-given language tag ("es", "ES", "es-MX", "spa", "english") to a pack code."""
    tag = fold(code).replace("_", "-").split("-")[0]
    for found in packs().values():
        if tag in found.tags:
            return found.code
    raise InputError(
        source, f"unsupported language {code!r}; use {' or '.join(supported())}", line
    )


def document_language(doc: Document) -> str:
    """The document's language: its own `lang` if set (validated), else detected."""
    where = doc.id
    if doc.path and doc.line is not None:
        where = f"{doc.path}:{doc.line}"  # the record's file and line, as readers report
    if doc.lang:
        return normalise_lang(doc.lang, where)
    return detect_language(doc.text, where)
