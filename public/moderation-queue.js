// Keyboard shortcuts on the review queue (src/moderation/pages/queue.tsx): j/k move between
// items, a/d/i decide the current item (agree, disagree, ignore). The page works without this.
(function () {
  var form = document.getElementById('moderation-queue');
  if (!form) return;
  var items = Array.prototype.slice.call(form.querySelectorAll('.moderation-item'));
  if (items.length === 0) return;
  var current = -1;
  function focusItem(i) {
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, n) {
      el.classList.toggle('is-current', n === current);
    });
    var box = items[current].querySelector('input[type=checkbox]');
    if (box) box.focus();
  }
  function decide(decision) {
    if (current < 0) return;
    items.forEach(function (el, n) {
      var box = el.querySelector('input[type=checkbox]');
      if (box) box.checked = n === current;
    });
    var radio = form.querySelector('input[name=decision][value=' + decision + ']');
    if (radio) radio.checked = true;
    form.submit();
  }
  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' && e.target.type === 'text') return;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') focusItem(current + 1);
    else if (e.key === 'k') focusItem(current - 1);
    else if (e.key === 'a') decide('agree');
    else if (e.key === 'd') decide('disagree');
    else if (e.key === 'i') decide('ignore');
    else return;
    e.preventDefault();
  });
})();
