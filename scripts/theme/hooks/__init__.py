"""MkDocs hooks, listed under `hooks:` in mkdocs.yml: each changes the pages as MkDocs builds them."""
