"""The OWL ontology, SHACL shapes and SKOS vocabularies, as data files."""
