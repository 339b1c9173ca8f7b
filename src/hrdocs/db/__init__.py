"""The DuckDB database and Parquet files built from the package, and the locked-down connection to query them.

``hrdocs.db.build.build()`` writes them; ``hrdocs.db.connect.connect()`` (also ``hrdocs.connect()``) opens them.
Submodules are imported on use, so that importing ``hrdocs`` does not import DuckDB.
"""
