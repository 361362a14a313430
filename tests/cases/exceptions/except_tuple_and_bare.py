# except with tuples of types, bare except, and matching through the class hierarchy.

def classify(action):
    try:
        action()
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__ + ":" + str(e)
    except (ZeroDivisionError, OverflowError) as e:
        return "arith:" + type(e).__name__ + ":" + str(e)
    except (TypeError,) as e:
        return "type:" + str(e)
    except:
        return "bare except"
    return "no error"


actions = [
    lambda: {}["missing"],
    lambda: [1, 2, 3][10],
    lambda: (1, 2)[-3],
    lambda: 5 % 0,
    lambda: 2.5 // 0,
    lambda: 10.0 ** 400,
    lambda: len(5),
    lambda: int("nope"),
    lambda: None,
    lambda: "abc".index("z"),
]
for i, action in enumerate(actions):
    print(i, classify(action))

# a tuple held in a variable works the same way
errors = (ValueError, AssertionError)
for n in [-1, 0, 1, 2]:
    try:
        assert n != 0, "zero is not allowed"
        if n < 0:
            raise ValueError("negative: %d" % n)
        print("fine", n)
    except errors as e:
        print("caught", type(e).__name__, e)

# the tuple can be built at run time
chosen = tuple([ZeroDivisionError, IndexError] + [KeyError])
for thing in [lambda: 1 // 0, lambda: [][1], lambda: {}[()]]:
    try:
        thing()
    except chosen as e:
        print("computed tuple caught", type(e).__name__, repr(e))

# the base class catches the subclass
for exc in [ZeroDivisionError("z"), OverflowError("o"), KeyError("k"), IndexError("i")]:
    try:
        raise exc
    except ArithmeticError as e:
        print("ArithmeticError handler:", type(e).__name__, e)
    except LookupError as e:
        print("LookupError handler:", type(e).__name__, e)

# bare except catches anything, including raised classes
try:
    raise RuntimeError
except:
    print("bare except caught a class raise")

# an exception type given as class, not instance
try:
    raise ValueError
except ValueError as e:
    print("instance made from class:", repr(e), e.args, "str=%r" % str(e))

# handlers that do not match let the exception through
try:
    try:
        [].pop()
    except (KeyError, ValueError):
        print("wrong handler")
except IndexError as e:
    print("outer got", e)
