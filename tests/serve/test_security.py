"""The server locked down: keys, injection through every filter, limits, CORS, headers."""

from __future__ import annotations

import hmac
import re

import httpx
import pytest

from cronica.serve import auth
from tests.serve.conftest import KEY, serving, small_store

FILTERS = ("type", "sub_type", "since", "until", "bbox", "actor", "place", "source", "country",
           "disputed", "review", "q")  # fmt: skip
INJECTIONS = ("' OR 1=1 --", "'; DROP TABLE events; --", "%", "_%_", "\\", "x') OR ('1'='1",
              "1 UNION SELECT record FROM events --")  # fmt: skip


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_through_each_filter_finds_nothing_and_breaks_nothing(api, name, payload):
    with api.client() as c:
        response = c.get("/api/events", params={name: payload})
        # typed filters refuse the text; free-text filters take it literally and match nothing
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            assert response.json()["items"] == []
        timeline = c.get("/api/timeline", params={name: payload})
        assert timeline.status_code in (200, 422)
        assert c.get("/api/health").json()["events"] == 3


def test_injection_through_the_event_id_is_just_an_id(api):
    with api.client(KEY) as c:
        for payload in ("' OR 1=1 --", "e1' --", "e1'; DELETE FROM events; --"):
            assert c.get(f"/api/events/{payload}").status_code == 404
            assert c.post(f"/api/events/{payload}/review",
                          json={"decision": "accept"}).status_code == 404
        assert c.get("/api/health").json()["events"] == 3


@pytest.mark.parametrize("path", ["/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/README.md",
                                  "/static/..%2f..%2fstore%2freviews.py", "/static//etc/passwd",
                                  "/api/export?format=/etc/passwd", "/etc/passwd"])  # fmt: skip
def test_no_path_from_a_request_to_the_file_system(api, path):
    with api.client() as c:
        response = c.get(path)
    assert response.status_code in (404, 422)
    assert "root:" not in response.text and "[project]" not in response.text


def test_key_is_compared_in_constant_time(monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert auth.key_matches("secret-123", "secret-123")
    assert not auth.key_matches("secret-124", "secret-123")
    assert not auth.key_matches(None, "secret-123")
    assert not auth.key_matches("sécret\udfff", "secret-123")
    assert len(calls) == 3


def test_page_security_headers_and_no_inline_script(api):
    with api.client() as c:
        page = c.get("/")
        script = c.get("/static/js/main.js")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert script.headers["content-security-policy"] == csp
    for tag in re.findall(r"<script\b[^>]*>", page.text):
        assert "src=" in tag, tag  # every script is a file, none inline
    assert not re.search(r"\son[a-z]+\s*=", page.text)  # no inline event handlers
    assert "http://" not in page.text and "https://" not in page.text  # no CDN


def test_cors_is_closed_by_default(api):
    with api.client() as c:
        plain = c.get("/api/events", headers={"Origin": "http://elsewhere.example"})
        preflight = c.options("/api/events/e1/review", headers={
            "Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in plain.headers
    assert "access-control-allow-origin" not in preflight.headers


def test_limits_keyed_reads_and_cors_when_asked(tmp_path):
    db = small_store(tmp_path / "limits.duckdb")
    args = ("--max-body", "2000", "--write-rate", "3", "--read-rate", "20", "--keyed-reads",
            "--cors-origin", "http://team.example")  # fmt: skip
    with serving(db, *args) as server:
        with server.client() as anonymous:
            assert anonymous.get("/api/events").status_code == 401  # reads keyed
            assert anonymous.get("/").status_code == 200  # the page itself is open
        with server.client(KEY) as c:
            big = c.post("/api/documents", json={"text": "x" * 5000})
            assert big.status_code == 413 and "larger than 2000" in big.text
            chunked = c.post("/api/documents", content=iter([b'{"text": "', b"x" * 3000, b'"}']),
                             headers={"Content-Type": "application/json"})  # fmt: skip
            assert chunked.status_code == 413
            allowed = c.get("/api/events", headers={"Origin": "http://team.example"})
            assert allowed.headers["access-control-allow-origin"] == "http://team.example"
            other = c.get("/api/events", headers={"Origin": "http://elsewhere.example"})
            assert "access-control-allow-origin" not in other.headers
            codes = [c.get("/api/health").status_code for _ in range(30)]
            assert 429 in codes and codes[0] == 200
            limited = c.get("/api/health")
            assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
            # writes have their own, smaller budget (3 a minute; the two 413s used two)
            writes = [c.post("/api/events/e1/review", json={"decision": "accept"}).status_code
                      for _ in range(3)]  # fmt: skip
            assert writes[-1] == 429 and 201 in writes
        assert httpx.get(f"{server.url}/api/health", timeout=5).status_code in (401, 429)
