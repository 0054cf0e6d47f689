/* The console's shared state and helpers, the traces' model and the page's three sections.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
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
    t.linksTo = raw.linksTo || [];       // this trace's records that follow another trace (their producers)
    t.linkedFrom = raw.linkedFrom || []; // other traces' records that follow this one (its consumers)
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
  var traceById = {};
  traces.forEach(function (t) { traceById[t.id] = t; });

  // ------------------------------------------------------------------ layout
  var page = el('main');
  document.body.appendChild(page);
  var mapSection = el('section', {id: 'service-map'}, el('h2', {text: 'Service map'}));
  var listSection = el('section', {id: 'traces'}, el('h2', {text: 'Traces'}));
  var traceSection = el('section', {id: 'trace-view', hidden: ''});
  page.appendChild(mapSection);
  page.appendChild(listSection);
  page.appendChild(traceSection);
