/*
 * The grammar of X-Ray filter expressions: tokens, parser and the errors that say where an expression broke.
 * Plain ES5, no dependencies, loaded before xray-filter.js (the evaluator) and xray-rootcause.js; the console embeds
 * the three files and the Java test kit runs the same three under Rhino, so they cannot disagree.
 *
 * XRayFilterGrammar.parse(text) returns {ok: true, expression} or {ok: false, error: {position, column, expected,
 * found, message}}; it never throws.
 */
var XRayFilterGrammar = (function () {
  'use strict';

  var BOOLEAN_KEYWORDS = ['ok', 'error', 'fault', 'throttle', 'partial', 'root', 'inferred'];
  var NUMBER_KEYWORDS = ['responsetime', 'duration', 'http.status'];
  var STRING_KEYWORDS = ['http.url', 'http.method', 'http.useragent', 'http.clientip', 'user', 'resource.arn',
    'availabilityzone', 'instance.id'];
  /** What each root-cause list holds, and the keywords (with their types) its items answer inside { }. */
  var ROOT_CAUSE_KEYWORDS = {
    service: {name: 'string', type: 'string', 'account.id': 'string', inferred: 'boolean', root: 'boolean',
      first: 'boolean', last: 'boolean', index: 'number'},
    entity: {name: 'string', remote: 'boolean', coverage: 'number', first: 'boolean', last: 'boolean',
      index: 'number'},
    exception: {name: 'string', type: 'string', message: 'string', remote: 'boolean', first: 'boolean',
      last: 'boolean', index: 'number'}
  };
  var ROOT_CAUSE = /^rootcause\.(fault|error|responsetime)\.(service|entity|exception)$/;
  var NUMBER_OPERATORS = ['=', '!=', '<', '<=', '>', '>='];
  var STRING_OPERATORS = ['=', '!=', 'CONTAINS', 'BEGINSWITH', 'ENDSWITH'];
  var WORD_OPERATORS = ['CONTAINS', 'BEGINSWITH', 'ENDSWITH'];
  var KEYWORD_LIST = BOOLEAN_KEYWORDS.concat(NUMBER_KEYWORDS, STRING_KEYWORDS,
      ['annotation.KEY', 'service()', 'edge()', 'id()', 'rootcause.fault|error|responsetime.service|entity|exception',
        'linked()'])
      .join(', ');

  function indexOf(list, item) {
    for (var i = 0; i < list.length; i++) {
      if (list[i] === item) { return i; }
    }
    return -1;
  }

  // ---------------------------------------------------------------- tokens

  function ParseError(position, expected, found) {
    this.position = position;
    this.expected = expected;
    this.found = found;
  }

  function describe(token) {
    if (token.type === 'end') { return 'the end of the expression'; }
    if (token.type === 'string') { return 'the string ' + JSON.stringify(token.value); }
    if (token.type === 'number') { return 'the number ' + token.text; }
    return "'" + token.text + "'";
  }

  function tokenize(text) {
    var tokens = [];
    var i = 0;
    while (i < text.length) {
      var c = text.charAt(i);
      if (/\s/.test(c)) { i++; continue; }
      var start = i;
      if (c === '"' || c === "'") {
        var value = '';
        i++;
        while (i < text.length && text.charAt(i) !== c) {
          if (text.charAt(i) === '\\' && i + 1 < text.length) { i++; }
          value += text.charAt(i);
          i++;
        }
        if (i >= text.length) {
          throw new ParseError(start, 'a closing ' + c + ' for the string started here', 'the end of the expression');
        }
        i++;
        tokens.push({type: 'string', value: value, text: text.substring(start, i), position: start});
      } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text.charAt(i + 1))) ||
          (c === '.' && /[0-9]/.test(text.charAt(i + 1)))) {
        i++;
        while (i < text.length && /[0-9.eE]/.test(text.charAt(i))) { i++; }
        var number = text.substring(start, i);
        if (isNaN(Number(number))) { throw new ParseError(start, 'a number', "'" + number + "'"); }
        tokens.push({type: 'number', value: Number(number), text: number, position: start});
      } else if (/[A-Za-z_]/.test(c)) {
        while (i < text.length && /[A-Za-z0-9_.]/.test(text.charAt(i))) { i++; }
        var word = text.substring(start, i);
        if (/^annotation\[/i.test(text.substring(start)) || word.toLowerCase() === 'annotation') {
          if (text.charAt(i) === '[') {
            var close = text.indexOf(']', i);
            if (close < 0) { throw new ParseError(i, "a closing ']' after the annotation key", 'the end of the expression'); }
            var key = text.substring(i + 1, close).replace(/^\s*["']?|["']?\s*$/g, '');
            i = close + 1;
            tokens.push({type: 'word', text: 'annotation.' + key, lower: 'annotation.' + key, position: start});
            continue;
          }
        }
        tokens.push({type: 'word', text: word, lower: word.toLowerCase(), position: start});
      } else {
        var two = text.substring(i, i + 2);
        if (two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||') {
          i += 2;
          tokens.push({type: 'symbol', text: two === '&&' ? 'AND' : two === '||' ? 'OR' : two, position: start});
        } else if ('(){},:!=<>'.indexOf(c) >= 0) {
          i++;
          tokens.push({type: 'symbol', text: c, position: start});
        } else {
          throw new ParseError(start, 'a keyword, a value or an operator', "'" + c + "'");
        }
      }
    }
    tokens.push({type: 'end', text: '', position: text.length});
    return tokens;
  }

  // ---------------------------------------------------------------- grammar
  //   expression := and ( OR and )*
  //   and        := unary ( [AND] unary )*          (X-Ray reads "ok !partial duration < 3" as an AND)
  //   unary      := '!' unary | primary
  //   primary    := '(' expression ')' | service | edge | id | rootcause | linked | comparison
  //   service    := 'service' '(' [ node ] ')' [ '{' expression '}' ]
  //   edge       := 'edge' '(' node ',' node ')' [ '{' expression '}' ]
  //   node       := STRING | 'id' '(' ( name | type | account.id ) ':' STRING [ ',' ... ] ')'
  //   rootcause  := 'rootcause.' (fault|error|responsetime) '.' (service|entity|exception) [ '{' expression '}' ]
  //                 (inside its { } only that list's keywords: name, type, message, remote, first, last, ...)
  //   linked     := 'linked' '(' [ STRING ] ')'       (ours, not X-Ray's: a trace with a link, or a link to that trace)
  //   comparison := keyword [ operator value ]

  function Parser(text) {
    this.tokens = tokenize(text);
    this.index = 0;
    this.rootCauseList = null; // 'service', 'entity' or 'exception' inside rootcause.*.* { }
    this.nested = false;        // inside service() { } or edge() { }
  }

  Parser.prototype.peek = function () { return this.tokens[this.index]; };
  Parser.prototype.next = function () { return this.tokens[this.index++]; };
  Parser.prototype.isWord = function (word) {
    var t = this.peek();
    return t.type === 'word' && t.text.toUpperCase() === word;
  };
  Parser.prototype.isSymbol = function (symbol) {
    var t = this.peek();
    return t.type === 'symbol' && t.text === symbol;
  };
  Parser.prototype.fail = function (expected) {
    throw new ParseError(this.peek().position, expected, describe(this.peek()));
  };
  Parser.prototype.expectSymbol = function (symbol, what) {
    if (!this.isSymbol(symbol)) { this.fail(what || "'" + symbol + "'"); }
    return this.next();
  };

  Parser.prototype.parseAll = function () {
    if (this.peek().type === 'end') { this.fail('a filter expression'); }
    var expression = this.expression();
    if (this.peek().type !== 'end') {
      this.fail(this.isSymbol(')') ? "no ')' here: it closes no '('" : this.isSymbol('}') ? "no '}' here: it closes no '{'"
          : 'AND, OR or the end of the expression');
    }
    return expression;
  };

  Parser.prototype.expression = function () {
    var left = this.and();
    while (this.isWord('OR') || this.isSymbol('OR')) {
      this.next();
      left = {kind: 'or', left: left, right: this.and()};
    }
    return left;
  };

  Parser.prototype.and = function () {
    var left = this.unary();
    for (;;) {
      if (this.isWord('AND') || this.isSymbol('AND')) {
        this.next();
      } else if (!this.startsOperand()) {
        return left;
      }
      left = {kind: 'and', left: left, right: this.unary()};
    }
  };

  Parser.prototype.startsOperand = function () {
    var t = this.peek();
    return (t.type === 'word' && t.text.toUpperCase() !== 'OR' && t.text.toUpperCase() !== 'AND') ||
        (t.type === 'symbol' && (t.text === '!' || t.text === '('));
  };

  Parser.prototype.unary = function () {
    if (this.isSymbol('!')) {
      this.next();
      return {kind: 'not', operand: this.unary()};
    }
    return this.primary();
  };

  Parser.prototype.primary = function () {
    var t = this.peek();
    if (this.isSymbol('(')) {
      this.next();
      var inner = this.expression();
      this.expectSymbol(')', "')' to close the '(' at column " + (t.position + 1));
      return inner;
    }
    if (t.type !== 'word') {
      this.fail('a keyword (' + this.keywordList() + "), '!' or '('");
    }
    if (this.rootCauseList !== null) { return this.comparison(); }
    if (ROOT_CAUSE.test(t.lower)) { return this.rootCause(); }
    if (t.lower === 'service') { return this.service(); }
    if (t.lower === 'edge') { return this.edge(); }
    if (t.lower === 'linked') { return this.linked(); }
    if (t.lower === 'id') {
      var node = this.node();
      return {kind: 'service', node: node, filter: this.filterBlock()};
    }
    return this.comparison();
  };

  Parser.prototype.keywordList = function () {
    return this.rootCauseList === null ? KEYWORD_LIST : Object.keys(ROOT_CAUSE_KEYWORDS[this.rootCauseList])
        .join(', ');
  };

  Parser.prototype.rootCause = function () {
    var t = this.next();
    if (this.nested) {
      throw new ParseError(t.position, 'a keyword of the service or edge (rootcause.* reads the whole trace, so it ' +
          'stands outside service() { } and edge() { })', "'" + t.text + "'");
    }
    var parts = ROOT_CAUSE.exec(t.lower);
    this.rootCauseList = parts[2];
    var filter = this.filterBlock();
    this.rootCauseList = null;
    return {kind: 'rootcause', cause: parts[1], list: parts[2], filter: filter};
  };

  /**
   * linked() and linked("1-..."): not an X-Ray keyword (X-Ray documents none for links). Function-shaped like
   * service(), with a name X-Ray's grammar does not use, so no X-Ray expression means something else here.
   */
  Parser.prototype.linked = function () {
    var t = this.next();
    if (this.nested) {
      throw new ParseError(t.position, 'a keyword of the service or edge (linked() reads the whole trace, so it ' +
          'stands outside service() { } and edge() { })', "'" + t.text + "'");
    }
    this.expectSymbol('(', "'(' after linked");
    var traceId = null;
    if (!this.isSymbol(')')) {
      if (this.peek().type !== 'string') { this.fail('a trace id in quotes, or \')\''); }
      traceId = this.next().value;
    }
    this.expectSymbol(')', "')' to close linked(");
    return {kind: 'linked', traceId: traceId};
  };

  Parser.prototype.service = function () {
    this.next();
    this.expectSymbol('(', "'(' after service");
    var node = null;
    if (!this.isSymbol(')')) { node = this.node(); }
    this.expectSymbol(')', "')' to close service(");
    return {kind: 'service', node: node, filter: this.filterBlock()};
  };

  Parser.prototype.edge = function () {
    this.next();
    this.expectSymbol('(', "'(' after edge");
    var source = this.node();
    this.expectSymbol(',', "',' and the second service of the edge");
    var destination = this.node();
    this.expectSymbol(')', "')' to close edge(");
    return {kind: 'edge', source: source, destination: destination, filter: this.filterBlock()};
  };

  Parser.prototype.filterBlock = function () {
    if (!this.isSymbol('{')) { return null; }
    var open = this.next();
    if (this.isSymbol('}')) { this.fail('a filter expression inside { }'); }
    var outer = this.nested;
    this.nested = this.nested || this.rootCauseList === null;
    var inner = this.expression();
    this.nested = outer;
    this.expectSymbol('}', "'}' to close the '{' at column " + (open.position + 1));
    return inner;
  };

  Parser.prototype.node = function () {
    var t = this.peek();
    if (t.type === 'string') {
      this.next();
      return {name: t.value, type: null, account: null};
    }
    if (t.type === 'word' && t.lower === 'id') {
      this.next();
      this.expectSymbol('(', "'(' after id");
      var node = {name: null, type: null, account: null};
      for (;;) {
        var field = this.peek();
        if (field.type !== 'word' || (field.lower !== 'name' && field.lower !== 'type' &&
            field.lower !== 'account.id')) {
          this.fail('name:, type: or account.id:');
        }
        this.next();
        this.expectSymbol(':', "':' after " + field.lower);
        var value = this.peek();
        if (value.type !== 'string') { this.fail('a string (in quotes) for ' + field.lower); }
        this.next();
        node[field.lower === 'account.id' ? 'account' : field.lower] = value.value;
        if (!this.isSymbol(',')) { break; }
        this.next();
      }
      this.expectSymbol(')', "',' or ')' to close id(");
      return node;
    }
    this.fail('a service name in quotes, or id(name: "...", type: "...", account.id: "...")');
  };

  Parser.prototype.comparison = function () {
    var t = this.next();
    var keyword = t.lower;
    var type;
    if (this.rootCauseList !== null) {
      type = ROOT_CAUSE_KEYWORDS[this.rootCauseList][keyword];
      if (!type) {
        throw new ParseError(t.position, 'a keyword of rootcause.….' + this.rootCauseList + ' { } (' +
            this.keywordList() + ')', "'" + t.text + "'");
      }
    } else if (/^annotation\./.test(keyword)) {
      keyword = 'annotation';
      type = 'annotation';
    } else if (indexOf(BOOLEAN_KEYWORDS, keyword) >= 0) {
      type = 'boolean';
    } else if (indexOf(NUMBER_KEYWORDS, keyword) >= 0) {
      type = 'number';
    } else if (indexOf(STRING_KEYWORDS, keyword) >= 0) {
      type = 'string';
    } else if (isRootCauseKeyword(keyword)) {
      throw new ParseError(t.position, 'a keyword (' + KEYWORD_LIST + ')', "'" + t.text + "', a keyword of " +
          'rootcause.*.* { } only');
    } else {
      throw new ParseError(t.position, 'a keyword (' + KEYWORD_LIST + ')', "the unknown keyword '" + t.text + "'");
    }
    var node = {kind: 'compare', keyword: keyword, type: type, position: t.position};
    if (type === 'annotation') { node.key = t.text.substring('annotation.'.length); }
    if (node.key === '') { throw new ParseError(t.position, 'a key after annotation.', "'" + t.text + "'"); }
    var op = this.operator();
    if (op === null) {
      if (type === 'number') {
        this.fail('an operator after ' + t.text + ' (' + NUMBER_OPERATORS.join(' ') + ')');
      }
      node.operator = null;
      return node;
    }
    var allowed = type === 'boolean' ? ['=', '!='] : type === 'number' ? NUMBER_OPERATORS
        : type === 'string' ? STRING_OPERATORS : NUMBER_OPERATORS.concat(WORD_OPERATORS);
    if (indexOf(allowed, op.text) < 0) {
      throw new ParseError(op.position, 'an operator for the ' + type + ' keyword ' + t.text + ' (' +
          allowed.join(' ') + ')', "'" + op.text + "'");
    }
    this.next();
    node.operator = op.text;
    var value = this.peek();
    var wanted = type === 'boolean' ? 'true or false' : type === 'number' ? 'a number' : type === 'string'
        ? 'a string in quotes' : indexOf(WORD_OPERATORS, op.text) >= 0 ? 'a string in quotes'
        : (op.text === '=' || op.text === '!=') ? 'a string, a number, true or false' : 'a number';
    var literal = this.literal(value);
    var ok = literal !== undefined && (
        type === 'boolean' ? typeof literal === 'boolean' :
        type === 'number' ? typeof literal === 'number' :
        type === 'string' ? typeof literal === 'string' :
        indexOf(WORD_OPERATORS, op.text) >= 0 ? typeof literal === 'string' :
        (op.text === '=' || op.text === '!=') ? true : typeof literal === 'number');
    if (!ok) { this.fail(wanted + ' after ' + t.text + ' ' + op.text); }
    this.next();
    node.value = literal;
    return node;
  };

  function isRootCauseKeyword(keyword) {
    for (var list in ROOT_CAUSE_KEYWORDS) {
      if (ROOT_CAUSE_KEYWORDS[list][keyword]) { return true; }
    }
    return false;
  }

  Parser.prototype.operator = function () {
    var t = this.peek();
    if (t.type === 'symbol' && indexOf(NUMBER_OPERATORS, t.text) >= 0) { return t; }
    if (t.type === 'word' && indexOf(WORD_OPERATORS, t.text.toUpperCase()) >= 0) {
      return {text: t.text.toUpperCase(), position: t.position};
    }
    return null;
  };

  Parser.prototype.literal = function (t) {
    if (t.type === 'string' || t.type === 'number') { return t.value; }
    if (t.type === 'word' && (t.lower === 'true' || t.lower === 'false')) { return t.lower === 'true'; }
    return undefined;
  };

  function parse(text) {
    try {
      var source = text === null || text === undefined ? '' : String(text);
      return {ok: true, expression: new Parser(source).parseAll(), text: source};
    } catch (e) {
      if (e instanceof ParseError) {
        return {ok: false, error: {position: e.position, column: e.position + 1, expected: e.expected, found: e.found,
          message: 'column ' + (e.position + 1) + ': expected ' + e.expected + ', found ' + e.found}};
      }
      return {ok: false, error: {position: 0, column: 1, expected: 'a filter expression', found: String(e),
        message: 'column 1: cannot read the expression (' + String(e) + ')'}};
    }
  }

  return {parse: parse};
})();
