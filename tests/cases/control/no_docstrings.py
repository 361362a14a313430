# A module without a docstring: __doc__ is None for the module and for undocumented functions.
x = "the first statement is an assignment, so there is no module docstring"

print(__doc__)
print(__doc__ is None, type(__doc__).__name__)
print(__name__)


def plain():
    return 1


def with_comment():
    # a comment is not a docstring
    return 2


def with_fstring_like():
    value = 3
    "expression statement after code"
    return value


lam = lambda: None

for f in (plain, with_comment, with_fstring_like, lam):
    print(f.__name__, repr(f.__doc__), f())

# assigning a docstring later
def late():
    return 4

late.__doc__ = "assigned afterwards"
print(late.__doc__, late())

# module globals include __doc__ and __name__
g = globals()
print("__doc__" in g, "__name__" in g, g["__doc__"], g["__name__"])

doc = __doc__
if doc is None:
    print("no module documentation")
else:
    print("documentation:", doc)
