/* A segment's details: its tabs (overview, resources, annotations, metadata, exceptions).
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
  // ------------------------------------------------------------------ segment details
  var TABS = ['Overview', 'Resources', 'Annotations', 'Metadata', 'Exceptions', 'Raw'];

  function showDetails(panel, t, e) {
    clear(panel).hidden = false;
    panel.appendChild(el('h3', null, [e.doc.name + ' ', el('span', {'class': 'badge',
      text: e.segment ? 'segment' : 'subsegment'})]));
    var bar = el('div', {'class': 'tabs', role: 'tablist'});
    var content = el('div', {'class': 'tab-content', id: 'tab-content'});
    TABS.forEach(function (name) {
      var button = el('button', {'class': 'tab', role: 'tab', 'data-tab': name, type: 'button', text: name +
        counter(name, e)});
      button.addEventListener('click', function () { showTab(bar, content, name, t, e); });
      bar.appendChild(button);
    });
    panel.appendChild(bar);
    panel.appendChild(content);
    showTab(bar, content, 'Overview', t, e);
  }

  function counter(tab, e) {
    var n = tab === 'Annotations' ? Object.keys(e.doc.annotations || {}).length
        : tab === 'Metadata' ? Object.keys(e.doc.metadata || {}).length
        : tab === 'Exceptions' ? exceptionsOf(e).length : 0;
    return n ? ' (' + n + ')' : '';
  }

  function showTab(bar, content, name, t, e) {
    Array.prototype.forEach.call(bar.children, function (b) {
      b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === name));
    });
    clear(content).setAttribute('data-tab', name);
    var d = e.doc;
    if (name === 'Overview') {
      var flags = [];
      if (d.fault) { flags.push('fault'); }
      if (d.error) { flags.push('error'); }
      if (d.throttle) { flags.push('throttle'); }
      if (d.in_progress) { flags.push('in progress'); }
      content.appendChild(facts([
        ['Name', d.name], ['ID', d.id], ['Parent', e.parentId || '— (root)'], ['Trace', t.id],
        ['Start', iso(d.start_time)], ['End', typeof d.end_time === 'number' ? iso(d.end_time) : 'in progress'],
        ['Duration', ms(seconds(d) * 1000)], ['Flags', flags.length ? flags.join(', ') : 'none'],
        ['Status', statusOf(e) === null ? '—' : String(statusOf(e))], ['Origin', d.origin || '—'],
        ['Namespace', d.namespace || '—'], ['User', d.user || '—']]));
    } else if (name === 'Resources') {
      var http = d.http || {};
      content.appendChild(el('h4', {text: 'AWS'}));
      content.appendChild(d.aws && Object.keys(d.aws).length ? facts(pairs(d.aws)) : none('No aws fields.'));
      content.appendChild(el('h4', {text: 'HTTP request'}));
      content.appendChild(http.request ? facts(pairs(http.request)) : none('No HTTP request recorded.'));
      content.appendChild(el('h4', {text: 'HTTP response'}));
      content.appendChild(http.response ? facts(pairs(http.response)) : none('No HTTP response recorded.'));
    } else if (name === 'Annotations') {
      var annotations = d.annotations || {};
      content.appendChild(Object.keys(annotations).length ? table(['Key', 'Value', 'Type'],
        Object.keys(annotations).map(function (k) {
          return [k, String(annotations[k]), typeof annotations[k]];
        })) : none('No annotations.'));
    } else if (name === 'Metadata') {
      var metadata = d.metadata || {};
      if (!Object.keys(metadata).length) { content.appendChild(none('No metadata.')); }
      Object.keys(metadata).forEach(function (namespace) {
        content.appendChild(el('h4', {text: namespace}));
        content.appendChild(el('pre', {'class': 'json', text: JSON.stringify(metadata[namespace], null, 2)}));
      });
    } else if (name === 'Exceptions') {
      var cause = d.cause;
      var list = exceptionsOf(e);
      if (!list.length) { content.appendChild(none(cause ? 'The cause holds no exception.' : 'No exceptions.')); }
      if (cause && cause.working_directory) {
        content.appendChild(facts([['Working directory', cause.working_directory]]));
      }
      list.forEach(function (x, i) {
        var box = el('div', {'class': 'exception'});
        box.appendChild(el('h4', null, [i === 0 ? '' : 'caused by ', el('code', {text: x.type || 'Exception'}),
          x.remote ? el('span', {'class': 'badge', text: 'remote'}) : null]));
        box.appendChild(el('p', {'class': 'message', text: x.message || '(no message)'}));
        var frames = x.stack || [];
        if (frames.length) {
          box.appendChild(el('ol', {'class': 'stack'}, frames.map(function (f) {
            return el('li', {'class': 'mono', text: (f.label || '?') + '  (' + (f.path || '?') +
              (f.line !== undefined ? ':' + f.line : '') + ')'});
          })));
        }
        if (x.truncated || x.skipped) {
          box.appendChild(el('p', {'class': 'hint', text: (x.truncated || 0) + ' frames truncated, ' +
            (x.skipped || 0) + ' skipped'}));
        }
        content.appendChild(box);
      });
    } else {
      content.appendChild(el('pre', {'class': 'json', text: JSON.stringify(d, null, 2)}));
    }
  }

  /** The exceptions of an entity's cause, each followed by what it was caused by; a bare id is looked up below. */
  function exceptionsOf(e) {
    var cause = e.doc.cause;
    if (!cause) { return []; }
    var all = [];
    var byId = {};
    (function collect(x) {
      var c = x.doc.cause;
      if (c && Array.isArray(c.exceptions)) {
        c.exceptions.forEach(function (ex) { if (ex && ex.id) { byId[ex.id] = ex; } });
      }
      x.children.forEach(collect);
    })(e);
    if (typeof cause === 'string') { return byId[cause] ? chain(byId[cause], byId) : []; }
    if (Array.isArray(cause.exceptions) && cause.exceptions.length) {
      return chain(cause.exceptions[0], byId, cause.exceptions);
    }
    return all;
  }
  function chain(first, byId, own) {
    var list = [];
    var seen = {};
    var current = first;
    while (current && !(current.id && seen[current.id]) && list.length < 50) {
      list.push(current);
      if (current.id) { seen[current.id] = true; }
      current = current.cause ? byId[current.cause] : null;
    }
    (own || []).forEach(function (x) { if (list.indexOf(x) < 0) { list.push(x); } });
    return list;
  }

  function pairs(object) {
    return Object.keys(object).map(function (k) {
      var v = object[k];
      return [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)];
    });
  }
  function facts(rows) {
    return el('dl', {'class': 'facts-list'}, rows.reduce(function (all, r) {
      all.push(el('dt', {text: r[0]}));
      all.push(el('dd', {text: r[1] === undefined || r[1] === null ? '—' : String(r[1])}));
      return all;
    }, []));
  }
  function table(headers, rows) {
    return el('table', {'class': 'kv'}, [el('thead', null, el('tr', null, headers.map(function (h) {
      return el('th', {text: h});
    }))), el('tbody', null, rows.map(function (r) {
      return el('tr', null, r.map(function (c) { return el('td', {text: c}); }));
    }))]);
  }
  function none(text) { return el('p', {'class': 'hint', text: text}); }

  filterBox.value = filterInAddress() || '';
  applyFilter();
  document.body.setAttribute('data-rendered', String(traces.reduce(function (n, t) {
    return n + t.entities.length;
  }, 0)));
  document.body.setAttribute('data-script-ms', (performance.now() - began).toFixed(1));
  document.body.setAttribute('data-ready-ms', performance.now().toFixed(1)); // since navigation started
