# A byte that is not UTF-8, with no coding declaration: the file is rejected before parsing.
print("never printed")
name = "café"
