# The args attribute, str() and repr() of exception objects.

samples = [
    ValueError(),
    ValueError("msg"),
    ValueError("two", "args"),
    ValueError(42),
    ValueError(""),
    ValueError(None),
    ValueError("quote's"),
    ValueError('dq"'),
    ValueError("multi\nline"),
    ValueError("ünïcödé ∑"),
    TypeError(1, 2, 3),
    IndexError("list index out of range"),
    ZeroDivisionError("division by zero"),
    OverflowError(-1.5),
    AssertionError(),
    AssertionError("check failed"),
    RuntimeError([1, 2]),
    NameError("name 'x' is not defined"),
    AttributeError("no attr"),
    Exception((1, 2)),
    Exception(10 ** 30),
    BaseException("base"),
    StopIteration(),
    KeyboardInterrupt(),
    SystemExit(3),
    ArithmeticError("arith"),
    LookupError("lookup"),
]
for exc in samples:
    print(type(exc).__name__, "| args:", exc.args, "| str:", str(exc), "| repr:", repr(exc))

# args of caught builtin errors
caught = []
for fn in [lambda: 1 / 0, lambda: [][0], lambda: {}["k"], lambda: int("z"), lambda: "a" + 1]:
    try:
        fn()
    except Exception as e:
        caught.append(e)
for e in caught:
    print(type(e).__name__, e.args, repr(e))

# args is a tuple and can be inspected
e = ValueError("code", 404, [1, 2])
print(len(e.args), e.args[0], e.args[1] + 1, e.args[-1])
code, status, extra = e.args
print(code, status, extra)

# formatting exceptions in f-strings and with %
e = KeyError("missing")
print(f"{e}|{e!r}|{e!s}")
print("%s / %r" % (e, e))
print("error: " + str(OverflowError("too big")))

# an exception in a container shows its repr
print([ValueError("a"), TypeError()])
print((IndexError(0),))
print({"err": ZeroDivisionError("z")})

# exception types themselves
print(ValueError, repr(TypeError), str(KeyError))
print(ValueError.__name__, type(ValueError("x")) is ValueError)
