// The negotiation room and the jury's live page, wired by data- attributes:
//   [data-take-counter]   copies the buyer's requested terms (#offer-board tr[data-issue][data-buyer])
//                         into the offer's selects (#f-terme-<issue>)
//   [data-raise]          fills the jury's reply panel with that objection (data-raise, data-texte)
(function () {
  "use strict";
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
