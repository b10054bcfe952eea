"""nato-timeline: news articles in, a dated, source-linked timeline out."""

__version__ = "0.2.0"
