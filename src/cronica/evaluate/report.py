"""Showing evaluation results: rich tables on the terminal, eval-report.md and JSON."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from cronica.evaluate.result import Result

PRF_KEYS = ("precision", "recall", "f1", "tp", "fp", "fn", "support")


def fmt(value: Any) -> str:
    """A metric as text: ratios to three decimals, counts as integers."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.3f}"
    return str(value)


def commit_id(repo: Path | None = None) -> str:
    """The checked-out commit (short hash), or "unknown" outside git."""
    where = repo or Path(__file__).resolve().parents[3]
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=where,
                             capture_output=True, text=True, check=True, timeout=10)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def headline(result: Result, keys: tuple[str, ...]) -> str:
    """The result's key figures as `name=value` pairs (or why it was skipped)."""
    if result["status"] != "ok":
        return result["reason"]
    shown = [f"{k}={fmt(result['metrics'][k])}" for k in keys if k in result["metrics"]]
    return ", ".join(shown)


def summary_table(results: list[Result], headlines: dict[str, tuple[str, ...]]) -> Table:
    """One row per evaluation: status, size, time and key figures."""
    table = Table(title="cronica eval")
    for column in ("evaluation", "status", "n", "seconds", "figures"):
        table.add_column(column)
    for r in results:
        figures = headline(r, headlines.get(r["name"], ()))
        table.add_row(r["name"], r["status"], str(r["n"]), fmt(r["seconds"]), figures)
    return table


def metrics_table(result: Result) -> Table:
    """All metrics of one result."""
    table = Table(title=f"{result['name']} ({result.get('sample') or 'n=' + str(result['n'])})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result["metrics"].items():
        table.add_row(key, fmt(value))
    return table


def print_results(
    results: list[Result], headlines: dict[str, tuple[str, ...]], console: Console | None = None
) -> None:
    """Summary and per-evaluation metric tables on the terminal."""
    console = console or Console()
    console.print(summary_table(results, headlines))
    for r in results:
        if r["status"] == "ok":
            console.print(metrics_table(r))


def write_json(results: list[Result], path: Path) -> None:
    """All results, per-class details and worst errors included, as one JSON document."""
    payload = {"generated": _now(), "commit": commit_id(), "results": results}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n",
                    encoding="utf-8")  # fmt: skip


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")  # noqa: UP017


def _cell(text: Any, width: int = 160) -> str:
    s = str(text).replace("|", "\\|").replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def _prf_rows(report: dict[str, Any]) -> bool:
    rows = list(report.values())
    return bool(rows) and all(isinstance(v, dict) and "f1" in v for v in rows)


def markdown(results: list[Result], headlines: dict[str, tuple[str, ...]], data_dir: str) -> str:
    """eval-report.md: when, which commit, which data; every figure, per class and errors."""
    lines = [
        "# cronica evaluation report",
        "",
        f"Generated {_now()} at commit `{commit_id()}` with data from `{data_dir}`.",
        "Skipped evaluations had no data (or no predictor) and count as neither pass nor fail.",
        "",
        "| evaluation | status | n | seconds | key figures |",
        "|---|---|---:|---:|---|",
    ]
    for r in results:
        figures = _cell(headline(r, headlines.get(r["name"], ())), 300)
        lines.append(
            f"| {r['name']} | {r['status']} | {r['n']} | {fmt(r['seconds'])} | {figures} |"
        )
    for r in results:
        lines += ["", f"## {r['name']}", ""]
        if r["status"] != "ok":
            lines.append(f"Skipped: {r['reason']}")
            continue
        notes = [f"{k}: {_cell(r[k], 300)}" for k in ("data", "sample") if r.get(k)]
        lines += [f"- {note}" for note in notes] + ["", "| metric | value |", "|---|---:|"]
        lines += [f"| {k} | {fmt(v)} |" for k, v in r["metrics"].items()]
        lines += _per_class_md(r["per_class"])
        if r["worst_errors"]:
            lines += ["", f"### worst errors ({len(r['worst_errors'])})", ""]
            for err in r["worst_errors"]:
                details = {k: v for k, v in err.items() if k not in ("kind", "text")}
                lines.append(f"- **{err['kind']}** {_cell(details, 200)}: {_cell(err.get('text'))}")
    return "\n".join(lines) + "\n"


def _per_class_md(per_class: dict[str, Any]) -> list[str]:
    groups = per_class if not _prf_rows(per_class) else {"per class": per_class}
    lines: list[str] = []
    for name, report in groups.items():
        if not isinstance(report, dict) or not report or name.endswith("confusion"):
            continue
        rows = list(report.values())
        if not all(isinstance(v, dict) for v in rows):
            continue
        keys = [k for k in PRF_KEYS if k in rows[0]] or [
            k for k in rows[0] if isinstance(rows[0][k], int | float)
        ]
        lines += ["", f"### {name}", "", "| class | " + " | ".join(keys) + " |"]
        lines.append("|---|" + "---:|" * len(keys))
        for label, row in report.items():
            lines.append(
                f"| {_cell(label, 60)} | " + " | ".join(fmt(row.get(k)) for k in keys) + " |"
            )
    return lines


def write_markdown(
    results: list[Result], headlines: dict[str, tuple[str, ...]], path: Path, data_dir: str
) -> None:
    """Write eval-report.md."""
    path.write_text(markdown(results, headlines, data_dir), encoding="utf-8")
