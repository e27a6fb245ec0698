/* "Link to this clause": without JavaScript it is a plain link to the clause's
   versioned URL. With JavaScript it also copies that URL and says so.
   "Cite this clause": the citation is text to select; with JavaScript a button also
   copies it and says so. The button is added where a citation is shown: at once where it
   is on view, and when an "About this clause" is first opened for the one inside it, so
   that a page of a thousand clauses does not make a thousand buttons as it loads. One
   listener on the page serves every clause. */
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  function say(after, words) {
    var note = after.nextElementSibling;
    if (!note || note.className !== "smc-copied") {
      note = document.createElement("span");
      note.className = "smc-copied";
      note.setAttribute("role", "status");
      after.insertAdjacentElement("afterend", note);
    }
    note.textContent = words;
  }
  function addButtons(root, selector) {
    root.querySelectorAll(selector).forEach(function (citation) {
      if (citation.querySelector("button")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "smc-citation__copy";
      button.setAttribute("data-smc-copy-citation", "");
      button.textContent = "Copy citation";
      citation.appendChild(button);
    });
  }
  addButtons(document, ".smc-citation:not(details .smc-citation)");
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.classList && details.classList.contains("smc-clause__about")) {
      addButtons(details, ".smc-citation");
    }
  }, true);
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    var button = target && target.closest("button[data-smc-copy-citation]");
    if (button) {
      var text = button.parentNode.querySelector(".smc-citation__text");
      navigator.clipboard.writeText(text.textContent.trim()).then(function () {
        say(button, "Citation copied");
      }, function () { /* copying refused: the citation can still be selected */ });
      return;
    }
    var link = target && target.closest("a[data-smc-copy]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    navigator.clipboard.writeText(link.href).then(function () {
      say(link, "Link copied");
    }, function () { /* copying refused: the link still works */ });
  });
})();
