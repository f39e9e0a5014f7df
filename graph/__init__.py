"""From text to RDF: reading, outlines, extractors, the mapping to triples, the store, the build."""
