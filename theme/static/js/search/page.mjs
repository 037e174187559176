// The search page (/search/): connects the form, the address and the results.
// Loaded as <script type="module">; without JavaScript, or in a browser too old
// for modules, the page keeps its browse lists. Nothing is fetched until a
// family starts to search.
import { SearchData } from './data.mjs';
import { find } from './engine.mjs';
import { statusText, suggestion, nearestTopics } from './render.mjs';
import { PARAMS, FILTERS, paramsFromQueryString, addressFor, isEmpty, filtersApplied, historyAction } from './state.mjs';

const root = document.getElementById('search-page');
const $ = (id) => document.getElementById(id);

function start() {
  const base = root.dataset.searchData;
  const version = encodeURIComponent(root.dataset.searchVersion);
  const shownAtOnce = parseInt(root.dataset.searchShown, 10) || 20;
  const data = new SearchData(async (path, asText) => {
    const response = await fetch(base + path + '?v=' + version);
    if (!response.ok) { throw new Error(path + ': ' + response.status); }
    return asText ? response.text() : response.json();
  });
  const form = $('search-form');
  const input = $('search-q');
  const status = $('search-status');
  const list = $('search-results');
  const more = $('search-more');
  const help = $('search-help');
  const browse = $('search-browse');
  const didYouMean = $('search-suggestion');
  const nearest = $('search-nearest');
  const filters = $('search-filters');
  const toggle = $('search-filter-toggle');
  const baseTitle = document.title;
  let current = { refs: [], shown: 0 };
  let searches = 0;
  let shownParams = paramsFromQueryString(window.location.search);

  function done(state) {
    root.dataset.searchState = state;
    root.dataset.searchCount = String(searches);
  }

  // Provider text in the cards was escaped when the site was built; the cards
  // are the theme's own component, so they are inserted as they are.
  async function cardsFor(refs) {
    const html = await data.cards(refs);
    const holder = document.createElement('ul');
    holder.innerHTML = html.join('');
    return [...holder.children];
  }

  function updateMore() {
    const left = current.refs.length - current.shown;
    more.hidden = left <= 0;
    more.textContent = 'Show ' + Math.min(left, shownAtOnce) + ' more of ' + left + (left === 1 ? ' service' : ' services');
  }

  function link(text, href) {
    const anchor = document.createElement('a');
    anchor.className = 'govuk-link';
    anchor.href = href;
    anchor.textContent = text;
    return anchor;
  }

  function showSuggestion(params, found) {
    const corrected = suggestion(params, found);
    didYouMean.textContent = '';
    didYouMean.hidden = !corrected;
    if (corrected) {
      didYouMean.append('Did you mean ', link(corrected, addressFor(window.location.pathname, { ...params, q: corrected })), '?');
    }
  }

  async function showNearest(params) {
    nearest.textContent = '';
    const topics = params.q ? nearestTopics(await data.topics(), params.q) : [];
    $('search-nearest-block').hidden = !topics.length;
    for (const topic of topics) {
      const item = document.createElement('li');
      item.append(link(topic.label, root.dataset.searchSite + topic.url));
      nearest.append(item);
    }
  }

  async function render(params, found, token) {
    current = { refs: found.refs, shown: Math.min(shownAtOnce, found.refs.length) };
    const cards = await cardsFor(found.refs.slice(0, current.shown));
    if (!found.refs.length) { await showNearest(params); }
    if (token !== searches) { return; }
    list.replaceChildren(...cards);
    status.textContent = statusText(params, found);
    showSuggestion(params, found);
    help.hidden = found.refs.length > 0;
    updateMore();
    browse.hidden = true;
    root.dataset.searchMs = found.ms.toFixed(2);
    done('done');
  }

  async function showMore() {
    const token = searches;
    const cards = await cardsFor(current.refs.slice(current.shown, current.shown + shownAtOnce));
    if (token !== searches) { return; }
    list.append(...cards);
    current.shown += cards.length;
    updateMore();
    if (cards.length) { cards[0].querySelector('a').focus(); }
  }

  function idle() {
    list.textContent = '';
    status.textContent = '';
    didYouMean.hidden = true;
    help.hidden = true;
    more.hidden = true;
    browse.hidden = false;
    document.title = baseTitle;
    done('idle');
  }

  async function search(params) {
    searches += 1;
    const token = searches;
    showFilterCount(params);
    if (isEmpty(params)) {
      idle();
      return;
    }
    document.title = (params.q ? params.q + ' - ' : '') + baseTitle;
    root.dataset.searchState = 'loading';
    list.setAttribute('aria-busy', 'true');
    try {
      const found = await find(data, params);
      if (token === searches) { await render(params, found, token); }
    } catch (error) {
      if (token === searches) {
        list.textContent = '';
        more.hidden = true;
        help.hidden = true;
        didYouMean.hidden = true;
        browse.hidden = false;
        status.textContent = 'Search is not working at the moment. Try again, or find services by need, age or type below.';
        done('error');
      }
    }
    list.removeAttribute('aria-busy');
  }

  function paramsFromForm() {
    const formData = new FormData(form);
    const params = {};
    for (const name of PARAMS) { params[name] = String(formData.get(name) || '').trim(); }
    return params;
  }

  function fillForm(params) {
    input.value = params.q;
    for (const name of ['need', 'age', 'area', 'category']) {
      const select = $('search-' + name);
      select.value = params[name];
      if (select.value !== params[name]) { select.value = ''; }
    }
    $('search-free').checked = params.free === 'yes';
    $('search-self').checked = params.self === 'yes';
  }

  function submit() {
    const params = paramsFromForm();
    const target = addressFor(window.location.pathname, params);
    if (target !== window.location.pathname + window.location.search) {
      if (historyAction(shownParams, params) === 'push') {
        window.history.pushState(null, '', target);
      } else {
        window.history.replaceState(null, '', target);
      }
    }
    shownParams = params;
    search(params);
  }

  // The "Filter" button (narrow screens): says how many filters apply, opens and closes the panel.
  function showFilterCount(params) {
    const count = filtersApplied(params);
    $('search-filter-count').textContent = count ? ' (' + count + ' applied)' : '';
  }

  // The button is drawn from the first paint (its column shows only with .js-enabled, and only on narrow
  // screens), so revealing it here would move the page as it loads.
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    filters.classList.toggle('app-search-filters--open', open);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  // Filters apply as soon as they change; "Apply filters" is for when JavaScript is off.
  for (const name of FILTERS) { $('search-' + name).addEventListener('change', submit); }
  for (const type of ['focus', 'input']) { input.addEventListener(type, () => { data.start().catch(() => {}); }); }
  more.addEventListener('click', showMore);
  window.addEventListener('popstate', () => {
    shownParams = paramsFromQueryString(window.location.search);
    fillForm(shownParams);
    search(shownParams);
  });

  fillForm(shownParams);
  search(shownParams);
}

if (root && window.fetch && window.URLSearchParams) {
  start();
}
