/* The theme's version selector, on a version page: open the other version at the same
   clause. Clause keys are the same in every version (numbers may differ), so the
   address's anchor is turned into the clause's key; with no anchor, the clause at the
   top of the window is used. Without JavaScript, each page lists the versions and each
   clause links to itself in the other versions. */
(function () {
  "use strict";
  function keyOf(element) {
    var item = element.closest(".smc-item");
    var anchor = item && item.querySelector(".smc-anchor");
    if (anchor) {
      return anchor.id;
    }
    var block = element.closest(".smc-clause, .smc-section");
    return block ? block.id : "";
  }
  function currentKey() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target) {
      return keyOf(target);
    }
    if (window.scrollY < 1) {
      return "";
    }
    var clauses = document.querySelectorAll(".smc-clause");
    for (var i = 0; i < clauses.length; i++) {
      if (clauses[i].getBoundingClientRect().bottom > 80) {
        return clauses[i].id;
      }
    }
    return "";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-version__link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    var key = currentKey();
    event.preventDefault();
    event.stopPropagation();
    location.href = link.href.split("#")[0] + (key ? "#" + encodeURIComponent(key) : "");
  }, true);
})();
