// The negotiation room and the jury's live page, wired by data- attributes:
//   [data-take-counter]   copies the buyer's requested terms (#offer-board tr[data-issue][data-buyer])
//                         into the offer's selects (#f-terme-<issue>)
//   [data-raise]          fills the jury's reply panel with that objection (data-raise, data-texte)
//   #neg-announce         after each move (the room's #neg-live swapped by htmx), the buyer's reply
//                         (or the move's error) is announced in this aria-live region, and focus goes
//                         back to the composer's first field instead of falling to the page body
(function () {
  "use strict";
  function announceAndFocus() {
    var region = document.getElementById("neg-announce");
    var composer = document.getElementById("composer");
    if (!region) return;
    var error = document.getElementById("move-error");
    var replies = document.querySelectorAll("#transcript .neg-buyer .neg-said");
    var said = replies.length ? replies[replies.length - 1].textContent.trim() : "";
    region.textContent = error ? error.textContent.trim()
      : (said ? region.dataset.replyPrefix + " " + said : "");
    var first = composer ? composer.querySelector("select, textarea, input:not([type=hidden])")
      : document.getElementById("to-end");
    if (first) first.focus({preventScroll: true});
  }
  // a move posted, or the buyer's reply arriving after a wait (the polled room shows the composer again)
  var pending = false;
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "neg-live") {
      var verb = (e.detail.requestConfig && e.detail.requestConfig.verb) || "";
      pending = verb === "post" || Boolean(document.getElementById("composer-waiting"));
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!pending) return;
    pending = false;
    if (document.getElementById("neg-live")) announceAndFocus();
  });
  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-take-counter]")) {
      document.querySelectorAll("#offer-board tr[data-issue]").forEach(function (row) {
        var select = document.getElementById("f-terme-" + row.dataset.issue);
        if (select && row.dataset.buyer) select.value = row.dataset.buyer;
      });
      return;
    }
    var b = e.target.closest("[data-raise]");
    var type = document.getElementById("b-type");
    if (!b || !type) return;
    type.value = "objection";
    document.getElementById("b-objection").value = b.dataset.raise;
    document.getElementById("b-texte").value = b.dataset.texte;
    document.getElementById("b-emotion").value = "méfiant";
    document.dispatchEvent(new CustomEvent("negolab:toggle"));
    document.getElementById("buyer-panel").scrollIntoView({behavior: "smooth"});
  });
})();
