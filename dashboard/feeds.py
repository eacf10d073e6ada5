"""Atom 1.0 feeds of what changed, from the changelog and the chain of reverse diffs
(etl/builds.py), for feed readers and scripts that watch for revisions:

    /feeds/all.atom         every build: which datasets changed, by how many rows, and why
    /feeds/<dataset>.atom   the builds that changed one dataset, with the rows they touched
                            (datasets this project redistributes; the others by counts)
    /feeds/<ISO3>.atom      one country: the rows each build added, revised or removed for it
                            (a new RSF edition, a revised score, a new documented case)

Entries are in English, as the changelog is; ids are stable URNs (the same build gives the
same id on every host), links absolute to the host asked. Written with the standard
library's ElementTree, so every text is escaped.
"""

from __future__ import annotations

import functools
import html
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from dashboard.names import entity_names
from etl import builds, model, project, registry, store

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
SHOWN_ROWS = 100  # rows listed in one entry; the rest are counted
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Touched:
    """What one build did to one redistributed dataset: the rows it added, changed or
    removed; for the build that first released it, only rows per country (all added)."""

    build: int
    dataset: model.Dataset
    rows: tuple[builds.RowChange, ...]
    first_rows: dict[str, int]  # iso3 → rows, on a first release

    def countries(self, row: builds.RowChange) -> set[str]:
        """The codes a row is about, before and after (a row recoded CZE → CSK is both)."""
        return {
            version.get("iso3", "")
            for version in (row.before, row.after)
            if version and version.get("iso3")
        }


@functools.lru_cache(maxsize=2)
def _history(stamp: tuple) -> tuple[Touched, ...]:
    del stamp  # part of the cache key only
    log = store.load_changelog()
    found = []
    for entry in log:
        for name in entry["datasets"]:
            dataset = registry.DATASETS.get(name)
            if dataset is None or not builds.kept(dataset):
                continue
            rows = builds.changes_in(name, entry["version"])
            if entry["version"] == builds.first_release(name, log):
                counts = Counter(r.cell("iso3") for r in rows if r.cell("iso3"))
                found.append(Touched(entry["version"], dataset, (), dict(counts)))
            else:
                found.append(Touched(entry["version"], dataset, tuple(rows), {}))
    return tuple(found)


def history() -> tuple[Touched, ...]:
    """Every build's row changes in the redistributed datasets, read once per release."""
    return _history(store.release_stamp())


# ------------------------------------------------------------------ text of an entry


def _key_text(dataset: model.Dataset, row: builds.RowChange) -> str:
    return " / ".join(value for value in row.key if value) or "(blank)"


def _values(dataset: model.Dataset, cells: dict[str, str]) -> str:
    """The measures of a row (columns with a unit or a direction), else its first cells."""
    key = set(dataset.primary_key)
    measures = [c.name for c in dataset.columns if (c.unit or c.direction) and c.name not in key]
    shown = measures or [c.name for c in dataset.columns if c.name not in key][:6]
    return ", ".join(f"{name} {cells[name]}" for name in shown if cells.get(name))


def row_html(dataset: model.Dataset, row: builds.RowChange) -> str:
    """One row's change as an HTML list item (escaped)."""
    key = html.escape(_key_text(dataset, row))
    if row.kind == "added":
        return f"<li>Added {key}: {html.escape(_values(dataset, row.after or {}))}</li>"
    if row.kind == "removed":
        return f"<li>Removed {key}</li>"
    differences = "; ".join(
        f"{column}: {before or '(blank)'} → {after or '(blank)'}"
        for column, (before, after) in row.differences().items()
    )
    return f"<li>Revised {key}: {html.escape(differences)}</li>"


def rows_html(dataset: model.Dataset, rows: list[builds.RowChange]) -> str:
    items = "".join(row_html(dataset, row) for row in rows[:SHOWN_ROWS])
    more = len(rows) - SHOWN_ROWS
    tail = f"<p>… and {more} more rows: see the build's file.</p>" if more > 0 else ""
    return f"<ul>{items}</ul>{tail}" if items else ""


def counts_text(change: dict) -> str:
    if "rows_before" in change:
        return f"{change['rows_before']} → {change['rows_after']} rows"
    return f"+{change['added']} added, −{change['removed']} removed, {change['changed']} changed"


def kinds_text(rows: list[builds.RowChange]) -> str:
    """'1 row added, 2 revised' for a country's rows."""
    counts = Counter(row.kind for row in rows)
    words = {"added": "added", "changed": "revised", "removed": "removed"}
    parts = [f"{counts[kind]} {word}" for kind, word in words.items() if counts[kind]]
    total = sum(counts.values())
    return f"{total} row{'s' if total != 1 else ''}: " + ", ".join(parts)


def periods_text(dataset: model.Dataset, rows: list[builds.RowChange]) -> str:
    """' (year 2027)' or ' (years 1970–1992)' where the dataset has a period."""
    if not dataset.period:
        return ""
    found = sorted({row.cell(dataset.period) for row in rows if row.cell(dataset.period)})
    if not found:
        return ""
    noun = dataset.period.replace("_", " ")
    if len(found) == 1:
        return f" ({noun} {found[0]})"
    return f" ({noun}s {found[0]}–{found[-1]})"


# ------------------------------------------------------------------ the feeds


@dataclass(frozen=True)
class Entry:
    key: str  # what the id is made from
    title: str
    date: str
    html: str
    link: str
    categories: tuple[str, ...] = ()


def _urn(key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"press-freedom-dashboard:{key}").urn


