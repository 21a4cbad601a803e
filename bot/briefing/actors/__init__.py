"""Key actors: name mentions, canonical names, kinds, titles and salience."""
