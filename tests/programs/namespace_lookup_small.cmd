programs/namespace_lookup.py 500 2
