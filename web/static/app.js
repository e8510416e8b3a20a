// Didar's only script, and optional: without it the page shows ISO dates.
// It rewrites each <time datetime="YYYY-MM-DD"> in the page language,
// Solar Hijri on the Persian page, using the browser's own calendars.
(function () {
  "use strict";
  var lang = document.documentElement.lang;
  var locale = lang === "fa" ? "fa-IR-u-ca-persian" : "en-GB";
  var fmt;
  try {
    fmt = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  } catch (e) {
    return;
  }
  function run() {
    var times = document.querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var t = times[i];
      var d = new Date(t.getAttribute("datetime") + "T00:00:00Z");
      if (isNaN(d)) continue;
      t.title = t.getAttribute("datetime");
      t.textContent = fmt.format(d);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();

// The network: hovering or focusing an actor lights its ties and
// neighbours and dims the rest; the wheel, drag and the buttons zoom and
// pan by changing the picture's viewBox.
(function () {
  "use strict";
  function setup(svg) {
    var edges = svg.querySelectorAll("line[data-a]");
    var nodes = {};
    svg.querySelectorAll("a.node").forEach(function (a) { nodes[a.getAttribute("data-id")] = a; });
    function light(id) {
      svg.classList.add("focusing");
      nodes[id].classList.add("hot");
      edges.forEach(function (l) {
        var a = l.getAttribute("data-a"), b = l.getAttribute("data-b");
        if (a === id || b === id) {
          l.classList.add("hot");
          nodes[a === id ? b : a].classList.add("hot");
        }
      });
    }
    function dark() {
      svg.classList.remove("focusing");
      svg.querySelectorAll(".hot").forEach(function (e) { e.classList.remove("hot"); });
    }
    Object.keys(nodes).forEach(function (id) {
      var a = nodes[id];
      a.addEventListener("mouseenter", function () { light(id); });
      a.addEventListener("focus", function () { light(id); });
      a.addEventListener("mouseleave", dark);
      a.addEventListener("blur", dark);
    });

    var full = svg.viewBox.baseVal, W = full.width, H = full.height;
    var view = { x: 0, y: 0, w: W, h: H };
    function show() {
      svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
      svg.setAttribute("data-zoom", (W / view.w).toFixed(2));
    }
    function zoom(f, cx, cy) {
      var w = Math.min(W, Math.max(W / 12, view.w / f)), h = w * H / W;
      view.x = Math.min(W - w, Math.max(0, cx - (cx - view.x) * w / view.w));
      view.y = Math.min(H - h, Math.max(0, cy - (cy - view.y) * h / view.h));
      view.w = w; view.h = h;
      show();
    }
    function point(ev) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (ev.clientX - r.left) * view.w / r.width, y: view.y + (ev.clientY - r.top) * view.h / r.height };
    }
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = point(ev);
      zoom(ev.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    }, { passive: false });
    var drag = null, dragged = false;
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
      dragged = false;
    });
    window.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      if (!(ev.buttons & 1)) { drag = null; return; } // the release was missed
      var r = svg.getBoundingClientRect();
      var dx = (ev.clientX - drag.x) * view.w / r.width, dy = (ev.clientY - drag.y) * view.h / r.height;
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) dragged = true;
      view.x = Math.min(W - view.w, Math.max(0, drag.vx - dx));
      view.y = Math.min(H - view.h, Math.max(0, drag.vy - dy));
      show();
    });
    window.addEventListener("pointerup", function () { drag = null; });
    // A drag that ends on an actor pans; it does not open the actor.
    svg.addEventListener("click", function (ev) {
      if (dragged) ev.preventDefault();
      dragged = false;
    }, true);
    var bar = svg.parentNode.querySelector(".zoom");
    if (bar) {
      bar.hidden = false;
      bar.addEventListener("click", function (ev) {
        var k = ev.target.getAttribute("data-zoom");
        if (k === "reset") { view = { x: 0, y: 0, w: W, h: H }; show(); }
        else if (k) zoom(k === "in" ? 1.5 : 1 / 1.5, view.x + view.w / 2, view.y + view.h / 2);
      });
    }
  }
  function run() { document.querySelectorAll("svg.network").forEach(setup); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
