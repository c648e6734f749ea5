"""Load on the web app: 50 concurrent users browsing and submitting answers on 127.0.0.1.

Starts `hirebar serve` in a subprocess with a fresh data folder, runs virtual users for a
fixed time (each: home, library, a practice page, save a draft, submit an answer, read the
assessment, history, with 1-3 s of reading time between requests as locust's users have),
then prints requests/s, p50 and p95 latency per page, the error
count, and checks that every answer the server accepted is in the database.
Target: p95 <= 50 ms for pages, 0 errors, every submitted answer stored.

usage: python benchmarks/web_load.py [--users 50] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

failures: Counter[str] = Counter()
ANSWER = (
    "First I'd ask which segment dropped and since when, and whether the metric itself broke. "
    "Then I'd check what shipped: a deploy, a config push, an upstream data change. If users are "
    "hurt I roll back to the previous model and route low-confidence cases to people. I'd size "
    "the harm in tickets per hour and tell support what to expect. Attempt {n}."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def user(base, questions, stop, seed, log, accepted, think) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def call(name: str, method: str, url: str, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                response = await client.request(method, url, **kwargs)
                ok = response.status_code < 400
                if not ok:
                    failures[f"{name}: HTTP {response.status_code} {response.text[:80]}"] += 1
            except httpx.HTTPError as exc:
                response, ok = None, False
                failures[f"{name}: {type(exc).__name__}"] += 1
            log[name].append(((time.perf_counter() - start) * 1000, ok))
            await asyncio.sleep(rng.uniform(*think))  # a person reads before the next click
            return response

        n = 0
        await asyncio.sleep(rng.uniform(0, think[1]))  # people arrive over a few seconds
        while time.monotonic() < stop:
            question = rng.choice(questions)
            await call("home", "GET", "/")
            await call("library", "GET", "/library", params={"q": rng.choice(["fraud", "rag", ""])})
            await call("practice", "GET", f"/practice/{question}")
            token = client.cookies.get("hirebar_csrf")
            await call(
                "draft",
                "POST",
                f"/practice/{question}/draft",
                data={"answer": "draft", "csrf_token": token},
            )
            text = ANSWER.format(n=f"{seed}-{n}")
            response = await call(
                "submit",
                "POST",
                f"/practice/{question}",
                data={"answer": text, "csrf_token": token},
            )
            if response is not None and response.status_code == 303:
                accepted.append(text)
                await call("assessment", "GET", response.headers["location"])
            await call("history", "GET", "/history")
            n += 1


async def run(
    base: str, users: int, seconds: int, think: tuple[float, float]
) -> tuple[dict, list[str], float]:
    async with httpx.AsyncClient(base_url=base) as client:
        questions = [q["id"] for q in (await client.get("/api/v1/library")).json()["questions"]]
    log: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    accepted: list[str] = []
    start = time.monotonic()
    stop = start + seconds
    await asyncio.gather(
        *(user(base, questions, stop, i, log, accepted, think) for i in range(users))
    )
    return log, accepted, time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 3.0),
        metavar=("MIN", "MAX"),
        help="seconds each user waits between requests, like a person reading (0 0: flat out)",
    )
    args = parser.parse_args()

    from hirebar.practice.service import PracticeService
    from hirebar.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            **os.environ,
            "HIREBAR_DATA_DIR": tmp,
            "HIREBAR_MODEL_DIR": str(Settings().resolved_model_dir),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "hirebar", "serve", "--port", str(port), "--no-browser"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(base + "/", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            log, accepted, elapsed = asyncio.run(
                run(base, args.users, args.seconds, tuple(args.think))
            )
        finally:
            server.terminate()
            server.wait(timeout=20)
        stored = {
            a.answer for a in PracticeService(Settings(data_dir=Path(tmp))).history(limit=10**7)
        }

    total = sum(len(v) for v in log.values())
    errors = sum(not ok for v in log.values() for _, ok in v)
    print(
        f"{args.users} users (think time {args.think[0]:g}-{args.think[1]:g} s) for "
        f"{elapsed:.0f} s: {total} requests, "
        f"{total / elapsed:.1f} requests/s, {errors} errors"
    )
    print(f"{'page':12s} {'n':>6s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, items in log.items():
        times = sorted(t for t, _ in items)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{name:12s} {len(times):6d} {statistics.median(times):8.1f} {p95:8.1f}")
    for failure, count in failures.most_common():
        print(f"  {count} x {failure}")
    missing = [a for a in accepted if a not in stored]
    print(
        f"answers accepted: {len(accepted)}, stored: {len(accepted) - len(missing)}, "
        f"missing: {len(missing)}"
    )


if __name__ == "__main__":
    main()
