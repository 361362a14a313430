# An unexpected indent is reported as IndentationError before anything runs.
def ok(a, b):
    return a + b

print("this line never runs", ok(1, 2))
x = 1
    y = 2
print(x, y)