def atom(key: str, title: str, base: str, page: str, path: str, entries: list[Entry]) -> bytes:
    """An Atom 1.0 document: id, title, updated, author, self and alternate links, then
    the entries newest first."""
    log = store.load_changelog()
    newest = max([e.date for e in entries] or [log[-1]["date"] if log else "1970-01-01"])
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", _urn(key))
    add(feed, "title", title)
    add(feed, "updated", f"{newest}T00:00:00Z")
    add(add(feed, "author"), "name", project.NAME)
    add(feed, "link", rel="self", type=MEDIA_TYPE.split(";")[0], href=base + path)
    add(feed, "link", rel="alternate", type="text/html", href=base + page)
    add(feed, "generator", project.NAME)
    for item in entries:
        entry = add(feed, "entry")
        add(entry, "id", _urn(item.key))
        add(entry, "title", item.title)
        add(entry, "updated", f"{item.date}T00:00:00Z")
        add(entry, "link", rel="alternate", type="text/html", href=base + item.link)
        for term in item.categories:
            add(entry, "category", term=term)
        add(entry, "content", item.html, type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def all_entries() -> list[Entry]:
    entries = []
    for release in reversed(store.load_changelog()):
        number, reasons = release["version"], release.get("reasons", {})
        items = "".join(
            f"<li><b>{html.escape(name)}</b>: {html.escape(counts_text(change))}"
            + (f" — why: {html.escape(reasons[name])}" if name in reasons else "")
            + "</li>"
            for name, change in release["datasets"].items()
        )
        names = list(release["datasets"])
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        entries.append(
            Entry(
                f"build-{number}",
                f"build-{number}: {shown}",
                release["date"],
                f"<ul>{items}</ul>",
                f"datasets?build={number}",
                tuple(names),
            )
        )
    return entries


def dataset_entries(dataset: model.Dataset) -> list[Entry]:
    touched = {t.build: t for t in history() if t.dataset.name == dataset.name}
    entries = []
    for release in reversed(store.load_changelog()):
        change = release["datasets"].get(dataset.name)
        if change is None:
            continue
        number = release["version"]
        body = f"<p>{html.escape(counts_text(change))}</p>"
        reason = release.get("reasons", {}).get(dataset.name)
        if reason:
            body += f"<p>Why: {html.escape(reason)}</p>"
        rows = list(touched[number].rows) if number in touched else []
        body += rows_html(dataset, rows)
        if builds.kept(dataset):
            body += f"<p>The file as released: /data/{dataset.filename}?build={number}</p>"
        entries.append(
            Entry(
                f"build-{number}/{dataset.name}",
                f"{dataset.title} — build-{number}: {counts_text(change)}",
                release["date"],
                body,
                f"datasets?dataset={dataset.name}&build={number}",
                (dataset.name,),
            )
        )
    return entries


def country_entries(iso3: str, name: str) -> list[Entry]:
    releases = {release["version"]: release for release in store.load_changelog()}
    entries = []
    for touched in reversed(history()):
        release = releases[touched.build]
        dataset, number = touched.dataset, touched.build
        if touched.first_rows:
            count = touched.first_rows.get(iso3, 0)
            if not count:
                continue
            rows_text = f"{count} row{'s' if count != 1 else ''}"
            title = f"{name} — {dataset.title}: first released, {rows_text} (build-{number})"
            body = f"<p>{rows_text} for {html.escape(name)} in its first release.</p>"
        else:
            rows = [row for row in touched.rows if iso3 in touched.countries(row)]
            if not rows:
                continue
            title = (
                f"{name} — {dataset.title}: {kinds_text(rows)}{periods_text(dataset, rows)} "
                f"(build-{number})"
            )
            body = rows_html(dataset, rows)
        reason = release.get("reasons", {}).get(dataset.name)
        if reason:
            body += f"<p>Why: {html.escape(reason)}</p>"
        entries.append(
            Entry(
                f"build-{number}/{dataset.name}/{iso3}",
                title,
                release["date"],
                body,
                f"country?country={iso3}&section=All+sources&build={number}",
                (dataset.name, iso3),
            )
        )
    return entries


def document(name: str, base: str) -> bytes | None:
    """The feed `/feeds/<name>` at `base` (the host's root URL, ending in /), or None."""
    stem = name.removesuffix(".atom")
    if stem == name:
        return None
    path = f"feeds/{name}"
    if stem == "all":
        title = f"{project.NAME}: every data change"
        return atom("feeds/all", title, base, "datasets", path, all_entries())
    if stem in registry.DATASETS:
        dataset = registry.DATASETS[stem]
        title = f"{project.NAME}: changes to {dataset.title}"
        page = f"datasets?dataset={stem}"
        return atom(f"feeds/{stem}", title, base, page, path, dataset_entries(dataset))
    names = entity_names()
    if stem.isupper() and stem in names:
        title = f"{project.NAME}: {names[stem]}, data changes"
        page = f"country?country={stem}"
        return atom(f"feeds/{stem}", title, base, page, path, country_entries(stem, names[stem]))
    return None


async def serve(request: Request) -> Response:
    """GET /feeds/<name>.atom; 404 naming what there is for anything else."""
    name = request.path_params["name"]
    content = document(name, str(request.base_url))
    if content is None:
        return PlainTextResponse(
            f"No feed {name[:60]!r}. Feeds: all.atom, <dataset>.atom (one of "
            f"{', '.join(registry.DATASETS)}), <ISO3>.atom (a country code, e.g. AZE.atom).",
            status_code=404,
        )
    return Response(
        content, media_type=MEDIA_TYPE, headers={"Cache-Control": "public, max-age=3600"}
    )
