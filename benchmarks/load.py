"""Load test of the served dashboard with locust (issue 14, acceptance), on the demo city.

    .venv/bin/python -m benchmarks.load                    # 50 users, 60 s per setup
    .venv/bin/python -m benchmarks.load --users 10 --seconds 20   # a smoke run

The visitors are ``benchmarks/load_users.py`` (a realistic mix captured from the browser:
map, indicator switch, area profile, compare, PDF download). Locust runs headless, on
loopback only, with a bounded number of users and a bounded time, against three setups
started one after the other on the same store, in the same run:

1. ``before``: `wellbeing serve` as one process with the payload cache and compression
   turned off (``WELLBEING_CACHE_MB=0 WELLBEING_COMPRESS=0``): close to the server before
   issue 14 (which gzipped callback answers itself);
2. ``one process``: `wellbeing serve` as it is now (waitress, one process, its own cache);
3. ``2 workers + Redis``: `wellbeing serve --workers 2` (gunicorn) with a Redis of the
   benchmark's own.

Each setup is warmed (every kind of request once, and its scripts compressed) before
locust starts. Locust itself runs on the same two cores as the server. Reports per request
kind the median and p95 (locust's percentiles, 2 significant digits), failures and
requests/s, and what share was answered from the payload cache. Targets at 50 users:
p95 ≤ 500 ms for pages and callbacks, ≤ 2 s for the PDF, no errors. Writes
benchmarks/results/load.json (load-quick.json for a smaller run).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.figures import write_results
from benchmarks.serving import Server, demo_store, redis_server, serving, wait_warm
from synthetic.dash_requests import download_body, page_body, recolour_body

LOCUSTFILE = Path(__file__).resolve().with_name("load_users.py")
PDF = "download: PDF profile"


def warm(server: Server, facts: dict[str, Any]) -> None:
    """Wait until every worker is warm, then ask every kind of request twice (the first
    answer of each worker is not what we time)."""
    wait_warm(server)
    with urllib.request.urlopen(server.url + "/_dash-dependencies", timeout=120) as resp:
        deps = json.loads(resp.read())
    indicator = sorted(facts["latest"])[0]
    bodies = [page_body(deps, "/", "?lang=sv"), page_body(deps, f"/area/{facts['areas'][0]}", "?lang=sv"),
              page_body(deps, "/compare", "?lang=sv"),
              recolour_body(deps, indicator, facts["latest"][indicator], "sv", geo_version=facts["batch"]),
              download_body(deps, facts["areas"][0], "pdf", "sv")]
    for _ in range(2):
        for body in bodies:
            req = urllib.request.Request(server.url + "/_dash-update-component", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=300) as resp:
                resp.read()


def run_locust(server: Server, folder: Path, name: str, users: int, seconds: int,
               facts_path: Path) -> dict[str, Any]:
    prefix = folder / name.replace(" ", "_").replace("+", "")
    hits = folder / f"{prefix.name}-hits.json"
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
               "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s", "--stop-timeout", "30",
               "--host", server.url, "--csv", str(prefix), "--exit-code-on-error", "0",
               "--loglevel", "WARNING"]
    env = {"ATLAS_LOAD_FACTS": str(facts_path), "ATLAS_LOAD_HITS": str(hits)}
    subprocess.run(command, check=True, env={**os.environ, **env}, timeout=seconds + 300,
                   stdout=subprocess.DEVNULL)
    rows = list(csv.DictReader((folder / f"{prefix.name}_stats.csv").open(encoding="utf-8")))
    cached = json.loads(hits.read_text(encoding="utf-8")) if hits.exists() else {}
    stats: dict[str, Any] = {}
    for row in rows:
        count = int(row["Request Count"])
        hit = cached.get(row["Name"], {}).get("hit", 0)
        stats[row["Name"]] = {
            "requests": count, "failures": int(row["Failure Count"]),
            "p50_ms": float(row["50%"] or 0), "p95_ms": float(row["95%"] or 0),
            "max_ms": float(row["Max Response Time"] or 0), "rps": round(float(row["Requests/s"]), 2),
            "cache_hits": round(hit / count, 3) if count and row["Name"] in cached else None,
        }
    failures = folder / f"{prefix.name}_failures.csv"
    if failures.exists():
        stats["failure kinds"] = [{"name": r["Name"], "error": r["Error"][:300], "count": int(r["Occurrences"])}
                                  for r in csv.DictReader(failures.open(encoding="utf-8"))]
    return stats


def server_problems(server: Server) -> dict[str, int]:
    """Lines of the server's log that say something went wrong (worker timeouts, errors)."""
    text = server.log.read_text(encoding="utf-8", errors="replace")
    marks = ("WORKER TIMEOUT", "Traceback", " ERROR ", "Worker exiting", "was sent SIGKILL",
             "cannot be reached")
    return {mark.strip(): text.count(mark) for mark in marks if mark in text}


def verdict(stats: dict[str, Any]) -> dict[str, Any]:
    """The targets: p95 ≤ 500 ms for pages and callbacks, ≤ 2 s for the PDF, no errors."""
    kinds = {k: v for k, v in stats.items() if k not in ("Aggregated", "failure kinds")}
    worst = max((v["p95_ms"] for k, v in kinds.items() if k != PDF), default=0.0)
    pdf = kinds.get(PDF, {}).get("p95_ms", 0.0)
    errors = stats.get("Aggregated", {}).get("failures", 0)
    return {"worst_p95_pages_callbacks_ms": worst, "pdf_p95_ms": pdf, "errors": errors,
            "met": worst <= 500 and pdf <= 2000 and errors == 0}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="atlas-load-") as tmp:
        folder = Path(tmp)
        store, facts = demo_store(folder)
        facts_path = folder / "facts.json"
        facts_path.write_text(json.dumps(facts), encoding="utf-8")
        with redis_server(folder) as redis_url:
            setups: list[tuple[str, int, dict[str, str]]] = [
                ("before", 1, {"WELLBEING_CACHE_MB": "0", "WELLBEING_COMPRESS": "0"}),
                ("one process", 1, {}),
                ("2 workers + Redis", 2, {"REDIS_URL": redis_url}),
            ]
            for name, workers, settings in setups:
                with serving(store, folder, workers=workers, **settings) as server:
                    warm(server, facts)
                    stats = run_locust(server, folder, name, args.users, args.seconds, facts_path)
                    problems = server_problems(server)
                results[name] = {"workers": workers, "settings": settings, "stats": stats,
                                 "verdict": verdict(stats), "server_log": problems}
                print(f"{name}: {results[name]['verdict']}")
    quick = args.users < 50 or args.seconds < 60
    out = {"command": f"python -m benchmarks.load --users {args.users} --seconds {args.seconds}",
           "users": args.users, "seconds": args.seconds, "areas": len(facts["areas"]), "setups": results}
    path = write_results("load", out, quick=quick)
    for name, result in results.items():
        print(f"\n{name}")
        for kind, s in result["stats"].items():
            if kind == "failure kinds":
                print(f"  failures: {s}")
                continue
            print(f"  {kind:28} n={s['requests']:5} fail={s['failures']:3} p50={s['p50_ms']:7.0f} "
                  f"p95={s['p95_ms']:7.0f} rps={s['rps']:6.1f} hits={s['cache_hits']}")
        print(f"  server log: {result['server_log']}")
    print(f"Wrote {path}")
    return out


if __name__ == "__main__":
    main()
