"""/_replica: which replica answered and how many browser sessions it holds.

Behind a proxy with sticky sessions (deploy/, README "Scaling out") this shows where a
browser's cookie sends it and how the sessions spread over the replicas. It answers only
the name the operator gave the replica (the DASHBOARD_REPLICA variable) and a count, the
same count Streamlit's own /_stcore/metrics publishes: no host name, address or session id.
"""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse
from streamlit.runtime import Runtime
from streamlit.runtime.stats import ACTIVE_SESSIONS_FAMILY

REPLICA_VARIABLE = "DASHBOARD_REPLICA"


def active_sessions() -> int:
    """Sessions with an open websocket on this replica (0 before the runtime starts)."""
    if not Runtime.exists():
        return 0
    stats = Runtime.instance().stats_mgr.get_stats(family_names=[ACTIVE_SESSIONS_FAMILY])
    return sum(int(stat.value) for stat in stats.get(ACTIVE_SESSIONS_FAMILY, ()))


async def replica_status(request: Request) -> JSONResponse:
    return JSONResponse(
        {"replica": os.environ.get(REPLICA_VARIABLE, ""), "active_sessions": active_sessions()},
        headers={"Cache-Control": "no-store"},
    )
