// Live updates for a signed-in member's open page (src/live/): each event of their stream is
// dispatched on `document` as a `ruche:live` CustomEvent whose `detail` is the event's object
// (`{ type: 'notification', unread, … }`), and `ruche:live-resync` when some may have been
// missed. Pages work without it: this only spares a reload.
(function () {
  'use strict';
  if (!('EventSource' in window)) return;
  var source = null;

  function dispatch(name, detail) {
    document.dispatchEvent(new window.CustomEvent(name, { detail: detail }));
  }

  function connect() {
    source = new window.EventSource('/api/v1/me/events');
    source.addEventListener('message', function (message) {
      var detail;
      try {
        detail = JSON.parse(message.data);
      } catch {
        return;
      }
      dispatch('ruche:live', detail);
    });
    source.addEventListener('resync', function () {
      dispatch('ruche:live-resync', null);
    });
  }

  // The header's unread count: the same words the server writes, by the page's plural rules.
  document.addEventListener('ruche:live', function (event) {
    var detail = event.detail;
    if (!detail || detail.type !== 'notification' || typeof detail.unread !== 'number') return;
    var badge = document.querySelector('[data-unread]');
    var label = document.querySelector('[data-unread-label]');
    if (!badge || !label) return;
    var n = detail.unread;
    var rule = new window.Intl.PluralRules(document.documentElement.lang || 'fr').select(n);
    badge.textContent = n > 0 ? String(n) : '';
    label.textContent = n > 0 ? label.getAttribute(rule === 'one' ? 'data-one' : 'data-other') : '';
    badge.hidden = n === 0;
    label.hidden = n === 0;
  });

  // Leaving the page closes the stream at once; a page restored from the back-forward cache
  // opens it again and, having missed what came meanwhile, asks to resync.
  window.addEventListener('pagehide', function () {
    if (source) source.close();
  });
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    connect();
    dispatch('ruche:live-resync', null);
  });
  connect();
})();
