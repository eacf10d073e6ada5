"""The dashboard's server as `make run` serves it (dashboard/server.py: its routes, middleware
and warm-up), with two additions for benchmarks/bench.py's page runs:

- every script run is timed where the server runs it, in its session's script thread
  (`ScriptRunner._run_script`, from the rerun request to the run's last message); the
  runs timed since the last call are answered at `GET /bench/runs` as `[[page, seconds]]`;
- an empty page in the app's frame (benchmarks/empty_page.py) at `/bench-empty`, hidden
  from the menu: the floor of a page run, run by the same process beside the pages.

So a page run is timed as a reader's run takes it (the event loop sending its messages
meanwhile, the server's heap and collector), not in AppTest, whose own work per run (its
element tree, its recorder's messages) added about 0.5 ms to the floor."""

from __future__ import annotations

import time

import streamlit as st
from starlette.responses import JSONResponse
from starlette.routing import Route
from streamlit.runtime.scriptrunner import script_runner

from dashboard import navigation, server

EMPTY_PAGE = "bench-empty"
navigation.PAGES = (
    *navigation.PAGES,
    navigation.PageSpec(
        "../benchmarks/empty_page.py", "Empty", ":material/home:", EMPTY_PAGE, True
    ),
)

_timed: list[tuple[str, float]] = []
_run_script = script_runner.ScriptRunner._run_script


def _timed_run(self, rerun_data) -> None:
    started = time.perf_counter()
    try:
        _run_script(self, rerun_data)
    finally:
        _timed.append((rerun_data.page_name, time.perf_counter() - started))


script_runner.ScriptRunner._run_script = _timed_run


async def timed_runs(_request) -> JSONResponse:
    answered = [_timed.pop(0) for _ in range(len(_timed))]  # the script threads append
    return JSONResponse(answered)


app = st.App(
    server.app._script_path,
    routes=[*server.ROUTES, Route("/bench/runs", timed_runs)],
    middleware=server.MIDDLEWARE,
    lifespan=server.warmed,
)
