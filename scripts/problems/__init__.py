"""Problem codes: one stable name for each rule the validator, the build and `make release` enforce
(codes.yaml, read by codes.py), and the maintainers' catalogue of them (catalogue.py)."""
