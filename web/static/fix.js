// The correction forms' helpers, loaded only for a signed-in user. The
// forms work without it; with it, a span selected in the article text
// fills the new-event form, and the actor boxes suggest dictionary
// actors as one types.
(function () {
  "use strict";
  // runeOffset counts the code points of the article text before the
  // selection: the server's offsets are in runes.
  function runeOffset(root, r) {
    var pre = document.createRange();
    pre.setStart(root, 0);
    pre.setEnd(r.startContainer, r.startOffset);
    return Array.from(pre.toString()).length;
  }
  function selected() {
    var text = document.getElementById("article-text");
    var span = document.getElementById("fix-span");
    var sel = window.getSelection();
    if (!text || !span || !sel.rangeCount || sel.isCollapsed) return;
    var r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
    span.value = sel.toString();
    document.getElementById("fix-start").value = runeOffset(text, r);
    document.getElementById("add-event").open = true;
  }
  var timer;
  function suggest(e) {
    var input = e.target, list = document.getElementById(input.getAttribute("list"));
    if (!list || input.value.length < 2) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch("/api/actors?limit=10&q=" + encodeURIComponent(input.value))
        .then(function (r) { return r.ok ? r.json() : { actors: [] }; })
        .then(function (page) {
          list.textContent = "";
          page.actors.forEach(function (a) {
            var o = document.createElement("option");
            o.value = a.id;
            o.label = a.name_fa + (a.name_en ? " · " + a.name_en : "");
            list.appendChild(o);
          });
        })
        .catch(function () {});
    }, 200);
  }
  function run() {
    document.addEventListener("mouseup", selected);
    document.addEventListener("keyup", selected);
    document.querySelectorAll("input[list=actor-options]").forEach(function (i) { i.addEventListener("input", suggest); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
