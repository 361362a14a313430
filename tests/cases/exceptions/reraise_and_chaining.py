# Re-raising with bare raise, raise ... from ..., and the __cause__/__context__ attributes.

def parse(text):
    try:
        return int(text)
    except ValueError:
        print("  parse: logging and re-raising")
        raise


for t in ["42", "-7", "forty"]:
    try:
        print("parsed", parse(t))
    except ValueError as e:
        print("caller got:", e)

# raise from sets __cause__ and suppresses the context display
def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise ValueError("unknown key " + repr(key)) from e


try:
    lookup({"a": 1}, "b")
except ValueError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress_context:", e.__suppress_context__)

# implicit chaining: __context__ only
try:
    try:
        [][0]
    except IndexError:
        None + 1
except TypeError as e:
    print(type(e).__name__, e)
    print("cause:", e.__cause__)
    print("context:", type(e.__context__).__name__, e.__context__)
    print("suppress_context:", e.__suppress_context__)

# raise ... from None
try:
    try:
        {}[1]
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

# a fresh exception has no chain
e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__)

# bare raise re-raises the exception being handled, even from a nested function call
def reraiser():
    raise

try:
    try:
        raise OverflowError("deep")
    except OverflowError:
        reraiser()
except OverflowError as e:
    print("re-raised through a call:", e)

# bare raise with no active exception
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

# three-level chain
try:
    try:
        try:
            1 / 0
        except ZeroDivisionError as a:
            raise KeyError("level2") from a
    except KeyError as b:
        raise IndexError("level3")
except IndexError as c:
    chain = []
    cur = c
    while cur is not None:
        chain.append(type(cur).__name__ + "(" + str(cur) + ")")
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))
