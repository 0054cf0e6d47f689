/* The address names a trace: report.html#trace=ID (an exploration matrix's cells link so) opens that trace's view.
   One part of the console's script: HtmlReport joins the parts in order inside one function scope. */
  function traceInAddress() {
    var match = /(?:^#|&)trace=([^&]*)/.exec(location.hash);
    if (!match) { return null; }
    try { return decodeURIComponent(match[1]); } catch (e) { return match[1]; }
  }
  function openTraceInAddress() {
    var id = traceInAddress();
    var named = traces.filter(function (t) { return t.id === id; })[0];
    if (named) {
      openTrace(named);
      traceSection.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openTraceInAddress);
  openTraceInAddress();
