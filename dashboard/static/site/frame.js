// The embed frame: draws the figure inlined in the page in the reader's colour scheme
// (or ?theme=light|dark) and the layout for the frame's width, tells the page around it
// its height, and in a pinned frame says when the chart's figures were revised since, in
// the words the page carries in its own language (data-*-text attributes).
(function () {
  "use strict";
  var here = document.currentScript.src;
  var source = document.getElementById("figure");
  var chart = document.getElementById("chart");
  var forced = new URLSearchParams(location.search).get("theme");
  var prefersDark = window.matchMedia("(prefers-color-scheme: dark)");
  var figure = source ? JSON.parse(source.textContent) : null;
  var shown = null;

  function theme() {
    if (forced === "light" || forced === "dark") return forced;
    return prefersDark.matches ? "dark" : "light";
  }

  function reportHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    window.parent.postMessage({pressfreedomEmbed: {height: height}}, "*");
  }

  function draw() {
    document.documentElement.setAttribute("data-theme", theme());
    if (!figure) { reportHeight(); return; }
    var width = chart.clientWidth < figure.narrowBelow ? "narrow" : "wide";
    var variant = width + "-" + theme();
    if (variant === shown) { reportHeight(); return; }
    shown = variant;
    var look = figure.variants[variant];
    var data = figure.data.map(function (trace, i) {
      return Object.assign({}, trace, look.traces[i] || {});
    });
    var config = {displaylogo: false, responsive: true,
                  modeBarButtonsToRemove: ["select2d", "lasso2d"],
                  topojsonURL: new URL("topojson/", here).href};
    window.Plotly.react(chart, data, look.layout, config).then(reportHeight);
  }

  function checkRevised() {
    var body = document.body;
    var latest = body.getAttribute("data-latest");
    if (!latest) return;
    fetch(latest, {cache: "no-cache"}).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (descriptor) {
      var notice = document.getElementById("revised");
      var changelog = body.getAttribute("data-changelog");
      var link = function (href, text) {
        var a = document.createElement("a");
        a.href = href; a.target = "_blank"; a.rel = "noopener"; a.textContent = text;
        return a;
      };
      if (descriptor && descriptor.figures_sha256 === body.getAttribute("data-figures")) return;
      // the words come from the page, written in its language (dashboard/embeds.py)
      var words = function (name) { return body.getAttribute("data-" + name + "-text") || ""; };
      notice.textContent = words(descriptor ? "revised" : "gone") + " ";
      if (descriptor) notice.appendChild(link(body.getAttribute("data-current"), words("current")));
      if (descriptor) notice.appendChild(document.createTextNode(" · "));
      notice.appendChild(link(changelog, words("changelog")));
      notice.hidden = false;
      reportHeight();
    }).catch(function () { /* offline or file://: the frame stays as pinned */ });
  }

  draw();
  prefersDark.addEventListener("change", draw);
  new ResizeObserver(draw).observe(document.body);
  window.addEventListener("load", reportHeight);
  checkRevised();
})();
