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
