// For pages that embed charts of the Press Freedom Dashboard: sizes each embedded iframe
// (data-pressfreedom-embed) to the height its frame reports, so nothing is cut off or left
// blank at any width. Without this script the iframe keeps its fixed aspect ratio.
(function () {
  "use strict";
  if (window.pressfreedomEmbedSizer) return;
  window.pressfreedomEmbedSizer = true;
  window.addEventListener("message", function (event) {
    var message = event.data && event.data.pressfreedomEmbed;
    if (!message || typeof message.height !== "number" || !(message.height > 0)) return;
    var frames = document.querySelectorAll("iframe[data-pressfreedom-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.aspectRatio = "auto";
        frames[i].style.height = Math.min(Math.ceil(message.height), 4000) + "px";
      }
    }
  });
})();
