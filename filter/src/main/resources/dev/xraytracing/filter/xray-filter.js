/*
 * X-Ray filter expressions over recorded traces: the one evaluator of xray-tracing, after the one grammar
 * (xray-filter-grammar.js). Plain ES5, no dependencies: the local console embeds these files in its HTML page, and
 * the Java test kit runs the very same files under Rhino, so the browser and the tests cannot disagree on what an
 * expression means.
 *
 * A trace is given as {id: "1-...", entities: [{doc: {...own fields, no subsegments...}, parent: id|null,
 * segment: true|false}]}. XRayFilter.prepare(trace) links it once; XRayFilter.parse(text) is the grammar's.
 * XRayFilter.matches(parsed, trace) throws an Error saying which trace could not be evaluated, never answers a quiet
 * false for it. The root causes (rootcause.*) come from xray-rootcause.js, loaded after this file.
 */
var XRayFilter = (function () {
  'use strict';
  var parse = XRayFilterGrammar.parse;

  // ---------------------------------------------------------------- trace facts

  // X-Ray names a resource node after the resource (table, queue, bucket, function); an SNS topic stays one node
  // named "SNS" of type AWS::SNS, as GetServiceGraph and the inferred segments of BatchGetTraces show it.
  var RESOURCE_TYPES = {DynamoDB: 'AWS::DynamoDB::Table', SQS: 'AWS::SQS::Queue', S3: 'AWS::S3::Bucket',
    Lambda: 'AWS::Lambda', SNS: 'AWS::SNS'};

  function lastPart(text, separator) {
    var parts = String(text).split(separator);
    return parts[parts.length - 1];
  }

  /** The account of an ARN (arn:partition:service:region:account:...), or null. */
  function arnAccount(arn) {
    var parts = typeof arn === 'string' ? arn.split(':') : [];
    return parts.length > 5 && parts[0] === 'arn' && /^[0-9]{12}$/.test(parts[4]) ? parts[4] : null;
  }

  function accountOf(doc) {
    var aws = doc.aws || {};
    if (typeof aws.account_id === 'string' && aws.account_id) { return aws.account_id; }
    var fields = [doc.resource_arn, aws.function_arn, aws.topic_arn, aws.function_name];
    for (var i = 0; i < fields.length; i++) {
      if (arnAccount(fields[i])) { return arnAccount(fields[i]); }
    }
    var queue = typeof aws.queue_url === 'string' ? /\/([0-9]{12})\/[^\/]+$/.exec(aws.queue_url) : null;
    return queue ? queue[1] : null;
  }

  /** The node X-Ray draws for an AWS or remote call no traced service answered: named after its resource. */
  function inferredNode(entity) {
    var doc = entity.doc;
    var aws = doc.aws || {};
    var name = doc.name;
    if (doc.namespace === 'aws' && doc.name === 'SNS') { name = 'SNS'; }
    else if (aws.table_name) { name = aws.table_name; }
    else if (aws.queue_url) { name = lastPart(aws.queue_url, '/'); }
    else if (aws.bucket_name) { name = aws.bucket_name; }
    else if (aws.function_name) { name = lastPart(aws.function_name, ':'); }
    else if (doc.namespace === 'remote' && doc.http && doc.http.request && doc.http.request.url) {
      var host = /^[a-z]+:\/\/([^\/:?#]+)/i.exec(doc.http.request.url);
      if (host) { name = host[1]; }
    }
    var type = doc.namespace === 'aws' ? (RESOURCE_TYPES[doc.name] || 'AWS::' + doc.name) : 'remote';
    return {name: String(name), type: type, inferred: true};
  }

  function segmentNode(entity) {
    return {name: String(entity.doc.name), type: entity.doc.origin || 'service', inferred: entity.doc.inferred === true};
  }

  function nodeKey(node) {
    return node.name + '\u0000' + node.type;
  }

  /** Links a trace's entities once: parents, children, owning segments, the map's nodes and edges. */
  function prepare(trace) {
    if (!trace || !isArray(trace.entities)) {
      throw new Error('trace ' + (trace && trace.id) + ' has no list of entities');
    }
    var byId = {};
    var entities = [];
    var i;
    for (i = 0; i < trace.entities.length; i++) {
      var raw = trace.entities[i] || {};
      var doc = raw.doc !== null && typeof raw.doc === 'object' ? raw.doc : {};
      var entity = {doc: doc, segment: !!raw.segment, parentId: raw.parent || null, children: [], parent: null,
        node: null};
      entities.push(entity);
      if (doc.id) { byId[doc.id] = entity; }
    }
    var roots = [];
    for (i = 0; i < entities.length; i++) {
      var e = entities[i];
      e.parent = e.parentId ? byId[e.parentId] || null : null;
      if (e.parent) { e.parent.children.push(e); } else { roots.push(e); }
    }
    roots.sort(function (a, b) { return (a.doc.start_time || 0) - (b.doc.start_time || 0); });
    var root = null;
    for (i = 0; i < roots.length && root === null; i++) {
      if (roots[i].segment) { root = roots[i]; }
    }
    root = root || roots[0] || null;
    var start = Infinity;
    var end = -Infinity;
    var partial = false;
    for (i = 0; i < entities.length; i++) {
      var d = entities[i].doc;
      if (typeof d.start_time === 'number') { start = Math.min(start, d.start_time); }
      if (typeof d.end_time === 'number') { end = Math.max(end, d.end_time); } else { partial = true; }
      if (d.in_progress === true) { partial = true; }
      entities[i].owner = owningSegment(entities[i]);
    }
    var nodes = {};
    var edges = {};
    function node(n, entity) {
      var key = nodeKey(n);
      if (!nodes[key]) {
        nodes[key] = {name: n.name, type: n.type, inferred: n.inferred, root: false, account: null, entities: []};
      }
      var found = nodes[key];
      if (entity) {
        found.account = found.account || accountOf(entity.doc) || (entity.segment ? null : accountOf(entity.owner.doc));
        found.root = found.root || (entity.segment && !entity.parent);
      }
      return found;
    }
    function edge(from, to, entity) {
      var key = nodeKey(from) + '\u0001' + nodeKey(to);
      if (!edges[key]) { edges[key] = {from: from, to: to, entities: []}; }
      edges[key].entities.push(entity);
    }
    var client = {name: 'client', type: 'client', inferred: true, root: false, account: null, entities: []};
    for (i = 0; i < entities.length; i++) {
      var x = entities[i];
      if (x.segment) {
        var service = node(segmentNode(x), x);
        service.entities.push(x);
        x.node = service;
        var caller = x.parent ? node(segmentNode(x.parent.owner)) : client;
        edge(caller, service, x);
      } else if (isCall(x) && !hasSegmentChild(x)) {
        var resource = node(inferredNode(x), x);
        resource.entities.push(x);
        x.node = resource;
        edge(node(segmentNode(x.owner)), resource, x);
      }
    }
    return {id: trace.id, entities: entities, roots: roots, root: root, start: start === Infinity ? 0 : start,
      end: end === -Infinity ? start : end, partial: partial, nodes: values(nodes), edges: values(edges),
      client: client, rootCauses: null};
  }

  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }

  function isCall(entity) {
    return !entity.segment && (entity.doc.namespace === 'aws' || entity.doc.namespace === 'remote');
  }

  function values(map) {
    var list = [];
    for (var key in map) {
      if (Object.prototype.hasOwnProperty.call(map, key)) { list.push(map[key]); }
    }
    return list;
  }

  function hasSegmentChild(entity) {
    for (var i = 0; i < entity.children.length; i++) {
      if (entity.children[i].segment) { return true; }
    }
    return false;
  }

  function owningSegment(entity) {
    var current = entity;
    var steps = 0;
    while (!current.segment && current.parent && steps++ < 100000) { current = current.parent; }
    return current;
  }

  // ---------------------------------------------------------------- evaluation
  // A scope is what the keywords read: the whole trace (its root segment answers ok/error/fault/throttle, http.* and
  // responsetime; duration spans the trace; user, resource.arn and annotation.* look at every segment), or, inside
  // service() { } and edge() { }, one entity of that node or edge (the called side's), or, inside rootcause.*.* { },
  // one item of a root-cause list.

  function traceScope(trace) {
    var inferred = false;
    for (var i = 0; i < trace.nodes.length; i++) { inferred = inferred || trace.nodes[i].inferred; }
    return {
      entity: trace.root,
      node: null,
      root: !!(trace.root && trace.root.segment),
      inferred: inferred,
      responsetime: trace.root ? seconds(trace.root.doc) : 0,
      duration: trace.end - trace.start,
      partial: trace.partial,
      below: trace.entities
    };
  }

  function entityScope(entity, node) {
    var below = [];
    collectOwn(entity, below);
    var partial = false;
    for (var i = 0; i < below.length; i++) {
      if (below[i].doc.in_progress === true || typeof below[i].doc.end_time !== 'number') { partial = true; }
    }
    var duration = seconds(entity.doc);
    return {entity: entity, node: node, root: entity.segment && !entity.parent, inferred: node.inferred,
      responsetime: duration, duration: duration, partial: partial, below: below};
  }

  /** The entity and its subsegments, not the segments of other services below it. */
  function collectOwn(entity, into) {
    into.push(entity);
    for (var i = 0; i < entity.children.length; i++) {
      if (!entity.children[i].segment) { collectOwn(entity.children[i], into); }
    }
  }

  function seconds(doc) {
    if (typeof doc.start_time !== 'number') { return 0; }
    return Math.max((typeof doc.end_time === 'number' ? doc.end_time : doc.start_time) - doc.start_time, 0);
  }

  function status(entity) {
    var http = entity && entity.doc.http;
    return http && http.response && typeof http.response.status === 'number' ? http.response.status : null;
  }

  function flag(entity, name) {
    if (!entity) { return false; }
    var doc = entity.doc;
    var code = status(entity);
    if (name === 'fault') { return doc.fault === true || (code !== null && code >= 500); }
    if (name === 'throttle') { return doc.throttle === true || code === 429; }
    if (name === 'error') { return doc.error === true || (code !== null && code >= 400 && code < 500); }
    return !flag(entity, 'fault') && !flag(entity, 'error') && !flag(entity, 'throttle'); // ok
  }

  function request(entity, field) {
    var http = entity && entity.doc.http;
    var value = http && http.request ? http.request[field === 'useragent' ? 'user_agent'
        : field === 'clientip' ? 'client_ip' : field] : undefined;
    return typeof value === 'string' ? value : null;
  }

  function compareNumber(actual, operator, expected) {
    if (typeof actual !== 'number') { return false; }
    switch (operator) {
      case '=': return actual === expected;
      case '!=': return actual !== expected;
      case '<': return actual < expected;
      case '<=': return actual <= expected;
      case '>': return actual > expected;
      default: return actual >= expected;
    }
  }

  /** A string keyword on its own (no operator) asks whether the field is set. */
  function compareString(actual, operator, expected) {
    if (typeof actual !== 'string') { return false; } // a field the entity lacks matches no comparison
    switch (operator) {
      case null: return true;
      case '=': return actual === expected;
      case '!=': return actual !== expected;
      case 'CONTAINS': return actual.indexOf(expected) >= 0;
      case 'BEGINSWITH': return actual.substring(0, expected.length) === expected;
      default: return expected.length <= actual.length && actual.substring(actual.length - expected.length) === expected;
    }
  }

  function compareBoolean(actual, operator, expected) {
    return operator === null ? actual === true : operator === '=' ? actual === expected : actual !== expected;
  }

  function compareValue(actual, operator, expected) {
    if (operator === null) { return typeof actual === 'boolean' ? actual : true; } // a boolean alone is its value
    if (typeof expected === 'number') { return compareNumber(actual, operator, expected); }
    if (typeof expected === 'string') { return compareString(actual, operator, expected); }
    if (typeof actual !== 'boolean') { return false; }
    return operator === '=' ? actual === expected : actual !== expected;
  }

  /** True when a string field of any entity in scope answers the comparison (or, with no operator, is set). */
  function anyField(scope, read, node) {
    for (var i = 0; i < scope.below.length; i++) {
      if (compareString(read(scope.below[i].doc), node.operator, node.value)) { return true; }
    }
    return false;
  }

  function evaluateCompare(node, scope) {
    var k = node.keyword;
    if (scope.item) { return compareItem(node, scope); }
    if (node.type === 'boolean') {
      var actual = k === 'partial' ? scope.partial : k === 'root' ? scope.root : k === 'inferred' ? scope.inferred
          : flag(scope.entity, k);
      return compareBoolean(actual, node.operator, node.value);
    }
    if (k === 'responsetime') { return compareNumber(scope.responsetime, node.operator, node.value); }
    if (k === 'duration') { return compareNumber(scope.duration, node.operator, node.value); }
    if (k === 'http.status') { return compareNumber(status(scope.entity), node.operator, node.value); }
    if (k === 'user') { return anyField(scope, function (doc) { return doc.user; }, node); }
    if (k === 'resource.arn') { return anyField(scope, function (doc) { return doc.resource_arn; }, node); }
    if (k === 'availabilityzone' || k === 'instance.id') {
      return anyField(scope, function (doc) {
        var ec2 = doc.aws && doc.aws.ec2;
        return ec2 ? ec2[k === 'instance.id' ? 'instance_id' : 'availability_zone'] : null;
      }, node);
    }
    if (k === 'annotation') {
      for (var i = 0; i < scope.below.length; i++) {
        var annotations = scope.below[i].doc.annotations;
        if (annotations && typeof annotations === 'object' &&
            Object.prototype.hasOwnProperty.call(annotations, node.key) &&
            compareValue(annotations[node.key], node.operator, node.value)) {
          return true;
        }
      }
      return false;
    }
    return compareString(request(scope.entity, k.substring('http.'.length)), node.operator, node.value);
  }

  /** A keyword inside rootcause.*.* { }: reads the item, or its place in the list (index counts from 0). */
  function compareItem(node, scope) {
    var k = node.keyword;
    var actual = k === 'first' ? scope.index === 0 : k === 'last' ? scope.index === scope.count - 1
        : k === 'index' ? scope.index : k === 'account.id' ? scope.item.account : scope.item[k];
    if (node.type === 'boolean') { return compareBoolean(actual === true, node.operator, node.value); }
    if (node.type === 'number') { return compareNumber(actual, node.operator, node.value); }
    return compareString(actual, node.operator, node.value);
  }

  function nodeMatches(pattern, node) {
    return pattern === null || ((pattern.name === null || pattern.name === node.name) &&
        (pattern.type === null || pattern.type === node.type) &&
        (pattern.account === null || pattern.account === node.account));
  }

  function evaluate(node, trace, scope) {
    switch (node.kind) {
      case 'or': return evaluate(node.left, trace, scope) || evaluate(node.right, trace, scope);
      case 'and': return evaluate(node.left, trace, scope) && evaluate(node.right, trace, scope);
      case 'not': return !evaluate(node.operand, trace, scope);
      case 'compare': return evaluateCompare(node, scope);
      case 'rootcause': return anyRootCauseItem(node, trace);
      case 'linked': return hasLink(trace, node.traceId);
      case 'service': {
        for (var i = 0; i < trace.nodes.length; i++) {
          var candidate = trace.nodes[i];
          if (nodeMatches(node.node, candidate) && anyEntity(candidate.entities, candidate, node.filter, trace)) {
            return true;
          }
        }
        return false;
      }
      default: { // edge
        for (var j = 0; j < trace.edges.length; j++) {
          var e = trace.edges[j];
          if (nodeMatches(node.source, e.from) && nodeMatches(node.destination, e.to) &&
              anyEntity(e.entities, e.to, node.filter, trace)) { return true; }
        }
        return false;
      }
    }
  }

  function anyEntity(entities, owner, filter, trace) {
    if (filter === null) { return entities.length > 0; }
    for (var i = 0; i < entities.length; i++) {
      if (evaluate(filter, trace, entityScope(entities[i], owner))) { return true; }
    }
    return false;
  }

  /** True when an entity of the trace links to a trace (any, or the one named): X-Ray's links: [{trace_id, id}]. */
  function hasLink(trace, traceId) {
    for (var i = 0; i < trace.entities.length; i++) {
      var links = trace.entities[i].doc.links;
      if (!isArray(links)) { continue; }
      for (var j = 0; j < links.length; j++) {
        if (links[j] && typeof links[j].trace_id === 'string' && (traceId === null || links[j].trace_id === traceId)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when an item of any of the trace's root causes of that kind matches (or, with no { }, exists). */
  function anyRootCauseItem(node, trace) {
    if (trace.rootCauses === null) { trace.rootCauses = XRayRootCauses.of(trace); }
    var causes = trace.rootCauses[node.cause];
    for (var c = 0; c < causes.length; c++) {
      var items = XRayRootCauses.items(causes[c], node.list);
      for (var i = 0; i < items.length; i++) {
        if (node.filter === null ||
            evaluate(node.filter, trace, {item: items[i], index: i, count: items.length})) { return true; }
      }
    }
    return false;
  }

  /**
   * True when the prepared trace matches the parsed expression. A trace the engine cannot evaluate throws an Error
   * naming the trace: a quiet false would hide the trace from the user with no reason given.
   */
  function matches(parsed, trace) {
    if (!parsed || !parsed.ok) { throw new Error('matches() needs a parsed, valid expression'); }
    try {
      return evaluate(parsed.expression, trace, traceScope(trace)) === true;
    } catch (e) {
      throw new Error('cannot evaluate the expression on trace ' + (trace && trace.id) + ': ' + describeError(e));
    }
  }

  function describeError(e) {
    return e && e.message ? e.message : String(e);
  }

  /**
   * Java's door: parses, prepares the traces given as JSON text, returns the indexes that match, or the error:
   * {error: {kind: 'parse', ...}} or {error: {kind: 'evaluation', trace, message}}.
   */
  function selectJson(text, tracesJson) {
    var parsed = parse(text);
    if (!parsed.ok) {
      parsed.error.kind = 'parse';
      return JSON.stringify({error: parsed.error});
    }
    var traces = JSON.parse(String(tracesJson));
    var matching = [];
    for (var i = 0; i < traces.length; i++) {
      var id = traces[i] && typeof traces[i].id === 'string' ? traces[i].id : null;
      try {
        if (matches(parsed, prepare(traces[i]))) { matching.push(i); }
      } catch (e) {
        var message = describeError(e);
        if (message.indexOf('cannot evaluate') !== 0) {
          message = 'cannot evaluate the expression on trace ' + id + ': ' + message;
        }
        return JSON.stringify({error: {kind: 'evaluation', trace: id, message: message}});
      }
    }
    return JSON.stringify({matching: matching});
  }

  return {parse: parse, prepare: prepare, matches: matches, selectJson: selectJson, inferredNode: inferredNode,
    flag: flag, seconds: seconds, isCall: isCall, hasSegmentChild: hasSegmentChild, isArray: isArray};
})();
