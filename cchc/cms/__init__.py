"""Editing in a browser: Decap CMS served at /quan-tri/, its form made from the content kinds' declarations."""
