"""MkDocs hook (see `hooks:` in mkdocs.yml): the theme's templates take their words from the phrasebook.

The search box (partials/search.html) and the 404 page write a few words of our own; like every generated
page they take them from scripts/site/phrases.yaml, so no template holds a phrase in one language only.
A template asks phrase(key, language); TEMPLATE_PHRASES lists the keys they ask for (tests/test_polish.py
holds the templates to it).
"""
from scripts.site.phrases import t

TEMPLATE_PHRASES = ["search_more", "search_shown", "not_found_title", "not_found_text", "not_found_home"]


def on_env(env, config, files):
    env.globals["phrase"] = t
    return env
