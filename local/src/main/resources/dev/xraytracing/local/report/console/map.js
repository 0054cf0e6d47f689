/* The service map: the graph of nodes and edges, its layout and drawing, a node's panel.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
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
      var fromQueue = t.linksTo.some(function (link) { return !!link.queue; });
      t.edges.forEach(function (e) {
        if (fromQueue && e.from.type === 'client') { return; } // its queue's dashed edge leads in instead
        var from = e.from.type === 'client' ? node({name: 'client', type: 'client'}) : node(e.from);
        var to = node(e.to);
        var k = from.key + '\u0001' + to.key;
        if (!edges[k]) { edges[k] = {from: from, to: to, entities: []}; }
        e.entities.forEach(function (x) { edges[k].entities.push(x); });
      });
      linkedEdges(t, node, edges);
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

  /**
   * Columns by the longest call path from the client, or from a node nothing leads into (a queue that started a linked
   * trace); within a column, nodes near the ones that call them.
   */
  function layout(graph) {
    var depth = {};
    var led = {};
    graph.edges.forEach(function (e) { if (e.from !== e.to) { led[e.to.key] = true; } });
    graph.nodes.forEach(function (n) { depth[n.key] = n.type === 'client' || !led[n.key] ? 0 : -1; });
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
      var label = e.linked ? linkedEdgeLabel(e) : edgeLabel(s);
      var g = svg('g', {'class': 'edge ' + s.worst + (e.linked ? ' linked' : ''), 'data-from': e.from.name,
        'data-to': e.to.name}, [
        svg('path', {d: path, fill: 'none', 'marker-end': 'url(#' + id + '-arrow-' + s.worst + ')'}),
        svg('text', {x: lx, y: ly - (label[1] && !below ? 6 : 0), 'text-anchor': anchor, 'class': 'edge-label',
          text: label[0]}),
        label[1] ? svg('text', {x: lx, y: below ? ly + 20 : ly + 7, 'text-anchor': anchor,
          'class': 'edge-label ' + (e.linked ? 'age' : 'problem ' + s.worst), text: label[1]}) : null
      ]);
      if (e.linked && onNode) {
        g.setAttribute('tabindex', 0);
        g.addEventListener('click', function () { showLinkedEdge(e, g); });
      }
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
          text: s.count ? shortMs(s.average) : '—'}));
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
    Array.prototype.forEach.call(document.querySelectorAll('#service-map .chosen'), function (n) {
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
    nodePanel.removeAttribute('data-edge');
    nodePanel.appendChild(values.length ? el('div', {'class': 'histogram-wrap'}, [
      el('h4', {text: 'Response time distribution'}), histogram(values)])
      : none('No request of its own in these traces: only messages that consumers took from it.'));
    var traceCount = Object.keys(node.traces).length;
    nodePanel.appendChild(el('p', null, [(traceCount === 1 ? 'Its trace is' : 'Its ' + traceCount + ' traces are') +
      ' listed below, filtered with ', el('code', {text: expression})]));
    setFilter(expression);
  }
