/* "Link to this clause": without JavaScript it is a plain link to the clause's
   versioned URL. With JavaScript it also copies that URL and says so.
   "Cite this clause": the citation is text to select; with JavaScript a button
   (hidden without it) also copies it and says so. */
(function () {
  "use strict";
  function say(after, words) {
    var note = after.parentNode.querySelector(".smc-copied");
    if (!note) {
      note = document.createElement("span");
      note.className = "smc-copied";
      note.setAttribute("role", "status");
      after.parentNode.appendChild(note);
    }
    note.textContent = words;
  }
  if (navigator.clipboard) {
    document.querySelectorAll("button[data-smc-copy-citation]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    var button = target && target.closest("button[data-smc-copy-citation]");
    if (button && navigator.clipboard) {
      var text = button.parentNode.querySelector(".smc-citation__text");
      navigator.clipboard.writeText(text.textContent.trim()).then(function () {
        say(button, "Citation copied");
      }, function () { /* copying refused: the citation can still be selected */ });
      return;
    }
    var link = target && target.closest("a[data-smc-copy]");
    if (!link || !navigator.clipboard || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    navigator.clipboard.writeText(link.href).then(function () {
      say(link, "Link copied");
    }, function () { /* copying refused: the link still works */ });
  });
})();
