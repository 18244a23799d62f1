// The search box in the header (scripts/theme/overrides/partials/search.html) over Pagefind's index
// (written by scripts/search.py into pagefind/ at the site's root, one index per page language).
// Nothing of Pagefind is fetched until the box is used: focus (or opening it on a phone) loads
// pagefind.js, its WebAssembly and the index of the page's language; each query then fetches only
// the index chunks of its words and one small fragment per result shown.
// No inline script and no eval: with a Content-Security-Policy the search needs
// script-src 'self' 'wasm-unsafe-eval' and connect-src 'self'.

const SHOWN = 5;          // results shown for a query (each costs one fragment request, ~1 KB)
const DEBOUNCE_MS = 150;
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
  const bundle = new URL("../pagefind/pagefind.js", import.meta.url); // this file is javascripts/search.js
  let engine = null;
  let latest = 0;

  function load() {
    engine ??= import(bundle.href).then(async pagefind => {
      // The main thread is enough for an index this size, and saves fetching pagefind-worker.js.
      await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
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

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      list.dataset.query = "";
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
    const count = found.results.length;
    say(count === 0 ? box.dataset.none
      : count === 1 ? box.dataset.one
      : box.dataset.other.replace("#", count));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
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
      const links = [...list.querySelectorAll("a")];
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
    const title = (result.meta.title || "").replaceAll("\u200b", "");
    return [title, title.replace(/\s*[(（].*[)）]\s*$/u, "")].some(name => key(name) === key(query));
  };
  return [...results.filter(named), ...results.filter(result => !named(result))];
}

// One result: a link to the page, its title and the passage that matched, the words marked.
function item(data) {
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = data.url;
  const article = document.createElement("div");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("span");
  title.className = "md-search-result__title";
  title.textContent = (data.meta.title || data.url).replaceAll("\u200b", ""); // see scripts/search.py
  const excerpt = document.createElement("p");
  excerpt.append(...marked(data.excerpt));
  article.append(title, excerpt);
  link.append(article);
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  li.append(link);
  return li;
}

// Pagefind's excerpt is text with <mark> around the matches. Parsed in an inert <template> and
// rebuilt from text and <mark> only, so nothing in the indexed text can become markup.
function marked(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map(node => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}
