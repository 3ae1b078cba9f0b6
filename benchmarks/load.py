"""Load test of the served dashboard with locust (issue 14, acceptance), on the demo city.

    .venv/bin/python -m benchmarks.load                    # 50 users, 60 s per setup
    .venv/bin/python -m benchmarks.load --users 10 --seconds 20   # a smoke run

The visitors are ``benchmarks/load_users.py`` (a realistic mix captured from the browser:
map, indicator switch, area profile, compare, PDF download). Locust runs headless, on
loopback only, with a bounded number of users and a bounded time, against four setups
started one after the other on the same store, in the same run:

1. ``before``: `wellbeing serve` as one process with the payload cache, compression and
   pre-rendering off (``WELLBEING_CACHE_MB=0 WELLBEING_COMPRESS=0``): close to the server
   before issue 14 (which gzipped callback answers itself);
2. ``one process``: `wellbeing serve` (waitress, one process, its own cache) pre-rendering
   every area's profile (``WELLBEING_PRERENDER=all``);
3. ``2 workers + Redis, no pre-render``: `wellbeing serve --workers 2` (gunicorn) with a
   Redis of the benchmark's own, ``WELLBEING_PRERENDER=off``: the baseline of pre-rendering;
4. ``2 workers + Redis``: the same with ``WELLBEING_PRERENDER=all``.

Each setup is warmed (every kind of request once, and its scripts compressed) and, where
it pre-renders, waited for until the pre-rendering of the load batch is done (its time is
reported: a real cost after each load) before locust starts. Locust itself runs on the same
two cores as the server. Reports per request kind the median and p95 (locust's
percentiles, 2 significant digits), failures and requests/s, and what share was answered
from the payload cache (a PDF made now from a kept profile file counts). Targets at 50 users:
p95 ≤ 500 ms for pages and callbacks, ≤ 2 s for the PDF, no errors. Writes
benchmarks/results/load.json (load-quick.json for a smaller run).

``--areas N`` (N > 40, a multiple of 100) runs on the synthetic grid city of N areas
(``synthetic.grid_city``, 100 areas a row) instead, against three setups: ``before``, one
process on a copy of the store without the materialised comparison table and display
geometry (as a store loaded before issue 14: the process computes the whole table), cache,
compression and pre-rendering off; ``one process`` and ``2 workers + Redis`` on the store
with them, pre-rendering the prioritized areas (``WELLBEING_PRERENDER=prioritized``).
Target (issue 14, 200 users at 6,000 areas): p95 ≤ 2 s for every kind of request, no
errors. Writes benchmarks/results/load-N.json::

    .venv/bin/python -m benchmarks.load --areas 6000 --users 200 --seconds 60
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.figures import write_results
from benchmarks.serving import (
    Server,
    demo_store,
    grid_store,
    redis_server,
    serving,
    wait_prerendered,
    wait_warm,
)
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


def _flush(redis_url: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushall()
    client.close()


def run_locust(server: Server, folder: Path, name: str, users: int, seconds: int,
               facts_path: Path) -> dict[str, Any]:
    prefix = folder / name.replace(" ", "_").replace("+", "")
    hits = folder / f"{prefix.name}-hits.json"
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
               "-u", str(users), "-r", str(max(1, min(20, users // 5))), "-t", f"{seconds}s", "--stop-timeout", "30",
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
        hit = sum(cached.get(row["Name"], {}).get(answer, 0) for answer in ("hit", "file-hit"))
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


def first_traceback(server: Server, chars: int = 3000) -> str | None:
    """The server log's first traceback (kept in the results: the log goes with the temp folder)."""
    text = server.log.read_text(encoding="utf-8", errors="replace")
    start = text.find("Traceback")
    return None if start < 0 else text[max(0, start - 300): start + chars]


def verdict(stats: dict[str, Any]) -> dict[str, Any]:
    """The targets: p95 ≤ 500 ms for pages and callbacks, ≤ 2 s for the PDF, no errors."""
    kinds = {k: v for k, v in stats.items() if k not in ("Aggregated", "failure kinds")}
    worst = max((v["p95_ms"] for k, v in kinds.items() if k != PDF), default=0.0)
    pdf = kinds.get(PDF, {}).get("p95_ms", 0.0)
    errors = stats.get("Aggregated", {}).get("failures", 0)
    return {"worst_p95_pages_callbacks_ms": worst, "pdf_p95_ms": pdf, "errors": errors,
            "met": worst <= 500 and pdf <= 2000 and errors == 0}


def verdict_at_scale(stats: dict[str, Any]) -> dict[str, Any]:
    """The target at 6,000 areas and 200 users: p95 ≤ 2 s for every kind of request, no errors."""
    kinds = {k: v for k, v in stats.items() if k not in ("Aggregated", "failure kinds")}
    worst = max(kinds.items(), key=lambda kv: kv[1]["p95_ms"], default=("", {"p95_ms": 0.0}))
    errors = stats.get("Aggregated", {}).get("failures", 0)
    return {"worst_p95_ms": worst[1]["p95_ms"], "worst_kind": worst[0], "errors": errors,
            "met": worst[1]["p95_ms"] <= 2000 and errors == 0}


# The single process before issue 14: no cache, compression or pre-rendering, 8 threads
OFF = {"WELLBEING_CACHE_MB": "0", "WELLBEING_COMPRESS": "0", "WELLBEING_PRERENDER": "off",
       "WELLBEING_THREADS": "8"}


