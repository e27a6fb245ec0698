/* "Link to this clause": without JavaScript it is a plain link to the clause's
   versioned URL. With JavaScript it also copies that URL and says so. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-smc-copy]");
    if (!link || !navigator.clipboard || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    navigator.clipboard.writeText(link.href).then(function () {
      var note = link.parentNode.querySelector(".smc-copied");
      if (!note) {
        note = document.createElement("span");
        note.className = "smc-copied";
        note.setAttribute("role", "status");
        link.parentNode.appendChild(note);
      }
      note.textContent = "Link copied";
    }, function () { /* copying refused: the link still works */ });
  });
})();
