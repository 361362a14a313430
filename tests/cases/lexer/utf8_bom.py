# A UTF-8 byte-order mark before the first line is skipped.
print("bom", 1 + 1)
