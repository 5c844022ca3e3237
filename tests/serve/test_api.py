"""The HTTP API against a real server process (httpx over loopback)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.serve.conftest import KEY


def ids(page: dict) -> list[str]:
    return [e["event_id"] for e in page["items"]]


def test_health_and_openapi(api):
    with api.client() as c:
        assert c.get("/api/health").json() == {"status": "ok", "events": 3, "documents": 2}
        spec = c.get("/openapi.json").json()
        assert {"/api/events", "/api/events/{event_id}", "/api/events/{event_id}/review",
                "/api/documents", "/api/export", "/api/health"} <= set(spec["paths"])  # fmt: skip
        docs = c.get("/docs")
        assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["e1", "e2", "e3"]),
    ({"type": "battles"}, ["e3"]),
    ({"type": "airstrike"}, ["e1", "e2"]),
    ({"sub_type": "Armed clash"}, ["e3"]),
    ({"since": "2024-03-04"}, ["e2", "e3"]),
    ({"since": "2024-03", "until": "2024-03"}, ["e1", "e2"]),
    ({"bbox": "36.0,33.0,36.4,34.0"}, ["e2", "e3"]),
    ({"actor": "brigada"}, ["e2"]),
    ({"place": "kafr"}, ["e1"]),
    ({"source": "SOHR"}, ["e1", "e2", "e3"]),
    ({"source": "nobody"}, []),
    ({"country": "syria"}, ["e1", "e2", "e3"]),
    ({"disputed": "true"}, ["e2"]),
    ({"disputed": "false"}, ["e1", "e3"]),
    ({"review": "unreviewed"}, ["e1", "e2", "e3"]),
    ({"q": "bombardearon"}, ["e1", "e2", "e3"]),
    ({"q": "damascus"}, ["e2", "e3"]),
    ({"limit": "1", "offset": "1"}, ["e2"]),
])  # fmt: skip
def test_event_filters(api, params, expected):
    with api.client() as c:
        page = c.get("/api/events", params=params).json()
    assert ids(page) == expected
    if "limit" in params:
        assert page["total"] == 3


@pytest.mark.parametrize(("params", "field"), [
    ({"since": "2024-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "10,0,5,1"}, "bbox"),
    ({"review": "maybe"}, "review"),
    ({"limit": "0"}, "limit"),
    ({"limit": "-1"}, "limit"),
    ({"offset": "-5"}, "offset"),
    ({"disputed": "perhaps"}, "disputed"),
    ({"actor": "x" * 201}, "actor"),
])  # fmt: skip
def test_bad_filters_are_clear_422(api, params, field):
    with api.client() as c:
        response = c.get("/api/events", params=params)
    assert response.status_code == 422
    assert field in json.dumps(response.json())


def test_one_event_with_claims_sentences_and_documents(api):
    with api.client() as c:
        data = c.get("/api/events/e1").json()
        assert c.get("/api/events/nope").status_code == 404
    assert data["event"]["event_id"] == "e1"
    assert [cl["stance"] for cl in data["event"]["claims"]] == ["reports", "denies"]
    assert "Los rebeldes negaron" in data["sentences"]["doc-a"]["1"]
    assert data["documents"]["doc-a"]["title"] == "Bombardeo"
    assert data["reviews"] == []


def test_timeline_counts_per_day_and_type(api):
    with api.client() as c:
        days = c.get("/api/timeline").json()["days"]
    assert days == [
        {"day": "2024-03-03", "event_type": "Explosions/Remote violence", "count": 1},
        {"day": "2024-03-05", "event_type": "Explosions/Remote violence", "count": 1},
        {"day": "2024-04-01", "event_type": "Battles", "count": 1},
    ]


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl", "parquet"])
def test_export_formats(api, fmt):
    with api.client() as c:
        response = c.get("/api/export", params={"format": fmt})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if fmt == "geojson":
        assert len(response.json()["features"]) == 3
    elif fmt == "jsonl":
        assert len(response.text.splitlines()) == 3
    elif fmt == "acled-csv":
        assert len(list(csv.DictReader(io.StringIO(response.text)))) == 3
    else:
        assert response.content[:4] == b"PAR1"


def test_export_unknown_format_is_422(api):
    with api.client() as c:
        response = c.get("/api/export", params={"format": "../../etc/passwd"})
    assert response.status_code == 422 and "format" in response.text


def test_review_needs_the_key_and_changes_the_export(api):
    with api.client() as anonymous:
        refused = anonymous.post("/api/events/e3/review", json={"decision": "reject"})
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == "Bearer"
    with api.client("wrong-key-0000000000") as wrong:
        assert wrong.post("/api/events/e3/review", json={"decision": "reject"}).status_code == 401
    with api.client(KEY) as c:
        assert len(c.get("/api/export?format=jsonl").text.splitlines()) == 3
        bad = c.post("/api/events/e3/review", json={"decision": "correct", "changes": {"x": 1}})
        assert bad.status_code == 422 and "cannot correct x" in bad.text
        assert c.get("/api/events/e3").json()["reviews"] == []  # a bad request changed nothing
        bearer = {"Authorization": f"Bearer {KEY}"}
        done = c.post("/api/events/e3/review", headers=bearer,
                      json={"decision": "correct", "changes": {"fatalities": 9},
                            "reviewer": "ana", "note": "two sources"})  # fmt: skip
        assert done.status_code == 201, done.text
        assert done.json()["event"]["review"] == "correct"
        rows = [json.loads(line) for line in c.get("/api/export?format=jsonl").text.splitlines()]
        assert {r["event_id"]: r["fatalities"]["best"] for r in rows}["e3"] == 9
        assert {r["event_id"]: r["review"] for r in rows}["e3"] == "correct"
        assert c.post("/api/events/e3/review", json={"decision": "reject"}).status_code == 201
        exported = c.get("/api/export?format=jsonl").text
        assert '"e3"' not in exported and len(exported.splitlines()) == 2
        assert '"e3"' in c.get("/api/export?format=jsonl&rejected=true").text
        assert ids(c.get("/api/events", params={"review": "reject"}).json()) == ["e3"]
        history = c.get("/api/events/e3").json()["reviews"]
        assert [(r["decision"], r["reviewer"]) for r in history] == [
            ("correct", "ana"), ("reject", "reviewer")]
        assert history[0]["before"]["fatalities"]["best"] == 3
        assert history[0]["after"]["fatalities"]["best"] == 9


def test_posting_a_document_validates_before_anything_is_stored(api):
    with api.client(KEY) as c:
        for body, field in (({"text": ""}, "text"), ({"text": "x", "date": "2024-02-30"}, "date"),
                            ({"text": "x", "colour": "red"}, "colour"),
                            ({"text": "x", "id": "../../etc/passwd"}, "id"),
                            ({"text": "\udfff bad"}, "text")):  # fmt: skip
            payload = json.dumps(body).encode()
            response = c.post("/api/documents", content=payload,
                              headers={"Content-Type": "application/json"})
            assert response.status_code == 422, (body, response.text)
            assert field in response.text
        assert c.get("/api/health").json()["documents"] == 2


def test_plain_text_document_is_validated_too(api):
    with api.client(KEY) as c:
        bad_date = c.post("/api/documents/text?date=2024-02-30", content="Texto.",
                          headers={"Content-Type": "text/plain"})  # fmt: skip
        assert bad_date.status_code == 422 and "date" in bad_date.text
        empty = c.post("/api/documents/text", content="", headers={"Content-Type": "text/plain"})
        assert empty.status_code == 422
        too_long = c.post("/api/documents", json={"text": "x" * 300_001})
        assert too_long.status_code == 422 and "text" in too_long.text
        assert c.get("/api/health").json()["documents"] == 2


def test_serve_names_a_file_that_is_not_a_store(tmp_path, cronica):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database")
    run = cronica("serve", "--db", bad, "--api-key", KEY, timeout=60)
    assert run.returncode == 2 and "notes.duckdb" in run.stderr, str(run)
    short = cronica("serve", "--db", bad, "--api-key", "short", timeout=60)
    assert short.returncode == 2 and "at least 8" in short.stderr, str(short)
