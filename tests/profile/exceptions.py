# Hit counts around exceptions: handled in the same frame, raised by a callee, propagating
# out of a profiled function, finally clauses, with statements, and a raise inside a loop.
try:
    profile
except NameError:
    def profile(func):
        return func


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@profile
def fails(x):
    if x > 2:
        raise ValueError(x)
    return x


@profile
def handled(values):
    good, bad = 0, 0
    for v in values:
        try:
            fails(v)
            good += 1
        except ValueError:
            bad += 1
        else:
            good += 0
        finally:
            good += 0
    return good, bad


@profile
def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
    finally:
        a = 0


@profile
def with_block():
    with Resource() as r:
        x = 1
    try:
        with Resource():
            raise KeyError("k")
    except KeyError as e:
        x = str(e)
    return x


@profile
def propagate(n):
    total = 0
    total += fails(n)
    return total


print(handled([1, 2, 3, 4, 1]))
print(divide(1, 2), divide(1, 0))
print(with_block())
try:
    propagate(5)
except ValueError as e:
    print("caught", e)
print(propagate(1))
