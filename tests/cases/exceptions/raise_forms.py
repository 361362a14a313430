# The different ways to raise: classes, instances, re-using instances, raising in expressions.

def raiser(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError("with message")
    if kind == 2:
        err = TypeError("prepared", 2)
        raise err
    if kind == 3:
        raise [KeyError, IndexError][1]("chosen by index")
    if kind == 4:
        raise NotImplementedError("abstract")
    if kind == 5:
        raise AssertionError("manual assertion")
    if kind == 6:
        raise RuntimeError("runtime %s %d" % ("issue", 6))
    if kind == 7:
        raise Exception(f"formatted {kind * 10:>5}|")
    return "no raise"


for kind in range(9):
    try:
        print(kind, raiser(kind))
    except Exception as e:
        print(kind, type(e).__name__, repr(e), "->", str(e))

# raising something that is not an exception
for bad in [5, "text", None, int]:
    try:
        raise bad
    except TypeError as e:
        print("TypeError:", e)

# the same instance raised twice keeps its args
shared = OverflowError("shared instance")
for attempt in range(2):
    try:
        raise shared
    except OverflowError as e:
        print(attempt, e is shared, e.args)

# raising inside a conditional expression via a helper
def fail(msg):
    raise ValueError(msg)


for x in [3, -3, 0]:
    try:
        r = x if x > 0 else fail("not positive: %d" % x)
        print("ok", r)
    except ValueError as e:
        print("fail:", e)

# assert statements
for v in [1, 0, "", [0], None]:
    try:
        assert v, "value %r is falsy" % (v,)
        print("assert passed for", repr(v))
    except AssertionError as e:
        print("AssertionError:", e, e.args)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(e), e.args)

# NameError / UnboundLocalError raised by the interpreter
def unbound():
    print(counter)
    counter = 1


try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
except NameError as e:
    print("NameError", e)

try:
    print(never_defined_anywhere)
except NameError as e:
    print(type(e).__name__, e)

x = 1
del x
try:
    x
except NameError as e:
    print("after del:", e)
