# An exception escaping a closing generator has nowhere to go: CPython reports it on stderr
# ("Exception ignored in") and the program goes on.
def g():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


x = g()
next(x)
del x
print("still running")
