# The exit() builtin that scripts use to stop early, with an integer status.


def process(values):
    total = 0
    for v in values:
        if v is None:
            print("missing value, stopping with status 2")
            exit(2)
        total += v
        print("added", v, "total", total)
    return total


print("first batch:", process([1, 2, 3]))
print("second batch:", process([10, None, 30]))
print("never printed")
