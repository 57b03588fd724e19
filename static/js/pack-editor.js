// The pack editor, wired by data- attributes:
//   textarea[data-code-editor]   becomes a CodeMirror 6 editor (static/vendor/codemirror-6.0.2.js,
//                                global NegoCodeMirror): YAML highlighting, line numbers. The
//                                textarea stays the form field, kept in sync, and still drives the
//                                htmx validation (a keyup is sent to it after each change).
//   #pack-errors li[data-line]   after each validation, every error becomes a diagnostic at its
//                                line (data-message), all at once; « ligne n » links go to it.
// Without the bundle (or without JavaScript) the plain textarea stays.
(function () {
  "use strict";
  var editors = {};

  function lineRange(view, number) {
    var doc = view.state.doc;
    var line = doc.line(Math.min(Math.max(number, 1), doc.lines));
    return {from: line.from, to: line.to};
  }

  function showErrors() {
    Object.keys(editors).forEach(function (id) {
      var view = editors[id], CM = window.NegoCodeMirror;
      var diagnostics = [];
      document.querySelectorAll("#pack-errors li[data-line]").forEach(function (item) {
        var range = lineRange(view, parseInt(item.dataset.line, 10) || 1);
        diagnostics.push({from: range.from, to: range.to, severity: "error",
                          message: item.dataset.message || item.textContent.trim()});
      });
      view.dispatch(CM.setDiagnostics(view.state, diagnostics));
    });
  }

  function setUp() {
    var CM = window.NegoCodeMirror;
    if (!CM) return;
    document.querySelectorAll("textarea[data-code-editor]").forEach(function (area) {
      if (editors[area.id]) return;
      var label = area.closest("label");
      var name = label ? label.querySelector("span") : null;
      var view = new CM.EditorView({
        doc: area.value,
        extensions: [
          CM.basicSetup, CM.yaml(), CM.lintGutter(),
          // tabindex: the editable content is the scroller's focusable child (keyboard scrolling)
          CM.EditorView.contentAttributes.of({"aria-label": name ? name.textContent.trim() : area.name,
                                              tabindex: "0"}),
          CM.EditorView.updateListener.of(function (update) {
            if (!update.docChanged) return;
            area.value = update.state.doc.toString();
            area.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
          }),
        ],
      });
      view.dom.classList.add("code-editor");
      view.dom.id = area.id + "-editor";
      (label || area).insertAdjacentElement("afterend", view.dom);
      area.hidden = true;
      editors[area.id] = view;
    });
    showErrors();
  }

  // « ligne n » in the errors panel: to that line of the editor (before page-tools' textarea version)
  document.addEventListener("click", function (e) {
    var link = e.target.closest("[data-goto-line]");
    if (!link || !editors[link.dataset.gotoLine]) return;
    e.preventDefault();
    e.stopPropagation();
    var view = editors[link.dataset.gotoLine];
    var range = lineRange(view, parseInt(link.dataset.line, 10) || 1);
    view.dispatch({selection: {anchor: range.from, head: range.to}, scrollIntoView: true});
    view.focus();
  }, true);
  document.addEventListener("htmx:afterSettle", function () {
    if (document.getElementById("pack-errors")) showErrors();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
