"""Asking the graph: SPARQL catalogue, runner and networkx analyses."""
