# coding: us-ascii
# A declared ASCII file with a byte outside ASCII: CPython names the declaration.
x = "café"
