# Mixing a tab and spaces for the same block.
def f(x):
    if x:
        return 1
	return 2

print(f(0))
