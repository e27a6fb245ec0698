/* The theme opens its navigation drawer on narrow screens with a <label> for a hidden
   checkbox, which only a pointer can use. partials/header.html adds a real button,
   hidden until this script runs; the script shows it in place of the label, lets it
   open and close the drawer, and lets Escape close the drawer and return focus. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".smc-drawer-button");
  var label = document.querySelector(".md-header label[for='__drawer']");
  if (!drawer || !button) { return; }
  function set(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
    }
    button.setAttribute("aria-expanded", String(open));
  }
  button.hidden = false;
  if (label) { label.hidden = true; }
  button.addEventListener("click", function () { set(!drawer.checked); });
  drawer.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(drawer.checked));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      set(false);
      button.focus();
    }
  });
})();
