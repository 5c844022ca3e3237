"""ACLED's conventions shared by the ACLED-style export, `cronica import-acled` and
`cronica eval acled`: country codes and regions (countries.py), the codebook's code sets
(codebook.py) and the reader of ACLED's CSV files (rows.py)."""
