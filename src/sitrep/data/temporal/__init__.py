"""Word lists and regular expressions for temporal expressions (see ``lexicon``)."""
