// Search on /search/: lunr.js over an index split by term, a result store in
// pages, and filters as bitsets (plugins/search_index/README.md explains the
// files). Nothing is fetched until a family starts to search: lunr.min.js and
// the manifest when they first focus or type in the box, then only the term
// files, store pages and filter files the query needs.
//
// Provider text is untrusted: results are built with createElement and
// textContent, never innerHTML.
(function () {
  'use strict';

  var root = document.getElementById('search-page');
  if (!root || !window.fetch || !window.history || !window.history.pushState || !window.URLSearchParams) {
    return;
  }

  var DATA = root.getAttribute('data-search-data');
  var VERSION = root.getAttribute('data-search-version');
  var LUNR = root.getAttribute('data-search-lunr');
  var SITE = root.getAttribute('data-search-site');
  var SHOWN = parseInt(root.getAttribute('data-search-shown'), 10) || 20;
  var PARAMS = ['q', 'need', 'age', 'area', 'category', 'free', 'self'];
  var FUZZY_FROM = 5; // letters; shorter words must be spelt right
  var MAX_KEY = 8; // the longest term-file key (shards.py MAX_KEY_LENGTH)

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var help = document.getElementById('search-help');
  var browse = document.getElementById('search-browse');
  var baseTitle = document.title;

  // --- Text: exactly what plugins/search_index/text.py `fold` does ---------
  var EXTRA_FOLDS = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };

  function foldText(text) {
    return String(text).toLowerCase().normalize('NFKD')
      .replace(/\p{Mn}/gu, '')
      .replace(/[ßæœøłđðþı]/g, function (c) { return EXTRA_FOLDS[c]; })
      .replace(/['\u2019\u2018`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }

  // --- Loading ---------------------------------------------------------------
  var started = null;
  var manifest = null;
  var keys = Object.create(null);
  var shardLoads = Object.create(null);
  var postings = Object.create(null);
  var tokenSet = null;
  var storeLoads = Object.create(null);
  var filterLoads = Object.create(null);

  function dataUrl(path) {
    return DATA + path + '?v=' + encodeURIComponent(VERSION);
  }

  function fetchData(path, asText) {
    return fetch(dataUrl(path)).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ': ' + response.status);
      }
      return asText ? response.text() : response.json();
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.lunr) {
        resolve();
        return;
      }
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(script);
    });
  }

  // lunr.min.js and the manifest: fetched once, when a family starts to search.
  function start() {
    if (!started) {
      started = Promise.all([loadScript(LUNR), fetchData('manifest.json')]).then(function (loaded) {
        manifest = loaded[1];
        manifest.terms.forEach(function (key) { keys[key] = true; });
      });
      started.catch(function () { started = null; });
    }
    return started;
  }

  function termKey(term) {
    for (var length = Math.min(term.length, MAX_KEY); length > 0; length--) {
      if (keys[term.slice(0, length)]) {
        return term.slice(0, length);
      }
    }
    return null;
  }

  // Every file that can hold a term sharing the first two letters of `term`.
  function nearbyKeys(term) {
    var start = term.slice(0, 2);
    return manifest.terms.filter(function (key) {
      return key.indexOf(start) === 0 || start.indexOf(key) === 0;
    });
  }

  function loadTerms(fileKeys) {
    return Promise.all(fileKeys.map(function (key) {
      if (!shardLoads[key]) {
        shardLoads[key] = fetchData('terms/' + key + '.json').then(addTerms);
        shardLoads[key].catch(function () { delete shardLoads[key]; });
      }
      return shardLoads[key];
    }));
  }

  // A term file: {term: [doc, weight, doc, weight, ...]}, docs as differences.
  function addTerms(terms) {
    Object.keys(terms).forEach(function (term) { postings[term] = terms[term]; });
    tokenSet = null;
  }

  // The query words a clause stands for: the word's own term, or with a typo
  // allowed, every loaded term within the edit distance (lunr's TokenSet).
  function expand(w, distance) {
    if (!distance) {
      return postings[w.term] ? [w.term] : [];
    }
    var lunr = window.lunr;
    if (!tokenSet) {
      tokenSet = lunr.TokenSet.fromArray(Object.keys(postings).sort());
    }
    return tokenSet.intersect(lunr.TokenSet.fromFuzzyString(w.term, distance)).toArray();
  }

  function loadStorePage(number) {
    if (!storeLoads[number]) {
      storeLoads[number] = fetchData('store/' + number + '.json');
      storeLoads[number].catch(function () { delete storeLoads[number]; });
    }
    return storeLoads[number];
  }

  function loadFilter(name) {
    if (!filterLoads[name]) {
      filterLoads[name] = fetchData('filters/' + name + '.txt', true).then(function (text) {
        var binary = atob(text.trim());
        var bits = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
          bits[i] = binary.charCodeAt(i);
        }
        return bits;
      });
      filterLoads[name].catch(function () { delete filterLoads[name]; });
    }
    return filterLoads[name];
  }

  // --- The query --------------------------------------------------------------
  // The same steps as the index's pipeline: stop words out, Porter stemmer.
  function queryWords(q) {
    var lunr = window.lunr;
    return foldText(q).split(' ').filter(Boolean).map(function (word) {
      var token = lunr.stopWordFilter(new lunr.Token(word, {}));
      return token ? { word: word, term: lunr.stemmer(token).toString() } : null;
    }).filter(Boolean);
  }

  function filterNames(params) {
    var names = [];
    ['need', 'area', 'category'].forEach(function (kind) {
      var position = params[kind] ? manifest.filters[kind].indexOf(params[kind]) : -1;
      if (position >= 0) {
        names.push(kind + '-' + position);
      }
    });
    if (/^\d+$/.test(params.age || '') && manifest.filters.age.indexOf(+params.age) >= 0) {
      names.push('age-' + (+params.age));
    }
    if (params.free === 'yes') { names.push('free'); }
    if (params.self === 'yes') { names.push('self'); }
    return names;
  }

  function matchesAll(bitsets) {
    if (!bitsets.length) {
      return null;
    }
    var bits = new Uint8Array(bitsets[0]);
    bitsets.slice(1).forEach(function (other) {
      for (var i = 0; i < bits.length; i++) { bits[i] &= other[i]; }
    });
    return bits;
  }

  function has(bits, n) {
    return (bits[n >> 3] & (1 << (n & 7))) !== 0;
  }

  // Every word must be found, in any field. Scores are lunr.js's
  // (lunr.Index.prototype.query with every clause required, boost 1, all
  // fields): sum over the query vector's terms of q[t] * weight(t, doc),
  // divided by the query vector's length; see plugins/search_index/shards.py.
  // Best first, A to Z on ties.
  function runQuery(words, fuzzy) {
    var clauses = words.map(function (w) {
      return expand(w, fuzzy && w.word.length >= FUZZY_FROM ? (w.word.length >= 8 ? 2 : 1) : 0);
    });
    if (clauses.some(function (terms) { return !terms.length; })) {
      return [];
    }
    var count = manifest.count;
    var matched = new Uint16Array(count);
    var lastClause = new Int32Array(count).fill(-1);
    var scores = new Float64Array(count);
    var queryVector = Object.create(null);
    clauses.forEach(function (terms, clause) {
      terms.forEach(function (term) {
        queryVector[term] = (queryVector[term] || 0) + 1;
        var flat = postings[term];
        for (var i = 0, doc = 0; i < flat.length; i += 2) {
          doc += flat[i];
          if (lastClause[doc] !== clause) {
            lastClause[doc] = clause;
            matched[doc] += 1;
          }
        }
      });
    });
    var length = 0;
    Object.keys(queryVector).forEach(function (term) {
      var q = queryVector[term];
      length += q * q;
      var flat = postings[term];
      for (var i = 0, doc = 0; i < flat.length; i += 2) {
        doc += flat[i];
        scores[doc] += q * flat[i + 1];
      }
    });
    length = Math.sqrt(length);
    var refs = [];
    for (var doc = 0; doc < count; doc++) {
      if (matched[doc] === clauses.length) {
        refs.push(doc);
        scores[doc] /= length;
      }
    }
    return refs.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
  }

  function find(params) {
    var words = queryWords(params.q || '');
    var names = filterNames(params);
    var termKeys = {};
    words.forEach(function (w) {
      var key = termKey(w.term);
      if (key) { termKeys[key] = true; }
    });
    return Promise.all([loadTerms(Object.keys(termKeys)), Promise.all(names.map(loadFilter))]).then(function (loaded) {
      var bits = matchesAll(loaded[1]);
      var clock = performance.now();
      var found = { words: words, filtered: names.length > 0, fuzzy: false, refs: [] };
      if (!words.length) {
        if (bits) {
          for (var n = 0; n < manifest.count; n++) {
            if (has(bits, n)) { found.refs.push(n); }
          }
        }
        found.ms = performance.now() - clock;
        return found;
      }
      var refs = runQuery(words, false);
      var fuzzy = !refs.length && words.some(function (w) { return w.word.length >= FUZZY_FROM; });
      var near = Promise.resolve();
      if (fuzzy) {
        var nearKeys = {};
        words.forEach(function (w) {
          if (w.word.length >= FUZZY_FROM) { nearbyKeys(w.term).forEach(function (key) { nearKeys[key] = true; }); }
        });
        var waited = performance.now();
        near = loadTerms(Object.keys(nearKeys)).then(function () {
          clock += performance.now() - waited;
          refs = runQuery(words, true);
          found.fuzzy = true;
        });
      }
      return near.then(function () {
        found.refs = bits ? refs.filter(function (n) { return has(bits, n); }) : refs;
        found.ms = performance.now() - clock;
        return found;
      });
    });
  }

  // --- Showing results ----------------------------------------------------------
  function plural(n) {
    return n + (n === 1 ? ' service' : ' services');
  }

  function statusText(params, found) {
    var count = found.refs.length;
    var text = count ? plural(count) + ' found' : 'No services found';
    if (params.q && found.words.length) {
      text += ' for \u2018' + params.q.trim() + '\u2019';
    }
    if (found.filtered) {
      text += (params.q && found.words.length ? ' that match' : ' matching') + ' your filters';
    }
    if (found.fuzzy && count) {
      text = 'No exact matches for \u2018' + params.q.trim() + '\u2019. ' + plural(count) + ' found for similar words';
    }
    return text + '.';
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function card(row) {
    var item = element('li', 'app-service-card');
    var heading = element('h3', 'govuk-heading-m app-service-card__heading');
    var link = element('a', 'govuk-link app-search-results__link', row[1]);
    link.href = SITE + row[0];
    heading.appendChild(link);
    if (row[6]) {
      heading.appendChild(document.createTextNode(' '));
      heading.appendChild(element('strong', 'govuk-tag govuk-tag--yellow app-service-card__tag', 'Draft'));
    }
    item.appendChild(heading);
    item.appendChild(element('p', 'govuk-body app-service-card__summary', row[2]));
    var facts = element('dl', 'app-service-card__facts');
    [['Run by', row[3]], ['Ages', row[4]], ['Cost', row[5]]].forEach(function (pair) {
      facts.appendChild(element('dt', '', pair[0]));
      facts.appendChild(element('dd', '', pair[1]));
    });
    item.appendChild(facts);
    return item;
  }

  function showRows(refs) {
    var size = manifest.storePageSize;
    var pages = {};
    refs.forEach(function (n) { pages[Math.floor(n / size)] = true; });
    return Promise.all(Object.keys(pages).map(function (page) {
      return loadStorePage(page).then(function (rows) { pages[page] = rows; });
    })).then(function () {
      return refs.map(function (n) { return card(pages[Math.floor(n / size)][n % size]); });
    });
  }

  var current = { refs: [], shown: 0 };
  var searches = 0;

  function render(params, found, token) {
    current = { refs: found.refs, shown: Math.min(SHOWN, found.refs.length) };
    return showRows(found.refs.slice(0, current.shown)).then(function (cards) {
      if (token !== searches) { return; }
      list.textContent = '';
      cards.forEach(function (node) { list.appendChild(node); });
      status.textContent = statusText(params, found);
      help.hidden = found.refs.length > 0;
      updateMore();
      browse.hidden = true;
      root.setAttribute('data-search-ms', found.ms.toFixed(2));
      done('done');
    });
  }

  function updateMore() {
    var left = current.refs.length - current.shown;
    more.hidden = left <= 0;
    more.textContent = 'Show ' + Math.min(left, SHOWN) + ' more of ' + left + (left === 1 ? ' service' : ' services');
  }

  function showMore() {
    var next = current.refs.slice(current.shown, current.shown + SHOWN);
    var token = searches;
    showRows(next).then(function (cards) {
      if (token !== searches) { return; }
      cards.forEach(function (node) { list.appendChild(node); });
      current.shown += cards.length;
      updateMore();
      if (cards.length) {
        cards[0].querySelector('a').focus();
      }
    });
  }

  function done(state) {
    root.setAttribute('data-search-state', state);
    root.setAttribute('data-search-count', String(searches));
  }

  function idle() {
    list.textContent = '';
    status.textContent = '';
    help.hidden = true;
    more.hidden = true;
    browse.hidden = false;
    document.title = baseTitle;
    done('idle');
  }

  // --- The address ----------------------------------------------------------------
  function paramsFromAddress() {
    var query = new URLSearchParams(window.location.search);
    var params = {};
    PARAMS.forEach(function (name) { params[name] = (query.get(name) || '').trim(); });
    return params;
  }

  function paramsFromForm() {
    var data = new FormData(form);
    var params = {};
    PARAMS.forEach(function (name) { params[name] = String(data.get(name) || '').trim(); });
    return params;
  }

  function fillForm(params) {
    input.value = params.q;
    ['need', 'age', 'area', 'category'].forEach(function (name) {
      var select = document.getElementById('search-' + name);
      select.value = params[name];
      if (select.value !== params[name]) { select.value = ''; }
    });
    document.getElementById('search-free').checked = params.free === 'yes';
    document.getElementById('search-self').checked = params.self === 'yes';
  }

  function address(params) {
    var query = new URLSearchParams();
    PARAMS.forEach(function (name) {
      if (params[name]) { query.set(name, params[name]); }
    });
    var text = query.toString();
    return window.location.pathname + (text ? '?' + text : '');
  }

  function isEmpty(params) {
    return PARAMS.every(function (name) { return !params[name]; });
  }

  function search(params) {
    searches += 1;
    var token = searches;
    if (isEmpty(params)) {
      idle();
      return Promise.resolve();
    }
    document.title = (params.q ? params.q + ' - ' : '') + baseTitle;
    root.setAttribute('data-search-state', 'loading');
    list.setAttribute('aria-busy', 'true');
    return start().then(function () {
      return find(params);
    }).then(function (found) {
      if (token === searches) { return render(params, found, token); }
    }).catch(function () {
      if (token !== searches) { return; }
      list.textContent = '';
      more.hidden = true;
      help.hidden = true;
      browse.hidden = false;
      status.textContent = 'Search is not working at the moment. Try again, or find services by need, age or type below.';
      done('error');
    }).then(function () {
      list.removeAttribute('aria-busy');
    });
  }

  function submit() {
    var params = paramsFromForm();
    var target = address(params);
    if (target !== window.location.pathname + window.location.search) {
      window.history.pushState(null, '', target);
    }
    search(params);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  // Filters apply as soon as they change; "Apply filters" is for when JavaScript is off.
  ['search-need', 'search-age', 'search-area', 'search-category', 'search-free', 'search-self'].forEach(function (id) {
    document.getElementById(id).addEventListener('change', submit);
  });
  ['focus', 'input'].forEach(function (type) {
    input.addEventListener(type, function () { start(); });
  });
  more.addEventListener('click', showMore);
  window.addEventListener('popstate', function () {
    var params = paramsFromAddress();
    fillForm(params);
    search(params);
  });

  var initial = paramsFromAddress();
  fillForm(initial);
  search(initial);
}());
