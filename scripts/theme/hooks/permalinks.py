"""MkDocs hook (see `hooks:` in mkdocs.yml): each heading's permalink is titled in the page's language.

The toc extension gives every heading's ¶ link a title, read by screen readers and shown as a tooltip; its
one setting would put the English "Permanent link" on every Chinese page (WCAG 3.1.2, language of parts).
MkDocs makes each page's Markdown converter from the configuration when it renders the page, so the title
is set for the page's language just before. The link also carries that language: it may sit in a heading
of the other language (the English changelog on a Chinese page).
"""
from scripts.site.phrases import t
from scripts.site.site_map import page_language

PERMALINK = '<a class="headerlink"'


def on_page_markdown(markdown, page, config, files):
    config.mdx_configs["toc"]["permalink_title"] = t("permalink", page_language(page.url))
    return markdown


def on_page_content(content, page, config, files):
    return content.replace(PERMALINK, f'{PERMALINK} lang="{page_language(page.url)}"')
