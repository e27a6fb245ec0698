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

  /* Arriving at a clause this version does not have (added or removed in another
     version): say so, rather than silently showing the top of the page. */
  function noteMissing() {
    var code = document.querySelector(".smc-code");
    var key = decodeURIComponent(location.hash.slice(1));
    if (!code || !key || document.getElementById(key)) {
      return;
    }
    var note = document.createElement("div");
    note.className = "admonition note smc-missing";
    note.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = "Version " + code.getAttribute("data-smc-version") +
      " has no clause \u201c" + key + "\u201d: it is only in other versions of the Code. ";
    var changes = code.querySelector(".smc-versions__changed a");
    if (changes) {
      var link = document.createElement("a");
      link.href = changes.href;
      link.textContent = "See what changed between versions";
      text.appendChild(link);
      text.appendChild(document.createTextNode("."));
    }
    note.appendChild(text);
    code.insertBefore(note, code.firstChild);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", noteMissing);
  } else {
    noteMissing();
  }
})();
