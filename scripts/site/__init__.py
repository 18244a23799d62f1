"""The site: its pages generated from the data package, the Data pages, the feeds, robots.txt and the one site map."""
