// One htmx:beforeSwap policy: inside an element marked data-swap-errors, the 400, 409 and 422
// answers carry a French error fragment meant to replace the target (a refused move, a stale
// form, a concurrent edit), so htmx swaps them instead of dropping them as errors.
(function () {
  "use strict";
  var SWAPPED = [400, 409, 422];
  document.addEventListener("htmx:beforeSwap", function (e) {
    var elt = e.detail.requestConfig && e.detail.requestConfig.elt || e.target;
    if (!elt || !elt.closest || !elt.closest("[data-swap-errors]")) return;
    if (SWAPPED.indexOf(e.detail.xhr.status) >= 0) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
})();
