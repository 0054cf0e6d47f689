/* Traces linked through queues: the map's dashed queue-to-consumer edges with their received-event ages, and in a
   trace's view the traces it follows and those that follow it, one click away.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
  // ------------------------------------------------------------------ linked traces
  /**
   * Adds to a graph the edges of trace t's links: from the queue its records came through to t's entry point, dashed
   * as X-Ray draws SQS to Lambda. Each keeps the records (for the counts) and their received-event ages.
   */
  function linkedEdges(t, node, edges) {
    var entry = t.root && t.root.node;
    if (!entry) { return; }
    t.linksTo.forEach(function (link) {
      if (!link.queue) { return; }
      var from = node(link.queue);
      var to = node(entry);
      var k = 'linked\u0001' + from.key + '\u0001' + to.key;
      if (!edges[k]) { edges[k] = {from: from, to: to, entities: [], ages: [], linked: true}; }
      var record = t.entities.filter(function (e) { return e.doc.id === link.record; })[0];
      if (record) { edges[k].entities.push(record); }
      if (typeof link.ageMs === 'number') { edges[k].ages.push(link.ageMs); }
    });
  }

  function average(values) {
    return values.reduce(function (sum, v) { return sum + v; }, 0) / values.length;
  }

  /** How many messages the edge carried, then how old they were when the consumer took them. */
  function linkedEdgeLabel(e) {
    return [plural(e.entities.length, 'message') + ' linked',
      e.ages.length ? 'age avg ' + ms(average(e.ages)) : ''];
  }

  /** A linked edge's panel: its received-event age histogram, and the consumer's linked traces in the list. */
  function showLinkedEdge(e, g) {
    Array.prototype.forEach.call(document.querySelectorAll('#service-map .chosen'), function (n) {
      n.classList.remove('chosen');
    });
    g.classList.add('chosen');
    var expression = 'linked() service(id(name: ' + JSON.stringify(e.to.name) + ', type: ' +
        JSON.stringify(e.to.type) + '))';
    clear(nodePanel).hidden = false;
    nodePanel.setAttribute('data-edge', e.from.name + ' ⇢ ' + e.to.name);
    nodePanel.appendChild(el('h3', null, [e.from.name + ' ⇢ ' + e.to.name + ' ',
      el('span', {'class': 'badge', text: 'linked traces'})]));
    nodePanel.appendChild(el('p', {'class': 'facts', text: plural(e.entities.length, 'message') + ' taken by ' +
      e.to.name + (e.ages.length ? ' · age avg ' + ms(average(e.ages)) + ' · max ' +
      ms(Math.max.apply(null, e.ages)) : '')}));
    nodePanel.appendChild(e.ages.length ? el('div', {'class': 'histogram-wrap'}, [
      el('h4', {text: 'Received event age (from sending to the consumer\'s start)'}), histogram(e.ages)])
      : none('No message carried its age (an SQS record\'s ReceivedEventAgeMs metadata).'));
    nodePanel.appendChild(el('p', null, ['The consumer\'s linked traces are listed below, filtered with ',
      el('code', {text: expression})]));
    setFilter(expression);
  }

  /** The traces t follows (its records' producers) and those that follow it (its consumers), each one click away. */
  function linkedTraces(t) {
    var box = el('div', {id: 'linked-traces', 'class': 'linked-traces'}, el('h3', {text: 'Linked traces'}));
    if (!t.linksTo.length && !t.linkedFrom.length) {
      box.appendChild(none('No link: no record of this trace follows another trace, and none follows it.'));
      return box;
    }
    if (t.linksTo.length) {
      box.appendChild(el('h4', {text: 'Follows (its records\' producers)'}));
      box.appendChild(el('ul', {'class': 'links to'}, t.linksTo.map(function (link) {
        return linkItem(link, 'to');
      })));
    }
    if (t.linkedFrom.length) {
      box.appendChild(el('h4', {text: 'Followed by (consumers of what it sent)'}));
      box.appendChild(el('ul', {'class': 'links from'}, t.linkedFrom.map(function (link) {
        return linkItem(link, 'from');
      })));
      box.appendChild(el('p', {'class': 'hint'}, ['All of them in the list: ', el('a', {href: '#',
        'class': 'filter-linked', text: 'linked(' + JSON.stringify(t.id) + ')', onclick: function (event) {
          event.preventDefault();
          setFilter('linked(' + JSON.stringify(t.id) + ')');
        }})]));
    }
    return box;
  }

  function linkItem(link, direction) {
    var other = traceById[link.trace];
    var what = (direction === 'to' ? 'via ' : 'its record ') + link.recordName +
        (link.messageId ? ', message ' + link.messageId : '') +
        (typeof link.ageMs === 'number' ? ', age ' + ms(link.ageMs) : '');
    var target = other
      ? el('a', {href: '#', 'class': 'linked-trace mono', 'data-trace': link.trace, text: link.trace,
        onclick: function (event) { event.preventDefault(); openTrace(other); }})
      : el('span', {'class': 'mono missing', title: 'not in this run', text: link.trace});
    return el('li', {'data-direction': direction}, [target, ' ',
      other && other.root ? el('strong', {text: other.root.doc.name}) : el('span', {'class': 'hint',
        text: 'not in this run'}), ' · ', what]);
  }
