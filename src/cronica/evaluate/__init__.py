"""Gold formats and scoring: `cronica eval` (see cli.eval_app) and one module per evaluation.

Each evaluation module has `run(path, limit=..., <predictor>=None) -> Result`, where Result is
{name, status "ok"|"skipped", reason, metrics, per_class, worst_errors, n, seconds}.
"""
