"""Editors' outputs in the reader's language: the Snapshot and Embed menus, the /embed page
with `?lang=`, the exporter's `--lang`, and the baked site's language trees (English at
`charts/<slug>/` as before, `fr/charts/<slug>/`, `ar/charts/<slug>/`), with their frames,
descriptors, CSV headers, oEmbed answers, index and changelog.

A small French and Arabic bake (RSF's datasets only, which are redistributed) is made once
into a temporary folder; it needs Debian's Chromium for the images.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import streamlit as st

from dashboard import bake, chart_specs, embeds, export, gallery, i18n, oembed
from dashboard.charts import style
from etl import registry, store
from tests.test_app import chart_titles, page

LIVE = "http://127.0.0.1:8501"
SITE = f"{LIVE}/site/"
MAP = chart_specs.MapChart(registry.ON_MAP["rsf"], 2026)
ARCHIVE = chart_specs.MapChart(registry.ON_MAP["rsf"], 2025)  # an earlier year: English only
SPECS = [MAP, ARCHIVE, chart_specs.BandsChart()]
OTHERS = [code for code in i18n.languages() if code != i18n.SOURCE_LANGUAGE]
needs_chromium = pytest.mark.skipif(
    export.browser_path() is None, reason="no Chromium (apt-get install chromium)"
)

# What this part of the interface says in English: none of it may be left in another
# language's pages, frames and menus.
SITE_ENGLISH = [
    "Explore in the dashboard",
    "Data and images",
    "Descriptor (JSON)",
    "Description:",
    "Embed this chart",
    "Paste into a page",
    "Live (always the latest build)",
    "never changes",
    "PDF (print)",
    "Data (CSV)",
    "Charts and countries",
    "Charts baked from",
    "Maps<",
    "Other charts",
    "What changed",
    "rows added",
    "first release",
    "baked site",
    "Licence:",
]
MENU_ENGLISH = [
    "Size",
    "Theme",
    "Alt text",
    "PDF (print)",
    "square",
    "light",
    "dark",
    "Static embed",
    "Pinned to data build",
    "Live embed of this view",
    "Shows only the chart",
    "Not in the baked site",
    "Follows the reader",
]  # ("article" and "portrait" are French words too)


def _html_lang(text: str) -> tuple[str, str]:
    found = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', text)
    assert found, text[:200]
    return found.group(1), found.group(2)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if export.browser_path() is None:
        pytest.skip("no Chromium (apt-get install chromium)")
    out = tmp_path_factory.mktemp("site") / "site"
    report = bake.bake(
        out,
        specs=SPECS,
        live_url=LIVE,
        formats=("png", "svg"),
        languages=("fr", "ar"),
        progress=lambda line: None,
    )
    assert not report.failed
    return out, report


# ------------------------------------------------------------------------ the baked site


def test_each_language_has_its_tree_and_english_keeps_its_paths(site):
    out, report = site
    assert sorted(report.baked) == sorted(
        [
            "map-rsf-2026",
            "map-rsf-2025",
            "bands",
            "fr/map-rsf-2026",
            "fr/bands",
            "ar/map-rsf-2026",
            "ar/bands",
        ]
    )
    for slug in ("map-rsf-2026", "map-rsf-2025", "bands"):  # English where it always was
        folder = out / "charts" / slug
        assert {"index.html", "embed.html", "chart.json", "oembed.json", "data.csv"} <= {
            p.name for p in folder.iterdir()
        }
        assert _html_lang((folder / "index.html").read_text()) == ("en", "ltr")
        descriptor = json.loads((folder / "chart.json").read_text())
        assert descriptor["lang"] == "en"
        assert descriptor["urls"]["page"] == f"charts/{slug}/"
        assert "lang=" not in descriptor["urls"]["explore"] + descriptor["urls"]["live"]
    english = json.loads((out / "charts" / "map-rsf-2026" / "chart.json").read_text())
    assert english["title"] == "World Press Freedom Index 2026"
    # the archive is baked in English only (README: the cost of a language)
    assert not (out / "fr" / "charts" / "map-rsf-2025").exists()
    assert "hreflang" not in (out / "charts" / "map-rsf-2025" / "index.html").read_text()


@pytest.mark.parametrize(
    "lang, direction, title",
    [
        ("fr", "ltr", "Classement mondial de la liberté de la presse 2026"),
        ("ar", "rtl", "التصنيف العالمي لحرية الصحافة 2026"),
    ],
)
def test_a_language_pages_frames_and_files_are_written_in_it(site, lang, direction, title):
    out, _ = site
    folder = out / lang / "charts" / "map-rsf-2026"
    page_html = (folder / "index.html").read_text()
    assert _html_lang(page_html) == (lang, direction)
    assert f"<h1>{title}</h1>" in page_html
    # its versions in the other languages, for readers and search engines
    for other in ("en", "fr", "ar"):
        if other != lang:
            prefix = "" if other == "en" else f"{other}/"
            assert (
                f'<link rel="alternate" hreflang="{other}" '
                f'href="../../../{prefix}charts/map-rsf-2026/">' in page_html
            )
    assert '<link rel="stylesheet" href="../../../assets/site.css">' in page_html
    frame = (folder / "embed.html").read_text()
    assert _html_lang(frame) == (lang, direction)
    assert '<script src="../../../assets/frame.js">' in frame
    assert f"edition=2026&amp;lang={lang}" in frame  # the explore link keeps the language
    _ = i18n.translator(lang).gettext
    assert _("Explore in the dashboard") in frame and _("Data and images") in frame
    descriptor = json.loads((folder / "chart.json").read_text())
    assert descriptor["title"] == title and descriptor["lang"] == lang
    assert descriptor["urls"]["page"] == f"{lang}/charts/map-rsf-2026/"
    assert descriptor["urls"]["live"].endswith(f"lang={lang}&embed=true")
    assert descriptor["embed"]["live"] == f"{SITE}{lang}/charts/map-rsf-2026/embed.html"
    assert set(descriptor["languages"]) == {"en", "fr", "ar"}
    answer = json.loads((folder / "oembed.json").read_text())
    assert answer["title"] == title
    assert answer["provider_name"] == _("Press Freedom Dashboard")
    assert f'src="{SITE}{lang}/charts/map-rsf-2026/embed.html"' in answer["html"]
    # the CSV's header comment lines in the language, its columns as published
    lines = (folder / "data.csv").read_text().splitlines()
    source = i18n.translator(lang).term("source", registry.DATASETS["rsf_index"].attribution)
    assert source != registry.DATASETS["rsf_index"].attribution
    assert lines[0].startswith("# " + " ".join(source.split()))  # safe_csv: spaces as one
    view = _("View: %(url)s") % {"url": f"{lang}/charts/map-rsf-2026/"}
    assert lines[1].startswith("# " + " ".join(view.split()))
    assert "data data" not in lines[2] and "skiprows=3" in lines[2]
    assert lines[3].startswith("iso3,country,year")
    # the images drawn in the language
    svg = (folder / "chart.svg").read_text()
    assert f"<title>{title}</title>" in svg
    assert ("الترخيص" if lang == "ar" else "Licence\u00a0:") in svg


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_english_is_left_in_a_language_tree(site, lang):
    out, _ = site
    pages = sorted((out / lang).rglob("*.html"))
    assert {p.relative_to(out / lang).parts[0] for p in pages} >= {
        "charts",
        "pinned",
        "index.html",
        "changelog.html",
    }
    for path in pages:
        text = path.read_text()
        assert _html_lang(text)[0] == lang, path
        for english in SITE_ENGLISH:
            assert english not in text, (path, english)
    # the frames' script carries no words of its own: the frame says them
    script = (out / "assets" / "frame.js").read_text()
    assert "revised in a later build" not in script and "What changed" not in script


def test_a_pinned_frame_in_a_language_says_its_notices_in_it(site):
    out, _ = site
    build = store.current_version()["version"]
    frame = (out / "fr" / "pinned" / f"build-{build}" / "map-rsf-2026" / "embed.html").read_text()
    assert _html_lang(frame) == ("fr", "ltr")
    assert "ont été révisés dans une version ultérieure" in frame  # data-revised-text
    assert 'data-current-text="La dernière version"' in frame
    assert f'data-changelog="../../../../fr/changelog.html#build-{build}"' in frame
    assert 'data-latest="../../../../fr/charts/map-rsf-2026/chart.json"' in frame
    english = (out / "pinned" / f"build-{build}" / "map-rsf-2026" / "embed.html").read_text()
    assert "were revised in a later build" in english
    assert f'data-changelog="../../../changelog.html#build-{build}"' in english


def test_index_and_changelog_in_each_language(site):
    out, _ = site
    french = (out / "fr" / "index.html").read_text()
    assert _html_lang(french) == ("fr", "ltr")
    assert (
        "<h2>Cartes</h2>" in french and "Graphiques produits à partir des données build-" in french
    )
    assert '<a href="charts/map-rsf-2026/">2026</a>' in french
    assert "map-rsf-2025" not in french  # not baked in French
    assert json.loads((out / "fr" / "index.json").read_text())["lang"] == "fr"
    arabic = (out / "ar" / "changelog.html").read_text()
    assert _html_lang(arabic) == ("ar", "rtl")
    assert "ما الذي تغيّر في كل إصدار" in arabic
    english = (out / "index.html").read_text()
    assert _html_lang(english) == ("en", "ltr")
    assert '<link rel="alternate" hreflang="fr" href="fr/index.html">' in english
    assert "map-rsf-2025" in english


def test_a_rebake_draws_nothing_and_dropping_a_language_keeps_its_pinned_frames(site, tmp_path):
    out, _ = site
    again = bake.bake(
        out,
        specs=SPECS,
        live_url=LIVE,
        formats=("png", "svg"),
        languages=("fr", "ar"),
        progress=lambda line: None,
    )
    assert again.baked == [] and len(again.skipped) == 7
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(out, copy)
    bake.bake(
        copy,
        specs=[chart_specs.BandsChart()],
        live_url=LIVE,
        formats=("png",),
        languages=("fr",),
        progress=lambda line: None,
    )
    assert (copy / "fr" / "charts" / "bands" / "index.html").is_file()
    assert not (copy / "ar" / "charts").exists() and not (copy / "ar" / "index.html").exists()
    assert (copy / "ar" / "pinned").is_dir()  # pasted embeds never disappear


# ------------------------------------------------------------------------ oEmbed


def test_oembed_answers_language_addresses(site):
    out, _ = site
    status, answer = oembed.answer({"url": f"{SITE}fr/charts/map-rsf-2026/"}, LIVE, out)
    assert status == 200
    assert answer["title"] == "Classement mondial de la liberté de la presse 2026"
    assert f'src="{SITE}fr/charts/map-rsf-2026/embed.html"' in answer["html"]
    build = store.current_version()["version"]
    pinned = f"https://charts.example.org/ar/pinned/build-{build}/map-rsf-2026/embed.html"
    status, answer = oembed.answer({"url": pinned}, LIVE, out)
    assert status == 200 and answer["title"] == "التصنيف العالمي لحرية الصحافة 2026"
    # a live view in a language: the static embed in it where baked, else the live page in it
    status, answer = oembed.answer(
        {"url": f"{LIVE}/embed?chart=map&metric=rsf&edition=2026&lang=fr&embed=true"}, LIVE, out
    )
    assert status == 200 and f"{SITE}fr/charts/map-rsf-2026/embed.html" in answer["html"]
    status, answer = oembed.answer(
        {"url": f"{LIVE}/map?metric=rsf&edition=2019&lang=ar"}, LIVE, out
    )
    assert status == 200 and answer["title"] == "التصنيف العالمي لحرية الصحافة 2019"
    assert "edition=2019&amp;lang=ar&amp;embed=true" in answer["html"]
    assert oembed.answer({"url": f"{SITE}fr/charts/map-rsf-2025/"}, LIVE, out)[0] == 404


def test_the_static_embed_is_handed_out_only_in_its_language(site):
    out, _ = site
    load = export.cached_loader()
    french = gallery.draw(MAP, load, lang="fr")
    assert embeds.current(french, out, "fr")["lang"] == "fr"
    assert embeds.current(gallery.draw(MAP, load), out, "en")["lang"] == "en"
    assert embeds.current(gallery.draw(MAP, load, lang="es"), out, "es") is None  # not baked


# ------------------------------------------------------------------------ the app's menus


def _menu_texts(at) -> list[str]:
    texts = [b.proto.label for b in at.get("download_button")]
    texts += [r.label for r in at.radio] + [o for r in at.radio for o in r.options]
    texts += [t.label for t in at.text_area]
    texts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    return texts


@pytest.mark.parametrize("lang", OTHERS)
def test_snapshot_and_embed_menus_speak_the_language(lang, tmp_path, monkeypatch):
    """With no baked site: the live embed in the page's language, and the menus' words."""
    monkeypatch.setattr(embeds, "SITE_DIR", tmp_path)
    at = page("views/world_map.py", edition="2026", lang=lang)
    at.session_state["map-snapshot"] = True
    at.session_state["map-embed"] = True
    at.run()
    assert not at.exception
    tr = i18n.translator(lang)
    texts = _menu_texts(at)
    assert {tr.gettext("Size"), tr.gettext("Theme"), tr.gettext("Alt text")} <= set(texts)
    assert tr.gettext("PDF (print)") in texts
    assert tr.pgettext("theme", "dark") in texts
    for english in MENU_ENGLISH:
        assert not any(re.search(rf"\b{re.escape(english)}\b", text) for text in texts), english
    # the alt text (the snapshot's figure is the page's, drawn in the language) and the
    # embed code are in the language and keep it
    assert "Best placed" not in at.text_area[0].value
    assert tr.gettext("Best placed: %(list)s.").split("%")[0] in at.text_area[0].value
    codes = [c.value for c in at.code]
    assert f"edition=2026&lang={lang}&embed=true" in codes[0]
    assert re.search(r'title="[^"]*2026"', codes[1])
    assert "World Press Freedom Index" not in codes[1]


def test_the_french_embed_menu_hands_out_the_french_static_embed(site, monkeypatch):
    out, _ = site
    monkeypatch.setattr(embeds, "SITE_DIR", out)
    st.cache_data.clear()
    at = page("views/world_map.py", edition="2026", lang="fr")
    at.session_state["map-embed"] = True
    at.session_state["map-snapshot"] = True
    at.run()
    assert not at.exception
    codes = [c.value for c in at.code]
    assert codes[0].startswith(
        '<iframe src="http://localhost:8501/site/fr/charts/map-rsf-2026/embed.html" '
        'title="Classement mondial de la liberté de la presse 2026"'
    )
    build = store.current_version()["version"]
    assert f"/site/fr/pinned/build-{build}/map-rsf-2026/embed.html" in codes[1]
    assert "edition=2026&lang=fr&embed=true" in codes[2]
    texts = _menu_texts(at)
    assert any(t.startswith("**Intégration statique**") for t in texts)


# ------------------------------------------------------------------------ /embed and export


@pytest.mark.parametrize("lang", OTHERS)
def test_the_embed_page_draws_in_the_language_it_is_given(lang):
    at = page("views/embed.py", chart="map", metric="rsf", edition="2026", embed="true", lang=lang)
    assert not at.exception
    expected = i18n.translator(lang).gettext("World Press Freedom Index %(year)s") % {"year": 2026}
    assert chart_titles(at) == [expected]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["separators"] == i18n.translator(lang).separators
    heading = [h.proto.body for h in at.get("html")]
    assert any(expected in body for body in heading)  # the screen readers' heading


def test_the_arabic_embed_page_runs_right_to_left():
    at = page("views/embed.py", chart="bands", lang="ar")
    assert not at.exception
    title = chart_titles(at)[0]
    assert re.search("[\u0600-\u06ff]", title) and "RSF" not in title.split()[0]


def test_export_cli_draws_in_the_language_given(tmp_path):
    code = export.main(
        [
            "--chart",
            "map:metric=rsf&edition=2026",
            "--formats",
            "html",
            "--lang",
            "ar",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 0
    page_html = (tmp_path / "map-rsf-2026-article-light.html").read_text()
    assert _html_lang(page_html) == ("ar", "rtl")
    assert "<title>التصنيف العالمي لحرية الصحافة 2026</title>" in page_html
    figure = json.dumps("الترخيص: ")[1:-1]  # in the figure's JSON, escaped
    assert figure in page_html and json.dumps("البيانات build-")[1:-1] in page_html
    index = (tmp_path / "index.html").read_text()
    assert _html_lang(index) == ("ar", "rtl") and "معرض الرسوم البيانية" in index
    with pytest.raises(SystemExit):
        export.main(["--chart", "bands", "--lang", "xx", "--out", str(tmp_path)])


def test_a_snapshot_source_line_follows_the_figure_language():
    load = export.cached_loader()
    for lang, licence, data in [
        ("en", "Licence: ", "· data build-"),
        ("fr", "Licence\u00a0: ", "· données build-"),
        ("ru", "Лицензия: ", "· данные build-"),
    ]:
        chart = gallery.draw(MAP, load, lang=lang)
        shot = export.snapshot(chart.figure, sources=chart.sources)
        source = next(a.text for a in shot.layout.annotations if a.name == "source")
        assert licence in source and data in source, (lang, source)
        assert style.language(shot) == lang


@needs_chromium
def test_bake_cli_takes_languages(tmp_path, capsys):
    with pytest.raises(SystemExit):
        bake.main(["--out", str(tmp_path), "--languages", "fr,xx"])
    assert "unknown language" in capsys.readouterr().err


# ------------------------------------------------------------------------ drawn in Chromium


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.is_file():
        pytest.skip(f"no Chromium at {chromium}")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield launched
        finally:
            launched.close()


SOURCE_BOX = """() => {
  const text = [...document.querySelectorAll('.js-plotly-plot text')]
    .filter(t => t.textContent.includes('المصدر'));
  const plot = document.querySelector('.js-plotly-plot').getBoundingClientRect();
  if (!text.length) return null;
  const box = text[0].getBoundingClientRect();
  return {left: box.left, right: box.right, plotLeft: plot.left, plotRight: plot.right};
}"""


def test_arabic_frames_and_exported_html_draw_their_source_line_from_the_right(
    site, browser, tmp_path
):
    """In a right-to-left page, Plotly's text tester ran from the right and anchored the
    source line from the wrong end (cut off at the left), and an exported page whose body
    ran from the right drew nothing: the chart keeps its left-to-right frame."""
    from tests.test_site import _serve

    out, _ = site
    assert (
        export.main(
            [
                "--chart",
                "bands",
                "--formats",
                "html",
                "--lang",
                "ar",
                "--out",
                str(out / "exported"),
            ]
        )
        == 0
    )
    server, base = _serve(out)
    try:
        for address, width in [
            ("ar/charts/bands/embed.html", 900),
            ("ar/charts/map-rsf-2026/embed.html", 420),
            ("exported/bands-article-light.html", 1200),
        ]:
            page_ = browser.new_page(viewport={"width": width, "height": 800})
            page_.goto(base + address)
            page_.wait_for_selector(".js-plotly-plot text", timeout=30_000)
            page_.wait_for_timeout(500)
            box = page_.evaluate(SOURCE_BOX)
            assert box, address
            assert box["left"] >= box["plotLeft"] - 1, (address, box)
            assert box["right"] >= box["plotRight"] - 0.15 * width, (address, box)
            assert box["right"] <= box["plotRight"] + 1, (address, box)
            assert page_.evaluate("document.documentElement.dir") == "rtl"
            page_.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_server_caches_every_language_pinned_frames_as_immutable():
    from dashboard import server

    for path in ("pinned/build-3/bands/embed.html", "fr/pinned/build-3/bands/embed.html"):
        assert server.IMMUTABLE.match(path), path
    for path in ("charts/bands/embed.html", "fr/charts/bands/embed.html", "fr/index.html"):
        assert not server.IMMUTABLE.match(path), path
