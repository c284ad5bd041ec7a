// The operators' console: keeps the live parts of a page current by fetching the page again and swapping them
// in. Loaded as a file: the content security policy allows no inline script.
'use strict';

(function () {
  function keepCurrent(live) {
    var seconds = parseInt(live.getAttribute('data-refresh-seconds'), 10) || 5;
    setInterval(function () {
      if (document.hidden) {
        return;
      }
      fetch(window.location.pathname + window.location.search,
        {credentials: 'same-origin', headers: {Accept: 'text/html'}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) {
            return;
          }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(live.id);
          if (fresh) {
            live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes));
          }
        })
        .catch(function () { /* try again at the next tick */ });
    }, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-refresh-seconds]').forEach(keepCurrent);
  });
})();
