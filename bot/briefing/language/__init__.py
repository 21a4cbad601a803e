"""The language layer: a spaCy pipeline trained by `make model` on open treebanks."""
