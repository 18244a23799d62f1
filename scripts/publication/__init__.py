"""The publication policy: which releases a build publishes, rebuilt from which commit, and where; and cutting a release."""
