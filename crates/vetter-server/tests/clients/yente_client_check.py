"""Calls a running `vetter serve` the way yente's users do: with OpenSanctions' own
`yente-client` SDK, and with plain `requests` as yente's documentation shows.

Usage: python yente_client_check.py http://127.0.0.1:8000
"""

import sys

import requests
from yente_client import Client, Person

base = sys.argv[1].rstrip("/")

# 1. yente-client, the SDK (pydantic models validate every response shape).
with Client(base_url=base) as c:
    hits = c.match(Person(name="Vladimir Putin"), threshold=0.7)
    assert hits.top is not None, "no result"
    assert "putin" in hits.top.caption.lower(), hits.top.caption
    assert hits.top.match, hits.top
    assert hits.results[0].score >= 0.7
    assert hits.total.value == len(hits.results)
    assert hits.top.explanations["name"].score > 0.7
    print("yente-client match:", hits.top.id, hits.top.caption, hits.top.score)

    hits = c.match(Person(firstName="Vladimir", lastName="Putin", birthDate="1952-10-07", nationality="ru"))
    assert "putin" in hits.top.caption.lower()

    res = c.search("Vladimir Putin", limit=3)
    assert "putin" in res.results[0].caption.lower()

    entity = c.fetch(hits.top.id)
    assert entity.id == hits.top.id and entity.referents, entity

    catalog = c.datasets()
    assert any(d.name == "us_ofac_sdn" for d in catalog.datasets)
    assert c.healthz().status == "ok"
    print("yente-client search, fetch, datasets, healthz: ok")

# 2. requests, as yente's documentation shows.
query = {
    "queries": {
        "q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"], "birthDate": ["1952"]}},
        "q2": {"schema": "Company", "properties": {"name": ["Rosneft"], "jurisdiction": ["ru"]}},
    }
}
response = requests.post(f"{base}/match/default", json=query, params={"algorithm": "best"})
response.raise_for_status()
responses = response.json()["responses"]
top = responses["q1"]["results"][0]
assert "putin" in top["caption"].lower() and top["match"] is True, top
assert responses["q1"]["total"]["relation"] == "eq"
print("requests /match:", top["id"], top["score"], "q2:", [r["caption"] for r in responses["q2"]["results"][:2]])

bad = requests.post(f"{base}/match/default", json={"queries": {"q": {"schema": "Nope", "properties": {}}}})
assert bad.status_code == 400 and "schema" in bad.json()["detail"], bad.text
assert requests.get(f"{base}/healthz").json()["status"] == "ok"
print("all yente-style checks passed")
