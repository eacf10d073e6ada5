"""Past builds in the app: `build=N` on /data (through dashboard/data_api.py) and on every
page reads the data as released in build N, rebuilt from the chain of reverse diffs the
ETL keeps (etl/builds.py); the notice a page shows then; and the Data page's list of
builds, each with its files.

Only the datasets this project redistributes keep past builds. The others (CPJ, Freedom
House, ...) are shown as built on this installation, and the notice says so.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from dashboard import i18n, url_params, url_sync
from dashboard.text import md_escape
from etl import builds as chain
from etl import model, registry, store

PARAM = "build"
BuildUnavailable = chain.BuildUnavailable
NotYetReleased = chain.NotYetReleased


@functools.lru_cache(maxsize=4)
def _changelog(folder: str, modified: float) -> tuple[dict, ...]:
    del modified  # part of the cache key only
    return tuple(store.load_changelog(Path(folder)))


def _changelog_modified() -> float:
    path = store.DATASETS_DIR / store.CHANGELOG
    return path.stat().st_mtime if path.exists() else 0.0


def changelog() -> tuple[dict, ...]:
    """The releases, oldest first, read once per change of the changelog."""
    return _changelog(str(store.DATASETS_DIR), _changelog_modified())


def numbers() -> list[int]:
    return [entry["version"] for entry in changelog()]


def release(build: int) -> dict:
    """The changelog entry of a build (one of `numbers()`)."""
    return next(entry for entry in changelog() if entry["version"] == build)


def parse(raw: object) -> tuple[int | None, str | None]:
    """The build a URL asks for, None for today's data; a note where it names none."""
    return url_params.parse_build(raw, numbers())


def kept(name: str) -> bool:
    """Whether the dataset's past builds are kept (it is redistributed)."""
    return chain.kept(registry.DATASETS[name])


@functools.lru_cache(maxsize=32)
def _csv_at(name: str, build: int, stamp: tuple) -> bytes:
    del stamp  # part of the cache key only: a new release rebuilds
    return chain.dataset_at(name, build)


def csv_at(name: str, build: int) -> bytes:
    """The dataset's CSV exactly as released in `build` (etl.builds.dataset_at)."""
    return _csv_at(name, build, store.release_stamp())


def frame_at(name: str, build: int) -> pd.DataFrame:
    """The dataset as released in `build`, typed as today's file is (columns added since
    left empty), for the pages and for filters over a past build."""
    shown = f"{registry.DATASETS[name].filename} (build-{build})"
    return store.frame_from_csv(
        registry.DATASETS[name], csv_at(name, build), shown, earlier_columns=True
    )


