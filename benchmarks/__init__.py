"""The performance figures (make bench) and the test tiers timed against their budgets (make budgets)."""
