/* The local trace console. Reads the traces from #xray-data, filters them with XRayFilter (the engine the test kit
   runs too), and draws the trace list, the service map, a trace's map and timeline, and a segment's details. */
(function () {
  'use strict';
  var began = performance.now();
  var DATA = JSON.parse(document.getElementById('xray-data').textContent);
  var COLORS = {ok: '#2ea043', error: '#e3b341', throttle: '#8957e5', fault: '#e5534b'};
  var SVG = 'http://www.w3.org/2000/svg';

  // ------------------------------------------------------------------ helpers
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    for (var key in attrs || {}) {
      if (attrs[key] === null || attrs[key] === undefined) { continue; }
      if (key === 'text') { node.textContent = attrs[key]; }
      else if (key === 'onclick') { node.addEventListener('click', attrs[key]); }
      else { node.setAttribute(key, attrs[key]); }
    }
  }
  function append(node, children) {
    if (children === null || children === undefined) { return; }
    if (!Array.isArray(children)) { children = [children]; }
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) { return; }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
          ? document.createTextNode(String(child)) : child);
    });
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function ms(value) {
    if (value >= 10000) { return (value / 1000).toFixed(1) + ' s'; }
    return (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)) + ' ms';
  }
  /** At most three significant digits, for the inside of a node: 1234 ms reads 1.23 s. */
  function shortMs(value) {
    if (value < 1000) { return ms(value); }
    var s = value / 1000;
    return (s < 10 ? s.toFixed(2) : s < 100 ? s.toFixed(1) : s.toFixed(0)) + ' s';
  }
  function seconds(doc) {
    return typeof doc.end_time === 'number' ? Math.max(doc.end_time - doc.start_time, 0) : 0;
  }
  function statusOf(entity) {
    var http = entity.doc.http;
    return http && http.response && typeof http.response.status === 'number' ? http.response.status : null;
  }
  /** ok, error (4xx), throttle (429) or fault (5xx), as the console colours an entity. */
  function health(entity) {
    var d = entity.doc;
    var code = statusOf(entity);
    if (d.fault === true || (code !== null && code >= 500)) { return 'fault'; }
    if (d.throttle === true || code === 429) { return 'throttle'; }
    if (d.error === true || (code !== null && code >= 400)) { return 'error'; }
    return 'ok';
  }
  function iso(epochSeconds) {
    if (typeof epochSeconds !== 'number') { return '—'; }
    var date = new Date(epochSeconds * 1000);
    var micros = Math.round((epochSeconds * 1e6) % 1000);
    return date.toISOString().replace('Z', String(micros).padStart(3, '0') + 'Z');
  }
  function typeLabel(type) {
    return {'AWS::ApiGateway::Stage': 'API Gateway stage', 'AWS::Lambda': 'Lambda', 'AWS::Lambda::Function':
      'Lambda function', 'AWS::DynamoDB::Table': 'DynamoDB table', 'AWS::SQS::Queue': 'SQS queue',
      'AWS::S3::Bucket': 'S3 bucket', 'AWS::SNS': 'SNS', remote: 'remote', client: 'client',
      service: 'service'}[type] || type;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  /** The filter given in the page's address, report.html#filter=..., so that a link opens a search. */
  function filterInAddress() {
    var match = /(?:^#|&)filter=([^&]*)/.exec(location.hash);
    if (!match) { return null; }
    try { return decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { return match[1]; }
  }

  // ------------------------------------------------------------------ model
  var traces = DATA.traces.map(function (raw, index) {
    var t = XRayFilter.prepare(raw);
    t.index = index;
    t.rows = raw.rows;
    var root = t.root || {doc: {}};
    var request = (root.doc.http && root.doc.http.request) || {};
    t.method = request.method || '';
    t.url = request.url || '';
    t.responseTime = seconds(root.doc) * 1000;
    t.status = statusOf(root);
    t.health = t.root ? health(t.root) : 'ok';
    var below = {fault: 0, error: 0, throttle: 0};
    var cold = [];
    var annotations = [];
    t.entities.forEach(function (e) {
      var h = health(e);
      if (h !== 'ok') { below[h]++; }
      if (e.doc.name === 'Initialization' && e.parent && e.parent.doc.origin === 'AWS::Lambda::Function') {
        cold.push(e.parent.doc.name);
      }
      for (var key in e.doc.annotations || {}) {
        annotations.push(key + '=' + JSON.stringify(e.doc.annotations[key]));
      }
    });
    t.below = below;
    t.cold = cold;
    t.annotations = annotations;
    return t;
  });

  // ------------------------------------------------------------------ layout
  var page = el('main');
  document.body.appendChild(page);
  var mapSection = el('section', {id: 'service-map'}, el('h2', {text: 'Service map'}));
  var listSection = el('section', {id: 'traces'}, el('h2', {text: 'Traces'}));
  var traceSection = el('section', {id: 'trace-view', hidden: ''});
  page.appendChild(mapSection);
  page.appendChild(listSection);
  page.appendChild(traceSection);

  // ------------------------------------------------------------------ service map
  /** Nodes and edges summed over some traces; each node keeps its entities, for its stats and histogram. */
  function graphOf(list) {
    var nodes = {};
    var edges = {};
    function key(n) { return n.name + '\u0000' + n.type; }
    function node(n) {
      var k = key(n);
      if (!nodes[k]) { nodes[k] = {key: k, name: n.name, type: n.type, entities: [], traces: {}}; }
      return nodes[k];
    }
    list.forEach(function (t) {
      t.nodes.forEach(function (n) {
        var target = node(n);
        n.entities.forEach(function (e) { target.entities.push(e); });
        target.traces[t.index] = true;
      });
      t.edges.forEach(function (e) {
        var from = e.from.type === 'client' ? node({name: 'client', type: 'client'}) : node(e.from);
        var to = node(e.to);
        var k = from.key + '\u0001' + to.key;
        if (!edges[k]) { edges[k] = {from: from, to: to, entities: []}; }
        e.entities.forEach(function (x) { edges[k].entities.push(x); });
      });
    });
    return {nodes: Object.keys(nodes).map(function (k) { return nodes[k]; }),
      edges: Object.keys(edges).map(function (k) { return edges[k]; })};
  }

  function stats(entities) {
    var s = {count: entities.length, total: 0, ok: 0, error: 0, throttle: 0, fault: 0};
    entities.forEach(function (e) { s.total += seconds(e.doc) * 1000; s[health(e)]++; });
    s.average = s.count ? s.total / s.count : 0;
    s.worst = s.fault ? 'fault' : s.throttle ? 'throttle' : s.error ? 'error' : 'ok';
    return s;
  }

  var COLUMN = 280; // wide enough for an edge's bend and, on its straight run, a label such as "3 calls, avg 1234 ms"

  /** Columns by the longest call path from the client; within a column, nodes near the ones that call them. */
  function layout(graph) {
    var depth = {};
    graph.nodes.forEach(function (n) { depth[n.key] = n.type === 'client' ? 0 : -1; });
    for (var round = 0; round < graph.nodes.length; round++) {
      var changed = false;
      graph.edges.forEach(function (e) {
        if (depth[e.from.key] >= 0 && depth[e.to.key] < depth[e.from.key] + 1 && e.from !== e.to) {
          depth[e.to.key] = depth[e.from.key] + 1;
          changed = true;
        }
      });
      if (!changed) { break; }
    }
    var columns = [];
    graph.nodes.forEach(function (n) {
      var d = Math.max(depth[n.key], 0);
      (columns[d] = columns[d] || []).push(n);
    });
    var row = {};
    columns.forEach(function (column, c) {
      if (c > 0) {
        column.forEach(function (n) {
          var callers = graph.edges.filter(function (e) { return e.to === n && row[e.from.key] !== undefined; });
          n.order = callers.length ? callers.reduce(function (sum, e) { return sum + row[e.from.key]; }, 0) /
              callers.length : 0;
        });
        column.sort(function (a, b) { return a.order - b.order; });
      }
      column.forEach(function (n, r) { row[n.key] = r; });
    });
    var rows = Math.max.apply(null, columns.map(function (c) { return c ? c.length : 0; }));
    var positions = {};
    columns.forEach(function (column, c) {
      (column || []).forEach(function (n, r) {
        var offset = (rows - column.length) * 65; // centre short columns
        positions[n.key] = {x: 90 + c * COLUMN, y: 70 + offset + r * 130};
      });
    });
    return {positions: positions, width: 180 + Math.max(columns.length - 1, 0) * COLUMN,
      height: 40 + rows * 130};
  }

  function ring(cx, cy, r, s) {
    var parts = [];
    var circumference = 2 * Math.PI * r;
    var offset = 0;
    ['ok', 'error', 'throttle', 'fault'].forEach(function (kind) {
      if (!s[kind]) { return; }
      var length = circumference * s[kind] / s.count;
      parts.push(svg('circle', {cx: cx, cy: cy, r: r, fill: 'none', stroke: COLORS[kind], 'stroke-width': 7,
        'stroke-dasharray': length + ' ' + (circumference - length), 'stroke-dashoffset': -offset,
        transform: 'rotate(-90 ' + cx + ' ' + cy + ')', 'class': 'ring ' + kind}));
      offset += length;
    });
    if (!parts.length) {
      parts.push(svg('circle', {cx: cx, cy: cy, r: r, fill: 'none', stroke: '#8b949e', 'stroke-width': 7}));
    }
    return parts;
  }

  /** Two short lines in words: how many calls and how long, then what went wrong, if anything. */
  function edgeLabel(s) {
    var problems = [];
    if (s.error) { problems.push(plural(s.error, 'error')); }
    if (s.throttle) { problems.push(s.throttle + ' throttled'); }
    if (s.fault) { problems.push(plural(s.fault, 'fault')); }
    return [plural(s.count, 'call') + ', avg ' + ms(s.average), problems.join(', ')];
  }

  /** How many forward edges leave and enter each node: a label goes to the end of its edge that no other shares. */
  function degrees(graph, p) {
    var out = {};
    var into = {};
    graph.edges.forEach(function (e) {
      if (p[e.from.key].x < p[e.to.key].x) {
        out[e.from.key] = (out[e.from.key] || 0) + 1;
        into[e.to.key] = (into[e.to.key] || 0) + 1;
      }
    });
    return {out: out, into: into};
  }

  function drawMap(graph, onNode, id) {
    var placed = layout(graph);
    var p = placed.positions;
    var degree = degrees(graph, p);
    var root = svg('svg', {'class': 'map', id: id, width: placed.width, height: placed.height,
      viewBox: '0 0 ' + placed.width + ' ' + placed.height});
    var defs = svg('defs');
    ['ok', 'error', 'throttle', 'fault'].forEach(function (kind) {
      defs.appendChild(svg('marker', {id: id + '-arrow-' + kind, viewBox: '0 0 10 10', refX: 10, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
        svg('path', {d: 'M 0 0 L 10 5 L 0 10 z', fill: kind === 'ok' ? '#8b949e' : COLORS[kind]})));
    });
    root.appendChild(defs);
    var R = 30;
    graph.edges.forEach(function (e) {
      var a = p[e.from.key];
      var b = p[e.to.key];
      var s = stats(e.entities);
      var path;
      var lx;
      var ly;
      var anchor = 'middle';
      var below = false;
      if (a.x < b.x) {
        var x1 = a.x + R + 6;
        var x2 = b.x - R - 8;
        var mid = (x1 + x2) / 2;
        var bend = Math.min(70, (x2 - x1) / 2);
        var fanOut = degree.out[e.from.key] > 1;
        var fanIn = degree.into[e.to.key] > 1;
        // Where several edges share an end, their curves meet there. So an edge bends near its shared end and runs
        // straight along the row of the end it has alone; its label sits on that straight run, the first line over
        // it and the second under it, clear of every other curve. Only an edge with both ends shared keeps the
        // S-curve, its label in the middle.
        below = true;
        if (fanOut && fanIn && a.y !== b.y) {
          path = 'M ' + x1 + ' ' + a.y + ' C ' + mid + ' ' + a.y + ', ' + mid + ' ' + b.y + ', ' + x2 + ' ' + b.y;
          lx = mid;
          ly = (a.y + b.y) / 2 - 8;
          below = false;
        } else if (fanIn) {
          path = 'M ' + x1 + ' ' + a.y + ' L ' + (x2 - bend) + ' ' + a.y + ' C ' + (x2 - bend / 2) + ' ' + a.y +
              ', ' + (x2 - bend / 2) + ' ' + b.y + ', ' + x2 + ' ' + b.y;
          anchor = 'start';
          lx = x1 + 4;
          ly = a.y - 6;
        } else {
          path = 'M ' + x1 + ' ' + a.y + ' C ' + (x1 + bend / 2) + ' ' + a.y + ', ' + (x1 + bend / 2) + ' ' + b.y +
              ', ' + (x1 + bend) + ' ' + b.y + ' L ' + x2 + ' ' + b.y;
          anchor = 'end';
          lx = x2 - 12;
          ly = b.y - 6;
        }
      } else { // a call back to an earlier column, or to itself: loop below
        var drop = Math.max(a.y, b.y) + 75;
        path = 'M ' + a.x + ' ' + (a.y + R + 6) + ' C ' + a.x + ' ' + drop + ', ' + b.x + ' ' + drop + ', ' + b.x +
            ' ' + (b.y + R + 8);
        lx = (a.x + b.x) / 2;
        ly = drop - 6;
      }
      var g = svg('g', {'class': 'edge ' + s.worst, 'data-from': e.from.name, 'data-to': e.to.name}, [
        svg('path', {d: path, fill: 'none', 'marker-end': 'url(#' + id + '-arrow-' + s.worst + ')'}),
        svg('text', {x: lx, y: ly - (edgeLabel(s)[1] && !below ? 6 : 0), 'text-anchor': anchor, 'class': 'edge-label',
          text: edgeLabel(s)[0]}),
        edgeLabel(s)[1] ? svg('text', {x: lx, y: below ? ly + 20 : ly + 7, 'text-anchor': anchor,
          'class': 'edge-label problem ' + s.worst, text: edgeLabel(s)[1]}) : null
      ]);
      root.appendChild(g);
    });
    graph.nodes.forEach(function (n) {
      var at = p[n.key];
      var s = stats(n.entities);
      var g = svg('g', {'class': 'node ' + s.worst, 'data-name': n.name, 'data-type': n.type, tabindex: 0});
      g.appendChild(svg('title', {text: n.name + ' (' + n.type + ')'}));
      g.appendChild(svg('circle', {cx: at.x, cy: at.y, r: R, 'class': 'disc'}));
      if (n.type === 'client') {
        g.appendChild(svg('text', {x: at.x, y: at.y + 4, 'text-anchor': 'middle', 'class': 'inside',
          text: 'client'}));
      } else {
        ring(at.x, at.y, R, s).forEach(function (part) { g.appendChild(part); });
        g.appendChild(svg('text', {x: at.x, y: at.y - 2, 'text-anchor': 'middle', 'class': 'inside strong',
          text: shortMs(s.average)}));
        g.appendChild(svg('text', {x: at.x, y: at.y + 12, 'text-anchor': 'middle', 'class': 'inside',
          text: s.count + ' req'}));
      }
      var name = n.name.length > 30 ? n.name.substring(0, 29) + '…' : n.name;
      g.appendChild(svg('text', {x: at.x, y: at.y + R + 18, 'text-anchor': 'middle', 'class': 'name', text: name}));
      g.appendChild(svg('text', {x: at.x, y: at.y + R + 32, 'text-anchor': 'middle', 'class': 'type',
        text: typeLabel(n.type)}));
      if (onNode && n.type !== 'client') {
        g.addEventListener('click', function () { onNode(n, g); });
      }
      root.appendChild(g);
    });
    return root;
  }

  /** Squeezes any text inside a node that is wider than the ring leaves room for (once the map is on the page). */
  function fitInsideRings(map) {
    Array.prototype.forEach.call(map.querySelectorAll('.node .inside'), function (text) {
      var room = 2 * 30 - 12;
      if (text.getComputedTextLength() > room) {
        text.setAttribute('textLength', room);
        text.setAttribute('lengthAdjust', 'spacingAndGlyphs');
      }
    });
    return map;
  }

  function legend() {
    return el('p', {'class': 'legend'}, [
      legendItem('ok', 'OK'), legendItem('error', 'Error (4xx)'), legendItem('throttle', 'Throttled (429)'),
      legendItem('fault', 'Fault (5xx)'),
      el('span', {'class': 'hint', text: 'Ring: share of requests by outcome. Inside: average latency and requests. ' +
        'Edge: calls and average latency of the called side. Choose a node for its response times and traces.'})
    ]);
  }
  function legendItem(kind, label) {
    return el('span', {'class': 'key'}, [el('i', {style: 'background:' + COLORS[kind]}), label]);
  }

  var nodePanel = el('div', {id: 'node-panel', hidden: ''});
  var mainGraph = graphOf(traces);
  var mainMap = drawMap(mainGraph, showNode, 'service-map-svg');
  mapSection.appendChild(el('div', {'class': 'map-wrap'}, mainMap));
  fitInsideRings(mainMap);
  mapSection.appendChild(legend());
  mapSection.appendChild(nodePanel);

  function histogram(values) {
    var width = 420;
    var height = 120;
    var bins = 12;
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var step = (max - min) / bins || 1;
    var counts = [];
    for (var i = 0; i < bins; i++) { counts.push(0); }
    values.forEach(function (v) { counts[Math.min(Math.floor((v - min) / step), bins - 1)]++; });
    var top = Math.max.apply(null, counts);
    var bar = (width - 40) / bins;
    var chart = svg('svg', {'class': 'histogram', width: width, height: height + 30,
      viewBox: '0 0 ' + width + ' ' + (height + 30)});
    counts.forEach(function (c, i) {
      var h = top ? c / top * (height - 10) : 0;
      chart.appendChild(svg('rect', {x: 30 + i * bar, y: height - h, width: bar - 2, height: h, 'class': 'bin'},
        svg('title', {text: ms(min + i * step) + ' – ' + ms(min + (i + 1) * step) + ': ' + c})));
    });
    chart.appendChild(svg('line', {x1: 28, y1: height, x2: width - 8, y2: height, 'class': 'axis'}));
    chart.appendChild(svg('text', {x: 30, y: height + 16, text: ms(min), 'class': 'tick'}));
    chart.appendChild(svg('text', {x: width - 10, y: height + 16, 'text-anchor': 'end', text: ms(max),
      'class': 'tick'}));
    chart.appendChild(svg('text', {x: 24, y: 12, 'text-anchor': 'end', text: String(top), 'class': 'tick'}));
    return chart;
  }

  function showNode(node, g) {
    Array.prototype.forEach.call(document.querySelectorAll('#service-map .node.chosen'), function (n) {
      n.classList.remove('chosen');
    });
    g.classList.add('chosen');
    var s = stats(node.entities);
    var values = node.entities.map(function (e) { return seconds(e.doc) * 1000; });
    var expression = 'service(id(name: ' + JSON.stringify(node.name) + ', type: ' + JSON.stringify(node.type) + '))';
    clear(nodePanel).hidden = false;
    nodePanel.appendChild(el('h3', null, [node.name + ' ', el('span', {'class': 'badge', text: node.type})]));
    nodePanel.appendChild(el('p', {'class': 'facts', text: plural(s.count, 'request') + ' · avg ' + ms(s.average) +
      ' · ' + s.ok + ' OK · ' + s.error + ' 4xx · ' + s.throttle + ' throttled · ' + s.fault + ' 5xx'}));
    nodePanel.appendChild(el('div', {'class': 'histogram-wrap'}, [el('h4', {text: 'Response time distribution'}),
      histogram(values)]));
    var traceCount = Object.keys(node.traces).length;
    nodePanel.appendChild(el('p', null, [(traceCount === 1 ? 'Its trace is' : 'Its ' + traceCount + ' traces are') +
      ' listed below, filtered with ', el('code', {text: expression})]));
    setFilter(expression);
  }

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
})();
