/* One trace's view: its map, its timeline and its root causes.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
  // ------------------------------------------------------------------ trace view
  function openTrace(t) {
    traces.forEach(function (x) { x.row.classList.toggle('selected', x === t); });
    clear(traceSection).hidden = false;
    traceSection.appendChild(el('h2', null, ['Trace ', el('code', {text: t.id}), ' ',
      el('span', {'class': 'facts', text: ms((t.end - t.start) * 1000) + ' · ' + plural(t.entities.length, 'entity')
        .replace('entitys', 'entities')})]));
    var grid = el('div', {'class': 'trace-grid'});
    traceSection.appendChild(grid);
    var traceMap = drawMap(graphOf([t]), null, 'trace-map-svg');
    grid.appendChild(el('div', {'class': 'map-wrap small'}, traceMap));
    fitInsideRings(traceMap);
    grid.appendChild(rootCauses(t));
    grid.appendChild(linkedTraces(t));
    var timeline = el('table', {id: 'timeline', 'class': 'timeline'}, el('thead', null, el('tr', null, [
      el('th', {text: 'Name'}), el('th', {'class': 'num', text: 'Offset'}), el('th', {'class': 'num',
        text: 'Duration'}), el('th', {'class': 'bar-cell', text: 'Timeline'}), el('th', {text: 'Status'})])));
    var tbody = el('tbody');
    timeline.appendChild(tbody);
    var details = el('div', {id: 'details', hidden: ''});
    t.entities.forEach(function (e, i) {
      var row = t.rows[i];
      var kind = health(e);
      var left = row[3] * 100;
      var width = Math.max((row[4] - row[3]) * 100, 0.4);
      var name = el('td', {'class': 'name', style: 'padding-left:' + (8 + row[0] * 18) + 'px', title: e.doc.name}, [
        (e.segment ? '■ ' : '└ ') + e.doc.name,
        e.doc.origin ? el('span', {'class': 'badge', text: e.doc.origin}) : null,
        e.doc.namespace ? el('span', {'class': 'badge ns', text: e.doc.namespace}) : null]);
      var tr = el('tr', {'class': 'entity ' + (e.segment ? 'segment ' : 'subsegment ') + kind,
        'data-id': e.doc.id || '', tabindex: 0}, [
        name,
        el('td', {'class': 'num', text: ms(row[1])}),
        el('td', {'class': 'num', text: ms(row[2])}),
        el('td', {'class': 'bar-cell'}, el('div', {'class': 'bar ' + kind, style: 'left:' + left.toFixed(3) +
          '%;width:' + Math.min(width, 100 - left).toFixed(3) + '%'})),
        el('td', {'class': 'status', text: row[5]})
      ]);
      tr.addEventListener('click', function () {
        Array.prototype.forEach.call(tbody.children, function (r) { r.classList.toggle('selected', r === tr); });
        showDetails(details, t, e);
      });
      tbody.appendChild(tr);
    });
    grid.appendChild(el('div', {'class': 'timeline-wrap'}, timeline));
    traceSection.appendChild(details);
    traceSection.scrollIntoView({block: 'start'});
    document.body.setAttribute('data-trace', t.id);
  }

  /**
   * The trace's root causes, as GetTraceSummaries reports them and rootcause.* filters them: per kind, the services
   * from the entry point to the culprit, the culprit's entity path and its exceptions.
   */
  function rootCauses(t) {
    var all = t.rootCauses || (t.rootCauses = XRayRootCauses.of(t)); // the filter's own, where it made them
    var box = el('div', {id: 'root-causes', 'class': 'root-causes'}, el('h3', {text: 'Root causes'}));
    var kinds = [['fault', 'Fault'], ['error', 'Error'], ['responsetime', 'Response time']];
    kinds.forEach(function (kind) {
      all[kind[0]].forEach(function (cause) {
        var last = cause.services[cause.services.length - 1];
        // The culprit's path: from the last traced service's segment down, through an inferred resource at the end.
        var from = cause.services.length - 1;
        while (from > 0 && cause.services[from].inferred) { from--; }
        var entities = [];
        cause.services.slice(from).forEach(function (s) { entities = entities.concat(s.entityPath); });
        var path = entities.map(function (e) {
          return e.name + (e.coverage !== null && kind[0] === 'responsetime' ? ' ' + Math.round(e.coverage * 100) +
            '%' : '');
        });
        // The exceptions of the deepest entity that recorded any: the culprit's own, not its callers'.
        var holder = null;
        for (var i = entities.length - 1; i >= 0 && holder === null; i--) {
          if (entities[i].exceptions.length) { holder = entities[i]; }
        }
        var exceptions = (holder ? holder.exceptions : []).map(function (x) {
          return (x.name || 'exception') + (x.message ? ': ' + x.message : '') + (x.remote ? ' (remote)' : '');
        });
        box.appendChild(el('div', {'class': 'root-cause ' + kind[0], 'data-kind': kind[0]}, [
          el('span', {'class': 'pill ' + (kind[0] === 'responsetime' ? 'soft time' : kind[0]), text: kind[1]}),
          el('span', {'class': 'services', text: cause.services.map(function (s) { return s.name; })
            .join(' › ')}),
          el('div', {'class': 'culprit'}, [el('strong', {text: last.name}), ' ',
            el('span', {'class': 'badge', text: last.type + (last.inferred ? ', inferred' : '')}), ' ',
            el('span', {'class': 'mono', text: path.join(' › ')})]),
          exceptions.length ? el('ul', {'class': 'exceptions'}, exceptions.map(function (x) {
            return el('li', {'class': 'mono', text: x});
          })) : null
        ]));
      });
    });
    if (box.children.length === 1) { box.appendChild(none('No root cause: nothing faulted, erred or took time.')); }
    return box;
  }
