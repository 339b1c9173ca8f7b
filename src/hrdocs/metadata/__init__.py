"""The package's metadata model: datapackage.json and schemas/ read once, for every derived artifact."""

from hrdocs.metadata.model import Field, ForeignKey, Package, Table, load_package

__all__ = ["Field", "ForeignKey", "Package", "Table", "load_package"]
