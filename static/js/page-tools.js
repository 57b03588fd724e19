// Small behaviours wired by data- attributes, for every page:
//   [data-scroll-end]                     kept scrolled to its end (transcripts), after swaps too
//   [data-toggled-by="<select id>"]       shows its fields whose data-show-for lists the value
//                                         of that select, hides the others
//   button[data-print]                    prints the page
//   button[data-remove-row]               removes its table row and triggers "recompute" on its form
//   a[data-goto-line] + data-line         selects that line of the textarea named by data-goto-line
//   button[data-confirm="<question>"]     a one-time action: its form is sent only once confirmed
(function () {
  "use strict";

  function scrollEnds() {
    document.querySelectorAll("[data-scroll-end]").forEach(function (box) {
      box.scrollTop = box.scrollHeight;
    });
  }

  function toggle(box) {
    var select = document.getElementById(box.dataset.toggledBy);
    if (!select) return;
    box.querySelectorAll("[data-show-for]").forEach(function (field) {
      field.hidden = field.dataset.showFor.split(" ").indexOf(select.value) < 0;
    });
  }

  function toggleAll() { document.querySelectorAll("[data-toggled-by]").forEach(toggle); }

  function refresh() { scrollEnds(); toggleAll(); }

  document.addEventListener("change", function (e) {
    if (e.target.id) document.querySelectorAll('[data-toggled-by="' + e.target.id + '"]').forEach(toggle);
  });
  // other scripts fill the select and tell it with this event
  document.addEventListener("negolab:toggle", toggleAll);

  document.addEventListener("click", function (e) {
    var print = e.target.closest("[data-print]");
    if (print) { window.print(); return; }
    var remove = e.target.closest("[data-remove-row]");
    if (remove) {
      var form = remove.form;
      remove.closest("tr").remove();
      if (form && window.htmx) window.htmx.trigger(form, "recompute");
      return;
    }
    var link = e.target.closest("[data-goto-line]");
    if (link) {
      e.preventDefault();
      var area = document.getElementById(link.dataset.gotoLine);
      if (!area) return;
      var lines = area.value.split("\n"), line = parseInt(link.dataset.line, 10), pos = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
      area.focus();
      area.setSelectionRange(pos, pos + (lines[line - 1] || "").length);
      area.scrollTop = Math.max(0, (line - 5) * 18);
    }
  });

  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    if (button && button.dataset && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      e.preventDefault();
    }
  });

  document.addEventListener("htmx:afterSwap", refresh);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
