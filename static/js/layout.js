// The compact navigation on narrow screens, wired by data- attributes:
//   [data-menu]          the header; on a narrow screen its nav is folded behind
//   [data-menu-toggle]   the "Menu" button, which opens and closes it (aria-expanded follows).
// Without JavaScript the nav stays unfolded (the CSS folds it only under [data-menu=closed]).
// Boxes that scroll sideways (wide tables in a card on a phone) get tabindex="0" and a name, so the
// keyboard can scroll them too (WCAG 2.1.1; axe's scrollable-region-focusable).
(function () {
  "use strict";
  function setUp() {
    document.querySelectorAll("[data-menu]").forEach(function (bar) {
      var button = bar.querySelector("[data-menu-toggle]");
      if (!button) return;
      bar.dataset.menu = "closed";
      button.setAttribute("aria-expanded", "false");
    });
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-menu-toggle]");
    if (!button) return;
    var bar = button.closest("[data-menu]");
    var open = bar.dataset.menu !== "open";
    bar.dataset.menu = open ? "open" : "closed";
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var bar = document.querySelector("[data-menu=open]");
    if (!bar) return;
    bar.dataset.menu = "closed";
    var button = bar.querySelector("[data-menu-toggle]");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  function scrollRegions() {
    document.querySelectorAll("main .card, main .scroll-x, main .cv-table-card, main .kanban").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
      if (scrolls && !box.querySelector(FOCUSABLE) && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrollRegion = "";
        if (!box.hasAttribute("role")) box.setAttribute("role", "region");
        var title = box.querySelector("h2, h3, caption");
        if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
          box.setAttribute("aria-label", title ? title.textContent.trim() : box.id || "tableau");
        }
      } else if (!scrolls && box.dataset.scrollRegion !== undefined) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrollRegion;
      }
    });
  }
  function start() { setUp(); scrollRegions(); }
  document.addEventListener("htmx:afterSettle", scrollRegions);
  window.addEventListener("resize", scrollRegions);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
