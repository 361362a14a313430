programs/julia_variants.py 30 30
