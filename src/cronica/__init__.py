"""cronica: conflict reports to a sourced, geocoded event dataset."""
__version__ = "0.1.0"
