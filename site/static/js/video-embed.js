// Click-to-load video players. The page shows a "Play video" link to the video's own page, so nothing is
// requested from YouTube or Vimeo until the visitor asks; with JavaScript the link opens the
// privacy-enhanced player in place instead. Every video block includes this file, so it runs once.
(function () {
    "use strict";
    if (window.videoEmbedsReady) {
        return;
    }
    window.videoEmbedsReady = true;

    function playerFor(figure) {
        var iframe = document.createElement("iframe");
        iframe.src = figure.getAttribute("data-embed-url");
        iframe.title = figure.getAttribute("data-title");
        iframe.className = "video__iframe";
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        return iframe;
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest("[data-video-play]");
        var figure = link && link.closest("[data-video-embed]");
        if (!figure || !figure.getAttribute("data-embed-url")) {
            return;
        }
        event.preventDefault();
        var player = playerFor(figure);
        figure.querySelector(".video__frame").replaceChildren(player);
        player.focus();
    });
})();
