/* mkdocs-material 9.8.1, partials/javascripts/content.html, moved to a file so the
   Content-Security-Policy needs no 'unsafe-inline'. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
