# An assertion that fails inside a function and is not caught: traceback on stderr, exit status 1.

def mean(values):
    assert len(values) > 0, "mean() of an empty list"
    return sum(values) / len(values)


def report(groups):
    for name in groups:
        print(name, mean(groups[name]))


data = {"a": [1, 2, 3], "b": [10, 20], "c": []}
report(data)
print("never printed")
