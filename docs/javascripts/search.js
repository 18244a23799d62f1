// The search box in the header (scripts/theme/overrides/partials/search.html) over Pagefind's index
// (written by scripts/search.py into pagefind/ at the site's root, one index per page language).
// Nothing of Pagefind is fetched until the box is used: focus (or opening it on a phone) loads
// pagefind.js, its WebAssembly and the index of the page's language; each query then fetches only
// the index chunks of its words and one small fragment per result shown.
// No inline script and no eval: with a Content-Security-Policy the search needs
// script-src 'self' 'wasm-unsafe-eval' and connect-src 'self'.

const SHOWN = 5;          // results shown at a time: for a query, then per "more" (each costs one fragment request, ~1 KB)
const DEBOUNCE_MS = 150;
// Pagefind favours pages shorter than the average (pageLength 0.75): the page of a word the plan uses
// everywhere (企业, enterprise: 40 headings listed) fell behind a dozen short pages with the word in their
// title, out of the first results, where namedFirst() could not find it. Less weight on length keeps it in.
const RANKING = { pageLength: 0.3 };
const HAN = /\p{Script=Han}/u;
const chineseIndex = document.documentElement.lang.startsWith("zh"); // Pagefind picks the index the same way
const EXCERPT_WORDS = chineseIndex ? 60 : 24; // the passage under each title; a Chinese "word" is a character

const box = document.querySelector("[data-site-search]");
if (box) setUp(box);

function setUp(box) {
  const toggle = document.getElementById("__search");       // Material's checkbox: opens the box on phones
  const input = box.querySelector("input[name=query]");
  const form = box.querySelector("form");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const more = box.querySelector(".md-search-result__more");
  const bundle = new URL("../pagefind/pagefind.js", import.meta.url); // this file is javascripts/search.js
  let engine = null;
  let latest = 0;
  let total = 0;      // how many pages the query found
  let waiting = [];   // those not shown yet, in Pagefind's order

  function load() {
    engine ??= import(bundle.href).then(async pagefind => {
      // The main thread is enough for an index this size, and saves fetching pagefind-worker.js.
      await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true, ranking: RANKING });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    load().catch(() => say(box.dataset.none));
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  // How many were found and, while there are more, how many are shown: the status line is a live
  // region, so a screen reader hears it after each query and each "more".
  function report() {
    const shown = list.children.length;
    say(total === 0 ? box.dataset.none
      : total === 1 ? box.dataset.one
      : box.dataset.other.replace("#", total) + (shown < total ? box.dataset.shown.replace("#", shown) : ""));
    more.hidden = waiting.length === 0;
    more.textContent = box.dataset.more.replace("#", waiting.length);
  }

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      list.dataset.query = "";
      waiting = [];
      more.hidden = true;
      say(box.dataset.placeholder);
      return;
    }
    if (!engine) say(box.dataset.loading);
    const pagefind = await load();
    const found = await find(pagefind, query);
    if (found === null || ticket !== latest) return; // a later keystroke took over
    const shown = await Promise.all(found.results.slice(0, SHOWN).map(result => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...namedFirst(shown, query).map(item));
    list.dataset.query = query; // the query these results answer (the tests and the benchmark wait for it)
    total = found.results.length;
    waiting = found.results.slice(SHOWN);
    report();
  }

  // The next results, after those shown; the keyboard goes on from the first of them.
  async function showMore() {
    const ticket = latest;
    const next = await Promise.all(waiting.slice(0, SHOWN).map(result => result.data()));
    if (ticket !== latest) return;
    const items = next.map(item);
    waiting = waiting.slice(SHOWN);
    list.append(...items);
    report();
    items[0]?.querySelector("a").focus();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  more.addEventListener("click", showMore);
  toggle?.addEventListener("change", () => {
    if (toggle.checked) {
      open();
      input.focus();
    }
  });
  form.addEventListener("submit", event => {       // Enter: go to the first result
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(run);                               // after the field is cleared
    input.focus();
  });
  box.addEventListener("keydown", event => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [...list.querySelectorAll("a"), ...(more.hidden ? [] : [more])];
      if (!links.length) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement);
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      (next < 0 || next >= links.length ? input : links[next]).focus();
    }
  });
}

// Chinese pages are indexed character by character (scripts/search.py says why), so a Chinese query
// is searched as its characters: the pages where they stand together as typed (Pagefind's exact
// phrase), in the order Pagefind ranks the pages having them all; only if no page has them together,
// every page having them all. English is searched as typed. Both searches need the same index chunks.
async function find(pagefind, query) {
  if (!chineseIndex || !HAN.test(query)) return pagefind.debouncedSearch(query, {}, DEBOUNCE_MS);
  const characters = query.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, "$1 ");
  const all = await pagefind.debouncedSearch(characters, {}, DEBOUNCE_MS);
  if (all === null) return null;
  const together = new Map((await pagefind.search(`"${characters}"`)).results.map(result => [result.id, result]));
  if (!together.size) return all;
  // Pagefind leaves phrase results unranked; its phrase results mark only the phrase in the excerpt.
  return { results: all.results.filter(result => together.has(result.id)).map(result => together.get(result.id)) };
}

