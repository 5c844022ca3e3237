"""`cronica eval`: score each stage against gold data (mounted by cronica.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cronica.evaluate.result import Result, default_data_dir
from cronica.plain_help import PlainGroup, PlainTyper, flag

eval_app = PlainTyper(
    help="Score cronica against gold data; missing data is reported as skipped.",
    no_args_is_help=True,
    cls=PlainGroup,
)

PathArg = Annotated[
    Path | None,
    typer.Argument(help="Gold file or folder (default: its place under ../shared/eval)."),
]
JsonOpt = Annotated[
    Path | None, typer.Option("--json", help="Also write the full results as JSON here.")
]
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", min=1, help="Sample size (ACLED: seeded sample, default 300)."),
]
DataOpt = Annotated[
    Path | None, typer.Option("--data", help="Evaluation data folder (default ../shared/eval).")
]


def _finish(results: list[Result], json_path: Path | None) -> None:
    from cronica.evaluate import report, suite

    report.print_results(results, suite.HEADLINE)
    if json_path:
        report.write_json(results, json_path)
        typer.echo(f"wrote {json_path}")


def _one(kind: str, path: Path | None, data: Path | None, json_path: Path | None,
         limit: int | None) -> None:  # fmt: skip
    from cronica.evaluate import suite

    _finish([suite.run_one(kind, path, data, limit)], json_path)


@eval_app.command("events")
def events_cmd(
    path: PathArg = None,
    json: JsonOpt = None,
    limit: LimitOpt = None,
    data: DataOpt = None,
    reviewed: Annotated[
        bool, flag("Score the store's events against its reviews.", "--reviewed")
    ] = False,
    db: Annotated[Path, typer.Option("--db", help="The store, with --reviewed.")] = Path(
        "cronica.duckdb"
    ),
) -> None:
    """Event P/R/F1, attribute accuracy and per-zone figures against our gold JSON Lines.

    Without PATH: the three sets (Aleppo example, news_dev, wikipedia_dev), one result each;
    a gold file gives one result; a folder gives one per .jsonl file. With --reviewed: the
    machine's events in --db against what reviewers accepted, rejected and corrected."""
    from cronica.evaluate import report, suite

    if reviewed:
        from cronica.evaluate import reviewed as by_review

        result = by_review.run(db)
        report.print_results([result], {by_review.NAME: by_review.HEADLINE})
        if json:
            report.write_json([result], json)
        if result["status"] != "ok":
            raise typer.Exit(1)
        return
    _finish(suite.run_events(path, data, limit), json)


# The evaluations of one gold file each: command name -> its help.
SINGLE = {
    "acled": "Sub-event macro-F1, types, actors, location and stated fatalities on ACLED notes.",
    "timex": "Time expression detection (strict/relaxed) and TIMEX3 values on Spanish TimeBank.",
    "geo": "Toponym recall and geocoding error (161 km accuracy, AUC) on GeoVirus.",
    "ner": "Entity F1 on CoNLL-2002 Spanish: plain spaCy model vs cronica's pipeline.",
    "sentences": 'P/R/F1 of "this sentence reports an event" on CASE 2021 Spanish sentences.',
}


def _single(kind: str, help_text: str) -> None:
    """Add the command `kind`, which runs that one evaluation."""

    def command(
        path: PathArg = None, json: JsonOpt = None, limit: LimitOpt = None, data: DataOpt = None
    ) -> None:
        _one(kind, path, data, json, limit)

    command.__name__ = command.__qualname__ = f"{kind}_cmd"
    command.__doc__ = help_text
    eval_app.command(kind)(command)


for _kind, _help in SINGLE.items():
    _single(_kind, _help)


@eval_app.command("all")
def all_cmd(
    data: DataOpt = None,
    report_path: Annotated[Path, typer.Option("--report", help="Markdown report to write.")] = Path(
        "eval-report.md"
    ),
    json: JsonOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Every evaluation whose data is present; writes the markdown report."""
    from cronica.evaluate import report, suite

    data_dir = data or default_data_dir()
    results = suite.run_all(data_dir, limit)
    _finish(results, json)
    report.write_markdown(results, suite.HEADLINE, report_path, str(data_dir))
    typer.echo(f"wrote {report_path}")
