// Sends the CSRF token with every htmx request (the pages' forms carry it as a hidden field).
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (meta && header) { e.detail.headers[header.content] = meta.content; }
});