def demo_setups(folder: Path, redis_url: str) -> tuple[list[tuple[str, Path, int, dict[str, str]]], dict[str, Any]]:
    """The 50-user run's four setups on the demo city (40 areas)."""
    store, facts = demo_store(folder)
    return [
        ("before", store, 1, OFF),
        ("one process", store, 1, {"WELLBEING_PRERENDER": "all"}),
        ("2 workers + Redis, no pre-render", store, 2, {"REDIS_URL": redis_url, "WELLBEING_PRERENDER": "off"}),
        ("2 workers + Redis", store, 2, {"REDIS_URL": redis_url, "WELLBEING_PRERENDER": "all"}),
    ], facts


def grid_setups(folder: Path, redis_url: str, areas: int) -> tuple[list[tuple[str, Path, int, dict[str, str]]],
                                                                    dict[str, Any]]:
    """At ``areas`` areas (the grid city): ``before`` is one process on a store without the
    materialised comparison table and display geometry, cache, compression and
    pre-rendering off (the single process before issue 14); then one process and 2 workers
    + Redis on the store with them, pre-rendering the prioritized areas."""
    store, before, facts = grid_store(folder, areas)
    return [
        ("before", before, 1, OFF),
        ("one process", store, 1, {"WELLBEING_PRERENDER": "prioritized"}),
        ("2 workers + Redis", store, 2, {"REDIS_URL": redis_url, "WELLBEING_PRERENDER": "prioritized"}),
    ], facts


def per_thread_count(setups: list[tuple[str, Path, int, dict[str, str]]],
                     counts: str) -> list[tuple[str, Path, int, dict[str, str]]]:
    """Each setup but ``before`` once per thread count in ``counts`` ("8,2")."""
    if not counts:
        return setups
    out = []
    for name, store, workers, env in setups:
        if name == "before":
            out.append((name, store, workers, env))
            continue
        out += [(f"{name}, {n} threads", store, workers, {**env, "WELLBEING_THREADS": n})
                for n in counts.split(",")]
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--areas", type=int, default=40,
                        help="40: the demo city; more: the synthetic grid city (100 areas a row)")
    parser.add_argument("--threads", default="",
                        help="threads per process to compare, e.g. 8,2: each setup but before is run "
                             "once per count (WELLBEING_THREADS); default: the setting's default")
    parser.add_argument("--only", default="",
                        help="run only the setups whose names contain this text (a quick look)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    judge = verdict if args.areas <= 40 else verdict_at_scale
    with tempfile.TemporaryDirectory(prefix="atlas-load-") as tmp:
        folder = Path(tmp)
        with redis_server(folder) as redis_url:
            started = time.monotonic()
            setups, facts = (demo_setups(folder, redis_url) if args.areas <= 40
                             else grid_setups(folder, redis_url, args.areas))
            setups = [s for s in per_thread_count(setups, args.threads) if args.only in s[0]]
            print(f"{len(facts['areas']):,} areas in {time.monotonic() - started:.0f} s", flush=True)
            facts_path = folder / "facts.json"
            facts_path.write_text(json.dumps(facts), encoding="utf-8")
            for name, store, workers, settings in setups:
                _flush(redis_url)  # each setup starts from an empty shared cache
                with serving(store, folder, workers=workers, **settings) as server:
                    prerendered = (wait_prerendered(server) if settings.get("WELLBEING_PRERENDER") != "off"
                                   else None)
                    warm(server, facts)
                    load = os.getloadavg()[0]
                    stats = run_locust(server, folder, name, args.users, args.seconds, facts_path)
                    problems = server_problems(server)
                    traceback = first_traceback(server)
                results[name] = {"workers": workers, "settings": settings, "prerendered": prerendered,
                                 "load_average_1min": {"start": round(load, 2),
                                                       "end": round(os.getloadavg()[0], 2)},
                                 "stats": stats, "verdict": judge(stats), "server_log": problems,
                                 "first_traceback": traceback}
                print(f"{name}: pre-rendered {prerendered}; {results[name]['verdict']}", flush=True)
    quick = (args.users < (50 if args.areas <= 40 else 200) or args.seconds < (60 if args.areas <= 40 else 45)
             or bool(args.only))
    flags = "" if args.areas <= 40 else f" --areas {args.areas}"
    flags += f" --threads {args.threads}" if args.threads else ""
    out = {"command": f"python -m benchmarks.load{flags} --users {args.users} --seconds {args.seconds}",
           "users": args.users, "seconds": args.seconds, "areas": len(facts["areas"]), "setups": results}
    path = write_results("load" if args.areas <= 40 else f"load-{args.areas}", out, quick=quick)
    for name, result in results.items():
        print(f"\n{name}")
        for kind, s in result["stats"].items():
            if kind == "failure kinds":
                print(f"  failures: {s}")
                continue
            print(f"  {kind:28} n={s['requests']:5} fail={s['failures']:3} p50={s['p50_ms']:7.0f} "
                  f"p95={s['p95_ms']:7.0f} rps={s['rps']:6.1f} hits={s['cache_hits']}")
        print(f"  server log: {result['server_log']}; pre-rendered: {result['prerendered']}; "
              f"load average {result['load_average_1min']}")
    print(f"Wrote {path}")
    return out


if __name__ == "__main__":
    main()
