"""Views for leaders: pyvis pages built from analysis results."""
