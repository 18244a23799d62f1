"""The look and the head of every page: MkDocs hooks (hooks/) and Material template overrides (overrides/)."""
