/* The theme's version selector, on a version page.

   It stays in reach: the theme puts it beside the site's name, which the header hides once
   the page is scrolled; here it is moved beside that title (on a narrow screen, onto a row
   of its own under it), so it stays in the header, which stays on screen.

   It opens the other version at the clause the reader is on: the clause at the top of the
   window (or the one the address points at, while it is in view). Clause keys are the same
   in every version (numbers may differ), so the clause's key is the anchor.

   Without JavaScript, each page lists the versions and each clause links to itself in the
   other versions. */
(function () {
  "use strict";
  function keepInReach() {
    var selector = document.querySelector(".md-header__topic .md-version");
    var title = document.querySelector(".md-header__title");
    if (selector && title) {
      title.parentNode.insertBefore(selector, title.nextSibling);
    }
    return Boolean(selector);
  }
  var header = document.querySelector(".md-header__title");
  if (header && !keepInReach() && window.MutationObserver) {
    var observer = new MutationObserver(function () {
      if (keepInReach()) {
        observer.disconnect();
      }
    });
    observer.observe(header, {childList: true, subtree: true});
  }

  function keyOf(element) {
    var item = element.closest(".smc-item");
    var anchor = item && item.querySelector(".smc-anchor");
    if (anchor) {
      return anchor.id;
    }
    var block = element.closest(".smc-clause, .smc-section");
    return block ? block.id : "";
  }
  function headerBottom() {
    var bar = document.querySelector(".md-header");
    return bar ? bar.getBoundingClientRect().bottom : 0;
  }
  function inView(element, top) {
    var box = element.getBoundingClientRect();
    return box.bottom > top && box.top < window.innerHeight;
  }
  function currentKey() {
    var top = headerBottom();
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && (window.scrollY < 1 || inView(target, top))) {
      return keyOf(target);
    }
    if (window.scrollY < 1) {
      return "";
    }
    /* The first clause that reaches below the top few lines of the window: the last lines
       of the clause before it may still show. */
    var line = top + Math.min(100, (window.innerHeight - top) / 4);
    var clauses = document.querySelectorAll(".smc-clause");
    for (var i = 0; i < clauses.length; i++) {
      if (clauses[i].getBoundingClientRect().bottom > line) {
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
     version): say so, naming the clause by its number and first words in the versions
     that have it (code/clauses.json), rather than silently showing the top of the page. */
  function clausesUrl() {
    var config = document.getElementById("__config");
    var base = "./";
    try {
      base = JSON.parse(config.textContent).base || base;
    } catch (error) {
      base = "./";
    }
    return new URL(base.replace(/\/?$/, "/") + "../clauses.json", location.href).href;
  }
  function named(places, here) {
    var others = places.filter(function (place) {
      return place.version !== here;
    });
    if (!others.length) {
      return "";
    }
    var names = others.map(function (place) {
      return "clause " + place.number + " of version " + place.version + " (" +
        place.status + ")";
    });
    return names.join(" and ") + ", \u201c" + others[others.length - 1].opening + "\u201d";
  }
  function showMissing(code, key, places) {
    var here = code.getAttribute("data-smc-version");
    var clause = places ? named(places, here) : "";
    var note = document.createElement("div");
    note.className = "admonition note smc-missing";
    note.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = clause
      ? "Version " + here + " does not have " + clause + ". "
      : "Version " + here + " has no clause at the address \u201c#" + key + "\u201d. ";
    var changes = code.querySelector(".smc-versions__changed a, a[href*='changes/#changes-']");
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
  function noteMissing() {
    var code = document.querySelector(".smc-code");
    var key = decodeURIComponent(location.hash.slice(1));
    if (!code || !key || document.getElementById(key)) {
      return;
    }
    fetch(clausesUrl()).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (places) {
      showMissing(code, key, Object.prototype.hasOwnProperty.call(places, key) ? places[key]
        : null);
    }, function () {
      showMissing(code, key, null);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", noteMissing);
  } else {
    noteMissing();
  }
})();
