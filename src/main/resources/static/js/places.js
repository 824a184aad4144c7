// Suggests places while typing, from the gazetteer. Only an enhancement: without it the field takes a
// postcode or place name just the same.
(function () {
  'use strict';
  var list = document.getElementById('place-suggestions');
  if (!list || !window.fetch) { return; }
  var timer = null;
  var last = '';
  function suggest(value) {
    if (value.length < 2 || value === last) { return; }
    last = value;
    fetch('/api/v1/places?limit=8&q=' + encodeURIComponent(value), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (body) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        body.items.forEach(function (place) {
          var option = document.createElement('option');
          option.value = place.postcode + ' ' + place.name;
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are optional */ });
  }
  document.querySelectorAll('input[data-suggest="places"]').forEach(function (input) {
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input.value.trim()); }, 200);
    });
  });
}());
