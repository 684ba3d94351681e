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

  // The server's words for a count, by the page's plural rules: `data-one`, or `data-other`
  // with {n} where the number goes.
  function wordsFor(element, n) {
    var lang = document.documentElement.lang || 'fr';
    var rule = new window.Intl.PluralRules(lang).select(n);
    var words = element.getAttribute(rule === 'one' ? 'data-one' : 'data-other') || '';
    return words.replace('{n}', new window.Intl.NumberFormat(lang).format(n));
  }

  // Screen readers hear of new notifications through the header's polite live region. Emptied
  // first, so that the same words twice in a row are announced twice.
  function announce(n) {
    var region = document.querySelector('[data-live-announce]');
    if (!region) return;
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = wordsFor(region, n);
    }, 100);
  }

  // The header's unread count: the same words the server writes.
  document.addEventListener('ruche:live', function (event) {
    var detail = event.detail;
    if (!detail || detail.type !== 'notification' || typeof detail.unread !== 'number') return;
    var badge = document.querySelector('[data-unread]');
    var label = document.querySelector('[data-unread-label]');
    if (!badge || !label) return;
    var n = detail.unread;
    var before = Number(badge.textContent) || 0;
    badge.textContent = n > 0 ? String(n) : '';
    label.textContent = n > 0 ? wordsFor(label, n) : '';
    badge.hidden = n === 0;
    label.hidden = n === 0;
    if (n > before) announce(n - before);
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
