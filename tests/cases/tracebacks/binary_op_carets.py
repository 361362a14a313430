# The caret line under a binary operation whose operands are sub-expressions.

def ratio(a, b):
    return (a + 1) * 2 / (b - b)


def compute(values):
    out = []
    for v in values:
        out.append(ratio(v, v))
    return out


print("computing")
print(compute([1, 2, 3]))
