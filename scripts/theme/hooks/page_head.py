"""MkDocs hook (see `hooks:` in mkdocs.yml): what each page's head says about the page, for main.html.

Every page has a twin in the other language at the same path (English under en/), so the hreflang
alternates are the page itself and its twin, with x-default on the Chinese one (the site's root
language). The Atom feed named is the page's language's (scripts/site/feeds/). OpenGraph gives the page's
title and description in its language. Addresses are absolute when the site has one (SITE_URL, which
build.py gives MkDocs as site_url) and relative to the page otherwise: a relative canonical or og:url
would mislead, so main.html leaves those out then.
"""
from dataclasses import dataclass

from scripts.package import LANGUAGES
from scripts.site import site_map
from scripts.site.site_map import address, feed_path, page_language, path_in
from scripts.site.phrases import DEFAULT_LANGUAGE, t
# OpenGraph wants language_TERRITORY; our English is British ("licence", "programmes").
OG_LOCALES = {"zh": "zh_CN", "en": "en_GB"}


@dataclass(frozen=True)
class Head:
    alternates: list[tuple[str, str]]  # (hreflang, address): zh, en, then x-default
    feed: str  # the address of the page's language's feed
    feed_title: str
    og_locale: str
    og_alternate_locales: list[str]
    searchable: bool  # indexed by Pagefind: every page but site_map.UNSEARCHED (see overrides/main.html)
    kind: str  # what the page is (a term, a target, …), shown with it in search results


def page_head(url: str, site_url: str | None) -> Head:
    lang = page_language(url)
    alternates = [(other, address(path_in(other, url), url, site_url)) for other in LANGUAGES]
    alternates.append(("x-default", address(path_in(DEFAULT_LANGUAGE, url), url, site_url)))
    return Head(alternates=alternates, feed=address(feed_path(lang), url, site_url),
                feed_title=t("feed_title", lang), og_locale=OG_LOCALES[lang],
                og_alternate_locales=[OG_LOCALES[other] for other in LANGUAGES if other != lang],
                searchable=path_in(DEFAULT_LANGUAGE, url) not in map(site_map.url, site_map.UNSEARCHED),
                kind=t(site_map.page_kind(url), lang))


def on_page_context(context, page, config, nav):
    context["head"] = page_head(page.url, config.site_url or None)
    return context
