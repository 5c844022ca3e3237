"""Corpus runs: the per-document pipeline as Dask tasks over partitions of the input, written
to Parquet shards (`cronica batch`), then loaded into a store and linked there (`cronica load`).
"""
