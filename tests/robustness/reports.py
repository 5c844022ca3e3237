"""Short reports written for these tests (es and en), each distinct, each with an event."""

from __future__ import annotations

from pathlib import Path

PLACES_ES = ["Alepo", "Homs", "Hama", "Idlib", "Deraa", "Palmira", "Raqqa", "Latakia"]
PLACES_EN = ["Mosul", "Kirkuk", "Tikrit", "Fallujah", "Ramadi", "Baiji", "Samarra", "Baqubah"]


def report_es(i: int) -> str:
    place = PLACES_ES[i % len(PLACES_ES)]
    return (
        f"El {i % 27 + 1} de marzo de 2016, aviones sirios bombardearon {place} y mataron a "
        f"{i + 3} civiles, según el Observatorio Sirio de Derechos Humanos.\n"
        f"Los rebeldes atacaron un puesto del ejército cerca de {place} el mismo día."
    )


def report_en(i: int) -> str:
    place = PLACES_EN[i % len(PLACES_EN)]
    return (
        f"On {i % 27 + 1} March 2016, Iraqi aircraft bombed {place}, killing {i + 3} civilians, "
        f"according to local officials.\nMilitants attacked an army checkpoint near {place}."
    )


def write_reports(folder: Path, count: int, prefix: str = "report") -> list[Path]:
    """`count` report files in `folder`, alternating Spanish and English."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{prefix}-{i:02d}.txt"
        path.write_text(report_es(i) if i % 2 == 0 else report_en(i), encoding="utf-8")
        paths.append(path)
    return paths
