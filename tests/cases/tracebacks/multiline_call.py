# The failing call spans several lines; the traceback shows the lines of the expression.

def combine(a, b, c, scale=1):
    return (a + b + c) * scale


print(combine(1, 2, 3))
print(combine(1,
              2,
              3, scale=10))
result = combine(
    10,
    "twenty",
    30,
)
print(result)
