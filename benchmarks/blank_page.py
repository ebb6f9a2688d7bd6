"""A page with the overview's frame (title, demo banner) and nothing else: the floor."""

from components.page import start

start("page.overview")
