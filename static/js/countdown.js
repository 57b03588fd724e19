// One countdown for every timer, wired by data- attributes:
//   data-countdown="clock"   shows mm:ss;   data-countdown="minutes" shows "12 min 05 s"
//   data-remaining="<seconds>" or data-deadline="<ISO datetime>": when it ends
//   data-late-below="<seconds>": adds the class "late" below that many seconds
//   data-reload-unless="<selector>": reloads the page at zero unless that element is there
// The server's clock is the authority; the page only counts down. Timers swapped in by htmx are
// picked up (their data-remaining is read again).
(function () {
  "use strict";
  var ends = new WeakMap(), reloaded = false;

  function pad(n) { return String(n).padStart(2, "0"); }

  function scan() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      if (ends.has(el)) return;
      var end = el.dataset.deadline ? new Date(el.dataset.deadline).getTime()
        : Date.now() + parseInt(el.dataset.remaining, 10) * 1000;
      if (!isNaN(end)) ends.set(el, end);
    });
  }

  function tick() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      if (!ends.has(el)) return;
      var left = Math.max(0, Math.round((ends.get(el) - Date.now()) / 1000));
      el.textContent = el.dataset.countdown === "minutes"
        ? Math.floor(left / 60) + " min " + pad(left % 60) + " s"
        : pad(Math.floor(left / 60)) + ":" + pad(left % 60);
      if (el.dataset.lateBelow) el.classList.toggle("late", left < parseInt(el.dataset.lateBelow, 10));
      var unless = el.dataset.reloadUnless;
      if (left === 0 && unless !== undefined && !reloaded && !document.querySelector(unless)) {
        reloaded = true;
        location.reload();
      }
    });
  }

  function start() { scan(); tick(); }
  document.addEventListener("htmx:afterSwap", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  setInterval(tick, 1000);
})();
