/* The trace list: its columns and sorting, and the filter box that selects rows.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
  // ------------------------------------------------------------------ trace list
  var filterBox = el('input', {id: 'filter', type: 'search', spellcheck: 'false', autocomplete: 'off',
    placeholder: 'Filter expression, e.g. service("MySecondLambda") { fault } OR responsetime > 2.5',
    'aria-label': 'filter expression'});
  var filterError = el('pre', {id: 'filter-error', hidden: ''});
  var count = el('span', {id: 'count'});
  listSection.appendChild(el('div', {'class': 'filter-bar'}, [filterBox, count]));
  listSection.appendChild(filterError);
  var columns = [
    {key: 'id', label: 'ID', value: function (t) { return t.id; }},
    {key: 'method', label: 'Method', value: function (t) { return t.method; }},
    {key: 'url', label: 'URL', value: function (t) { return t.url; }},
    {key: 'responsetime', label: 'Response time', value: function (t) { return t.responseTime; }, numeric: true},
    {key: 'status', label: 'Status', value: function (t) { return t.status === null ? -1 : t.status; },
      numeric: true},
    {key: 'health', label: 'Fault / error / throttle', value: function (t) {
      return ['ok', 'error', 'throttle', 'fault'].indexOf(t.health) * 1000 + t.below.fault + t.below.error;
    }, numeric: true},
    {key: 'cold', label: 'Cold start', value: function (t) { return t.cold.length; }, numeric: true},
    {key: 'annotations', label: 'Annotations', value: function (t) { return t.annotations.join(' '); }}
  ];
  var sort = {key: null, descending: false};
  var head = el('tr');
  columns.forEach(function (c) {
    head.appendChild(el('th', {'data-key': c.key, 'class': 'sortable', onclick: function () { sortBy(c); }},
      c.label));
  });
  var body = el('tbody');
  var listTable = el('table', {id: 'trace-list', 'class': 'list'}, [el('thead', null, head), body]);
  listSection.appendChild(el('div', {'class': 'list-wrap'}, listTable));

  traces.forEach(function (t) {
    var flags = el('td', {'class': 'flags'});
    if (t.health !== 'ok') {
      flags.appendChild(el('span', {'class': 'pill ' + t.health, text: t.health.toUpperCase()}));
      flags.appendChild(document.createTextNode(' '));
    }
    ['fault', 'error', 'throttle'].forEach(function (kind) {
      var n = t.below[kind] - (t.health === kind ? 1 : 0);
      if (n > 0) {
        flags.appendChild(el('span', {'class': 'pill soft ' + kind, title: n + ' entities below the root',
          text: n + ' ' + kind + (kind === 'throttle' ? 'd' : n === 1 ? '' : 's') + ' below'}));
        flags.appendChild(document.createTextNode(' '));
      }
    });
    if (!flags.firstChild) { flags.appendChild(el('span', {'class': 'pill ok', text: 'OK'})); }
    var tr = el('tr', {'class': 'trace-row', 'data-trace': t.id, tabindex: 0}, [
      el('td', {'class': 'mono', text: t.id}),
      el('td', {text: t.method}),
      el('td', {'class': 'url', text: t.url, title: t.url}),
      el('td', {'class': 'num', text: ms(t.responseTime)}),
      el('td', {'class': 'num', text: t.status === null ? '—' : String(t.status)}),
      flags,
      el('td', {text: t.cold.length ? 'cold: ' + t.cold.join(', ') : ''}),
      el('td', {'class': 'annotations', text: t.annotations.join('  '), title: t.annotations.join('\n')})
    ]);
    tr.addEventListener('click', function () { openTrace(t); });
    tr.addEventListener('keydown', function (event) { if (event.key === 'Enter') { openTrace(t); } });
    t.row = tr;
    body.appendChild(tr);
  });

  function sortBy(column) {
    sort.descending = sort.key === column.key ? !sort.descending : false;
    sort.key = column.key;
    var ordered = traces.slice().sort(function (a, b) {
      var x = column.value(a);
      var y = column.value(b);
      var order = column.numeric ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -order : order) || a.index - b.index;
    });
    ordered.forEach(function (t) { body.appendChild(t.row); });
    Array.prototype.forEach.call(head.children, function (th) {
      th.removeAttribute('aria-sort');
      if (th.getAttribute('data-key') === column.key) {
        th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      }
    });
  }

  function showFilterError(text, position, message) {
    filterBox.classList.add('invalid');
    filterError.hidden = false;
    filterError.textContent = position === null ? message
        : text + '\n' + new Array(position + 1).join(' ') + '^ ' + message;
    document.body.setAttribute('data-filtered', 'error');
  }

  function applyFilter() {
    var text = filterBox.value.trim();
    var shown = 0;
    rememberInAddress(text);
    if (text === '') {
      filterError.hidden = true;
      filterBox.classList.remove('invalid');
      traces.forEach(function (t) { t.row.hidden = false; });
      shown = traces.length;
    } else {
      var parsed = XRayFilter.parse(text);
      if (!parsed.ok) {
        showFilterError(text, parsed.error.position, parsed.error.message);
        count.textContent = 'invalid expression';
        return;
      }
      var matching = [];
      try {
        traces.forEach(function (t) { if (XRayFilter.matches(parsed, t)) { matching.push(t); } });
      } catch (e) { // shown, as a parse error is: a quiet empty list would hide the traces with no reason
        showFilterError(text, null, String(e && e.message ? e.message : e));
        count.textContent = 'evaluation error';
        return;
      }
      filterBox.classList.remove('invalid');
      filterError.hidden = true;
      traces.forEach(function (t) { t.row.hidden = matching.indexOf(t) < 0; });
      shown = matching.length;
    }
    count.textContent = shown + ' of ' + plural(traces.length, 'trace');
    document.body.setAttribute('data-filtered', String(shown));
  }
  function setFilter(text) {
    filterBox.value = text;
    applyFilter();
  }
  /** Keeps the address in step with the filter, so the page's link reopens this search. */
  function rememberInAddress(text) {
    if ((filterInAddress() || '') === text) { return; }
    try {
      history.replaceState(null, '', text ? '#filter=' + encodeURIComponent(text) : location.pathname +
          location.search);
    } catch (e) { /* an address the browser will not rewrite (some file: URLs): the filter still applies */ }
  }
  filterBox.addEventListener('input', applyFilter);
  window.addEventListener('hashchange', function () {
    var given = filterInAddress();
    if (given !== null && given !== filterBox.value.trim()) { setFilter(given); }
  });