class Refused(ValueError):
    """`build=` names no build of this dataset: `status` 400 (no such build) or 404
    (a build before the dataset's first release)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def released(dataset: model.Dataset, raw: str) -> tuple[int, bytes]:
    """(N, the dataset's CSV as released in build N) for `build=N` on /data, which never
    changes; Refused for a build that does not exist or came before the dataset."""
    text = url_params.clean(raw).casefold().removeprefix("build-")
    known = numbers()
    if not (text.isascii() and text.isdigit() and len(text) <= 6 and int(text) in known):
        raise Refused(
            400,
            f"There is no build {url_params.clean(raw)[:40]!r}; builds: "
            f"{', '.join(map(str, known))} (the changelog: /data/README.md).",
        )
    try:
        return int(text), csv_at(dataset.name, int(text))
    except chain.NotYetReleased as exc:
        raise Refused(404, str(exc)) from exc


# ------------------------------------------------------------------ on the pages


def _page_address() -> tuple[str, tuple[tuple[str, str], ...]]:
    """The current page's path and URL parameters."""
    path = urlsplit(st.context.url or "/").path or "/"
    return path, tuple((key, st.query_params[key]) for key in st.query_params)


def _same_page_url(**changes: str | None) -> str:
    """The current page's address with some parameters changed (None removes one)."""
    return _address_with(*_page_address(), **changes)


def _address_with(path: str, params: tuple[tuple[str, str], ...], **changes: str | None) -> str:
    """`path` with `params`, some of them changed (None removes one)."""
    params = dict(params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return f"{path}?{urlencode(params)}" if params else path


def notice() -> None:
    """Above every page: which build the page shows when the URL names one, with a link to
    the current data; a note where the URL's build does not exist."""
    number, note = parse(st.query_params.get(PARAM))
    url_sync.note(note)
    if number is None:
        return
    tr = i18n.translator(i18n.current())
    st.info(
        tr.gettext(
            "Showing the data as released in build %(build)s on %(date)s. "
            "[See the current data](%(url)s)."
        )
        % {
            "build": number,
            "date": tr.date(date.fromisoformat(release(number)["date"])),
            "url": _same_page_url(**{PARAM: None}),
        },
        icon=":material/history:",
    )
    st.caption(
        tr.gettext(
            "Data this project does not redistribute (CPJ, Freedom House, CIRIGHTS, ITT, "
            "Amnesty's executions) keep no past builds: they are shown as built here."
        )
    )


def not_yet_released(name: str, build: int) -> None:
    """Where a page needs a dataset the URL's build did not have yet: when it came."""
    tr = i18n.translator(i18n.current())
    first = chain.first_release(name, list(changelog()))
    st.warning(
        tr.gettext(
            "“%(dataset)s” was first released in build %(first)s: build %(build)s does not "
            "have it. [See the current data](%(url)s)."
        )
        % {
            "dataset": md_escape(tr.term("dataset title", registry.DATASETS[name].title)),
            "first": first,
            "build": build,
            "url": _same_page_url(**{PARAM: None}),
        },
        icon=":material/history:",
    )


def _counts(change: dict, tr: i18n.Translator) -> str:
    """What a build did to a dataset's rows (or its row counts, where the changelog could
    only compare counts)."""
    if "rows_before" in change:
        return tr.ngettext(
            "%(before)s → %(after)s row", "%(before)s → %(after)s rows", change["rows_after"]
        ) % {"before": tr.number(change["rows_before"]), "after": tr.number(change["rows_after"])}
    return tr.gettext("rows added: %(added)s, removed: %(removed)s, changed: %(changed)s") % {
        kind: tr.number(change.get(kind, 0)) for kind in ("added", "removed", "changed")
    }


def _as_published(text: str, tr: i18n.Translator) -> str:
    """English text of the changelog (a reason, dataset names) in a right-to-left page: a
    first-strong isolate (U+2068 … U+2069), so it keeps its own order inside the sentence."""
    return f"\u2068{text}\u2069" if tr.rtl else text


def history(name: str) -> None:
    """The Data page's builds, newest first: date, what this dataset's rows did in each
    (from the changelog, with the reason given), and links to the build's file and to the
    dashboard as of that build; then the feeds."""
    tr = i18n.translator(i18n.current())
    _ = tr.gettext
    st.markdown(
        _history_list(
            name, tr.lang, *_page_address(), str(store.DATASETS_DIR), _changelog_modified()
        )
    )
    if not kept(name):
        st.caption(
            _(
                "This dataset is not redistributed, so its past builds are not kept: the "
                "dashboard shows it as built here whatever build is asked for."
            )
        )
    st.markdown(
        _("**Feeds** (Atom): [every change](%(all)s) · [changes to this dataset](%(one)s)")
        % {"all": "/feeds/all.atom", "one": f"/feeds/{name}.atom"}
    )


@functools.lru_cache(maxsize=256)
def _history_list(
    name: str, lang: str, path: str, params: tuple, folder: str, modified: float
) -> str:
    """The list of builds as markdown, written once per dataset, language, page address and
    change of the changelog (nine builds' dates and counts took 2 ms on each run)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    log = _changelog(folder, modified)
    first = chain.first_release(name, list(log))
    lines = []
    for entry in reversed(log):
        number = entry["version"]
        when = tr.date(date.fromisoformat(entry["date"]))
        head = _("**build-%(build)s**, %(date)s") % {"build": number, "date": when}
        change = entry["datasets"].get(name)
        if first is None or number < first:
            lines.append(f"- {head}: " + _("before this dataset's first release"))
            continue
        if change is None:
            others = _as_published(", ".join(f"`{other}`" for other in entry["datasets"]), tr)
            what = _("unchanged (this build changed %(datasets)s)") % {"datasets": others}
        else:
            what = _counts(change, tr)
            reason = entry.get("reasons", {}).get(name)
            if reason:
                reason = _as_published(md_escape(reason), tr)
                what += " — " + _("why: %(reason)s") % {"reason": reason}
        links = [
            _("[the dashboard as of this build](%(url)s)")
            % {"url": _address_with(path, params, **{PARAM: str(number)})}
        ]
        if kept(name):
            csv = f"/data/{registry.DATASETS[name].filename}?{PARAM}={number}"
            links.insert(0, _("[the CSV as released](%(url)s)") % {"url": csv})
        lines.append(f"- {head}: {what} · " + " · ".join(links))
    return "\n".join(lines)
