# Exceptions raised deep in a call chain and caught at different levels.

def a(x):
    return b(x) + 1


def b(x):
    return c(x) * 2


def c(x):
    if x < 0:
        raise ValueError("negative input: " + str(x))
    if x == 0:
        return 1 // x
    return [10, 20, 30][x]


for x in [1, 2, 0, -5, 3]:
    try:
        print("a(%d) =" % x, a(x))
    except ValueError as e:
        print("ValueError", e)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    except IndexError as e:
        print("IndexError", e)


def safe(fn, *args, default=None, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception as e:
        print("  safe():", type(e).__name__ + ":", e)
        return default


print(safe(int, "ff", 16))
print(safe(int, "ff"))
print(safe(int, "12", base=3, default=-1))
print(safe(max, [], default=0))
print(safe(divmod, 7, 0, default=(0, 0)))
print(safe(pow, 0, -1))
print(safe(sorted, [3, "a", 1]))
print(safe(sum, ["a", "b"]))
print(safe(dict, [(1, 2), (3,)]))
print(safe(round, "1.5"))
print(safe(chr, -1))
print(safe(chr, 0x110000))
print(safe(ord, "ab"))


# a function that catches, cleans up, and re-raises a different error
def load(records, key):
    try:
        return records[key]
    except KeyError:
        raise LookupError("record %r not found among %d" % (key, len(records)))


records = {"x": 1, "y": 2}
for key in ["x", "z", ("t", 1)]:
    try:
        print(key, load(records, key))
    except LookupError as e:
        print(type(e).__name__, e, "| context:", repr(e.__context__))


# exceptions propagate out of generator-free recursion and out of lambdas
def apply_all(funcs, value):
    out = []
    for f in funcs:
        out.append(f(value))
    return out


try:
    apply_all([abs, lambda v: v * 2, lambda v: v / (v - v)], 4)
except ZeroDivisionError as e:
    print("from lambda:", e)
