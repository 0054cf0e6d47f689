/*
 * The root causes of a trace, as X-Ray's GetTraceSummaries reports them (FaultRootCauses, ErrorRootCauses,
 * ResponseTimeRootCauses) and as the filter keywords rootcause.fault|error|responsetime.service|entity|exception
 * read them. Plain ES5 after xray-filter.js, whose prepared trace it reads; the console shows the same model.
 *
 * A root cause is the chain of services from the trace's entry point to the culprit, each with its entity path (the
 * segment, then the subsegments down to the one that leads on):
 *   {services: [{name, type, account, inferred, root, entityPath: [{name, remote, coverage, exceptions: [...]}]}]}
 * - fault / error: one root cause per culprit, an entity with the flag whose descendants (its subsegments and the
 *   segments of the services it called) have none. A call no traced service answered (DynamoDB, SNS, an HTTP host)
 *   ends its chain with the inferred service of that resource.
 * - responsetime: one root cause, down from the root segment along the longest child at each level; coverage is an
 *   entity's duration over the root segment's. X-Ray does not publish its analysis; this is the documented shape.
 */
var XRayRootCauses = (function () {
  'use strict';
  var F = XRayFilter;

  /** {fault: [cause], error: [cause], responsetime: [cause]} for a trace from XRayFilter.prepare. */
  function of(trace) {
    var exceptions = exceptionsById(trace);
    return {
      fault: culprits(trace, 'fault').map(function (e) { return chain(trace, e, exceptions, null); }),
      error: culprits(trace, 'error').map(function (e) { return chain(trace, e, exceptions, null); }),
      responsetime: slowest(trace, exceptions)
    };
  }

  /** The items a rootcause.*.LIST { } keyword walks: the services, their entity paths in order, their exceptions. */
  function items(cause, list) {
    if (list === 'service') { return cause.services; }
    var entities = [];
    cause.services.forEach(function (s) { entities = entities.concat(s.entityPath); });
    if (list === 'entity') { return entities; }
    var all = [];
    entities.forEach(function (e) { all = all.concat(e.exceptions); });
    return all;
  }

  function culprits(trace, flag) {
    var found = [];
    trace.entities.forEach(function (e) {
      if (F.flag(e, flag) && !anyBelow(e, flag)) { found.push(e); }
    });
    found.sort(function (a, b) { return (a.doc.start_time || 0) - (b.doc.start_time || 0); });
    return found;
  }

  function anyBelow(entity, flag) {
    var stack = entity.children.slice();
    while (stack.length) {
      var e = stack.pop();
      if (F.flag(e, flag)) { return true; }
      Array.prototype.push.apply(stack, e.children);
    }
    return false;
  }

  /** The response-time root cause: the root segment, then at each level its longest child, down to a leaf. */
  function slowest(trace, exceptions) {
    var root = trace.root;
    var total = root && root.segment ? F.seconds(root.doc) : 0;
    if (!(total > 0)) { return []; }
    var current = root;
    for (var depth = 0; current.children.length && depth < 10000; depth++) {
      current = current.children.reduce(function (longest, c) {
        return F.seconds(c.doc) > F.seconds(longest.doc) ? c : longest;
      });
    }
    return [chain(trace, current, exceptions, total)];
  }

  /** The services from the trace's entry point down to the culprit, each with its entity path. */
  function chain(trace, culprit, exceptions, total) {
    var services = [];
    if (F.isCall(culprit) && !F.hasSegmentChild(culprit)) { // a resource no traced service answered
      var resource = culprit.node || {name: String(culprit.doc.name), type: 'remote', inferred: true, account: null};
      services.push(service(resource, false, [{name: resource.name, remote: true,
        coverage: coverage(culprit, total), exceptions: []}]));
    }
    var current = culprit;
    for (var guard = 0; current && guard < 10000; guard++) {
      var owner = current.owner;
      var path = [];
      for (var e = current; e && e !== owner; e = e.parent) { path.unshift(e); }
      path.unshift(owner);
      var node = owner.node || {name: String(owner.doc.name), type: owner.doc.origin || 'service', inferred: false,
        account: null};
      services.unshift(service(node, owner.segment && !owner.parent, path.map(function (x) {
        return {name: String(x.doc.name), remote: F.isCall(x), coverage: coverage(x, total),
          exceptions: exceptionsOf(x, exceptions)};
      })));
      current = owner.parent;
    }
    keepDeepest(services);
    return {services: services};
  }

  /** An exception recorded on several entities (a cause given by id) belongs to the deepest one that holds it. */
  function keepDeepest(services) {
    var seen = [];
    for (var s = services.length - 1; s >= 0; s--) {
      for (var e = services[s].entityPath.length - 1; e >= 0; e--) {
        var entity = services[s].entityPath[e];
        entity.exceptions = entity.exceptions.filter(function (x) {
          var fresh = seen.indexOf(x.source) < 0;
          seen.push(x.source);
          return fresh;
        });
        entity.exceptions.forEach(function (x) { delete x.source; });
      }
    }
  }

  function service(node, root, entityPath) {
    return {name: node.name, type: node.type, account: node.account || null, inferred: !!node.inferred, root: root,
      entityPath: entityPath};
  }

  function coverage(entity, total) {
    return total ? Math.round(F.seconds(entity.doc) / total * 1000) / 1000 : null;
  }

  /** Every exception of the trace by id, so a cause given as an id alone is found where it was recorded. */
  function exceptionsById(trace) {
    var byId = {};
    trace.entities.forEach(function (e) {
      var cause = e.doc.cause;
      if (cause && F.isArray(cause.exceptions)) {
        cause.exceptions.forEach(function (x) { if (x && typeof x.id === 'string') { byId[x.id] = x; } });
      }
    });
    return byId;
  }

  /** An entity's own exceptions, as RootCauseException reads them: the type as name, the message, remote. */
  function exceptionsOf(entity, byId) {
    var cause = entity.doc.cause;
    var list = typeof cause === 'string' ? (byId[cause] ? [byId[cause]] : [])
        : cause && F.isArray(cause.exceptions) ? cause.exceptions : [];
    var result = [];
    list.forEach(function (x) {
      if (x && typeof x === 'object') {
        var type = typeof x.type === 'string' ? x.type : null;
        result.push({name: type, type: type, message: typeof x.message === 'string' ? x.message : null,
          remote: x.remote === true, source: x});
      }
    });
    return result;
  }

  return {of: of, items: items};
})();
