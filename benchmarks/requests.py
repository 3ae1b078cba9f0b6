"""One request at a time at 6,000 areas: what each kind of visitor action costs a worker
when nothing is kept (payload cache off), this tree against another commit's in the same
run (issue 14: the CPU per action decides how many users two cores serve).

    .venv/bin/python -m benchmarks.requests                         # against e789316
    .venv/bin/python -m benchmarks.requests --baseline HEAD~3 --areas 1200 --runs 5

The synthetic grid city (``synthetic.grid_city``) is built once by this tree; each tree
then answers in its own process (the baseline from a ``git worktree`` of ``--baseline``),
in turns, the same seeded requests the load test's visitors send (``benchmarks.load_users``):
the map page, a recolour, an area's profile page, the compare page with three areas and
an area's PDF profile (a new area each time, as a visitor's would be), through the Flask
test client with the dashboard's own compression off. Medians of ``--runs`` rounds of
``--per-round`` requests each; writes benchmarks/results/requests.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

from benchmarks.figures import write_results

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("map page", "recolour", "area profile", "compare", "PDF profile")

# Run inside a tree (its own modules on the path): prints {kind: [seconds, ...]} as JSON.
MEASURE = textwrap.dedent('''
    import json, os, random, sys, time
    os.environ.update(WELLBEING_CACHE_MB="0", WELLBEING_PRERENDER="off", WELLBEING_COMPRESS="0",
                      DATABASE_URL=sys.argv[1])
    os.environ.pop("REDIS_URL", None)
    from dashboard.app import create_app
    from synthetic.dash_requests import download_body, page_body, recolour_body
    facts, seed, count = json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    client = create_app().server.test_client()
    deps = client.get("/_dash-dependencies").get_json()
    pick = random.Random(seed)
    latest = sorted(facts["latest"])
    bodies = {
        "map page": lambda: page_body(deps, "/", "?lang=sv"),
        "recolour": lambda: recolour_body(deps, (i := pick.choice(latest)), facts["latest"][i], "sv",
                                          geo_version=facts["batch"]),
        "area profile": lambda: page_body(deps, "/area/" + pick.choice(facts["areas"]), "?lang=sv"),
        "compare": lambda: page_body(deps, "/compare", "?lang=sv&areas=" + ",".join(pick.sample(facts["areas"], 3))),
        "PDF profile": lambda: download_body(deps, pick.choice(facts["areas"]), "pdf", "sv"),
    }
    for make in bodies.values():  # warm: the first of each kind reads what a worker keeps
        assert client.post("/_dash-update-component", json=make()).status_code == 200
    times = {}
    for kind, make in bodies.items():
        times[kind] = []
        for _ in range(count):
            body = make()
            started = time.perf_counter()
            answer = client.post("/_dash-update-component", json=body)
            times[kind].append(time.perf_counter() - started)
            assert answer.status_code == 200, (kind, answer.status_code)
    print(json.dumps(times))
''')


def answer_times(tree: Path, url: str, facts: dict[str, Any], seed: int, count: int) -> dict[str, list[float]]:
    """One round in ``tree``'s own process: {kind: seconds of each request}."""
    done = subprocess.run([sys.executable, "-c", MEASURE, url, json.dumps(facts), str(seed), str(count)],
                          cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                          capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode:
        raise RuntimeError(f"measuring in {tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="e789316", help="the commit measured against")
    parser.add_argument("--areas", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3, help="rounds per tree, taken in turns")
    parser.add_argument("--per-round", type=int, default=7, help="requests of each kind per round")
    args = parser.parse_args(argv)
    from benchmarks.serving import grid_city

    commit = subprocess.run(["git", "rev-parse", "--short", args.baseline], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.strip()
    ours = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="atlas-requests-") as tmp:
        folder = Path(tmp)
        store, facts = grid_city(folder, args.areas)
        baseline = folder / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(baseline), commit], cwd=ROOT, check=True)
        try:
            trees = {f"baseline ({commit})": baseline, f"this tree ({ours}+)": ROOT}
            times: dict[str, dict[str, list[float]]] = {name: {k: [] for k in KINDS} for name in trees}
            for run in range(args.runs):
                for name, tree in trees.items():
                    got = answer_times(tree, f"sqlite:///{store}", facts, seed=run, count=args.per_round)
                    for kind in KINDS:
                        times[name][kind].extend(got[kind])
                    print(f"round {run + 1}: {name} done", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(baseline)], cwd=ROOT, check=False)
            shutil.rmtree(baseline, ignore_errors=True)
    (old, old_times), (new, new_times) = times.items()
    rows = {kind: {"baseline_median_ms": round(statistics.median(old_times[kind]) * 1000, 1),
                   "median_ms": round(statistics.median(new_times[kind]) * 1000, 1),
                   "ratio": round(statistics.median(old_times[kind]) / statistics.median(new_times[kind]), 2)}
            for kind in KINDS}
    print(f"\n{args.areas:,} areas, one request at a time, payload cache off; medians of "
          f"{args.runs} x {args.per_round}:")
    print(f"  {'request':14} {old:>22} {new:>22}  ratio")
    for kind, row in rows.items():
        print(f"  {kind:14} {row['baseline_median_ms']:>19.1f} ms {row['median_ms']:>19.1f} ms  "
              f"{row['ratio']:.2f}x")
    out = {"command": f"python -m benchmarks.requests --baseline {args.baseline} --areas {args.areas} "
                      f"--runs {args.runs} --per-round {args.per_round}",
           "areas": args.areas, "baseline": commit, "tree": ours, "kinds": rows,
           "times_s": {name: t for name, t in times.items()}}
    path = write_results("requests", out, quick=args.areas < 6000 or args.runs < 3)
    print(f"Wrote {path}")
    return out


if __name__ == "__main__":
    main()