// The page named by the query first: Pagefind ranks a page higher the more often the words occur,
// so a longer page that uses a term (专精特新中小企业培育库, or a heading citing it) can outrank the
// term's own page. A result whose title is the query (ignoring case, spaces, punctuation and an
// explanation in brackets, as in "SRDI (specialised, …)") moves to the top; the rest keep their order.
function namedFirst(results, query) {
  const key = text => text.toLowerCase().replace(/[\s\p{P}]/gu, "");
  const named = result => {
    const title = unspread(result.meta.title || "");
    return [title, title.replace(/\s*[(（].*[)）]\s*$/u, "")].some(name => key(name) === key(query));
  };
  return [...results.filter(named), ...results.filter(result => !named(result))];
}

// One result: a link to the page, what kind of page it is, its title and the passage that matched,
// the words marked.
function item(data) {
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = data.url;
  const article = document.createElement("div");
  article.className = "md-search-result__article md-typeset";
  const kind = document.createElement("span");
  kind.className = "md-search-result__kind";
  kind.textContent = data.filters?.kind?.[0] ?? "";  // a filter, not a meta, so its words are not searched: overrides/main.html
  const title = document.createElement("span");
  title.className = "md-search-result__title";
  title.append(...inLanguage(unspread(data.meta.title || data.url))); // see scripts/search.py
  const excerpt = document.createElement("p");
  excerpt.append(...marked(bodyExcerpt(data)));
  article.append(kind, title, excerpt);
  link.append(article);
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  li.append(link);
  return li;
}

// The passage under a result, from the page's body rather than its title. Pagefind centres its excerpt
// on the best match, and a heading's words weigh 7 times a paragraph's, so a page whose title matches
// showed its title again and the labels after it. Pagefind also cuts the page at its headings with an
// id (sub_results): the section with the most matches under a heading of the body is shown, if any;
// else the first one. Either way without its leading heading, which the result's title already says.
function bodyExcerpt(data) {
  const sections = data.sub_results?.length ? data.sub_results : [{ title: data.meta.title, excerpt: data.excerpt }];
  const body = sections.filter(section => section.anchor && section.anchor.element !== "h1" && section.locations?.length);
  const best = body.sort((a, b) => b.locations.length - a.locations.length)[0] ?? sections[0];
  return withoutLead(unspread(best.excerpt), unspread(best.title || ""));
}

// Pagefind's excerpt with its first words taken off where they are the heading (tags and spaces ignored).
function withoutLead(excerpt, heading) {
  const words = excerpt.split(" ");
  const lead = heading.trim().split(/\s+/).length;
  const plain = text => text.replace(/<[^>]*>/g, "").replace(/[\s.]/g, "");
  if (!heading.trim() || plain(words.slice(0, lead).join(" ")) !== plain(heading) || words.length <= lead) return excerpt;
  return words.slice(lead).join(" ");
}

// The zero-width spaces scripts/search.py sets between Chinese characters for indexing, taken out again.
function unspread(text) {
  return text.replaceAll("\u200b", "");
}

// Pagefind's excerpt is text with <mark> around the matches. Parsed in an inert <template> and
// rebuilt from text and <mark> only, so nothing in the indexed text can become markup.
function marked(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  return [...template.content.childNodes].flatMap(node => {
    if (node.nodeName !== "MARK") return inLanguage(node.textContent);
    const mark = document.createElement("mark");
    mark.append(...inLanguage(node.textContent));
    return [mark];
  });
}

// Text for a result, each run of the other language in a <span lang> (WCAG 3.1.2), as the pages mark
// them (scripts/site/parts.py): Chinese on an English page; on a Chinese one, English phrases of two
// words or more, not all acronyms, with a space between them (so no domain or file name).
const CHINESE_RUN = /\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef0-9]*\p{Script=Han})?/gu;
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*[A-Za-z](?:[ \d,.;:()'"“”‘’&\/-]+[A-Za-z][A-Za-z'’-]*[A-Za-z])+/g;
function inLanguage(text) {
  const [pattern, lang] = chineseIndex ? [ENGLISH_RUN, "en"] : [CHINESE_RUN, "zh"];
  const nodes = [];
  let at = 0;
  for (const run of text.matchAll(pattern)) {
    const words = run[0].match(/[A-Za-z'’-]{2,}/g) ?? [];
    if (chineseIndex && (!/ /.test(run[0]) || words.every(word => /^[A-Z]+s?$/.test(word)))) continue;
    const span = document.createElement("span");
    span.lang = lang;
    span.textContent = run[0];
    nodes.push(document.createTextNode(text.slice(at, run.index)), span);
    at = run.index + run[0].length;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes.filter(node => node.textContent);
}
