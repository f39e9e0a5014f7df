"""policy-kg: a knowledge graph of Chinese government policy documents.

Data flows one way: text -> records -> triples -> store -> queries/analyses -> views.
"""

from policykg.errors import CorpusError, PolicyKGError, Problem

__all__ = ["CorpusError", "PolicyKGError", "Problem"]
__version__ = "0.1.0"
