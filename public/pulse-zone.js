// The pulse's settings: a member who never chose a time zone is offered their browser's.
(function () {
  var select = document.getElementById('pulse-time-zone');
  if (!select || !select.dataset.defaultZone) return;
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!zone || zone === select.value) return;
  var known = Array.prototype.some.call(select.options, function (o) {
    return o.value === zone;
  });
  if (!known) return;
  var note = document.createElement('p');
  note.className = 'hint';
  note.textContent = select.dataset.browserZoneLabel.replace('{zone}', zone) + ' ';
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = select.dataset.useLabel;
  button.addEventListener('click', function () {
    select.value = zone;
    note.remove();
  });
  note.appendChild(button);
  select.parentNode.insertBefore(note, select.nextSibling);
})();
