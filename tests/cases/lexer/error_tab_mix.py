# Tabs and spaces mixed inconsistently give TabError.
def f(x):
    if x:
	return 1
    return 0

print(f(1))
