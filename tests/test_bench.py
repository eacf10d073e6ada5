"""`make bench` is not part of `make test`, so its page runs are tried here: each of its
interactions still drives the page it names (a control renamed or replaced would otherwise
break the bench only when someone next runs it, as the map's year slider did)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def timed_port(bench):
    """The bench's timed server (the dashboard's server, its runs timed), once warmed up."""
    with bench.timed_server() as port:
        yield port


def test_every_page_run_interaction_drives_its_page(bench, timed_port):
    results = bench.page_runs(2, "en", timed_port)
    assert set(results) == set(bench.INTERACTIONS)
    for times, empty in results.values():
        assert len(times) == len(empty) == 2
        assert all(t > 0 for t in times + empty)


def test_the_minimal_page_sent_at_once_serves_the_floors_own_page(bench):
    """The information row's floor is the floor's page, started the same way, served by an
    app (which applies the dashboard's TCP setting: dashboard/tcp.py, tests/test_server.py)."""
    from pathlib import Path

    path = ROOT / "benchmarks" / "minimal_chart_app.py"
    assert [
        arg if arg != "benchmarks/minimal_chart_page.py" else "benchmarks/minimal_chart_app.py"
        for arg in bench.MINIMAL
    ] == bench.MINIMAL_SENT_AT_ONCE
    spec = importlib.util.spec_from_file_location("minimal_chart_app", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert Path(module.app._script_path) == ROOT / "benchmarks" / "minimal_chart_page.py"


def test_a_ratios_interval_holds_it_and_narrows_with_steady_runs(bench):
    """The bootstrap interval of a ratio contains the ratio itself, is a point for runs that
    never vary, and is the same for the same runs (a fixed seed)."""
    steady = bench.Ratio("steady", "page run p95", [6.0] * 20, "empty", [2.0] * 20, "p95")
    assert steady.interval == (3.0, 3.0)
    noisy = bench.Ratio(
        "noisy", "page run p95", [5.0] * 18 + [9.0, 11.0], "empty", [2.0] * 19 + [4.0], "p95"
    )
    low, high = noisy.interval
    assert low <= noisy.ratio <= high and high - low > 1
    assert noisy.interval == (low, high)
    assert not noisy.met  # its ratio is above 3×, but its interval reaches down to 3×
    assert bench.undecided([steady, noisy]) == (
        "Within their interval of the budget: 0 of those met (interval reaching above it) "
        "and 1 of those not met (interval reaching down to it)."
    )


def test_a_bench_session_keeps_large_messages_as_the_browser_does(bench):
    """The page runs' sessions tell the server which large messages they still hold, as the
    browser does, so the server sends those as references: a message is kept while used in
    the last `global.maxCachedMessageAge` (2) runs, a reference reads as the message it
    names (its widget counted), and an error page stops the bench."""
    import asyncio

    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    def widget(id_: str) -> ForwardMsg:
        message = ForwardMsg(hash=f"hash-of-{id_}")
        message.metadata.cacheable = True
        message.delta.new_element.selectbox.id = id_
        return message

    def reference(id_: str) -> ForwardMsg:
        return ForwardMsg(ref_hash=f"hash-of-{id_}")

    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY

    class Socket:  # the server's side: answers each rerun with the next run's messages
        def __init__(self, runs):
            self.runs, self.sent, self.queue = list(runs), [], []

        async def send(self, data):
            self.sent.append(BackMsg.FromString(data).rerun_script)
            self.queue = [*self.runs.pop(0), finished]

        async def recv(self):
            return self.queue.pop(0).SerializeToString()

    socket = Socket(
        [
            [widget("$$ID-1-country")],
            [reference("$$ID-1-country"), widget("$$ID-2-to")],
            [reference("$$ID-2-to")],
            [],
            [],
        ]
    )
    session = bench.Session(socket, "ru")
    session.open("country")

    async def runs():
        for _ in range(5):
            await session.rerun()
            yield set(session.widget_ids)

    async def collect():
        return [ids async for ids in runs()]

    seen = asyncio.run(collect())
    assert seen == [
        {"$$ID-1-country"},
        {"$$ID-1-country", "$$ID-2-to"},
        {"$$ID-2-to"},
        set(),
        set(),
    ]
    held = [sorted(request.cached_message_hashes) for request in socket.sent]
    assert held == [
        [],
        ["hash-of-$$ID-1-country"],
        ["hash-of-$$ID-1-country", "hash-of-$$ID-2-to"],
        ["hash-of-$$ID-1-country", "hash-of-$$ID-2-to"],  # last used two runs ago: kept
        ["hash-of-$$ID-2-to"],  # the country's, unused for three runs: dropped
    ]
    assert {request.query_string for request in socket.sent} == {"lang=ru"}
    assert {request.page_name for request in socket.sent} == {"country"}

    error = ForwardMsg()
    error.delta.new_element.exception.message = "KeyError: 'AZE'"
    session.websocket = Socket([[error]])
    with pytest.raises(RuntimeError, match="KeyError"):
        asyncio.run(session.rerun())


# (page, the control's key, its new value as the browser sends it, what the URL then says,
# whether the page's charts are sent again: the overview's editions and Sources compared's
# year rerun their section alone, a fragment in the page's fragment)
CONTROLS = [
    ("compare", "countries", ["Azerbaijan", "Georgia"], "countries=AZE%2CGEO", True),
    ("", "to", "2024", "to=2024", False),
    ("sources", "edition", ["2021"], "edition=2021", False),
]


@pytest.mark.parametrize(("page", "key", "value", "in_url", "charts_again"), CONTROLS)
def test_a_pages_control_reruns_the_page_alone(
    bench, timed_port, page, key, value, in_url, charts_again
):
    """A control on a page reruns the page, as a fragment (dashboard/app.py), or only its
    section where the rest does not depend on it: the browser asks for the fragment's run,
    and the server sends the fragment again with the view's new state in the URL, but not
    the frame (the language picker, the menu) and, for a section, not the chart above it."""
    import asyncio

    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    received: list[ForwardMsg] = []
    held: dict = {}  # the session's message cache: a reference reads as the message it names

    def sent() -> list[ForwardMsg]:
        return [held[m.ref_hash][1] if m.ref_hash else m for m in received]

    def elements() -> dict[str, tuple[str, str]]:
        """Element id → (its fragment's id, its kind) of what the server sent."""
        found = {}
        for message in sent():
            if message.WhichOneof("type") == "delta" and message.delta.HasField("new_element"):
                element = message.delta.new_element
                shown = getattr(element, element.WhichOneof("type"))
                if isinstance(getattr(shown, "id", None), str):
                    found[shown.id] = (message.delta.fragment_id, element.WhichOneof("type"))
        return found

    def charts_sent() -> bool:
        return "plotly_chart" in {kind for _, kind in elements().values()}

    async def scenario():
        stream = f"ws://127.0.0.1:{timed_port}/_stcore/stream"
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:

            class Recording:  # the websocket, keeping what the server sends
                async def send(self, data):
                    await ws.send(data)

                async def recv(self):
                    data = await ws.recv()
                    received.append(ForwardMsg.FromString(data))
                    return data

            session = bench.Session(Recording(), "en")
            held.update(session.cache)
            session.cache = held
            session.open(page)
            await session.rerun()
            first = elements()
            (picker,) = [id_ for id_ in first if id_.endswith("-lang")]
            (control,) = [id_ for id_ in first if id_.endswith(f"-{key}")]
            assert first[picker][0] == "" and first[control][0] != ""  # frame; page
            assert any(m.WhichOneof("type") == "navigation" for m in received)
            assert charts_sent()  # the page's first run draws its chart
            chosen = WidgetState(id=control)
            if isinstance(value, list):
                chosen.string_array_value.data.extend(value)
            else:
                chosen.string_value = value
            received.clear()
            await session.rerun(chosen)
            return elements(), session.query

    second, query = asyncio.run(scenario())
    assert [id_ for id_ in second if id_.endswith(f"-{key}")]  # the control's part again
    assert not [id_ for id_ in second if id_.endswith("-lang")]  # not the frame
    assert not any(m.WhichOneof("type") == "navigation" for m in received)
    assert in_url in query
    assert charts_sent() == charts_again
