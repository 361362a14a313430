# return at module level.
x = 10
if x > 5:
    return x
print(x)
