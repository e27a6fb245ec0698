/* mkdocs-material 9.8.1, partials/javascripts/outdated.html, moved to a file so the
   Content-Security-Policy needs no 'unsafe-inline'. The base is read from the script
   element's data-md-base attribute and resolved against the page's address. */
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.getAttribute("data-md-base"),location),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)
